package kr.seoullearn.functions.recruitment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.platform.csv.CsvErrors;
import kr.seoullearn.platform.csv.CsvRows;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.dynamo.BoundedWrites;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Nomination;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/**
 * POST /api/recruitment/nominations/import: a recruitment admin uploads, for a partner university,
 * a CSV file of students it nominates into the open round (docs/adr/0042). The whole file is
 * checked first (the course import's parser, limits and {@code errors[]}); nothing is written
 * unless every line is right. Each new nomination and its invitation (an e-mail in the nominee's
 * language through the outbox) are one transaction conditioned on the round having no nomination
 * of that address, so a file sent again, a retry or two uploads at once write each once
 * ({@code created}/{@code unchanged}). Nobody becomes a mentor by it. Logs and the audit entry
 * carry counts and the file's digest only — never a name or an address.
 */
final class NominationImport extends RecruitmentJob {
    /** The course import's limits and reasoning (docs/adr/0042): one transaction per line, all within the function's time. */
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ROWS = 200;
    static final int PARALLEL_WRITES = 4;
    static final List<String> COLUMNS = List.of("name", "email", "university", "subjects", "language");
    private static final List<String> REQUIRED = List.of("name", "email", "university");
    static final int MAX_EMAIL = 254;
    /** An address as mail systems take it: a plain local part, a domain of labels with a letters-only top level. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}");
    private static final Pattern SUBJECT_SEPARATOR = Pattern.compile("[;|/\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Log LOG = Log.of(NominationImport.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String webOrigin;

    NominationImport(RecruitmentLedger ledger, Clock clock, String webOrigin) {
        super(ledger, clock);
        this.webOrigin = webOrigin == null ? "" : webOrigin.replaceAll("/+$", "");
    }

    /** A line as checked: who, by which university, what they are good at, in which language to write. */
    record Line(String name, String email, String university, Set<MentoringSubject> subjects, Language language) {
    }

    Map<String, Object> run(Caller caller, String contentType, String csv, Language language) {
        caller.require(Role.REVIEWER, Role.ADMIN);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.UNSUPPORTED_MEDIA_TYPE);
        }
        if (csv == null || csv.isBlank()) {
            throw new ProblemException(Problem.BAD_REQUEST_BODY_MISSING);
        }
        String importId = digest(csv);
        List<Line> lines = check(csv, language);
        TenantId tenant = caller.tenant();
        Round round = openRound(tenant);
        Instant at = clock.instant();
        int created = 0;
        for (boolean written : BoundedWrites.each(lines, PARALLEL_WRITES, line -> write(tenant, round, line, caller.userId(), at))) {
            if (written) {
                created++;
            }
        }
        int unchanged = lines.size() - created;
        if (created > 0) {
            Map<String, String> counts = new LinkedHashMap<>();
            counts.put("rows", Integer.toString(lines.size()));
            counts.put("created", Integer.toString(created));
            counts.put("unchanged", Integer.toString(unchanged));
            ledger.recordNominationImport(tenant, importId, round.id(), counts, caller.userId(), at);
        }
        LOG.info("nominations imported", "tenant", tenant.value(), "roundId", round.id(), "importId", importId,
                "rows", lines.size(), "created", created, "unchanged", unchanged);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", importId);
        body.put("roundId", round.id());
        body.put("rows", lines.size());
        body.put("created", created);
        body.put("unchanged", unchanged);
        return body;
    }

    /** The open round nominations go into: the newest one taking applications today (409 when none is). */
    private Round openRound(TenantId tenant) {
        LocalDate today = today();
        return ledger.rounds(tenant).stream().filter(r -> r.openOn(today)).findFirst()
                .orElseThrow(() -> new ProblemException(RecruitmentRefusal.NO_OPEN_ROUND));
    }

    private boolean write(TenantId tenant, Round round, Line line, String by, Instant at) {
        String key = EmailKey.of(line.email());
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        Nomination n = new Nomination(tenant, round.id(), key, line.name(), line.email(), line.university(), line.subjects(),
                line.language(), HexFormat.of().formatHex(secret), by, at, Nomination.expiry(round.closesOn()), null);
        Map<String, String> params = new HashMap<>();
        params.put("university", line.university());
        params.put("roundName", round.name());
        params.put("closesOn", round.closesOn().toString());
        params.put("link", link(round, n));
        Notice invitation = Notice.of(tenant, NoticeKind.MENTOR_NOMINATED, round.id() + ":" + key, n.recipientId(), params, at);
        return ledger.nominate(n, invitation);
    }

    /** The application form of the round, with the university filled in and the nomination's token (docs/adr/0042). */
    String link(Round round, Nomination n) {
        return webOrigin + "/#/recruitment/apply/" + round.id() + "/nominated/" + n.token() + "/"
                + URLEncoder.encode(n.university(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The whole file checked: its lines, or a 400 listing every wrong cell. */
    List<Line> check(String csv, Language language) {
        CsvErrors errors = new CsvErrors(language);
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.parse(csv, MAX_ROWS + 1);
        } catch (CsvRows.Malformed e) {
            errors.reject(e.line, "file", "malformed-csv");
            throw errors.refused();
        }
        if (rows.isEmpty()) {
            errors.reject(1, "file", "no-nomination-rows");
            throw errors.refused();
        }
        CsvRows.Row header = rows.get(0);
        Map<String, Integer> columnAt = errors.header(header, COLUMNS, REQUIRED);
        errors.throwIfAny();
        List<CsvRows.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            errors.reject(header.line(), "file", "no-nomination-rows");
            throw errors.refused();
        }
        if (data.size() > MAX_ROWS) {
            errors.reject(data.get(MAX_ROWS).line(), "file", "too-many-nomination-rows");
            throw errors.refused();
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (CsvRows.Row row : data) {
            if (row.cells().size() != header.cells().size()) {
                errors.reject(row.line(), "file", "wrong-cell-count");
                continue;
            }
            Map<String, String> cell = new HashMap<>();
            columnAt.forEach((column, i) -> cell.put(column, row.cells().get(i).strip()));
            boolean ok = true;
            String name = cell.get("name");
            ok &= text(errors, row.line(), "name", name, RecruitmentFields.MAX_NAME);
            String university = cell.get("university");
            ok &= text(errors, row.line(), "university", university, RecruitmentFields.MAX_TEXT);
            String email = cell.get("email");
            if (email == null || email.isEmpty()) {
                errors.reject(row.line(), "email", "required");
                ok = false;
            } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.reject(row.line(), "email", "invalid-email");
                ok = false;
            } else if (!seen.add(EmailKey.normalise(email))) {
                errors.reject(row.line(), "email", "duplicate-email");
                ok = false;
            }
            Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
            String given = cell.getOrDefault("subjects", "");
            if (!given.isEmpty()) {
                for (String s : SUBJECT_SEPARATOR.split(given)) {
                    if (s.isEmpty()) {
                        continue;
                    }
                    var subject = MentoringSubject.parse(s.toUpperCase(Locale.ROOT).replace('-', '_'));
                    if (subject.isEmpty()) {
                        errors.reject(row.line(), "subjects", "invalid-value");
                        ok = false;
                        break;
                    }
                    subjects.add(subject.get());
                }
            }
            String tag = cell.getOrDefault("language", "");
            Language lang = tag.isEmpty() ? Language.DEFAULT : Language.fromTag(tag);
            if (lang == null || (!tag.isEmpty() && !lang.tag().equalsIgnoreCase(tag))) {
                errors.reject(row.line(), "language", "invalid-value");
                ok = false;
            }
            if (ok) {
                lines.add(new Line(name, EmailKey.normalise(email), university, subjects, lang));
            }
        }
        errors.throwIfAny();
        return lines;
    }

    private static boolean text(CsvErrors errors, int line, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.reject(line, field, "required");
            return false;
        }
        if (value.length() > max) {
            errors.reject(line, field, "too-long");
            return false;
        }
        if (CONTROL.matcher(value).find()) {
            errors.reject(line, field, "invalid-value");
            return false;
        }
        return true;
    }

    /** The file's name in the answer, the log and the audit trail: 16 hex digits of its SHA-256. */
    static String digest(String csv) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

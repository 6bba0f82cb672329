package kr.seoullearn.functions.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.platform.csv.CsvRows;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.dynamo.BoundedWrites;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.ProblemMessages;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * POST /api/admin/courses/import: the catalogue operators add or change many courses from one
 * CSV file (docs/adr/0042). The whole file is checked first — its header, then every row as
 * {@code PUT /api/admin/courses/{courseId}} checks one course, a course id given twice, the
 * providers each row names — and every wrong cell is answered at once (400 validation-failed,
 * {@code errors[]} of line, column, code and a message in the caller's language); nothing is
 * written unless every row is right. Then each course goes through the single-course write path
 * ({@link CatalogAdmin#saveCourse(Course, String, java.time.Instant)}: its items, title-word
 * postings and word counts in one transaction, with its audit entry), so an imported course is
 * found by search exactly as one added by hand.
 *
 * <p>Idempotent by the natural key, the course id: a course already as the row says is left
 * alone (unchanged), so the same file again, or a retry after a timeout, writes nothing twice;
 * two imports at once race on the course record's condition, and the loser reads again and finds
 * it unchanged. Never logs a cell (lecturers' names are in them): counts and a digest only.
 */
final class CourseImport {
    /** Largest file taken (well under Lambda's 6 MB request payload, even base64-encoded). */
    static final int MAX_BYTES = 256 * 1024;
    /** Most course rows of one file: each is one transaction, and all must finish within the function's 15 s. */
    static final int MAX_ROWS = 200;
    /** Courses written at once (each its own transaction; races on shared word counts are retried). */
    static final int PARALLEL_WRITES = 4;
    /** Tries of one course when another import wrote it in between. */
    static final int TRIES = 3;
    /** The columns, in the order of the template a page offers; the header may put them in any order. */
    static final List<String> COLUMNS = List.of("courseId", "providerId", "level", "grade", "subject", "titleKo", "titleEn",
            "lecturerKo", "lecturerEn", "minutes", "lessons");
    private static final List<String> REQUIRED = List.of("courseId", "providerId", "level", "subject", "titleKo", "titleEn",
            "minutes", "lessons");
    private static final List<String> NUMBERS = List.of("grade", "minutes", "lessons");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Log LOG = Log.of(CourseImport.class);

    private final CatalogAdmin catalogue;
    private final Clock clock;

    CourseImport(CatalogAdmin catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A checked file: its courses, in file order. */
    record Checked(List<Course> courses) {
    }

    Map<String, Object> run(Caller caller, String contentType, String csv, Language language) {
        CatalogManagement.requireOperator(caller);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.UNSUPPORTED_MEDIA_TYPE);
        }
        if (csv == null || csv.isBlank()) {
            throw new ProblemException(Problem.BAD_REQUEST_BODY_MISSING);
        }
        String importId = digest(csv);
        Checked checked = check(csv, language);
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        java.time.Instant at = clock.instant();
        for (String outcome : BoundedWrites.each(checked.courses(), PARALLEL_WRITES, c -> write(c, caller.userId(), at))) {
            switch (outcome) {
                case "created" -> created++;
                case "changed" -> changed++;
                default -> unchanged++;
            }
        }
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("rows", Integer.toString(checked.courses().size()));
        counts.put("created", Integer.toString(created));
        counts.put("changed", Integer.toString(changed));
        counts.put("unchanged", Integer.toString(unchanged));
        if (created + changed > 0) {
            catalogue.recordCourseImport(importId, counts, caller.userId(), at);
        }
        LOG.info("courses imported", "importId", importId, "rows", checked.courses().size(), "created", created,
                "changed", changed, "unchanged", unchanged);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", importId);
        body.put("rows", checked.courses().size());
        body.put("created", created);
        body.put("changed", changed);
        body.put("unchanged", unchanged);
        return body;
    }

    /** One course through the single-course path; "unchanged" when it already is as the row says (also after losing a race). */
    private String write(Course c, String by, java.time.Instant at) {
        for (int attempt = 1; ; attempt++) {
            Optional<Course> now = catalogue.course(c.id());
            if (now.isPresent() && now.get().equals(c)) {
                return "unchanged";
            }
            try {
                // on the state just read: if another import wrote it in between, read again
                catalogue.saveCourse(c, now, by, at);
                return now.isPresent() ? "changed" : "created";
            } catch (ProblemException e) {
                if (e.problem() != Problem.VERSION_CONFLICT || attempt >= TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The whole file checked: its courses, or a 400 listing every wrong cell. */
    Checked check(String csv, Language language) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.parse(csv, MAX_ROWS + 1);
        } catch (CsvRows.Malformed e) {
            add(errors, e.line, "file", "malformed-csv", language);
            throw refused(errors);
        }
        if (rows.isEmpty()) {
            add(errors, 1, "file", "no-rows", language);
            throw refused(errors);
        }
        CsvRows.Row header = rows.get(0);
        Map<String, Integer> columnAt = header(header, errors, language);
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<CsvRows.Row> data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            add(errors, header.line(), "file", "no-rows", language);
            throw refused(errors);
        }
        if (data.size() > MAX_ROWS) {
            add(errors, data.get(MAX_ROWS).line(), "file", "too-many-rows", language);
            throw refused(errors);
        }
        List<Course> courses = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        Map<String, Optional<Provider>> providers = new HashMap<>();
        for (CsvRows.Row row : data) {
            if (row.cells().size() != header.cells().size()) {
                add(errors, row.line(), "file", "wrong-cell-count", language);
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            columnAt.forEach((column, at) -> {
                String v = row.cells().get(at).strip();
                if (!v.isEmpty()) {
                    body.put(column, NUMBERS.contains(column) && WHOLE.matcher(v).matches() ? Integer.valueOf(v) : v);
                }
            });
            String courseId = body.remove("courseId") instanceof String s ? s : null;
            FieldErrors rowErrors = new FieldErrors();
            Course course = CatalogManagement.courseOf(courseId, body, rowErrors);
            // the provider is checked even when other cells are wrong: every wrong cell at once
            String providerId = body.get("providerId") instanceof String p && Provider.isValidId(p.strip()) ? p.strip() : null;
            SchoolLevel level = levelOf(body.get("level"));
            if (providerId != null && level != null) {
                Provider provider = providers.computeIfAbsent(providerId, catalogue::provider).orElse(null);
                CatalogManagement.providerServes(provider, level, rowErrors);
            }
            if (courseId != null && Course.isValidId(courseId)) {
                Integer first = firstLineOf.putIfAbsent(courseId, row.line());
                if (first != null) {
                    rowErrors.add("courseId", "duplicate-row");
                }
            }
            for (Map<String, Object> e : rowErrors.list()) {
                add(errors, row.line(), (String) e.get("field"), (String) e.get("code"), language);
            }
            if (rowErrors.isEmpty() && course != null) {
                courses.add(course);
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return new Checked(courses);
    }

    private static SchoolLevel levelOf(Object given) {
        for (SchoolLevel l : SchoolLevel.values()) {
            if (l.name().equals(given)) {
                return l;
            }
        }
        return null;
    }

    /** The header's columns (any order, any case): every required one present, none unknown or twice. */
    private static Map<String, Integer> header(CsvRows.Row header, List<Map<String, Object>> errors, Language language) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (column == null) {
                add(errors, header.line(), columnLabel(i), "unknown-column", language);
            } else if (at.putIfAbsent(column, i) != null) {
                add(errors, header.line(), column, "duplicate-column", language);
            }
        }
        for (String c : REQUIRED) {
            if (!at.containsKey(c)) {
                add(errors, header.line(), c, "missing-column", language);
            }
        }
        return at;
    }

    /** An unknown column is named by its position: its header text is the sender's, never echoed. */
    private static String columnLabel(int index) {
        return "column " + (index + 1);
    }

    private static void add(List<Map<String, Object>> errors, int line, String field, String code, Language language) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("line", line);
        e.put("field", field);
        e.put("code", code);
        e.put("message", ProblemMessages.field(code, language));
        errors.add(e);
    }

    private static ProblemException refused(List<Map<String, Object>> errors) {
        return new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", List.copyOf(errors)));
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

package kr.seoullearn.functions.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.ProblemMessages;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Mentor recruitment (issue 11, docs/adr/0014). Applicants check their eligibility and apply in
 * an open round with their two verified documents; reviewers score and decide; selecting one is a
 * transaction held by the round's target, then the person joins the {@code mentors} group (their
 * next token carries it). Mentors near the end of their term ask to renew; reviewers decide.
 * Every refusal is a problem and writes nothing; the tenant is always the token's.
 */
public final class Recruitment {
    static final int MAX_TEXT = 100;
    static final int MAX_STATEMENT = 1000;
    static final int MAX_NAME = 50;
    static final int MAX_TARGET = 5000;
    static final int MAX_REASON = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Log LOG = Log.of(Recruitment.class);

    static final Set<String> FACT_FIELDS = Set.of("schoolType", "enrolmentState", "birthDate", "lastGrade");
    static final Set<String> APPLICATION_FIELDS = Set.of("name", "university", "programme", "year", "schoolType", "enrolmentState",
            "birthDate", "lastGrade", "subjects", "levels", "languages", "availability", "commitmentSemesters", "mode", "statement",
            "formerLearner", "educationMajor", "enrolmentDocumentId", "transcriptDocumentId");
    static final Set<String> ROUND_FIELDS = Set.of("name", "opensOn", "closesOn", "target", "criteria");
    static final Set<String> SCORE_FIELDS = Set.of("scores", "version");
    static final Set<String> DECISION_FIELDS = Set.of("decision", "reason");
    static final Set<String> RENEWAL_DECISION_FIELDS = Set.of("decision");

    private final RecruitmentLedger ledger;
    private final MentoringLedger mentoring;
    private final GroupMembership groups;
    private final String userPoolId;
    private final Clock clock;

    public Recruitment(RecruitmentLedger ledger, MentoringLedger mentoring, GroupMembership groups, String userPoolId, Clock clock) {
        this.ledger = ledger;
        this.mentoring = mentoring;
        this.groups = groups;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BookingRules.SEOUL));
    }

    // ------------------------------------------------------------------ rounds

    /** GET /api/recruitment/rounds: 1 Query of the index. */
    Map<String, Object> rounds(Caller caller) {
        caller.require(Role.APPLICANT, Role.LEARNER, Role.MENTOR, Role.REVIEWER, Role.ADMIN);
        LocalDate today = today();
        return Map.of("rounds", ledger.rounds(caller.tenant()).stream().map(r -> RecruitmentView.round(r, today)).toList());
    }

    /** POST /api/recruitment/rounds {name, opensOn, closesOn, target, criteria}: 1 conditional PutItem. */
    Map<String, Object> createRound(Caller caller, Map<String, Object> body) {
        caller.require(Role.REVIEWER, Role.ADMIN);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        unknown(body, ROUND_FIELDS, errors);
        String name = text(body, "name", MAX_TEXT, errors);
        LocalDate opensOn = date(body, "opensOn", errors);
        LocalDate closesOn = date(body, "closesOn", errors);
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            errors.add("closesOn", "before-opens-on");
        }
        int target = whole(body, "target", 1, MAX_TARGET, errors);
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        if (body.get("criteria") != null) {
            if (!(body.get("criteria") instanceof List<?> list)) {
                errors.add("criteria", "invalid-value");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    int at = i;
                    Criterion.parse(list.get(i)).ifPresentOrElse(criteria::add, () -> errors.add("criteria[" + at + "]", "invalid-value"));
                }
            }
        } else {
            criteria.addAll(EnumSet.allOf(Criterion.class));
        }
        errors.throwIfAny();
        Round round = new Round(caller.tenant(), UUID.randomUUID().toString(), name, opensOn, closesOn, target, 0, criteria,
                caller.userId(), clock.instant());
        ledger.createRound(round);
        LOG.info("round created", "tenant", caller.tenant().value(), "roundId", round.id(), "target", target);
        return RecruitmentView.round(round, today());
    }

    // ------------------------------------------------------------------ applying

    /**
     * POST /api/recruitment/eligibility {schoolType, enrolmentState, birthDate, lastGrade}: the
     * tenant's rules in force today (1 Query), before anything is written or uploaded.
     */
    Map<String, Object> checkEligibility(Caller caller, Map<String, Object> body, Language language) {
        caller.require(Role.APPLICANT, Role.LEARNER);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        unknown(body, FACT_FIELDS, errors);
        RecruitmentRules.Facts facts = facts(body, errors);
        errors.throwIfAny();
        RecruitmentRules rules = rulesInForce(caller.tenant());
        refuseIfIneligible(rules, facts, language);
        return Map.of("eligible", true, "rulesId", rules.id());
    }

    /**
     * POST /api/recruitment/rounds/{roundId}/applications: 1 GetItem (round) + 1 Query (rules) +
     * 2 GetItems (documents) + 1 conditional PutItem (one application per person and round).
     */
    Map<String, Object> apply(Caller caller, String roundId, Map<String, Object> body, Language language) {
        caller.require(Role.APPLICANT, Role.LEARNER);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        unknown(body, APPLICATION_FIELDS, errors);
        String name = text(body, "name", MAX_NAME, errors);
        String university = text(body, "university", MAX_TEXT, errors);
        String programme = text(body, "programme", MAX_TEXT, errors);
        int year = whole(body, "year", 1, 10, errors);
        RecruitmentRules.Facts facts = facts(body, errors);
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        list(body, "subjects", MentoringSubject.values().length, errors, v -> MentoringSubject.parse(v).map(subjects::add).isPresent());
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        list(body, "levels", 4, errors, v -> level(v).map(levels::add).isPresent());
        Set<Language> languages = EnumSet.noneOf(Language.class);
        list(body, "languages", Language.values().length, errors, v -> language(v).map(languages::add).isPresent());
        List<Availability.Window> availability = Availability.parseWindows("availability", body.get("availability"),
                Availability.MAX_WINDOWS, errors);
        if (availability.isEmpty() && body.get("availability") instanceof List<?> l && l.isEmpty()) {
            errors.add("availability", "required");
        }
        int commitment = whole(body, "commitmentSemesters", 1, 8, errors);
        String mode = body.get("mode") instanceof String m && MentorApplication.MODES.contains(m) ? m : null;
        if (mode == null) {
            errors.add("mode", body.get("mode") == null ? "required" : "invalid-value");
        }
        String statement = text(body, "statement", MAX_STATEMENT, errors);
        boolean formerLearner = flag(body, "formerLearner", errors);
        boolean educationMajor = flag(body, "educationMajor", errors);
        String enrolmentDoc = documentId(body, "enrolmentDocumentId", errors);
        String transcriptDoc = documentId(body, "transcriptDocumentId", errors);
        errors.throwIfAny();

        TenantId tenant = caller.tenant();
        Round round = round(tenant, roundId);
        LocalDate today = today();
        if (!round.openOn(today)) {
            throw new ProblemException(round.full() ? Problem.ROUND_FULL : Problem.ROUND_CLOSED);
        }
        RecruitmentRules rules = rulesInForce(tenant);
        refuseIfIneligible(rules, facts, language);
        List<String> missing = new ArrayList<>();
        if (!verified(tenant, caller.userId(), enrolmentDoc, DocumentKind.ENROLMENT_PROOF)) {
            missing.add("enrolmentDocumentId");
        }
        if (!verified(tenant, caller.userId(), transcriptDoc, DocumentKind.TRANSCRIPT)) {
            missing.add("transcriptDocumentId");
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(Problem.MENTOR_DOCUMENTS_MISSING, Map.of("fields", missing));
        }
        Instant now = clock.instant();
        MentorApplication a = new MentorApplication(tenant, round.id(), caller.userId(), caller.username(), name, university, programme,
                year, facts.schoolType(), facts.enrolmentState(), facts.birthDate(), facts.lastGrade(), subjects, levels, languages,
                availability, commitment, mode, statement, formerLearner, educationMajor, enrolmentDoc, transcriptDoc,
                MentorApplication.Status.SUBMITTED, Map.of(), null, null, null, null, now, 0);
        ledger.submit(a);
        LOG.info("mentor application submitted", "tenant", tenant.value(), "roundId", round.id());
        return RecruitmentView.forApplicant(a, round, today);
    }

    /** GET /api/recruitment/applications/mine: 1 Query (own partition) + 1 GetItem per round + the mentor's term. */
    Map<String, Object> mine(Caller caller) {
        caller.require(Role.APPLICANT, Role.LEARNER, Role.MENTOR);
        TenantId tenant = caller.tenant();
        LocalDate today = today();
        List<Map<String, Object>> applications = new ArrayList<>();
        for (MentorApplication a : ledger.applicationsOf(tenant, caller.userId())) {
            applications.add(RecruitmentView.forApplicant(a, ledger.round(tenant, a.roundId()).orElse(null), today));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applications", applications);
        if (caller.has(Role.MENTOR)) {
            mentoring.mentor(tenant, caller.userId()).filter(m -> m.termEnds() != null).ifPresent(m -> {
                Map<String, Object> term = new LinkedHashMap<>();
                term.put("termEnds", m.termEnds().toString());
                term.put("readUntil", m.readUntil() == null ? null : m.readUntil().toString());
                term.put("ended", m.termEndedOn(today));
                rulesOn(tenant, today).ifPresent(r -> term.put("renewalOpen", r.renewalOpen(m.termEnds(), today)));
                ledger.renewal(tenant, m.userId(), m.termEnds()).ifPresent(r -> term.put("renewal", r.status()));
                term.values().removeIf(java.util.Objects::isNull);
                body.put("term", term);
            });
        }
        return body;
    }

    // ------------------------------------------------------------------ reviewing

    /** GET /api/recruitment/rounds/{roundId}/applications: 1 GetItem (round) + 1 Query, best total first. */
    Map<String, Object> roundApplications(Caller caller, String roundId) {
        caller.require(Role.REVIEWER);
        Round round = round(caller.tenant(), roundId);
        List<MentorApplication> all = new ArrayList<>(ledger.applications(caller.tenant(), round.id()));
        all.sort(Comparator.comparingInt(MentorApplication::total).reversed().thenComparing(MentorApplication::submittedAt));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("round", RecruitmentView.round(round, today()));
        body.put("applications", all.stream().map(a -> RecruitmentView.forReviewer(a, round)).toList());
        return body;
    }

    /** POST …/applications/{userId}/scores {scores: {CRITERION: 0–5}, version}: 2 GetItems + 1 conditional UpdateItem. */
    Map<String, Object> score(Caller caller, String roundId, String userId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        unknown(body, SCORE_FIELDS, errors);
        long version = errors.version(body);
        Map<String, Integer> scores = new HashMap<>();
        Map<String, Object> given = body.get("scores") instanceof Map<?, ?> m ? castMap(m) : null;
        if (given == null) {
            errors.add("scores", body.get("scores") == null ? "required" : "invalid-value");
        } else {
            given.forEach((k, v) -> {
                if (Criterion.parse(k).isEmpty()) {
                    errors.add("scores." + k, "unknown-field");
                } else if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 0
                        || n.intValue() > Criterion.MAX_SCORE) {
                    errors.add("scores." + k, "out-of-range");
                } else {
                    scores.put(k, n.intValue());
                }
            });
        }
        errors.throwIfAny();
        Round round = round(caller.tenant(), roundId);
        for (String k : scores.keySet()) {
            if (!round.criteria().contains(Criterion.valueOf(k))) {
                errors.add("scores." + k, "not-a-criterion-of-round");
            }
        }
        errors.throwIfAny();
        MentorApplication a = application(caller.tenant(), round.id(), userId);
        MentorApplication scored = ledger.score(a, scores, caller.userId(), version);
        LOG.info("mentor application scored", "tenant", caller.tenant().value(), "roundId", round.id(), "total", scored.total());
        return RecruitmentView.forReviewer(scored, round);
    }

    /**
     * POST …/applications/{userId}/decision {decision: SELECT|REJECT, reason}: selecting is one
     * transaction (round under its target, application still SUBMITTED, mentor profile and term),
     * then AdminAddUserToGroup mentors. A retried SELECT of an already selected applicant only
     * adds the group again (idempotent).
     */
    Map<String, Object> decide(Caller caller, String roundId, String userId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        unknown(body, DECISION_FIELDS, errors);
        Object decision = body.get("decision");
        if (!"SELECT".equals(decision) && !"REJECT".equals(decision)) {
            errors.add("decision", decision == null ? "required" : "invalid-value");
        }
        String reason = null;
        if (body.get("reason") != null) {
            if (body.get("reason") instanceof String s && !s.isBlank() && s.strip().length() <= MAX_REASON) {
                reason = s.strip();
            } else {
                errors.add("reason", body.get("reason") instanceof String s && !s.isBlank() ? "too-long" : "invalid-value");
            }
        } else if ("REJECT".equals(decision)) {
            errors.add("reason", "required");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Round round = round(tenant, roundId);
        MentorApplication a = application(tenant, round.id(), userId);
        Instant now = clock.instant();
        MentorApplication decided;
        if ("REJECT".equals(decision)) {
            decided = ledger.reject(a, reason, caller.userId(), now);
        } else if (a.status() == MentorApplication.Status.SELECTED) {
            decided = a; // a retry: the transaction happened; make sure the group did too
            onboard(decided);
        } else {
            if (a.status() != MentorApplication.Status.SUBMITTED) {
                throw new ProblemException(Problem.MENTOR_APPLICATION_DECIDED);
            }
            if (round.full()) {
                throw new ProblemException(Problem.ROUND_FULL);
            }
            LocalDate today = today();
            RecruitmentRules rules = rulesInForce(tenant);
            RecruitmentRules.Term term = rules.termFor(today);
            Mentor mentor = new Mentor(tenant, a.userId(), a.name(), a.university(), a.subjects(), a.levels(), a.languages(),
                    rules.standardCapacity(), 0, new Availability(a.availability(), Set.of(), 0), term.end(),
                    term.end().plusDays(rules.notesReadDays()));
            decided = ledger.select(a, mentor, term.start(), caller.userId(), now);
            onboard(decided);
        }
        LOG.info("mentor application decided", "tenant", tenant.value(), "roundId", round.id(), "outcome", decided.status().name());
        return RecruitmentView.forReviewer(decided, ledger.round(tenant, round.id()).orElse(round));
    }

    private void onboard(MentorApplication a) {
        String username = a.username() == null ? a.userId() : a.username();
        groups.add(userPoolId, username, Role.MENTOR);
    }

    // ------------------------------------------------------------------ terms

    /** POST /api/recruitment/renewal: the mentor's term (1 GetItem) + rules (1 Query) + 1 conditional PutItem. */
    Map<String, Object> requestRenewal(Caller caller) {
        caller.require(Role.MENTOR);
        TenantId tenant = caller.tenant();
        Mentor m = mentoring.mentor(tenant, caller.userId()).filter(x -> x.termEnds() != null)
                .orElseThrow(() -> new ProblemException(Problem.RENEWAL_NOT_OPEN));
        LocalDate today = today();
        RecruitmentRules rules = rulesInForce(tenant);
        if (!rules.renewalOpen(m.termEnds(), today)) {
            throw new ProblemException(Problem.RENEWAL_NOT_OPEN, Map.of("termEnds", m.termEnds().toString()));
        }
        Renewal r = ledger.requestRenewal(tenant, m.userId(), m.termEnds(), clock.instant());
        LOG.info("renewal requested", "tenant", tenant.value());
        return RecruitmentView.renewal(r, m);
    }

    /** GET /api/recruitment/renewals: 1 Query of the index + the mentors' profiles. */
    Map<String, Object> pendingRenewals(Caller caller) {
        caller.require(Role.REVIEWER);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Renewal r : ledger.pendingRenewals(caller.tenant())) {
            items.add(RecruitmentView.renewal(r, mentoring.mentor(caller.tenant(), r.mentorId()).orElse(null)));
        }
        return Map.of("renewals", items);
    }

    /** POST /api/recruitment/renewals/{mentorId}/decision {decision: APPROVE|DECLINE}: 2 GetItems + 1 Query + 1 transaction. */
    Map<String, Object> decideRenewal(Caller caller, String mentorId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        unknown(body, RENEWAL_DECISION_FIELDS, errors);
        Object decision = body.get("decision");
        if (!"APPROVE".equals(decision) && !"DECLINE".equals(decision)) {
            errors.add("decision", decision == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        if (mentorId == null || !ID.matcher(mentorId).matches()) {
            throw new ProblemException(Problem.RENEWAL_NOT_FOUND);
        }
        Mentor m = mentoring.mentor(tenant, mentorId).filter(x -> x.termEnds() != null)
                .orElseThrow(() -> new ProblemException(Problem.RENEWAL_NOT_FOUND));
        Renewal pending = ledger.renewal(tenant, mentorId, m.termEnds()).filter(r -> Renewal.PENDING.equals(r.status()))
                .orElseThrow(() -> new ProblemException(Problem.RENEWAL_NOT_FOUND));
        RecruitmentRules rules = rulesInForce(tenant);
        RecruitmentRules.Term next = rules.nextTerm(m.termEnds());
        boolean approve = "APPROVE".equals(decision);
        Renewal decided = ledger.decideRenewal(pending, approve, next.end(), next.end().plusDays(rules.notesReadDays()),
                caller.userId(), clock.instant());
        LOG.info("renewal decided", "tenant", tenant.value(), "outcome", decided.status());
        return RecruitmentView.renewal(decided, mentoring.mentor(tenant, mentorId).orElse(m));
    }

    // ------------------------------------------------------------------ helpers

    private Round round(TenantId tenant, String roundId) {
        if (roundId == null || !ID.matcher(roundId).matches()) {
            throw new ProblemException(Problem.ROUND_NOT_FOUND);
        }
        return ledger.round(tenant, roundId).orElseThrow(() -> new ProblemException(Problem.ROUND_NOT_FOUND));
    }

    private MentorApplication application(TenantId tenant, String roundId, String userId) {
        if (userId == null || !ID.matcher(userId).matches()) {
            throw new ProblemException(Problem.MENTOR_APPLICATION_NOT_FOUND);
        }
        return ledger.application(tenant, roundId, userId).orElseThrow(() -> new ProblemException(Problem.MENTOR_APPLICATION_NOT_FOUND));
    }

    private RecruitmentRules rulesInForce(TenantId tenant) {
        return rulesOn(tenant, today()).orElseThrow(() -> new ProblemException(Problem.NO_RECRUITMENT_RULES));
    }

    private Optional<RecruitmentRules> rulesOn(TenantId tenant, LocalDate date) {
        return ledger.rules(tenant, date);
    }

    private boolean verified(TenantId tenant, String userId, String documentId, DocumentKind kind) {
        return ledger.document(tenant, userId, documentId)
                .filter(d -> kind.name().equals(d[0]) && DocumentStatus.VERIFIED.name().equals(d[1])).isPresent();
    }

    /** Every failing rule named, with its title and detail in the caller's language. */
    private void refuseIfIneligible(RecruitmentRules rules, RecruitmentRules.Facts facts, Language language) {
        List<Problem> failed = rules.failures(facts, today());
        if (failed.isEmpty()) {
            return;
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Problem p : failed) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rule", RecruitmentRules.ruleOf(p));
            f.put("code", p.code());
            f.put("field", switch (p) {
                case MENTOR_TOO_OLD -> "birthDate";
                case MENTOR_GRADE_TOO_LOW -> "lastGrade";
                default -> "enrolmentState";
            });
            f.put("title", ProblemMessages.title(p, language));
            f.put("detail", ProblemMessages.detail(p, language));
            failures.add(f);
        }
        throw new ProblemException(Problem.MENTOR_INELIGIBLE, Map.of("failures", failures, "rulesId", rules.id(),
                "limits", Map.of("maxAge", rules.maxAge(), "minGrade", rules.minGrade().label())));
    }

    private static RecruitmentRules.Facts facts(Map<String, Object> body, FieldErrors errors) {
        String schoolType = body.get("schoolType") instanceof String s && RecruitmentRules.SCHOOL_TYPES.contains(s) ? s : null;
        if (schoolType == null) {
            errors.add("schoolType", body.get("schoolType") == null ? "required" : "invalid-value");
        }
        String state = body.get("enrolmentState") instanceof String s && RecruitmentRules.ENROLMENT_STATES.contains(s) ? s : null;
        if (state == null) {
            errors.add("enrolmentState", body.get("enrolmentState") == null ? "required" : "invalid-value");
        }
        LocalDate birth = date(body, "birthDate", errors);
        if (birth != null && (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(BookingRules.SEOUL)))) {
            errors.add("birthDate", "out-of-range");
            birth = null;
        }
        Grade grade = Grade.parse(body.get("lastGrade")).orElse(null);
        if (grade == null) {
            errors.add("lastGrade", body.get("lastGrade") == null ? "required" : "invalid-value");
        }
        return new RecruitmentRules.Facts(schoolType, state, birth, grade);
    }

    private static void unknown(Map<String, Object> body, Set<String> known, FieldErrors errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
    }

    private static String text(Map<String, Object> body, String field, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            errors.add(field, v == null || v instanceof String ? "required" : "invalid-value");
            return null;
        }
        if (s.strip().length() > max) {
            errors.add(field, "too-long");
            return null;
        }
        return s.strip();
    }

    private static LocalDate date(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof String s)) {
            errors.add(field, v == null ? "required" : "invalid-value");
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid-value");
            return null;
        }
    }

    private static int whole(Map<String, Object> body, String field, int min, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            errors.add(field, v == null ? "required" : "invalid-value");
            return -1;
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            errors.add(field, "out-of-range");
            return -1;
        }
        return n.intValue();
    }

    private static boolean flag(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            errors.add(field, "invalid-value");
            return false;
        }
        return b;
    }

    private static String documentId(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (v instanceof String s && UUID_FORM.matcher(s).matches()) {
            return s;
        }
        errors.add(field, v == null ? "required" : "invalid-value");
        return null;
    }

    private interface Adder {
        boolean add(Object value);
    }

    private static void list(Map<String, Object> body, String field, int max, FieldErrors errors, Adder adder) {
        Object v = body.get(field);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            errors.add(field, v == null || v instanceof List<?> ? "required" : "invalid-value");
            return;
        }
        if (list.size() > max) {
            errors.add(field, "out-of-range");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!adder.add(list.get(i))) {
                errors.add(field + "[" + i + "]", "invalid-value");
            }
        }
    }

    private static Optional<SchoolLevel> level(Object v) {
        if (v instanceof String s) {
            for (SchoolLevel l : SchoolLevel.values()) {
                if (l != SchoolLevel.ADULT && l.name().equals(s)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> language(Object v) {
        if (v instanceof String s) {
            for (Language l : Language.values()) {
                if (l.tag().equals(s)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}

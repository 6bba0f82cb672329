package kr.seoullearn.functions.recruitment;

import static kr.seoullearn.functions.recruitment.RecruitmentFields.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.ProblemMessages;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyNotice;
import kr.seoullearn.privacy.domain.PrivacyRefusal;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;

/**
 * Applying to mentor: the eligibility check before anything is uploaded, the application in an
 * open round with the two verified documents, and what an applicant (or mentor) sees of theirs.
 */
final class Applying extends RecruitmentJob {
    private static final Log LOG = Log.of(Applying.class);
    static final Set<String> FACT_FIELDS = Set.of("schoolType", "enrolmentState", "birthDate", "lastGrade");
    static final Set<String> APPLICATION_FIELDS = Set.of("name", "university", "programme", "year", "schoolType", "enrolmentState",
            "birthDate", "lastGrade", "subjects", "levels", "languages", "availability", "commitmentSemesters", "mode", "statement",
            "formerLearner", "educationMajor", "enrolmentDocumentId", "transcriptDocumentId", "nomination", "privacyNotice");
    /** The invitation link's token: the nomination's key (64 hex) and its secret (32 hex). */
    private static final java.util.regex.Pattern NOMINATION_TOKEN = java.util.regex.Pattern.compile("([0-9a-f]{64})\\.([0-9a-f]{32})");

    private final MentorOnboarding onboarding;

    Applying(RecruitmentLedger ledger, MentorOnboarding onboarding, Clock clock) {
        super(ledger, clock);
        this.onboarding = onboarding;
    }

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
     * 2 GetItems (documents) + 1 TransactWriteItems (the application, one per person and round, and
     * the privacy notice's acceptance, which the body must name as {@code privacyNotice}).
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
        java.util.regex.Matcher token = null;
        if (body.get("nomination") != null) {
            token = body.get("nomination") instanceof String t ? NOMINATION_TOKEN.matcher(t) : null;
            if (token == null || !token.matches()) {
                errors.add("nomination", "invalid-value");
            }
        }
        Object notice = body.get("privacyNotice");
        if (notice == null) {
            errors.add("privacyNotice", "required");
        } else if (!(notice instanceof String)) {
            errors.add("privacyNotice", "invalid-value");
        }
        errors.throwIfAny();
        if (!PrivacyNotice.CURRENT.equals(notice)) {
            // the applicant read another wording than the one in force: show them the current one first (docs/adr/0037)
            throw new ProblemException(PrivacyRefusal.PRIVACY_NOTICE_OUTDATED, Map.of("currentVersion", PrivacyNotice.CURRENT));
        }

        TenantId tenant = caller.tenant();
        Round round = round(tenant, roundId);
        LocalDate today = today();
        if (!round.openOn(today)) {
            throw new ProblemException(round.full() ? RecruitmentRefusal.ROUND_FULL : RecruitmentRefusal.ROUND_CLOSED);
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
            throw new ProblemException(RecruitmentRefusal.MENTOR_DOCUMENTS_MISSING, Map.of("fields", missing));
        }
        Instant now = clock.instant();
        // a nomination is claimed by the link's secret (one conditional UpdateItem); a stale or foreign link just is not one
        boolean nominated = token != null && ledger.linkNomination(tenant, round.id(), token.group(1), token.group(2), caller.userId(), now);
        MentorApplication a = new MentorApplication(tenant, round.id(), caller.userId(), caller.username(), name, university, programme,
                year, facts.schoolType(), facts.enrolmentState(), facts.birthDate(), facts.lastGrade(), subjects, levels, languages,
                availability, commitment, mode, statement, formerLearner, educationMajor, enrolmentDoc, transcriptDoc,
                MentorApplication.Status.SUBMITTED, Map.of(), null, null, null, null, now, 0, nominated);
        // accepted when sent, by the applicant themselves (a mentor applicant is an adult student), in the application's transaction
        ledger.submit(a, new PrivacyNotice.Acceptance(PrivacyNotice.CURRENT, now, PrivacyNotice.AcceptedBy.SELF, null));
        LOG.info("mentor application submitted", "tenant", tenant.value(), "roundId", round.id(), "nominated", nominated);
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
        body.put("privacyNotice", PrivacyNotice.CURRENT); // the version an application must accept (docs/adr/0037)
        if (caller.has(Role.MENTOR)) {
            onboarding.term(tenant, caller.userId()).filter(m -> m.termEnds() != null).ifPresent(m -> {
                Map<String, Object> term = new LinkedHashMap<>();
                term.put("termEnds", m.termEnds().toString());
                term.put("readUntil", m.readUntil() == null ? null : m.readUntil().toString());
                term.put("ended", m.endedOn(today));
                rulesOn(tenant, today).ifPresent(r -> term.put("renewalOpen", r.renewalOpen(m.termEnds(), today)));
                ledger.renewal(tenant, m.mentorId(), m.termEnds()).ifPresent(r -> term.put("renewal", r.status()));
                term.values().removeIf(java.util.Objects::isNull);
                body.put("term", term);
            });
        }
        return body;
    }

    private boolean verified(TenantId tenant, String userId, String documentId, DocumentKind kind) {
        return ledger.document(tenant, userId, documentId)
                .filter(d -> kind.name().equals(d[0]) && DocumentStatus.VERIFIED.name().equals(d[1])).isPresent();
    }

    /** Every failing rule named, with its title and detail in the caller's language. */
    private void refuseIfIneligible(RecruitmentRules rules, RecruitmentRules.Facts facts, Language language) {
        List<RecruitmentRefusal> failed = rules.failures(facts, today());
        if (failed.isEmpty()) {
            return;
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (RecruitmentRefusal p : failed) {
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
        throw new ProblemException(RecruitmentRefusal.MENTOR_INELIGIBLE, Map.of("failures", failures, "rulesId", rules.id(),
                "limits", Map.of("maxAge", rules.maxAge(), "minGrade", rules.minGrade().label())));
    }
}

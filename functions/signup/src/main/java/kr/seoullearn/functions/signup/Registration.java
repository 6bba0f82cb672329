package kr.seoullearn.functions.signup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.EligibilityRegistry;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ProfileInput;
import kr.seoullearn.registration.domain.RegistrationRules;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;
import kr.seoullearn.registration.domain.IdentityHashes;
import kr.seoullearn.registration.domain.RecordsOutcome;
import kr.seoullearn.registration.port.IdentityKey;
import kr.seoullearn.registration.port.RecordsCheckLimits;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyNotice;
import kr.seoullearn.privacy.domain.PrivacyRefusal;
import kr.seoullearn.privacy.port.ConsentRecords;

/**
 * The applicant's side of registration: the programme in force, saving the profile, the
 * records check, submission. Dates are Seoul dates (the programme's calendar).
 */
public final class Registration {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Log LOG = Log.of(Registration.class);
    private static final Set<String> CHECK_FIELDS = Set.of("version", "householdHeadName", "householdHeadBirthDate");
    private static final Set<String> SUBMIT_FIELDS = Set.of("version", "privacyNotice");
    private static final Set<String> RESUBMIT_FIELDS = Set.of("version");
    private static final Set<String> APPEAL_FIELDS = Set.of("version", "reason");

    private final ApplicationStore applications;
    private final ProgrammeCatalogue programmes;
    private final EligibilityRegistry registry;
    private final GroupMembership groups;
    private final String userPoolId;
    private final Clock clock;
    private final RecordsCheckLimits limits;
    private final IdentityKey identityKey;
    private final ConsentRecords consents;
    private volatile IdentityHashes identities;

    public Registration(ApplicationStore applications, ProgrammeCatalogue programmes, EligibilityRegistry registry,
                        GroupMembership groups, String userPoolId, Clock clock, RecordsCheckLimits limits,
                        IdentityKey identityKey, ConsentRecords consents) {
        this.applications = applications;
        this.programmes = programmes;
        this.registry = registry;
        this.groups = groups;
        this.userPoolId = userPoolId;
        this.clock = clock;
        this.limits = limits;
        this.identityKey = identityKey;
        this.consents = consents;
    }

    private IdentityHashes identities() {
        IdentityHashes h = identities;
        if (h == null) {
            h = new IdentityHashes(identityKey.bytes());
            identities = h;
        }
        return h;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    /** GET /api/programmes/{tenant}/current (public). */
    Map<String, Object> currentProgramme(String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new ProblemException(Problem.UNKNOWN_TENANT);
        }
        EligibilityProgramme p = programmes.inForce(new TenantId(tenantId), today())
                .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        Map<String, Object> view = ProgrammeJson.toMap(p);
        view.put("guardianConsentBelowAge", RegistrationRules.GUARDIAN_CONSENT_BELOW_AGE);
        return view;
    }

    /** GET /api/registration. */
    Map<String, Object> view(Caller caller) {
        caller.require(Role.APPLICANT, Role.LEARNER);
        var dossier = applications.dossier(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        Application a = dossier.application();
        if (a.status() == RegistrationStatus.APPROVED && !caller.has(Role.LEARNER)) {
            // approved, but the group change did not happen (or the token predates it): make it so
            moveIntoLearners(a);
        }
        if (a.status() == RegistrationStatus.EXPIRED && caller.has(Role.LEARNER)) {
            // the participation ended (docs/adr/0041) and the rollover's group change did not happen: they apply again as applicants
            moveIntoApplicants(a);
        }
        EligibilityProgramme programme = a.editable() ? programmes.inForce(caller.tenant(), today()).orElse(null) : null;
        var request = a.status() == RegistrationStatus.SUBMITTED || a.status() == RegistrationStatus.UNDER_REVIEW
                ? applications.documentRequest(caller.tenant(), caller.userId()).orElse(null) : null;
        Map<String, Object> view = RegistrationView.of(dossier, programme, today(), request);
        if (kr.seoullearn.registration.domain.AppealRules.appealable(a, clock.instant())) {
            view.put("appealUntil", a.decision().decidedAt().plus(kr.seoullearn.registration.domain.AppealRules.WINDOW).toString());
        }
        if (a.editable()) {
            // the privacy notice the submission accepts (docs/adr/0037)
            view.put("privacyNotice", PrivacyNotice.CURRENT);
        }
        return view;
    }

    /** PUT /api/registration. */
    Map<String, Object> save(Caller caller, Map<String, Object> body) {
        caller.require(Role.APPLICANT);
        ProfileInput input = ProfileInput.parse(body, today());
        Application current = applications.find(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (!current.editable()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        }
        Instant savedAt = clock.instant();
        applications.saveProfile(RegistrationRules.withProfile(current, input, savedAt), input.version(), savedAt);
        LOG.info("profile saved", "tenant", caller.tenant().value());
        return view(caller);
    }

    /** POST /api/registration/records-check. The identifying data is used for the lookup only. */
    Map<String, Object> recordsCheck(Caller caller, Map<String, Object> body) {
        caller.require(Role.APPLICANT);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !CHECK_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        String headName = ProfileInput.personName(body, "householdHeadName", errors, "householdHeadName");
        if (headName == null && !(body.get("householdHeadName") instanceof String)) {
            errors.add("householdHeadName", "required");
        }
        LocalDate headBirth = null;
        try {
            headBirth = body.get("householdHeadBirthDate") instanceof String s ? LocalDate.parse(s) : null;
        } catch (DateTimeParseException e) {
            headBirth = null;
        }
        if (headBirth == null || headBirth.isAfter(today())) {
            errors.add("householdHeadBirthDate", "invalid-date");
        }
        errors.throwIfAny();
        Application a = applications.find(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (!a.editable()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        }
        if (a.name() == null || a.birthDate() == null || a.categories().isEmpty()) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_INCOMPLETE, Map.of("missing",
                    List.of("name", "birthDate", "categories").stream().filter(f -> switch (f) {
                        case "name" -> a.name() == null;
                        case "birthDate" -> a.birthDate() == null;
                        default -> a.categories().isEmpty();
                    }).toList()));
        }
        EligibilityProgramme programme = programmes.inForce(caller.tenant(), today())
                .orElseThrow(() -> new ProblemException(Problem.NO_PROGRAMME));
        List<String> checkable = a.categories().stream()
                .filter(c -> programme.category(c).map(EligibilityProgramme.Category::recordsCanDecide).orElse(false)).toList();
        // An attempt counts for the account and for the child it names, whatever household is guessed:
        // 5 a Seoul day each, then 429 until midnight (docs/adr/0021).
        LocalDate today = today();
        IdentityHashes hashes = identities();
        limits.take(caller.tenant(), caller.userId(), hashes.child(caller.tenant(), a.name(), a.birthDate()), today,
                RegistrationRules.RECORDS_CHECKS_PER_DAY, today.plusDays(1).atStartOfDay(SEOUL).toInstant());
        var answer = registry.check(new EligibilityRegistry.Query(a.name(), a.birthDate(), headName, headBirth,
                checkable, programme.incomeLinePercent()));
        String identity = answer.outcome() == RecordsOutcome.VERIFIED
                ? hashes.household(caller.tenant(), a.name(), a.birthDate(), headName, headBirth) : null;
        applications.recordCheck(a, new Application.RecordsCheck(answer.outcome(), clock.instant(), answer.verifiedCategories(),
                identity, null), version);
        LOG.info("records checked", "tenant", caller.tenant().value(), "outcome", answer.outcome().name());
        return view(caller);
    }

    /** POST /api/registration/submit. */
    Map<String, Object> submit(Caller caller, Map<String, Object> body) {
        caller.require(Role.APPLICANT);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !SUBMIT_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        Object notice = body.get("privacyNotice");
        if (notice == null) {
            errors.add("privacyNotice", "required");
        } else if (!(notice instanceof String)) {
            errors.add("privacyNotice", "invalid-value");
        }
        errors.throwIfAny();
        if (!PrivacyNotice.CURRENT.equals(notice)) {
            // the person read another wording than the one in force: show them the current one first
            throw new ProblemException(PrivacyRefusal.PRIVACY_NOTICE_OUTDATED, Map.of("currentVersion", PrivacyNotice.CURRENT));
        }
        Application a = applications.find(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        EligibilityProgramme programme = programmes.inForce(caller.tenant(), today())
                .orElseThrow(() -> new ProblemException(Problem.NO_PROGRAMME));
        var assessment = RegistrationRules.assess(a, programme, today());
        // accepted when sent: for a child under 14 by the guardian the application names (assess
        // refused it above without the guardian's consent)
        boolean guardian = RegistrationRules.needsGuardian(a, today());
        consents.record(caller.tenant(), caller.userId(), new PrivacyNotice.Acceptance(PrivacyNotice.CURRENT, clock.instant(),
                guardian ? PrivacyNotice.AcceptedBy.GUARDIAN : PrivacyNotice.AcceptedBy.SELF,
                guardian && a.guardian() != null ? a.guardian().name() : null));
        Application submitted = applications.submit(a, version, programme, assessment.requiredDocuments(),
                assessment.approvedByRecords(), clock.instant());
        LOG.info("submitted", "tenant", caller.tenant().value(), "programme", programme.id(),
                "approvedByRecords", assessment.approvedByRecords(), "documentsRequired", assessment.requiredDocuments().size());
        if (submitted.status() == RegistrationStatus.APPROVED) {
            moveIntoLearners(submitted);
        }
        return view(caller);
    }

    /**
     * POST /api/registration/resubmit: the applicant sent what a reviewer asked for; the request
     * closes and the application returns to its place in the review queue.
     */
    Map<String, Object> resubmit(Caller caller, Map<String, Object> body) {
        caller.require(Role.APPLICANT);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !RESUBMIT_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        errors.throwIfAny();
        var dossier = applications.dossier(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        var request = applications.documentRequest(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(kr.seoullearn.registration.domain.RegistrationRefusal.NO_DOCUMENT_REQUEST));
        var missing = dossier.missing(request.documents());
        if (!missing.isEmpty()) {
            throw new ProblemException(kr.seoullearn.registration.domain.RegistrationRefusal.REQUESTED_DOCUMENTS_MISSING,
                    Map.of("missingDocuments", missing.stream().map(Enum::name).toList()));
        }
        applications.resubmit(dossier.application(), version, clock.instant());
        LOG.info("resubmitted", "tenant", caller.tenant().value(), "documents", request.documents().size());
        return view(caller);
    }

    private void moveIntoLearners(Application a) {
        String username = a.username() == null ? a.userId() : a.username();
        groups.add(userPoolId, username, Role.LEARNER);
        groups.remove(userPoolId, username, Role.APPLICANT);
    }

    /** POST /api/registration/appeal: the applicant asks once for another reviewer (docs/adr/0040). */
    Map<String, Object> appeal(Caller caller, Map<String, Object> body) {
        caller.require(Role.APPLICANT);
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !APPEAL_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        Object reason = body.get("reason");
        if (!(reason instanceof String s) || s.isBlank()) {
            errors.add("reason", reason == null || reason instanceof String ? "required" : "invalid-value");
        } else if (s.strip().length() > kr.seoullearn.registration.domain.AppealRules.MAX_REASON) {
            errors.add("reason", "too-long");
        } else if (s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add("reason", "invalid-value");
        }
        errors.throwIfAny();
        Application a = applications.find(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        Instant now = clock.instant();
        if (a.status() != RegistrationStatus.REJECTED || a.appeal() != null || a.decision() == null) {
            throw new ProblemException(RegistrationRefusal.APPEAL_NOT_ALLOWED);
        }
        applications.appeal(a, version, ((String) reason).strip(), now, now.minus(kr.seoullearn.registration.domain.AppealRules.WINDOW));
        LOG.info("appealed", "tenant", caller.tenant().value());
        return view(caller);
    }

    private void moveIntoApplicants(Application a) {
        String username = a.username() == null ? a.userId() : a.username();
        groups.add(userPoolId, username, Role.APPLICANT);
        groups.remove(userPoolId, username, Role.LEARNER);
    }
}

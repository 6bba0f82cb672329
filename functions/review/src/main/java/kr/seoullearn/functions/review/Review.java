package kr.seoullearn.functions.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.port.RetentionDue;

/**
 * The reviewers' side: the queue of their tenant (the tenant is the token's, so another
 * tenant's applications are unreachable), an application with its documents, the decision.
 */
public final class Review {
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 50;
    static final int MAX_REASON = 500;
    private static final Log LOG = Log.of(Review.class);
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "reason", "version");

    private final ApplicationStore applications;
    private final GroupMembership groups;
    private final DecidedDocuments documents;
    private final String userPoolId;
    private final Clock clock;

    public Review(ApplicationStore applications, GroupMembership groups, DocumentRetention retention, String userPoolId, Clock clock) {
        this(applications, groups, retention, null, userPoolId, clock);
    }

    /** {@code due} (may be null: none kept) is the decision's retag, removed once done (docs/adr/0038). */
    public Review(ApplicationStore applications, GroupMembership groups, DocumentRetention retention, RetentionDue due,
                  String userPoolId, Clock clock) {
        this.applications = applications;
        this.groups = groups;
        this.documents = new DecidedDocuments(applications, retention, due == null ? NO_DUE : due);
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    Map<String, Object> application(Caller caller, String userId) {
        caller.require(Role.REVIEWER);
        var dossier = dossier(caller, userId);
        return ApplicationView.of(dossier, applications.documentRequest(caller.tenant(), userId).orElse(null));
    }

    Map<String, Object> decide(Caller caller, String userId, Map<String, Object> body) {
        FieldErrors errors = decisionBody(caller, userId, body, "REJECT");
        Object decision = body.get("decision");
        String reason = null;
        if (body.get("reason") != null) {
            if (body.get("reason") instanceof String s && !s.isBlank() && s.strip().length() <= MAX_REASON) {
                reason = s.strip();
            } else {
                errors.add("reason", body.get("reason") instanceof String ? "too-long" : "invalid-value");
            }
        }
        if ("REJECT".equals(decision) && reason == null && !(body.get("reason") instanceof String s && s.strip().length() > MAX_REASON)) {
            errors.add("reason", "required");
        }
        long version = errors.version(body);
        errors.throwIfAny();
        var dossier = dossier(caller, userId);
        Application a = dossier.application();
        boolean approve = "APPROVE".equals(decision);
        if (approve && !dossier.missingDocuments().isEmpty()) {
            throw new ProblemException(RegistrationRefusal.DECISION_NOT_ALLOWED, Map.of("missingDocuments",
                    dossier.missingDocuments().stream().map(Enum::name).toList()));
        }
        Application.Decision outcome = new Application.Decision(approve ? "APPROVED" : "REJECTED",
                approve ? null : reason, caller.userId(), clock.instant());
        Application decided = applications.decide(a, version, outcome);
        if (approve) {
            moveIntoLearners(decided);
        }
        // approved or rejected, the documents go onto the 30-day rule now; a failure is the scheduled run's to retry
        documents.settle(new RetentionDue.Due(caller.tenant(), userId, outcome.decidedAt(), 0, outcome.decidedAt() + "#" + userId));
        LOG.info("decided", "tenant", caller.tenant().value(), "outcome", decided.status().name());
        return ApplicationView.of(applications.dossier(caller.tenant(), userId).orElseThrow());
    }

    /**
     * What a decision and an appeal's decision check alike: a reviewer, never on their own
     * application (a reviewer who is also an applicant waits for a colleague's decision like
     * everyone else), no resident registration number, only the decision's fields, and a decision
     * of APPROVE or {@code other}. The errors so far, for the caller to add its own.
     */
    private static FieldErrors decisionBody(Caller caller, String userId, Map<String, Object> body, String other) {
        caller.require(Role.REVIEWER);
        if (caller.userId().equals(userId)) {
            throw new ProblemException(Problem.SELF_DECISION);
        }
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !DECISION_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Object decision = body.get("decision");
        if (!"APPROVE".equals(decision) && !other.equals(decision)) {
            errors.add("decision", "invalid-value");
        }
        return errors;
    }

    private void moveIntoLearners(Application decided) {
        String username = decided.username() == null ? decided.userId() : decided.username();
        groups.add(userPoolId, username, Role.LEARNER);
        groups.remove(userPoolId, username, Role.APPLICANT);
    }

    /**
     * {@code POST /api/review/applications/{userId}/appeal-decision}: a reviewer other than the one
     * who rejected decides the open appeal, finally (docs/adr/0040). Upholding needs a reason (the
     * applicant is told it); approving moves the applicant into the learners as an approval does.
     */
    Map<String, Object> decideAppeal(Caller caller, String userId, Map<String, Object> body) {
        FieldErrors errors = decisionBody(caller, userId, body, "UPHOLD");
        Object decision = body.get("decision");
        Object reason = body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            errors.add("reason", "invalid-value");
        } else if (reason instanceof String s && s.strip().length() > MAX_REASON) {
            errors.add("reason", "too-long");
        } else if ("UPHOLD".equals(decision) && (reason == null || ((String) reason).isBlank())) {
            errors.add("reason", "required");
        }
        long version = errors.version(body);
        errors.throwIfAny();
        Application a = dossier(caller, userId).application();
        if (a.appeal() == null || !a.appeal().open()) {
            throw new ProblemException(RegistrationRefusal.APPEAL_DECISION_NOT_ALLOWED);
        }
        if (caller.userId().equals(a.appeal().against())) {
            throw new ProblemException(RegistrationRefusal.APPEAL_SAME_REVIEWER);
        }
        boolean approve = "APPROVE".equals(decision);
        String text = reason instanceof String s && !s.isBlank() ? s.strip() : null;
        Application decided = applications.decideAppeal(a, version, approve, text, caller.userId(), clock.instant());
        if (approve) {
            moveIntoLearners(decided);
        }
        LOG.info("appeal decided", "tenant", caller.tenant().value(), "outcome", decided.status().name());
        return ApplicationView.of(applications.dossier(caller.tenant(), userId).orElseThrow());
    }

    /** Without a due list (tests of the decision alone): nothing to remove. */
    private static final RetentionDue NO_DUE = new RetentionDue() {
        @Override
        public void plan(kr.seoullearn.platform.dynamo.Transaction tx, kr.seoullearn.platform.tenant.TenantId tenant, String userId,
                         java.time.Instant decidedAt) {
        }

        @Override
        public void planNamed(kr.seoullearn.platform.dynamo.Transaction tx, kr.seoullearn.platform.tenant.TenantId tenant,
                              String userId, java.time.Instant decidedAt, java.util.List<String> documentIds) {
        }

        @Override
        public java.util.List<Due> due(kr.seoullearn.platform.tenant.TenantId tenant, int limit) {
            return java.util.List.of();
        }

        @Override
        public void done(Due due) {
        }

        @Override
        public boolean failed(Due due, String failure) {
            return false;
        }
    };

    private ApplicationStore.Dossier dossier(Caller caller, String userId) {
        if (userId == null || !userId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ProblemException(Problem.NOT_FOUND);
        }
        var dossier = applications.dossier(caller.tenant(), userId).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (dossier.application().submittedAt() == null) {
            // a draft is the applicant's own business until they submit it
            throw new ProblemException(Problem.NOT_FOUND);
        }
        return dossier;
    }
}

package kr.seoullearn.functions.recruitment;

import java.time.Clock;
import java.util.Map;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/**
 * Mentor recruitment (docs/adr/0014). Applicants check their eligibility and apply in an open
 * round with their two verified documents ({@link Applying}); reviewers open rounds, score and
 * decide — selecting one is a transaction held by the round's target, then the person joins the
 * {@code mentors} group ({@link Reviewing}); mentors near the end of their term ask to renew and
 * reviewers decide ({@link Terms}). Every refusal is a problem and writes nothing; the tenant is
 * always the token's.
 */
public final class Recruitment {
    private final Applying applying;
    private final Reviewing reviewing;
    private final Terms terms;
    private final NominationImport nominations;

    public Recruitment(RecruitmentLedger ledger, MentorOnboarding onboarding, GroupMembership groups, String userPoolId, Clock clock) {
        this(ledger, onboarding, groups, userPoolId, clock, "");
    }

    /** {@code webOrigin}: where the web app is served, for the links of nominees' invitations (docs/adr/0042). */
    public Recruitment(RecruitmentLedger ledger, MentorOnboarding onboarding, GroupMembership groups, String userPoolId, Clock clock,
                       String webOrigin) {
        this.nominations = new NominationImport(ledger, clock, webOrigin);
        this.applying = new Applying(ledger, onboarding, clock);
        this.reviewing = new Reviewing(ledger, groups, userPoolId, clock);
        this.terms = new Terms(ledger, onboarding, clock);
    }

    /** GET /api/recruitment/rounds. */
    Map<String, Object> rounds(Caller caller) {
        return reviewing.rounds(caller);
    }

    /** POST /api/recruitment/rounds. */
    Map<String, Object> createRound(Caller caller, Map<String, Object> body) {
        return reviewing.createRound(caller, body, java.util.Optional.empty());
    }

    /** POST /api/recruitment/rounds with the request's Idempotency-Key, if any. */
    Map<String, Object> createRound(Caller caller, Map<String, Object> body, java.util.Optional<kr.seoullearn.platform.http.IdempotencyKey> key) {
        return reviewing.createRound(caller, body, key);
    }

    /** POST /api/recruitment/nominations/import (text/csv). */
    Map<String, Object> importNominations(Caller caller, String contentType, String csv, Language language) {
        return nominations.run(caller, contentType, csv, language);
    }

    /** POST /api/recruitment/eligibility. */
    Map<String, Object> checkEligibility(Caller caller, Map<String, Object> body, Language language) {
        return applying.checkEligibility(caller, body, language);
    }

    /** POST /api/recruitment/rounds/{roundId}/applications. */
    Map<String, Object> apply(Caller caller, String roundId, Map<String, Object> body, Language language) {
        return applying.apply(caller, roundId, body, language);
    }

    /** GET /api/recruitment/applications/mine. */
    Map<String, Object> mine(Caller caller) {
        return applying.mine(caller);
    }

    /** GET /api/recruitment/rounds/{roundId}/applications. */
    Map<String, Object> roundApplications(Caller caller, String roundId) {
        return reviewing.roundApplications(caller, roundId);
    }

    /** POST …/applications/{userId}/scores. */
    Map<String, Object> score(Caller caller, String roundId, String userId, Map<String, Object> body) {
        return reviewing.score(caller, roundId, userId, body);
    }

    /** POST …/applications/{userId}/decision. */
    Map<String, Object> decide(Caller caller, String roundId, String userId, Map<String, Object> body) {
        return reviewing.decide(caller, roundId, userId, body);
    }

    /** POST /api/recruitment/renewal. */
    Map<String, Object> requestRenewal(Caller caller) {
        return terms.requestRenewal(caller);
    }

    /** GET /api/recruitment/renewals. */
    Map<String, Object> pendingRenewals(Caller caller) {
        return terms.pendingRenewals(caller);
    }

    /** POST /api/recruitment/renewals/{mentorId}/decision. */
    Map<String, Object> decideRenewal(Caller caller, String mentorId, Map<String, Object> body) {
        return terms.decideRenewal(caller, mentorId, body);
    }
}

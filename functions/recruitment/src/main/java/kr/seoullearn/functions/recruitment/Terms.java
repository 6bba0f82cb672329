package kr.seoullearn.functions.recruitment;

import static kr.seoullearn.functions.recruitment.RecruitmentFields.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.registration.domain.FieldErrors;

/** Terms: a mentor near the end of theirs asks to renew; reviewers approve (the term moves on) or decline. */
final class Terms extends RecruitmentJob {
    private static final Log LOG = Log.of(Terms.class);
    static final Set<String> RENEWAL_DECISION_FIELDS = Set.of("decision");

    private final MentorOnboarding onboarding;

    Terms(RecruitmentLedger ledger, MentorOnboarding onboarding, Clock clock) {
        super(ledger, clock);
        this.onboarding = onboarding;
    }

    /** POST /api/recruitment/renewal: the mentor's term (1 GetItem) + rules (1 Query) + 1 conditional PutItem. */
    Map<String, Object> requestRenewal(Caller caller) {
        caller.require(Role.MENTOR);
        TenantId tenant = caller.tenant();
        MentorOnboarding.MentorTerm m = onboarding.term(tenant, caller.userId()).filter(x -> x.termEnds() != null)
                .orElseThrow(() -> new ProblemException(RecruitmentRefusal.RENEWAL_NOT_OPEN));
        LocalDate today = today();
        RecruitmentRules rules = rulesInForce(tenant);
        if (!rules.renewalOpen(m.termEnds(), today)) {
            throw new ProblemException(RecruitmentRefusal.RENEWAL_NOT_OPEN, Map.of("termEnds", m.termEnds().toString()));
        }
        Renewal r = ledger.requestRenewal(tenant, m.mentorId(), m.termEnds(), clock.instant());
        LOG.info("renewal requested", "tenant", tenant.value());
        return RecruitmentView.renewal(r, m);
    }

    /** GET /api/recruitment/renewals: 1 Query of the index + the mentors' profiles. */
    Map<String, Object> pendingRenewals(Caller caller) {
        caller.require(Role.REVIEWER);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Renewal r : ledger.pendingRenewals(caller.tenant())) {
            items.add(RecruitmentView.renewal(r, onboarding.term(caller.tenant(), r.mentorId()).orElse(null)));
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
            throw new ProblemException(RecruitmentRefusal.RENEWAL_NOT_FOUND);
        }
        MentorOnboarding.MentorTerm m = onboarding.term(tenant, mentorId).filter(x -> x.termEnds() != null)
                .orElseThrow(() -> new ProblemException(RecruitmentRefusal.RENEWAL_NOT_FOUND));
        Renewal pending = ledger.renewal(tenant, mentorId, m.termEnds()).filter(r -> Renewal.PENDING.equals(r.status()))
                .orElseThrow(() -> new ProblemException(RecruitmentRefusal.RENEWAL_NOT_FOUND));
        RecruitmentRules rules = rulesInForce(tenant);
        RecruitmentRules.Term next = rules.nextTerm(m.termEnds());
        boolean approve = "APPROVE".equals(decision);
        Renewal decided = ledger.decideRenewal(pending, approve, next.end(), next.end().plusDays(rules.notesReadDays()),
                caller.userId(), clock.instant());
        LOG.info("renewal decided", "tenant", tenant.value(), "outcome", decided.status());
        return RecruitmentView.renewal(decided, onboarding.term(tenant, mentorId).orElse(m));
    }
}

package kr.seoullearn.functions.recruitment;

import static kr.seoullearn.functions.recruitment.RecruitmentFields.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.platform.http.IdempotencyKey;
import kr.seoullearn.platform.http.IdempotencyRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ResidentRegistrationNumbers;

/**
 * Rounds and their review: reviewers open rounds, score applications and decide; selecting is
 * one transaction held by the round's target, then the person joins the {@code mentors} group
 * (their next token carries it).
 */
final class Reviewing extends RecruitmentJob {
    private static final Log LOG = Log.of(Reviewing.class);
    static final Set<String> ROUND_FIELDS = Set.of("name", "opensOn", "closesOn", "target", "criteria");
    static final Set<String> SCORE_FIELDS = Set.of("scores", "version");
    static final Set<String> DECISION_FIELDS = Set.of("decision", "reason");

    private final GroupMembership groups;
    private final String userPoolId;

    Reviewing(RecruitmentLedger ledger, GroupMembership groups, String userPoolId, Clock clock) {
        super(ledger, clock);
        this.groups = groups;
        this.userPoolId = userPoolId;
    }

    /** GET /api/recruitment/rounds: 1 Query of the index. */
    Map<String, Object> rounds(Caller caller) {
        caller.require(Role.APPLICANT, Role.LEARNER, Role.MENTOR, Role.REVIEWER, Role.ADMIN);
        LocalDate today = today();
        return Map.of("rounds", ledger.rounds(caller.tenant()).stream().map(r -> RecruitmentView.round(r, today)).toList());
    }

    /**
     * POST /api/recruitment/rounds {name, opensOn, closesOn, target, criteria}: 1 conditional PutItem.
     * With an Idempotency-Key the round's id comes from the key: a retry answers the round as
     * created, a different request under the same key 422 (docs/adr/0023).
     */
    Map<String, Object> createRound(Caller caller, Map<String, Object> body, java.util.Optional<IdempotencyKey> key) {
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
        String id = key.map(k -> k.idFor(caller.tenant(), caller.userId(), "recruitment-round")).orElseGet(() -> UUID.randomUUID().toString());
        Round round = new Round(caller.tenant(), id, name, opensOn, closesOn, target, 0, criteria, caller.userId(), clock.instant());
        if (key.isPresent()) {
            String fingerprint = IdempotencyKey.fingerprint(body);
            var existing = ledger.createRoundOnce(round, fingerprint);
            if (existing.isPresent()) {
                if (!existing.get().fingerprint().equals(fingerprint)) {
                    throw new ProblemException(IdempotencyRefusal.IDEMPOTENCY_KEY_REUSED);
                }
                LOG.info("round creation repeated", "tenant", caller.tenant().value(), "roundId", id);
                return RecruitmentView.round(existing.get().round(), today());
            }
        } else {
            // a fresh id: created with its audit entry in one transaction (docs/adr/0031)
            ledger.createRoundOnce(round, IdempotencyKey.fingerprint(body));
        }
        LOG.info("round created", "tenant", caller.tenant().value(), "roundId", round.id(), "target", target);
        return RecruitmentView.round(round, today());
    }

    /** GET /api/recruitment/rounds/{roundId}/applications: 1 GetItem (round) + 1 Query, best total first. */
    Map<String, Object> roundApplications(Caller caller, String roundId) {
        caller.require(Role.REVIEWER);
        Round round = round(caller.tenant(), roundId);
        List<MentorApplication> all = new ArrayList<>(ledger.applications(caller.tenant(), round.id()));
        // nominated applications first (fast-tracked, docs/adr/0042), then by total score and arrival
        all.sort(Comparator.comparing((MentorApplication a) -> !a.nominated())
                .thenComparing(Comparator.comparingInt(MentorApplication::total).reversed())
                .thenComparing(MentorApplication::submittedAt));
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
        refuseOwnCase(caller, userId);
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
        refuseOwnCase(caller, userId);
        Instant now = clock.instant();
        MentorApplication decided;
        if ("REJECT".equals(decision)) {
            decided = ledger.reject(a, reason, caller.userId(), now);
        } else if (a.status() == MentorApplication.Status.SELECTED) {
            decided = a; // a retry: the transaction happened; make sure the group did too
            onboard(decided);
        } else {
            if (a.status() != MentorApplication.Status.SUBMITTED) {
                throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_DECIDED);
            }
            if (round.full()) {
                throw new ProblemException(RecruitmentRefusal.ROUND_FULL);
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

    /** A reviewer who applied to mentor neither scores nor decides their own application (403, once the application is found; nothing written). */
    private static void refuseOwnCase(Caller caller, String userId) {
        if (caller.userId().equals(userId)) {
            throw new ProblemException(Problem.SELF_DECISION);
        }
    }

    private void onboard(MentorApplication a) {
        String username = a.username() == null ? a.userId() : a.username();
        groups.add(userPoolId, username, Role.MENTOR);
    }
}

package kr.seoullearn.functions.mentoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * A reviewer's changes to running mentorships (docs/adr/0030-mentoring-operations.md): another
 * mentor (history kept; the old mentor's future sessions cancelled without charge; a change
 * during the trial gives the trial sessions back), or the end, COMPLETED or ENDED with a reason
 * (future sessions cancelled without charge). The mentee and both mentors are to be told: these
 * two methods are where a notice joins the change.
 */
final class MentorshipChanges {
    private static final Log LOG = Log.of(Mentoring.class);
    static final int REASON_MAX = 500;
    private static final Set<String> REASSIGN_FIELDS = Set.of("mentorId", "reason");
    private static final Set<String> END_FIELDS = Set.of("outcome", "reason");

    private final MentoringAccess access;
    private final MentoringLedger ledger;

    MentorshipChanges(MentoringAccess access) {
        this.access = access;
        this.ledger = access.ledger();
    }

    /** GET /api/mentoring/mentors: the tenant's mentors and their load (1 Query of the index). */
    Map<String, Object> mentors(Caller caller) {
        caller.require(Role.REVIEWER);
        return Map.of("mentors", ledger.mentors(caller.tenant()).stream().map(m -> {
            Map<String, Object> v = MentoringView.mentor(m);
            v.remove("availability");
            v.put("termEnded", m.termEndedOn(access.today()));
            return v;
        }).toList());
    }

    /** GET /api/mentoring/mentors/{mentorId}/mentorships: a mentor's mentorships (1 GetItem + 1 Query of their desk). */
    Map<String, Object> mentorshipsOf(Caller caller, String mentorId) {
        caller.require(Role.REVIEWER);
        if (mentorId == null || !MentoringAccess.ID.matcher(mentorId).matches()) {
            throw new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND);
        }
        ledger.mentor(caller.tenant(), mentorId).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        return Map.of("mentorships", ledger.mentorshipsOf(caller.tenant(), mentorId).stream().map(m -> {
            Map<String, Object> v = MentoringView.forMentor(m);
            v.put("mentorId", m.mentorId());
            v.put("mentorName", m.mentorName());
            return v;
        }).toList());
    }

    /**
     * POST /api/mentoring/mentorships/{id}/reassign {mentorId, reason}: 3 GetItems + 1 Query
     * (rules) + 1 Query (sessions) + 1 transaction, then one cancel transaction per future
     * session of the old mentor.
     */
    Map<String, Object> reassign(Caller caller, String mentorshipId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !REASSIGN_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        String mentorId = body.get("mentorId") instanceof String s && MentoringAccess.ID.matcher(s).matches() ? s : null;
        if (mentorId == null) {
            errors.add("mentorId", body.get("mentorId") == null ? "required" : "invalid-value");
        }
        String reason = reason(body, errors, true);
        errors.throwIfAny();
        Mentorship m = active(caller, mentorshipId);
        if (m.mentorId().equals(mentorId)) {
            throw new ProblemException(MentoringRefusal.NOT_SAME_MENTOR);
        }
        Mentor next = ledger.mentor(m.tenant(), mentorId).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        ledger.request(m.tenant(), m.menteeId()).map(MentoringRequest::level).ifPresent(level -> {
            if (!next.levels().contains(level)) {
                throw new ProblemException(MentoringRefusal.MENTOR_NOT_FOR_LEVEL);
            }
        });
        if (next.termEndedOn(access.today())) {
            throw new ProblemException(Problem.MENTOR_TERM_ENDED);
        }
        Instant now = access.now();
        List<Session> sessions = ledger.sessions(m.tenant(), m.id());
        int refund = trialRefund(m, sessions, now);
        Mentorship after = ledger.reassign(m, next, caller.userId(), reason, now, access.rulesInForce(m.tenant()).mentorMaxCapacity(), refund);
        int cancelled = cancelFuture(after, sessions, now);
        LOG.info("mentor reassigned", "tenant", m.tenant().value(), "futureSessionsCancelled", cancelled, "trialRefund", refund);
        return result(after, cancelled, refund);
    }

    /** POST /api/mentoring/mentorships/{id}/end {outcome, reason}: 1 GetItem + 1 Query + 1 transaction, then one cancel per future session. */
    Map<String, Object> end(Caller caller, String mentorshipId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !END_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Mentorship.Status outcome = null;
        if (!(body.get("outcome") instanceof String o)) {
            errors.add("outcome", body.get("outcome") == null ? "required" : "invalid-value");
        } else if (o.equals("COMPLETED") || o.equals("ENDED")) {
            outcome = Mentorship.Status.valueOf(o);
        } else {
            errors.add("outcome", "invalid-value");
        }
        String reason = reason(body, errors, outcome == Mentorship.Status.ENDED);
        errors.throwIfAny();
        Mentorship m = active(caller, mentorshipId);
        Instant now = access.now();
        List<Session> sessions = ledger.sessions(m.tenant(), m.id());
        Mentorship after = ledger.end(m, outcome, caller.userId(), reason, now);
        int cancelled = cancelFuture(after, sessions, now);
        LOG.info("mentorship ended", "tenant", m.tenant().value(), "outcome", outcome.name(), "futureSessionsCancelled", cancelled);
        return result(after, cancelled, 0);
    }

    private Mentorship active(Caller caller, String mentorshipId) {
        Mentorship m = access.mentorship(caller.tenant(), mentorshipId);
        if (m.status() != Mentorship.Status.ACTIVE) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_ACTIVE);
        }
        return m;
    }

    /**
     * The trial (docs/adr/0030): while no more sessions than the rules' trial sessions have
     * taken place, a change of mentor gives them back — the mentee starts afresh with the new
     * mentor. After the trial, used sessions stay used.
     */
    static int trialRefund(Mentorship m, List<Session> sessions, Instant now) {
        if (m.trialSessions() <= 0) {
            return 0;
        }
        long past = sessions.stream().filter(s -> s.status().countsAsUsed() && !(s.status() == Session.Status.BOOKED && s.start().isAfter(now)))
                .count();
        return past <= m.trialSessions() ? (int) past : 0;
    }

    /** The old arrangement's future sessions: cancelled, never charged (the change was not the mentee's). */
    private int cancelFuture(Mentorship m, List<Session> sessions, Instant now) {
        int n = 0;
        for (Session s : sessions) {
            if (s.status() == Session.Status.BOOKED && s.start().isAfter(now)) {
                ledger.cancel(m, s, false, now, Session.Party.STAFF);
                n++;
            }
        }
        return n;
    }

    private Map<String, Object> result(Mentorship changed, int cancelled, int refund) {
        // as stored now: the cancels gave sessions back (1 GetItem + 1 Query for the history)
        Mentorship after = ledger.mentorship(changed.tenant(), changed.id()).orElse(changed);
        Map<String, Object> v = MentoringView.forMentor(after);
        v.put("mentorId", after.mentorId());
        v.put("mentorName", after.mentorName());
        v.put("futureSessionsCancelled", cancelled);
        v.put("trialSessionsReturned", refund);
        v.put("history", ledger.history(after.tenant(), after.id()).stream().map(h -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("change", h.change());
            e.put("at", h.at().toString());
            e.put("by", h.by());
            if (h.reason() != null) {
                e.put("reason", h.reason());
            }
            if (h.fromMentorId() != null) {
                e.put("fromMentorId", h.fromMentorId());
                e.put("toMentorId", h.toMentorId());
            }
            return e;
        }).toList());
        return v;
    }

    /** A reason: 1–500 characters of text (no control characters); required where {@code required}. */
    private static String reason(Map<String, Object> body, FieldErrors errors, boolean required) {
        Object given = body.get("reason");
        if (given == null) {
            if (required) {
                errors.add("reason", "required");
            }
            return null;
        }
        if (!(given instanceof String s) || s.isBlank() || s.length() > REASON_MAX || s.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            errors.add("reason", "invalid-value");
            return null;
        }
        return s.strip();
    }
}

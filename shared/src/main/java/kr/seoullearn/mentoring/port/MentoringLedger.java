package kr.seoullearn.mentoring.port;

import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port to mentoring's records. Every change that guards an invariant is one conditional
 * write or transaction in the adapter (docs/adr/0011-mentoring-booking.md); refusals come back
 * as {@link kr.seoullearn.platform.http.ProblemException}s and write nothing.
 */
public interface MentoringLedger {

    // mentors
    Optional<Mentor> mentor(TenantId tenant, String userId);

    /** Every mentor of the tenant (one Query of an index; a tenant has hundreds at most). */
    List<Mentor> mentors(TenantId tenant);

    /** Adds or replaces a mentor's profile, keeping their availability and mentee count (seed data, admin). */
    void saveMentor(Mentor mentor);

    /** Replaces a mentor's availability if nobody changed it since {@code expectedVersion}. */
    Availability saveAvailability(TenantId tenant, String mentorId, Availability availability, long expectedVersion);

    // requests and matching
    /** Files a request; a learner has one request (and mentorship) at a time. */
    void request(MentoringRequest request);

    Optional<MentoringRequest> request(TenantId tenant, String menteeId);

    /** Requests waiting for a reviewer, oldest first. */
    List<MentoringRequest> openRequests(TenantId tenant, int limit);

    /**
     * Confirms a mentor for a request: the request becomes MATCHED, the mentor has one more
     * mentee (never above {@code maxCapacity}) and the mentorship exists — one transaction.
     */
    Mentorship match(MentoringRequest request, Mentorship mentorship, int maxCapacity);

    // mentorships and sessions
    Optional<Mentorship> mentorship(TenantId tenant, String mentorshipId);

    List<Mentorship> mentorshipsOf(TenantId tenant, String mentorId);

    List<Session> sessions(TenantId tenant, String mentorshipId);

    Optional<Session> session(TenantId tenant, String mentorshipId, String sessionId);

    /** A mentor's sessions starting in [from, to), in time order. */
    List<Session> mentorSessions(TenantId tenant, String mentorId, Instant from, Instant to);

    /** Sessions booked per ISO week ("2026-W49" → 2) of a mentorship. */
    Map<String, Integer> weekCounts(TenantId tenant, String mentorshipId);

    /** Half-hour units a person is busy in [from, to). */
    Set<Instant> busy(TenantId tenant, String userId, Instant from, Instant to);

    /**
     * Books a session: the mentor's and the mentee's half hours free, quota and weekly cap left,
     * the session inside the window, the mentorship active — or a problem, and nothing written.
     */
    Session book(Mentorship mentorship, Session session);

    /** The mentee cancels (see the five-argument form). */
    default Session cancel(Mentorship mentorship, Session session, boolean late, Instant now) {
        return cancel(mentorship, session, late, now, Session.Party.MENTEE);
    }

    /**
     * Cancels a booked session: its half hours come free; unless late, it goes back to the quota
     * and its week. {@code by} is recorded on the session ({@code changedBy}); the other side is
     * the one to tell, in this transaction.
     */
    Session cancel(Mentorship mentorship, Session session, boolean late, Instant now, Session.Party by);

    /** The mentee moves a session (see the five-argument form). */
    default Session reschedule(Mentorship mentorship, Session old, Session replacement, Instant now) {
        return reschedule(mentorship, old, replacement, now, Session.Party.MENTEE);
    }

    /** Moves a booked session to a new start in one transaction: all of it happens, or none; {@code by} is recorded. */
    Session reschedule(Mentorship mentorship, Session old, Session replacement, Instant now, Session.Party by);

    /**
     * The mentorship's weekly cap from now on (a booking that read the old cap fails its
     * {@code weeklyCap = :read} condition and is asked to try again); only while ACTIVE.
     */
    Mentorship setWeeklyCap(Mentorship mentorship, int cap);

    /** A mentor's record of a session that started: HELD or NO_SHOW, and a short note. */
    Session recordAttendance(Session session, Session.Status outcome, String note, Instant now);

    // a reviewer's changes (docs/adr/0030-mentoring-operations.md)
    /** One entry of a mentorship's history: REASSIGNED (from → to), COMPLETED or ENDED; who, when, why. */
    record MentorshipChange(String change, Instant at, String by, String reason, String fromMentorId, String toMentorId) {}

    /**
     * Gives an ACTIVE mentorship another mentor in one transaction: the mentorship (still with the
     * mentor read), both mentors' mentee counters (the new one below {@code maxCapacity}, term not
     * ended) and a history entry; {@code trialRefund} sessions go back to the quota (a change
     * of mentor during the trial). Sessions are not touched here.
     */
    Mentorship reassign(Mentorship mentorship, Mentor next, String reviewerId, String reason, Instant now, int maxCapacity, int trialRefund);

    /** Ends an ACTIVE mentorship as COMPLETED or ENDED in one transaction (the mentor's counter, a history entry). */
    Mentorship end(Mentorship mentorship, Mentorship.Status outcome, String reviewerId, String reason, Instant now);

    /** A mentorship's history, oldest first. */
    List<MentorshipChange> history(TenantId tenant, String mentorshipId);

    // extensions
    record ExtensionRequest(TenantId tenant, String mentorshipId, String menteeId, String status, Instant requestedAt,
                            Instant decidedAt) {}

    /** Asks for an extension; one pending at a time. */
    ExtensionRequest requestExtension(Mentorship mentorship, Instant now);

    Optional<ExtensionRequest> extension(TenantId tenant, String mentorshipId);

    List<ExtensionRequest> pendingExtensions(TenantId tenant, int limit);

    /** Approves (adds sessions and weeks to the mentorship, in the same transaction) or declines a pending extension. */
    Mentorship decideExtension(Mentorship mentorship, boolean approve, Instant now);
}

package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Mentoring in the application table (docs/adr/0011-mentoring-booking.md, docs/data-model.md):
 * the port, handed to one part per job. Every invariant is a condition of the one write or
 * transaction that changes it; transactions go through the one {@code TransactionRunner}.
 */
final class DynamoMentoringLedger implements MentoringLedger {
    private final MentorRecords mentors;
    private final RequestsAndMatching requests;
    private final MentoringReads reads;
    private final Booking booking;
    private final Attendance attendance;
    private final Extensions extensions;
    private final MentorshipEnds ends;

    DynamoMentoringLedger(MentoringTable table) {
        this.mentors = new MentorRecords(table);
        this.requests = new RequestsAndMatching(table);
        this.reads = new MentoringReads(table);
        this.booking = new Booking(table);
        this.attendance = new Attendance(table);
        this.extensions = new Extensions(table);
        this.ends = new MentorshipEnds(table);
    }

    @Override
    public Optional<Mentor> mentor(TenantId tenant, String userId) {
        return mentors.mentor(tenant, userId);
    }

    @Override
    public List<Mentor> mentors(TenantId tenant) {
        return mentors.mentors(tenant);
    }

    @Override
    public void saveMentor(Mentor mentor) {
        mentors.saveMentor(mentor);
    }

    @Override
    public Availability saveAvailability(TenantId tenant, String mentorId, Availability availability, long expectedVersion) {
        return mentors.saveAvailability(tenant, mentorId, availability, expectedVersion);
    }

    @Override
    public void request(MentoringRequest request) {
        requests.request(request);
    }

    @Override
    public Optional<MentoringRequest> request(TenantId tenant, String menteeId) {
        return requests.request(tenant, menteeId);
    }

    @Override
    public List<MentoringRequest> openRequests(TenantId tenant, int limit) {
        return requests.openRequests(tenant, limit);
    }

    @Override
    public Mentorship match(MentoringRequest request, Mentorship mentorship, int maxCapacity) {
        return requests.match(request, mentorship, maxCapacity);
    }

    @Override
    public Optional<Mentorship> mentorship(TenantId tenant, String mentorshipId) {
        return reads.mentorship(tenant, mentorshipId);
    }

    @Override
    public List<Mentorship> mentorshipsOf(TenantId tenant, String mentorId) {
        return reads.mentorshipsOf(tenant, mentorId);
    }

    @Override
    public List<Session> sessions(TenantId tenant, String mentorshipId) {
        return reads.sessions(tenant, mentorshipId);
    }

    @Override
    public Optional<Session> session(TenantId tenant, String mentorshipId, String sessionId) {
        return reads.session(tenant, mentorshipId, sessionId);
    }

    @Override
    public List<Session> mentorSessions(TenantId tenant, String mentorId, Instant from, Instant to) {
        return reads.mentorSessions(tenant, mentorId, from, to);
    }

    @Override
    public Map<String, Integer> weekCounts(TenantId tenant, String mentorshipId) {
        return reads.weekCounts(tenant, mentorshipId);
    }

    @Override
    public Set<Instant> busy(TenantId tenant, String userId, Instant from, Instant to) {
        return reads.busy(tenant, userId, from, to);
    }

    @Override
    public Session book(Mentorship mentorship, Session session) {
        return booking.book(mentorship, session);
    }

    @Override
    public Session cancel(Mentorship mentorship, Session session, boolean late, Instant now, Session.Party by) {
        return booking.cancel(mentorship, session, late, now, by);
    }

    @Override
    public Session reschedule(Mentorship mentorship, Session old, Session replacement, Instant now, Session.Party by) {
        return booking.reschedule(mentorship, old, replacement, now, by);
    }

    @Override
    public Mentorship setWeeklyCap(Mentorship mentorship, int cap) {
        return booking.setWeeklyCap(mentorship, cap);
    }

    @Override
    public Session recordAttendance(Session session, Session.Status outcome, String note, Instant now) {
        return attendance.recordAttendance(session, outcome, note, now);
    }

    @Override
    public Mentorship reassign(Mentorship mentorship, Mentor next, String reviewerId, String reason, Instant now, int maxCapacity,
                               int trialRefund) {
        return ends.reassign(mentorship, next, reviewerId, reason, now, maxCapacity, trialRefund);
    }

    @Override
    public Mentorship end(Mentorship mentorship, Mentorship.Status outcome, String reviewerId, String reason, Instant now) {
        return ends.end(mentorship, outcome, reviewerId, reason, now);
    }

    @Override
    public List<MentorshipChange> history(TenantId tenant, String mentorshipId) {
        return ends.history(tenant, mentorshipId);
    }

    @Override
    public ExtensionRequest requestExtension(Mentorship mentorship, Instant now) {
        return extensions.requestExtension(mentorship, now);
    }

    @Override
    public Optional<ExtensionRequest> extension(TenantId tenant, String mentorshipId) {
        return extensions.extension(tenant, mentorshipId);
    }

    @Override
    public List<ExtensionRequest> pendingExtensions(TenantId tenant, int limit) {
        return extensions.pendingExtensions(tenant, limit);
    }

    @Override
    public Mentorship decideExtension(Mentorship mentorship, boolean approve, Instant now) {
        return extensions.decideExtension(mentorship, approve, now);
    }
}

package kr.seoullearn.mentoring.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One mentoring session: a start on the hour or half hour, its own meeting link, and what
 * became of it. BOOKED, HELD, NO_SHOW and LATE_CANCELLED count toward the quota; CANCELLED and
 * RESCHEDULED (moved to another session) do not.
 *
 * <p>{@code calendarUid} and {@code sequence} are the session as calendars know it
 * (docs/adr/0029-calendars.md): a moved session is a new record carrying its predecessor's
 * calendar UID with the sequence one higher; a cancelled one keeps its UID, one higher too.
 */
public record Session(
        TenantId tenant,
        String mentorshipId,
        String id,
        String menteeId,
        String mentorId,
        Instant start,
        int minutes,
        Status status,
        String meetingUrl,
        String note,
        Instant bookedAt,
        Instant changedAt,
        String calendarUid,
        int sequence) {

    /** Who changed a session: its mentee or its mentor (the other side is the one to tell). */
    public enum Party { MENTEE, MENTOR, STAFF }

    public enum Status {
        BOOKED, HELD, NO_SHOW, CANCELLED, LATE_CANCELLED, RESCHEDULED;

        public boolean countsAsUsed() {
            return this != CANCELLED && this != RESCHEDULED;
        }

        /** Cancelled, early or late: calendars show the event as cancelled. */
        public boolean cancelled() {
            return this == CANCELLED || this == LATE_CANCELLED;
        }
    }

    public Session {
        if (calendarUid == null || calendarUid.isEmpty()) {
            calendarUid = id;
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
    }

    /** A session first booked: its calendar UID is its own id, sequence 0. */
    public Session(TenantId tenant, String mentorshipId, String id, String menteeId, String mentorId, Instant start, int minutes,
                   Status status, String meetingUrl, String note, Instant bookedAt, Instant changedAt) {
        this(tenant, mentorshipId, id, menteeId, mentorId, start, minutes, status, meetingUrl, note, bookedAt, changedAt, id, 0);
    }

    public Instant end() {
        return start.plusSeconds(60L * minutes);
    }

    /** The same session in another state from {@code at} (same calendar sequence). */
    public Session with(Status newStatus, Instant at) {
        return new Session(tenant, mentorshipId, id, menteeId, mentorId, start, minutes, newStatus, meetingUrl, note, bookedAt, at,
                calendarUid, sequence);
    }

    /** The same session cancelled (or cancelled late) at {@code at}: calendars see a new sequence. */
    public Session cancelledAs(Status outcome, Instant at) {
        return new Session(tenant, mentorshipId, id, menteeId, mentorId, start, minutes, outcome, meetingUrl, note, bookedAt, at,
                calendarUid, sequence + 1);
    }

    /** {@code next}, a new time for this session: the same calendar event, one sequence higher. */
    public Session movedTo(Session next) {
        return new Session(next.tenant, next.mentorshipId, next.id, next.menteeId, next.mentorId, next.start, next.minutes, next.status,
                next.meetingUrl, next.note, next.bookedAt, next.changedAt, calendarUid, sequence + 1);
    }
}

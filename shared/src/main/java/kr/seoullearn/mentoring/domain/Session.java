package kr.seoullearn.mentoring.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One mentoring session: a start on the hour or half hour, its own meeting link, and what
 * became of it. BOOKED, HELD, NO_SHOW and LATE_CANCELLED count toward the quota; CANCELLED and
 * RESCHEDULED (moved to another session) do not.
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
        Instant changedAt) {

    public enum Status {
        BOOKED, HELD, NO_SHOW, CANCELLED, LATE_CANCELLED, RESCHEDULED;

        public boolean countsAsUsed() {
            return this != CANCELLED && this != RESCHEDULED;
        }
    }

    public Instant end() {
        return start.plusSeconds(60L * minutes);
    }

    public Session with(Status newStatus, Instant at) {
        return new Session(tenant, mentorshipId, id, menteeId, mentorId, start, minutes, newStatus, meetingUrl, note, bookedAt, at);
    }
}

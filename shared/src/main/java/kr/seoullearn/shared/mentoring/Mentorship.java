package kr.seoullearn.shared.mentoring;

import java.time.Instant;
import kr.seoullearn.shared.tenant.TenantId;

/**
 * A mentee with their mentor under the rules in force when a reviewer confirmed the match
 * (copied here, so later rules never change a running mentorship): the quota ({@code quota}
 * sessions, {@code used} of them booked, held or cancelled late), the weekly cap and the window
 * the sessions lie in. An approved extension adds sessions and weeks.
 */
public record Mentorship(
        TenantId tenant,
        String id,
        String menteeId,
        String mentorId,
        String menteeName,
        String mentorName,
        String rulesId,
        int sessionMinutes,
        int quota,
        int used,
        int weeklyCap,
        int trialSessions,
        int minNoticeHours,
        int lateCancelHours,
        int extensionSessions,
        int extensionWeeks,
        Instant windowStart,
        Instant windowEnd,
        Status status,
        Instant createdAt) {

    public enum Status { ACTIVE, ENDED }

    public int remaining() {
        return Math.max(0, quota - used);
    }

    public boolean hasMember(String userId) {
        return menteeId.equals(userId) || mentorId.equals(userId);
    }
}

package kr.seoullearn.mentoring.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A mentee with their mentor under the rules in force when a reviewer confirmed the match
 * (copied here, so later rules never change a running mentorship): the quota ({@code quota}
 * sessions, {@code used} of them booked, held or cancelled late), the weekly cap and the window
 * the sessions lie in. An approved extension adds sessions and weeks. Where the rules allow more
 * sessions a week once the mentor agrees ({@code weeklyCapWithConsent} above {@code baseWeeklyCap}),
 * the mentor raises {@code weeklyCap} to it.
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
        Instant createdAt,
        int baseWeeklyCap,
        int weeklyCapWithConsent) {

    /** ACTIVE; COMPLETED (ran its course) or ENDED (stopped early, with a reason) by a reviewer. */
    public enum Status { ACTIVE, COMPLETED, ENDED }

    /** The same mentorship with another weekly cap (the mentor agreed to more, or took it back). */
    public Mentorship withWeeklyCap(int cap) {
        return new Mentorship(tenant, id, menteeId, mentorId, menteeName, mentorName, rulesId, sessionMinutes, quota, used, cap,
                trialSessions, minNoticeHours, lateCancelHours, extensionSessions, extensionWeeks, windowStart, windowEnd, status, createdAt,
                baseWeeklyCap, weeklyCapWithConsent);
    }

    public int remaining() {
        return Math.max(0, quota - used);
    }

    public boolean hasMember(String userId) {
        return menteeId.equals(userId) || mentorId.equals(userId);
    }
}

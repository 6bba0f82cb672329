package kr.seoullearn.mentoring.domain;

import java.time.LocalDate;
import java.util.Set;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A tenant's mentoring rules from a date on (docs/product.md, "How it evolved"): effective-dated
 * data like the eligibility programmes (docs/adr/0007), so the launch rules (16 × 30 min in
 * 8 weeks, ≤ 2 a week) and the later ones (60 min weekly, a second weekly session only with
 * the mentor's consent, trial sessions first, middle and high school only) are two records,
 * not two code paths.
 *
 * @param weeklyCap sessions a mentee may book in one ISO week (Monday to Sunday, Seoul time)
 * @param weeklyCapWithMentorConsent the cap once the mentor agreed to more (equal to {@code weeklyCap} when there is no such step)
 * @param minNoticeHours a session is booked at least this long before it starts
 * @param lateCancelHours a cancel later than this before the start counts the session as used
 * @param trialSessions the first sessions of a mentorship are trial sessions (shown as such)
 * @param mentorStandardCapacity mentees a mentor normally has (matching prefers mentors below it)
 * @param mentorMaxCapacity mentees a mentor never exceeds
 */
public record MentoringRules(
        TenantId tenant,
        String id,
        LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        int sessionMinutes,
        int totalSessions,
        int windowWeeks,
        int weeklyCap,
        int weeklyCapWithMentorConsent,
        int minNoticeHours,
        int lateCancelHours,
        int trialSessions,
        Set<SchoolLevel> levels,
        int extensionSessions,
        int extensionWeeks,
        int mentorStandardCapacity,
        int mentorMaxCapacity) {

    public MentoringRules {
        if (sessionMinutes < BookingRules.UNIT_MINUTES || sessionMinutes > 180 || sessionMinutes % BookingRules.UNIT_MINUTES != 0) {
            throw new IllegalArgumentException("sessionMinutes must be a multiple of 30 up to 180");
        }
        if (totalSessions < 1 || windowWeeks < 1 || weeklyCap < 1 || weeklyCapWithMentorConsent < weeklyCap
                || minNoticeHours < 0 || lateCancelHours < 0 || trialSessions < 0 || trialSessions > totalSessions
                || extensionSessions < 0 || extensionWeeks < 0
                || mentorStandardCapacity < 1 || mentorMaxCapacity < mentorStandardCapacity) {
            throw new IllegalArgumentException("inconsistent mentoring rules " + id);
        }
        levels = Set.copyOf(levels);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    public boolean serves(SchoolLevel level) {
        return level != null && levels.contains(level);
    }
}

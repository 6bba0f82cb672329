package kr.seoullearn.reminders.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The due reminders other contexts plan with their own state (docs/adr/0013), from plain values:
 * mentoring adds a session's to the transaction that books or moves it, laptops a request's to
 * the status change. Subjects carry the occurrence (session start, loan due date) so a moved
 * session or a changed due date gets reminders of its own and the old ones no longer apply.
 */
public final class FeatureReminders {
    /** Laptop reminders go out at this Seoul time of their day. */
    static final LocalTime LAPTOP_HOUR = LocalTime.of(9, 0);

    private FeatureReminders() {}

    /** 24 hours and 1 hour before the session, to the mentee and to the mentor. */
    public static List<DueReminder> session(TenantId tenant, String mentorshipId, String sessionId, String menteeId, String mentorId,
                                            Instant start) {
        Map<String, String> params = Map.of("mentorshipId", mentorshipId, "sessionId", sessionId, "start", start.toString());
        String subject = sessionId + "@" + start;
        Instant dayBefore = start.minus(Duration.ofHours(24));
        Instant hourBefore = start.minus(Duration.ofHours(1));
        return List.of(
                DueReminder.of(tenant, ReminderKind.SESSION_24H, subject, menteeId, dayBefore, params).staleAfter(hourBefore),
                DueReminder.of(tenant, ReminderKind.SESSION_24H, subject, mentorId, dayBefore, params).staleAfter(hourBefore),
                DueReminder.of(tenant, ReminderKind.SESSION_1H, subject, menteeId, hourBefore, params).staleAfter(start),
                DueReminder.of(tenant, ReminderKind.SESSION_1H, subject, mentorId, hourBefore, params).staleAfter(start));
    }

    /** The loan ends on {@code dueOn}: 7 days before and on the day, at 09:00 Seoul. */
    public static List<DueReminder> laptopReturn(TenantId tenant, String requestId, String userId, LocalDate dueOn) {
        Map<String, String> params = Map.of("requestId", requestId, "dueOn", dueOn.toString());
        String subject = requestId + "@" + dueOn;
        return List.of(
                DueReminder.of(tenant, ReminderKind.LAPTOP_RETURN_SOON, subject, userId, at(dueOn.minusDays(7)), params)
                        .staleAfter(at(dueOn)),
                DueReminder.of(tenant, ReminderKind.LAPTOP_RETURN_DUE, subject, userId, at(dueOn), params)
                        .staleAfter(dueOn.plusDays(1).atStartOfDay(MessageTemplates.SEOUL).toInstant()));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LAPTOP_HOUR).atZone(MessageTemplates.SEOUL).toInstant();
    }
}

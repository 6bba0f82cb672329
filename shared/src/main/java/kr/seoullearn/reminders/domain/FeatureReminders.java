package kr.seoullearn.reminders.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.mentoring.domain.Session;

/**
 * The due reminders that mentoring and laptops write with their own state (ADR 13): each
 * feature's adapter adds them to the transaction that books a session or changes a request.
 * Subjects carry the occurrence (session start, loan due date) so a moved session or a changed
 * due date gets reminders of its own and the old ones no longer apply.
 */
public final class FeatureReminders {
    /** Laptop reminders go out at this Seoul time of their day. */
    static final LocalTime LAPTOP_HOUR = LocalTime.of(9, 0);

    private FeatureReminders() {}

    /** 24 hours and 1 hour before the session, to the mentee and to the mentor. */
    public static List<DueReminder> session(Session s) {
        Map<String, String> params = Map.of("mentorshipId", s.mentorshipId(), "sessionId", s.id(), "start", s.start().toString());
        String subject = s.id() + "@" + s.start();
        Instant dayBefore = s.start().minus(Duration.ofHours(24));
        Instant hourBefore = s.start().minus(Duration.ofHours(1));
        return List.of(
                DueReminder.of(s.tenant(), ReminderKind.SESSION_24H, subject, s.menteeId(), dayBefore, params).staleAfter(hourBefore),
                DueReminder.of(s.tenant(), ReminderKind.SESSION_24H, subject, s.mentorId(), dayBefore, params).staleAfter(hourBefore),
                DueReminder.of(s.tenant(), ReminderKind.SESSION_1H, subject, s.menteeId(), hourBefore, params).staleAfter(s.start()),
                DueReminder.of(s.tenant(), ReminderKind.SESSION_1H, subject, s.mentorId(), hourBefore, params).staleAfter(s.start()));
    }

    /** The laptop is ready: at once. */
    public static DueReminder laptopReady(LaptopRequest r, Instant now) {
        return DueReminder.of(r.tenant(), ReminderKind.LAPTOP_READY, r.requestId() + "@ready", r.userId(), now,
                Map.of("requestId", r.requestId()));
    }

    /** The loan ends on {@code dueOn}: 7 days before and on the day, at 09:00 Seoul. */
    public static List<DueReminder> laptopReturn(LaptopRequest r, LocalDate dueOn) {
        Map<String, String> params = Map.of("requestId", r.requestId(), "dueOn", dueOn.toString());
        String subject = r.requestId() + "@" + dueOn;
        return List.of(
                DueReminder.of(r.tenant(), ReminderKind.LAPTOP_RETURN_SOON, subject, r.userId(), at(dueOn.minusDays(7)), params)
                        .staleAfter(at(dueOn)),
                DueReminder.of(r.tenant(), ReminderKind.LAPTOP_RETURN_DUE, subject, r.userId(), at(dueOn), params)
                        .staleAfter(dueOn.plusDays(1).atStartOfDay(MessageTemplates.SEOUL).toInstant()));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LAPTOP_HOUR).atZone(MessageTemplates.SEOUL).toInstant();
    }
}

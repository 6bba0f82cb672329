package kr.seoullearn.mentoring.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The booking rules that depend only on the clock and the request: Seoul time, starts on the
 * hour or half hour, notice, the mentorship's window, the mentor's availability, the ISO week a
 * session counts in, the half-hour units a session occupies and when a cancel is late. What
 * depends on other requests (a slot taken, quota, weekly cap) is a DynamoDB condition
 * (docs/adr/0011-mentoring-booking.md).
 */
public final class BookingRules {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Sessions start on the hour or half hour and occupy whole half hours. */
    public static final int UNIT_MINUTES = 30;

    private BookingRules() {}

    /** On :00 or :30 in Seoul (Seoul has no half-hour offset, but the rule is stated in Seoul time). */
    public static boolean onHalfHour(Instant start) {
        ZonedDateTime t = start.atZone(SEOUL);
        return t.getSecond() == 0 && t.getNano() == 0 && t.getMinute() % UNIT_MINUTES == 0;
    }

    /** The ISO week (Monday to Sunday, Seoul time) a session starting then counts in, e.g. {@code 2026-W49}. */
    public static String week(Instant start) {
        ZonedDateTime t = start.atZone(SEOUL);
        return String.format("%04d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of the Seoul week a date is in. */
    public static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The half-hour units a session occupies, as their start instants: what the lock items are keyed by. */
    public static List<Instant> units(Instant start, int minutes) {
        List<Instant> units = new ArrayList<>();
        for (int m = 0; m < minutes; m += UNIT_MINUTES) {
            units.add(start.plus(Duration.ofMinutes(m)));
        }
        return units;
    }

    public static boolean enoughNotice(Instant now, Instant start, int hours) {
        return !start.isBefore(now.plus(Duration.ofHours(hours)));
    }

    /** Cancelled less than {@code hours} before the start: the session counts as used. */
    public static boolean lateCancel(Instant now, Instant start, int hours) {
        return now.plus(Duration.ofHours(hours)).isAfter(start);
    }

    public static boolean withinWindow(Instant start, int minutes, Instant windowStart, Instant windowEnd) {
        return !start.isBefore(windowStart) && !start.plus(Duration.ofMinutes(minutes)).isAfter(windowEnd);
    }

    /**
     * Why a start cannot be booked in a mentorship now, or empty when only the checks inside
     * DynamoDB (slot free, quota, weekly cap) remain.
     */
    public static Optional<MentoringRefusal> refusal(Mentorship m, Availability availability, Instant start, Instant now) {
        if (!onHalfHour(start)) {
            return Optional.of(MentoringRefusal.SESSION_START_NOT_ON_HALF_HOUR);
        }
        if (m.status() != Mentorship.Status.ACTIVE) {
            return Optional.of(MentoringRefusal.MENTORSHIP_NOT_ACTIVE);
        }
        if (!start.isAfter(now) || !enoughNotice(now, start, m.minNoticeHours())) {
            return Optional.of(MentoringRefusal.SESSION_NOTICE_TOO_SHORT);
        }
        if (!withinWindow(start, m.sessionMinutes(), m.windowStart(), m.windowEnd())) {
            return Optional.of(MentoringRefusal.SESSION_OUTSIDE_WINDOW);
        }
        if (!availability.offers(LocalDateTime.ofInstant(start, SEOUL), m.sessionMinutes())) {
            return Optional.of(MentoringRefusal.MENTOR_NOT_AVAILABLE);
        }
        return Optional.empty();
    }

    /** The end of the Seoul day {@code weeks} weeks after a date: where a window that starts that day ends. */
    public static Instant windowEnd(LocalDate firstDay, int weeks) {
        return firstDay.plusWeeks(weeks).plusDays(1).atStartOfDay(SEOUL).toInstant();
    }
}

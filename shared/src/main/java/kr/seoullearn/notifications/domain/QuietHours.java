package kr.seoullearn.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS to a minor at night, Seoul time: from 21:00 to 08:00 a text is held until 08:00 (the
 * in-app inbox and e-mail are not held: they do not ring a phone).
 */
public final class QuietHours {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final LocalTime FROM = LocalTime.of(21, 0);
    public static final LocalTime UNTIL = LocalTime.of(8, 0);

    private QuietHours() {}

    public static boolean quiet(Instant at) {
        LocalTime t = at.atZone(SEOUL).toLocalTime();
        return !t.isBefore(FROM) || t.isBefore(UNTIL);
    }

    /** The morning hour that ends the night {@code at} falls in (itself when not quiet). */
    public static Instant morningAfter(Instant at) {
        if (!quiet(at)) {
            return at;
        }
        ZonedDateTime z = at.atZone(SEOUL);
        ZonedDateTime morning = z.toLocalDate().atTime(UNTIL).atZone(SEOUL);
        return (z.toLocalTime().isBefore(UNTIL) ? morning : morning.plusDays(1)).toInstant();
    }
}

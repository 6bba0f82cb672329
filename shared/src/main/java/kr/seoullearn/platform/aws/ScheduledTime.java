package kr.seoullearn.platform.aws;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The time a scheduled function works as of: EventBridge Scheduler's
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}} (the template passes it), or an
 * EventBridge rule's event {@code time}; else, invoked by hand or with the placeholder not
 * substituted, the clock. A retry of the same schedule therefore works as of the same time.
 */
public final class ScheduledTime {
    private ScheduledTime() {
    }

    public static Instant of(Map<String, Object> event, Clock clock) {
        for (String key : new String[] {"scheduledTime", "time"}) {
            if (event != null && event.get(key) instanceof String s) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e) {
                    // not substituted: try the next, then the clock
                }
            }
        }
        return clock.instant();
    }
}

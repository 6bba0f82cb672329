package kr.seoullearn.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run works as of the schedule's time, so a retried invocation sees the same reminders due. */
class ReminderHandlerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final ReminderHandler handler = new ReminderHandler(null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void takesTheSchedulersScheduledTime() {
        assertThat(handler.scheduledTime(Map.of("scheduledTime", "2026-12-03T23:15:00Z"))).isEqualTo(Instant.parse("2026-12-03T23:15:00Z"));
    }

    @Test
    void takesAnEventBridgeEventsTime() {
        assertThat(handler.scheduledTime(Map.of("time", "2026-12-03T23:15:00Z", "detail-type", "Scheduled Event")))
                .isEqualTo(Instant.parse("2026-12-03T23:15:00Z"));
    }

    @Test
    void fallsBackToTheClockWhenTheAttributeWasNotFilledIn() {
        assertThat(handler.scheduledTime(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>"))).isEqualTo(NOW);
        assertThat(handler.scheduledTime(Map.of())).isEqualTo(NOW);
        assertThat(handler.scheduledTime(null)).isEqualTo(NOW);
    }
}

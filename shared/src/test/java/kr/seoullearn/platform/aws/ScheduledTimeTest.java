package kr.seoullearn.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduledTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void theSchedulersTimeOrTheRulesEventTimeElseTheClock() {
        assertThat(ScheduledTime.of(Map.of("scheduledTime", "2026-12-03T23:15:00Z"), CLOCK)).isEqualTo(Instant.parse("2026-12-03T23:15:00Z"));
        assertThat(ScheduledTime.of(Map.of("time", "2026-12-03T23:15:00Z", "detail-type", "Scheduled Event"), CLOCK))
                .isEqualTo(Instant.parse("2026-12-03T23:15:00Z"));
        assertThat(ScheduledTime.of(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>", "time", "2026-12-01T00:00:00Z"), CLOCK))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ScheduledTime.of(Map.of("scheduledTime", "<aws.scheduler.scheduled-time>"), CLOCK)).isEqualTo(NOW);
        assertThat(ScheduledTime.of(Map.of(), CLOCK)).isEqualTo(NOW);
        assertThat(ScheduledTime.of(null, CLOCK)).isEqualTo(NOW);
    }
}

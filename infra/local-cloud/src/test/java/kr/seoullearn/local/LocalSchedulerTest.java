package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.template.Template;
import org.junit.jupiter.api.Test;

/** The schedules of template.yaml fired on their expressions and on demand, against a clock we move. */
class LocalSchedulerTest {

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovingClock self = this;
            return new Clock() {
                @Override public ZoneId getZone() { return zone; }
                @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
                @Override public Instant instant() { return self.instant(); }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<String> invoked = new ArrayList<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T00:00:30Z"));
    private final LocalScheduler scheduler = new LocalScheduler(List.of(
            new Template.Schedule("RemindersFunction", "Hourly", "rate(1 hour)", "Asia/Seoul", true, null),
            new Template.Schedule("RemindersFunction", "Morning", "cron(0 9 * * ? *)", "Asia/Seoul", true, "{\"kind\":\"digest\"}"),
            new Template.Schedule("RemindersFunction", "Paused", "rate(1 minute)", "UTC", false, null)),
            (function, payload) -> {
                invoked.add(function + " " + payload);
                return "{\"ok\":true}";
            }, clock, "ap-northeast-2");

    @Test
    void firesOnDemandWithTheEventSchedulerSendsOrTheTargetsInput() {
        assertThat(scheduler.fire("RemindersFunction.Hourly")).hasValue("{\"ok\":true}");
        Map<String, Object> event = JsonText.readObject(invoked.get(0).substring("RemindersFunction ".length()));
        assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.scheduler")
                .containsEntry("time", "2026-11-28T00:00:30Z").containsEntry("region", "ap-northeast-2");
        assertThat(String.valueOf(event.get("resources"))).contains("schedule/default/RemindersFunction.Hourly");
        scheduler.fire("RemindersFunction.Morning");
        assertThat(invoked.get(1)).isEqualTo("RemindersFunction {\"kind\":\"digest\"}");
        assertThat(scheduler.fire("NoSuch.Schedule")).isEmpty();
    }

    @Test
    void fillsSchedulersContextAttributesInTheInputWithTheTimeItWasFiredFor() {
        LocalScheduler scheduler = new LocalScheduler(List.of(new Template.Schedule("RemindersFunction", "Timed", "rate(15 minutes)",
                "Asia/Seoul", true, "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\"}")), (function, payload) -> {
                    invoked.add(function + " " + payload);
                    return "{}";
                }, clock, "ap-northeast-2");
        scheduler.fire("RemindersFunction.Timed");
        assertThat(invoked.get(0)).isEqualTo("RemindersFunction {\"scheduledTime\": \"2026-11-28T00:00:30Z\"}");
        // a test's injected clock: as if scheduled then
        scheduler.fire("RemindersFunction.Timed", Instant.parse("2027-01-04T23:00:00Z"));
        assertThat(invoked.get(1)).isEqualTo("RemindersFunction {\"scheduledTime\": \"2027-01-04T23:00:00Z\"}");
    }

    @Test
    void firesEachEnabledScheduleWhenItIsDueAndOnlyThen() {
        scheduler.tick(); // learns when each is next due
        assertThat(invoked).isEmpty();
        clock.advance(Duration.ofMinutes(59));
        scheduler.tick();
        assertThat(invoked).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();
        assertThat(invoked).hasSize(1).allSatisfy(i -> assertThat(i).contains("Scheduled Event"));
        // 09:00 Seoul is 00:00 UTC the next day
        clock.advance(Duration.ofHours(23).plusMinutes(-1));
        scheduler.tick();
        int before = invoked.size();
        clock.advance(Duration.ofMinutes(1));
        scheduler.tick();
        assertThat(invoked.subList(before, invoked.size())).contains("RemindersFunction {\"kind\":\"digest\"}");
        assertThat(invoked).noneMatch(i -> i.contains("Paused"));
        assertThat(scheduler.describe()).extracting(m -> m.get("name"))
                .containsExactly("RemindersFunction.Hourly", "RemindersFunction.Morning", "RemindersFunction.Paused");
    }
}

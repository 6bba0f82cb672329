package kr.seoullearn.local.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void rateFiresEveryPeriodFromTheStart() {
        ZonedDateTime start = ZonedDateTime.of(2026, 11, 28, 9, 0, 0, 0, SEOUL);
        ScheduleExpression every15 = ScheduleExpression.parse("rate(15 minutes)");
        assertThat(every15.next(start, start)).isEqualTo(start.plusMinutes(15));
        assertThat(every15.next(start.plusMinutes(16), start)).isEqualTo(start.plusMinutes(30));
        assertThat(ScheduleExpression.parse("rate(1 day)").next(start, start)).isEqualTo(start.plusDays(1));
    }

    @Test
    void cronFiresAtTheNextMatchingMinuteInItsTimeZone() {
        // every day at 07:30 Seoul time
        ScheduleExpression daily = ScheduleExpression.parse("cron(30 7 * * ? *)");
        assertThat(daily.next(ZonedDateTime.of(2026, 11, 28, 7, 30, 0, 0, SEOUL), null))
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 7, 30, 0, 0, SEOUL));
        assertThat(daily.next(ZonedDateTime.of(2026, 11, 28, 6, 0, 0, 0, SEOUL), null))
                .isEqualTo(ZonedDateTime.of(2026, 11, 28, 7, 30, 0, 0, SEOUL));
    }

    @Test
    void cronUnderstandsWeekdayNamesRangesAndSteps() {
        // every 15 minutes on weekdays, 9–17 h (2026-11-28 is a Saturday)
        ScheduleExpression office = ScheduleExpression.parse("cron(0/15 9-17 ? * MON-FRI *)");
        assertThat(office.next(ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, SEOUL), null))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, SEOUL));
        assertThat(office.next(ZonedDateTime.of(2026, 11, 30, 9, 7, 0, 0, SEOUL), null))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 15, 0, 0, SEOUL));
        // first day of every month at midnight
        assertThat(ScheduleExpression.parse("cron(0 0 1 * ? *)").next(ZonedDateTime.of(2026, 11, 28, 0, 0, 0, 0, SEOUL), null))
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, SEOUL));
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 0 L * ? *)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("every day")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 0 * *)")).isInstanceOf(IllegalArgumentException.class);
    }
}

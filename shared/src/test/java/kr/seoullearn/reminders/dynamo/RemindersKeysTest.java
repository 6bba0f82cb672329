package kr.seoullearn.reminders.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class RemindersKeysTest {
    static final Instant AT = Instant.parse("2026-12-04T01:00:00.123Z");

    @Test
    void bucketsAreUtcHoursAndSortKeysFixedWidthSecondsSoTheySortByTime() {
        assertThat(RemindersKeys.dueBucket(TenantId.SEOUL, AT)).isEqualTo("T#seoul#DUE#2026-12-04T01");
        assertThat(RemindersKeys.dueSortKey(AT, "X")).isEqualTo("2026-12-04T01:00:00Z#X");
        assertThat(RemindersKeys.dueSortKey(Instant.parse("2026-12-04T01:00:00Z"), "X"))
                .isLessThan(RemindersKeys.dueSortKey(Instant.parse("2026-12-04T01:00:01Z"), "X"));
    }
}

package kr.seoullearn.reminders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class DueReminderTest {
    private static final Instant AT = Instant.parse("2026-12-04T01:00:00.123Z");

    @Test
    void itsIdentityIsKindSubjectAndRecipientSoRewritingItNeverMakesASecondReminder() {
        var a = DueReminder.of(TenantId.SEOUL, ReminderKind.DOCUMENTS_MISSING, "sub-1@draft", "sub-1", AT, Map.of());
        var b = DueReminder.of(TenantId.SEOUL, ReminderKind.DOCUMENTS_MISSING, "sub-1@draft", "sub-1", AT.plusSeconds(60), Map.of());
        assertThat(a.identity()).isEqualTo(b.identity()).isEqualTo("DOCUMENTS_MISSING#sub-1@draft#sub-1");
    }

    @Test
    void refusesKeyPartsThatWouldBreakTheKeys() {
        assertThatThrownBy(() -> DueReminder.of(TenantId.SEOUL, ReminderKind.DOCUMENTS_MISSING, "a#b", "sub", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DueReminder.of(TenantId.SEOUL, ReminderKind.DOCUMENTS_MISSING, "a", " ", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package kr.seoullearn.reminders.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.ReminderQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reminder queue on the emulator: found by its due hour, claimed by one run only, put back after a failed send. */
class ReminderQueueIT {
    static final Instant NOW = Instant.parse("2026-12-04T01:30:00Z");
    private static TestStack stack;
    private static ReminderQueue queue;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("reminder-queue");
        queue = RemindersStorage.queue(stack.aws().dynamoDb(), stack.table());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static List<DueReminder> due(TenantId tenant) {
        List<DueReminder> due = new ArrayList<>();
        queue.due(tenant, NOW.minusSeconds(3600), NOW, due::add);
        return due;
    }

    @Test
    void aDueReminderIsClaimedByOneRunAndConfirmedOnce() {
        TenantId tenant = new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
        DueReminder r = DueReminder.of(tenant, ReminderKind.LAPTOP_READY, "req@ready", "sub-1", NOW.minusSeconds(60), Map.of());
        queue.schedule(r);
        assertThat(due(tenant)).containsExactly(r);

        assertThat(queue.claim(r, "run-1", NOW)).isTrue();
        assertThat(queue.claim(r, "run-2", NOW)).isFalse();
        assertThat(due(tenant)).isEmpty();
        queue.confirm(r, "run-1", "message-1", NOW);

        queue.schedule(r); // written again by a retried trigger: already sent, so dropped at the claim
        assertThat(queue.claim(r, "run-3", NOW)).isFalse();
        assertThat(due(tenant)).isEmpty();
    }

    @Test
    void aFailedSendPutsTheReminderBackWithOneMoreAttempt() {
        TenantId tenant = new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
        DueReminder r = DueReminder.of(tenant, ReminderKind.LAPTOP_READY, "req@ready", "sub-2", NOW.minusSeconds(60), Map.of());
        queue.schedule(r);
        assertThat(queue.claim(r, "run-1", NOW)).isTrue();

        assertThat(queue.release(r, "run-1", "refused", 5, NOW)).isTrue();

        assertThat(due(tenant)).singleElement().satisfies(again -> assertThat(again.attempts()).isEqualTo(1));
        DueReminder again = due(tenant).get(0);
        assertThat(queue.claim(again, "run-2", NOW)).isTrue();
    }
}

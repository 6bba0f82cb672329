package kr.seoullearn.notifications.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.port.Inbox;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The notifications' adapters on the emulator: a notice exists exactly when the state change that
 * caused it committed; each delivery is claimed by one of two parallel dispatches; the inbox pages
 * newest first with its unread count and marks read only the caller's own; preferences are versioned.
 */
class NoticeOutboxIT {
    static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static TestStack stack;
    private static NoticeWrites writes;
    private static NoticeOutbox outbox;
    private static Inbox inbox;
    private static PreferencesStore preferences;
    private static TransactionRunner runner;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("notice-outbox");
        writes = NotificationsStorage.writes(stack.table());
        outbox = NotificationsStorage.outbox(stack.aws().dynamoDb(), stack.table());
        inbox = NotificationsStorage.inboxOf(stack.aws().dynamoDb(), stack.table());
        preferences = NotificationsStorage.preferences(stack.aws().dynamoDb(), stack.table());
        runner = new TransactionRunner(stack.aws().dynamoDb());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private static TenantId tenant() {
        return new TenantId("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static List<NoticeOutbox.Due> due(TenantId tenant, Instant now) {
        List<NoticeOutbox.Due> due = new ArrayList<>();
        outbox.due(tenant, now.minusSeconds(24 * 3600), now, due::add);
        return due;
    }

    /** A state change (a conditional put of a "thing") and its notice, in one transaction. */
    private static Transaction change(TenantId tenant, String thing, boolean mustBeNew, Notice notice) {
        Transaction tx = Transaction.named("state change");
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(stack.table())
                .item(Map.of("PK", AttributeValue.fromS("T#" + tenant.value() + "#THING"), "SK", AttributeValue.fromS(thing)))
                .conditionExpression(mustBeNew ? "attribute_not_exists(PK)" : "attribute_exists(PK)")).build(), Problem.VERSION_CONFLICT);
        writes.add(tx, notice);
        return tx;
    }

    @Test
    void aNoticeIsWrittenWithItsStateChangeAndNotWithoutIt() {
        TenantId tenant = tenant();
        Notice told = Notice.of(tenant, NoticeKind.APPLICATION_RECEIVED, "sub-1@now", "sub-1", Map.of(), NOW);
        runner.commit(change(tenant, "thing-1", true, told));
        assertThat(due(tenant, NOW)).singleElement().satisfies(d -> assertThat(d.notice()).isEqualTo(told));
        assertThat(inbox.page(tenant, "sub-1", null, 10).entries()).extracting(Inbox.Entry::id).containsExactly(told.id());

        // the state change refused (its condition failed): no notice, no inbox entry
        Notice never = Notice.of(tenant, NoticeKind.APPLICATION_APPROVED, "sub-2@now", "sub-2", Map.of(), NOW);
        assertThatThrownBy(() -> runner.commit(change(tenant, "thing-2", false, never))).isInstanceOf(ProblemException.class);
        assertThat(due(tenant, NOW)).extracting(d -> d.notice().id()).containsExactly(told.id());
        assertThat(inbox.page(tenant, "sub-2", null, 10).entries()).isEmpty();
    }

    @Test
    void twoParallelDispatchesClaimEachDeliveryOnce() throws Exception {
        TenantId tenant = tenant();
        Notice n = Notice.of(tenant, NoticeKind.SESSION_BOOKED, "session-9", "sub-3", Map.of("start", NOW.toString()), NOW);
        runner.commit(change(tenant, "thing-3", true, n));
        NoticeOutbox.Due d = due(tenant, NOW).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String run = "run-" + i;
                Channel channel = i % 2 == 0 ? Channel.EMAIL : Channel.SMS;
                claims.add(() -> outbox.claim(d, NoticeOutbox.Audience.SELF, channel, run, NOW));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).as("one claim per channel").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        // a delivery refused by the service is unclaimed by its own run only, and can be claimed again
        assertThat(outbox.claim(d, NoticeOutbox.Audience.GUARDIAN, Channel.SMS, "run-a", NOW)).isTrue();
        outbox.unclaim(d, NoticeOutbox.Audience.GUARDIAN, Channel.SMS, "run-b");
        assertThat(outbox.claim(d, NoticeOutbox.Audience.GUARDIAN, Channel.SMS, "run-c", NOW)).isFalse();
        outbox.unclaim(d, NoticeOutbox.Audience.GUARDIAN, Channel.SMS, "run-a");
        assertThat(outbox.claim(d, NoticeOutbox.Audience.GUARDIAN, Channel.SMS, "run-c", NOW)).isTrue();
        outbox.done(d);
        assertThat(due(tenant, NOW)).isEmpty();
        // the same event written again (a retried trigger): the same items, and its deliveries stay claimed
        runner.commit(change(tenant, "thing-3b", true, n));
        NoticeOutbox.Due again = due(tenant, NOW).get(0);
        assertThat(outbox.claim(again, NoticeOutbox.Audience.SELF, Channel.EMAIL, "run-z", NOW)).isFalse();
        assertThat(inbox.page(tenant, "sub-3", null, 10).entries()).hasSize(1);
    }

    @Test
    void heldDeliveriesComeBackAtTheMorningHourAndFailuresEndAsDeadLetters() {
        TenantId tenant = tenant();
        Instant night = Instant.parse("2026-12-07T14:00:00Z"); // 23:00 Seoul
        Instant morning = Instant.parse("2026-12-07T23:00:00Z"); // 08:00 Seoul
        Notice n = Notice.of(tenant, NoticeKind.MENTOR_ASSIGNED, "m-1", "sub-4", Map.of(), night);
        runner.commit(change(tenant, "thing-4", true, n));
        NoticeOutbox.Due d = due(tenant, night).get(0);
        outbox.hold(d, Set.of("SELF#SMS"), morning);
        outbox.hold(d, Set.of("SELF#SMS"), morning); // twice is once
        outbox.done(d);
        assertThat(due(tenant, night.plusSeconds(3600))).isEmpty();
        assertThat(due(tenant, morning)).singleElement().satisfies(h -> {
            assertThat(h.includes(NoticeOutbox.Audience.SELF, Channel.SMS)).isTrue();
            assertThat(h.includes(NoticeOutbox.Audience.SELF, Channel.EMAIL)).isFalse();
        });
        NoticeOutbox.Due h = due(tenant, morning).get(0);
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(outbox.retryLater(due(tenant, morning).get(0), "Throttling", 5, morning)).isTrue();
        }
        assertThat(due(tenant, morning).get(0).attempts()).isEqualTo(4);
        assertThat(outbox.retryLater(due(tenant, morning).get(0), "Throttling", 5, morning)).isFalse();
        assertThat(due(tenant, morning)).isEmpty();
        var dead = stack.aws().dynamoDb().query(q -> q.tableName(stack.table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + tenant.value() + "#NOTICEDEAD")))).items();
        assertThat(dead).singleElement().satisfies(i -> {
            assertThat(i.get("failure").s()).isEqualTo("Throttling");
            assertThat(i.get("kind").s()).isEqualTo("MENTOR_ASSIGNED");
        });
        assertThat(h.attempts()).isZero();
    }

    @Test
    void theInboxPagesNewestFirstCountsUnreadAndMarksOnlyTheOwnersNotice() {
        TenantId tenant = tenant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Notice n = Notice.of(tenant, NoticeKind.SESSION_CANCELLED, "s-" + i, "sub-5", Map.of("start", NOW.toString()),
                    NOW.plusSeconds(i * 60L));
            runner.commit(change(tenant, "thing-5-" + i, true, n));
            ids.add(0, n.id());
        }
        Inbox.Page first = inbox.page(tenant, "sub-5", null, 2);
        assertThat(first.entries()).extracting(Inbox.Entry::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.unread()).isEqualTo(5);
        Inbox.Page second = inbox.page(tenant, "sub-5", first.next(), 2);
        assertThat(second.entries()).extracting(Inbox.Entry::id).containsExactly(ids.get(2), ids.get(3));
        Inbox.Page last = inbox.page(tenant, "sub-5", second.next(), 2);
        assertThat(last.entries()).extracting(Inbox.Entry::id).containsExactly(ids.get(4));

        Instant read = NOW.plusSeconds(3600);
        assertThat(inbox.markRead(tenant, "sub-5", ids.get(2), read)).get().satisfies(e -> assertThat(e.readAt()).isEqualTo(read));
        assertThat(inbox.markRead(tenant, "sub-5", ids.get(2), read.plusSeconds(60))).get()
                .satisfies(e -> assertThat(e.readAt()).as("the first time stays").isEqualTo(read));
        assertThat(inbox.markRead(tenant, "someone-else", ids.get(3), read)).isEmpty();
        assertThat(inbox.markRead(tenant(), "sub-5", ids.get(3), read)).as("another tenant").isEmpty();
        assertThat(inbox.page(tenant, "sub-5", null, 10).unread()).isEqualTo(4);
        assertThat(inbox.page(tenant, "someone-else", null, 10).entries()).isEmpty();
    }

    @Test
    void preferencesAreVersioned() {
        TenantId tenant = tenant();
        assertThat(preferences.find(tenant, "sub-6").version()).isZero();
        NotificationPreferences chosen = NotificationPreferences.parse(Map.of("version", 0, "language", "zh", "smsNumber", "+821055512345",
                "channels", Map.of("session-booked", List.of("sms"))));
        assertThat(preferences.save(tenant, "sub-6", chosen).version()).isEqualTo(1);
        NotificationPreferences stored = preferences.find(tenant, "sub-6");
        assertThat(stored.language()).isEqualTo(Language.ZH);
        assertThat(stored.smsNumber()).isEqualTo("+821055512345");
        assertThat(stored.channels(NoticeKind.SESSION_BOOKED)).containsExactly(Channel.SMS);
        assertThatThrownBy(() -> preferences.save(tenant, "sub-6", chosen)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().code()).isEqualTo("version-conflict"));
    }
}

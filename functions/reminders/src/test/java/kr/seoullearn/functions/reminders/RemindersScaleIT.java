package kr.seoullearn.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kr.seoullearn.registration.dynamo.DynamoApplicationStore;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A run's reads grow with the reminders due, not with the learners (issue 7; docs/performance.md):
 * the same 20 reminders due among few learners and among many cost exactly the same DynamoDB
 * calls and items read. Every learner has a profile and a reminder due in the coming weeks, and
 * none of that is read. Calls are counted by {@code CallCounter}, items read by an interceptor on
 * the same client. Sizes: {@code -Dreminders.scale.learners=1000,10000} (default 200,1000: moto
 * copies the whole table for every transaction, so big tables make the claims slow here).
 */
class RemindersScaleIT {
    /** 05:00 in Seoul: before the review digest, which would add its own reads once a day. */
    private static final Instant NOW = Instant.parse("2026-11-30T20:00:00Z");
    private static final int DUE = 20;
    private static RemindersFixture f;
    private static final AtomicLong itemsRead = new AtomicLong();

    /** Items DynamoDB returned: Query items, GetItem hits, BatchGetItem items. */
    static final class ItemsRead implements ExecutionInterceptor {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            switch (context.response()) {
                case QueryResponse q -> itemsRead.addAndGet(q.count());
                case GetItemResponse g -> itemsRead.addAndGet(g.hasItem() && !g.item().isEmpty() ? 1 : 0);
                case BatchGetItemResponse b -> b.responses().values().forEach(l -> itemsRead.addAndGet(l.size()));
                default -> { }
            }
        }
    }

    @BeforeAll
    static void provision() {
        f = new RemindersFixture("reminders-scale");
    }

    @AfterAll
    static void close() {
        f.close();
    }

    /** What one run cost. */
    record Cost(int learners, Map<String, Integer> calls, long itemsRead, long millis) {}

    @Test
    void twentyDueRemindersCostTheSameReadsAmongFewAndAmongManyLearners() {
        int[] sizes = java.util.Arrays.stream(System.getProperty("reminders.scale.learners", "200,1000").split(","))
                .mapToInt(v -> Integer.parseInt(v.strip())).toArray();
        var client = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
                .endpointOverride(f.stack.aws().endpoint())
                .region(software.amazon.awssdk.regions.Region.of(f.stack.aws().region()))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        kr.seoullearn.local.aws.LocalAws.ACCESS_KEY, kr.seoullearn.local.aws.LocalAws.SECRET_KEY))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(f.counter).addExecutionInterceptor(new ItemsRead()))
                .build();
        List<Cost> costs = new ArrayList<>();
        int loaded = 0;
        for (int round = 0; round < sizes.length; round++) {
            Instant now = NOW.plus(Duration.ofHours(round));
            // 20 learners (users in the pool) are told something: one e-mail each is due now
            List<RemindersFixture.Person> told = new ArrayList<>();
            for (int i = 0; i < DUE; i++) {
                var p = f.person("seoul", "learners", Language.values()[i % 4], RegistrationStatus.APPROVED);
                f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null,
                        now.minus(Duration.ofMinutes(5))));
                told.add(p);
            }
            loadLearners(loaded, sizes[round], now);
            loaded = sizes[round];

            ReminderRun run = f.runOn(client);
            f.counter.reset();
            itemsRead.set(0);
            long started = System.nanoTime();
            ReminderRun.Outcome o = run.run(now);
            long millis = (System.nanoTime() - started) / 1_000_000;
            costs.add(new Cost(loaded, f.counter.snapshot(), itemsRead.get(), millis));
            System.out.println("[reminders-scale] " + loaded + " learners, " + DUE + " due: DynamoDB calls " + f.counter.snapshot()
                    + ", items read " + itemsRead.get() + ", " + millis + " ms");

            assertThat(o.total().sent()).isEqualTo(DUE);
            assertThat(f.mailbox.all().stream().filter(m -> told.stream().anyMatch(p -> m.to().contains(p.email())))).hasSize(DUE);
            assertThat(f.counter.count("Scan")).isZero();
            // per run: tenants (1 Query, 2 items), per tenant the switches (GetItem) and 25 hourly buckets, the providers (1 Query);
            // per due reminder: its due item, the recipient's profile, the claim and the confirmation (transactions)
            assertThat(f.counter.snapshot()).isEqualTo(Map.of("Query", 1 + 2 * 25 + 1, "GetItem", 2 + DUE,
                    "TransactWriteItems", 2 * DUE)); // claim, then SENT with its figure (ADR 15)
            assertThat(itemsRead.get()).isEqualTo(2 + 1 + 2L * DUE);
        }
        assertThat(costs).extracting(Cost::calls).containsOnly(costs.get(0).calls());
        assertThat(costs).extracting(Cost::itemsRead).containsOnly(costs.get(0).itemsRead());
    }

    /** Learners {@code from} to {@code to}: a profile each and a documents reminder due 1 hour to 4 weeks later (BatchWriteItem). */
    private static void loadLearners(int from, int to, Instant now) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String sub = String.format("learner-%06d", i);
            Map<String, AttributeValue> profile = new HashMap<>(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub)),
                    Keys.SK, AttributeValue.fromS(Keys.PROFILE), "status", AttributeValue.fromS("DRAFT"),
                    "language", AttributeValue.fromS(Language.values()[i % 4].tag()), "userId", AttributeValue.fromS(sub),
                    "createdAt", AttributeValue.fromS(now.toString()), "version", AttributeValue.fromN("1")));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(profile).build()).build());
            var later = DynamoApplicationStore.draftDocumentsReminder(TenantId.SEOUL, sub, now.plus(Duration.ofHours(1 + i % (27 * 24))));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(itemOf(later)).build()).build());
        }
        for (int start = 0; start < writes.size(); start += 25) {
            Map<String, List<WriteRequest>> pending = Map.of(f.stack.table(), writes.subList(start, Math.min(writes.size(), start + 25)));
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> asked = pending;
                var answer = f.dynamo.batchWriteItem(b -> b.requestItems(asked));
                pending = answer.hasUnprocessedItems() && !answer.unprocessedItems().isEmpty() ? answer.unprocessedItems() : Map.of();
            }
        }
    }

    private static Map<String, AttributeValue> itemOf(kr.seoullearn.reminders.domain.DueReminder r) {
        // the item the queue writes (its Put, as features add it to their transactions)
        return kr.seoullearn.reminders.dynamo.DynamoReminderQueue.scheduleWrite(f.stack.table(), r).put().item();
    }
}

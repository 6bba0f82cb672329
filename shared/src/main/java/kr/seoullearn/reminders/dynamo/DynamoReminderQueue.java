package kr.seoullearn.reminders.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.figures.dynamo.DynamoFigures;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Due reminders in hourly buckets and their sent markers in the application table
 * (docs/data-model.md, "Reminders"; ADR 13):
 * <ul>
 *   <li>due: {@code T#<tenant>#DUE#<yyyy-MM-ddTHH> / <dueAt>#<kind>#<subject>#<recipient>} — written by
 *       the feature with its triggering state (often in the same transaction, through {@link #scheduleWrite}),
 *       deleted when claimed or dropped;</li>
 *   <li>marker: {@code T#<tenant>#SENT#<recipient> / <kind>#<subject>} — put with
 *       {@code attribute_not_exists} in the same transaction that deletes the due item, before
 *       the message is sent: whoever writes it sends, nobody else ever does.</li>
 * </ul>
 */
@Singleton
public class DynamoReminderQueue implements ReminderQueue {
    /** Due items nobody processed go after this long (TTL); markers are kept longer than any producer could write a due item again. */
    static final Duration DUE_KEPT = Duration.ofDays(14);
    static final Duration MARKER_KEPT = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;

    public DynamoReminderQueue(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = new TransactionRunner(dynamo);
    }

    /** The due item's Put, for a feature to add to the transaction that writes the triggering state. */
    public static TransactWriteItem scheduleWrite(String table, DueReminder r) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(r))).build();
    }

    static Map<String, AttributeValue> key(DueReminder r) {
        return Map.of(Keys.PK, s(Keys.dueBucket(r.tenant(), r.dueAt())), Keys.SK, s(Keys.dueSortKey(r.dueAt(), r.identity())));
    }

    static Map<String, AttributeValue> item(DueReminder r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r));
        item.put("type", s("DUE_REMINDER"));
        item.put("tenant", s(r.tenant().value()));
        item.put("kind", s(r.kind().name()));
        item.put("subject", s(r.subject()));
        item.put("recipientId", s(r.recipientId()));
        item.put("dueAt", s(r.dueAt().toString()));
        if (r.staleAt() != null) {
            item.put("staleAt", s(r.staleAt().toString()));
        }
        if (!r.params().isEmpty()) {
            Map<String, AttributeValue> params = new HashMap<>();
            r.params().forEach((k, v) -> params.put(k, s(v)));
            item.put("params", AttributeValue.fromM(params));
        }
        item.put("attempts", n(r.attempts()));
        item.put(Keys.TTL, n(r.dueAt().plus(DUE_KEPT).getEpochSecond()));
        return item;
    }

    static DueReminder fromItem(Map<String, AttributeValue> item) {
        Map<String, String> params = new HashMap<>();
        if (item.containsKey("params")) {
            item.get("params").m().forEach((k, v) -> params.put(k, v.s()));
        }
        return new DueReminder(new TenantId(item.get("tenant").s()), ReminderKind.valueOf(item.get("kind").s()),
                item.get("subject").s(), item.get("recipientId").s(), Instant.parse(item.get("dueAt").s()),
                item.containsKey("staleAt") ? Instant.parse(item.get("staleAt").s()) : null, params,
                item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0);
    }

    @Override
    public void schedule(DueReminder reminder) {
        dynamo.putItem(p -> p.tableName(table).item(item(reminder)));
    }

    @Override
    public void due(TenantId tenant, Instant from, Instant to, Consumer<DueReminder> each) {
        String low = Keys.dueSecond(from);
        String high = Keys.dueSecond(to) + "#\uffff";
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            String bucket = Keys.dueBucket(tenant, hour);
            dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                            .keyConditionExpression("PK = :pk AND SK BETWEEN :low AND :high")
                            .expressionAttributeValues(Map.of(":pk", s(bucket), ":low", s(low), ":high", s(high))))
                    .items().forEach(item -> each.accept(fromItem(item)));
        }
    }

    private static Map<String, AttributeValue> markerKey(DueReminder r) {
        return Map.of(Keys.PK, s(Keys.sentReminders(r.tenant(), r.recipientId())),
                Keys.SK, s(r.kind().name() + "#" + r.subject()));
    }

    @Override
    public boolean claim(DueReminder r, String runId, Instant now) {
        Map<String, AttributeValue> marker = new HashMap<>(markerKey(r));
        marker.put("type", s("REMINDER_SENT"));
        marker.put("kind", s(r.kind().name()));
        marker.put("status", s("SENDING"));
        marker.put("runId", s(runId));
        marker.put("claimedAt", s(now.toString()));
        marker.put("dueAt", s(r.dueAt().toString()));
        marker.put("attempts", n(r.attempts() + 1));
        marker.put(Keys.TTL, n(now.plus(MARKER_KEPT).getEpochSecond()));
        Transaction claim = Transaction.named("claim reminder");
        claim.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(PK)")).build());
        claim.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(r))
                .conditionExpression("attribute_exists(PK) AND attempts = :attempts")
                .expressionAttributeValues(Map.of(":attempts", n(r.attempts())))).build());
        TransactionRunner.Outcome outcome;
        try {
            outcome = transactions.attempt(claim);
        } catch (ProblemException busy) {
            return false; // kept losing races: another run is taking it
        }
        if (outcome.committed()) {
            return true;
        }
        if (outcome.failed(0)) {
            if (claimedBy(r, runId)) {
                return true; // our own claim, answered late: the SDK retried it (DynamoDB keeps a retry's token 10 minutes)
            }
            drop(r); // sent before: a feature wrote it again (a retried trigger); it must not linger
            return false;
        }
        return false; // another run took it (or is taking it) first
    }

    /** Whether the marker is this run's claim (only asked after a claim lost its condition). */
    private boolean claimedBy(DueReminder r, String runId) {
        var marker = dynamo.getItem(g -> g.tableName(table).key(markerKey(r)).consistentRead(true)).item();
        return marker != null && marker.containsKey("runId") && runId.equals(marker.get("runId").s())
                && "SENDING".equals(marker.get("status").s());
    }

    @Override
    public void confirm(DueReminder r, String runId, String messageId, Instant now) {
        // SENT and the day's "reminders sent" in one transaction (ADR 15): a repeated confirmation counts nothing
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(markerKey(r))
                            .updateExpression("SET #status = :sent, messageId = :id, sentAt = :at")
                            .conditionExpression("runId = :run AND #status = :sending")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(":sent", s("SENT"), ":id", s(messageId), ":at", s(now.toString()),
                                    ":run", s(runId), ":sending", s("SENDING")))).build(),
                    DynamoFigures.count(table, r.tenant(), now,
                            kr.seoullearn.figures.domain.FigureDelta.of("reminders.sent." + r.kind().name(), 1))));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            var marker = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(markerKey(r))).item();
            boolean confirmedByThisRun = marker != null && marker.containsKey("runId") && runId.equals(marker.get("runId").s())
                    && marker.containsKey("status") && "SENT".equals(marker.get("status").s());
            if (!confirmedByThisRun) {
                throw ConditionalCheckFailedException.builder().message("the marker is not this run's").build();
            }
        }
    }

    @Override
    public boolean release(DueReminder r, String runId, String failure, int maxAttempts, Instant now) {
        Map<String, AttributeValue> mine = Map.of(":run", s(runId), ":sending", s("SENDING"));
        if (r.attempts() + 1 >= maxAttempts) {
            dynamo.updateItem(u -> u.tableName(table).key(markerKey(r))
                    .updateExpression("SET #status = :failed, failure = :failure, failedAt = :at")
                    .conditionExpression("runId = :run AND #status = :sending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("FAILED"), ":failure", s(failure), ":at", s(now.toString()),
                            ":run", s(runId), ":sending", s("SENDING"))));
            return false;
        }
        DueReminder again = new DueReminder(r.tenant(), r.kind(), r.subject(), r.recipientId(), r.dueAt(), r.staleAt(),
                r.params(), r.attempts() + 1);
        Map<String, AttributeValue> due = new HashMap<>(item(again));
        due.put("lastFailure", s(failure));
        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(markerKey(r))
                        .conditionExpression("runId = :run AND #status = :sending")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(mine)).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(due)).build()));
        return true;
    }

    @Override
    public void drop(DueReminder r) {
        try {
            // only the copy that was read: a reminder put back after a failed send (attempts + 1) stays
            dynamo.deleteItem(d -> d.tableName(table).key(key(r))
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":attempts", n(r.attempts()))));
        } catch (ConditionalCheckFailedException e) {
            // gone already, or put back by a run whose send failed
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

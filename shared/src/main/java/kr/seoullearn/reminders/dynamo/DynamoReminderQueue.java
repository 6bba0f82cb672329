package kr.seoullearn.reminders.dynamo;

import static kr.seoullearn.reminders.dynamo.DueItems.n;
import static kr.seoullearn.reminders.dynamo.DueItems.s;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.port.ReminderQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Due reminders in hourly buckets and their sent markers ({@link RemindersKeys}; docs/adr/0013).
 * The due item is written by the feature with its triggering state ({@link DueItems#put}) and
 * deleted when claimed or dropped; the marker is put with {@code attribute_not_exists} in the same
 * transaction that deletes the due item, before the message is sent: whoever writes it sends,
 * nobody else ever does.
 * <p>
 * No read-back of the marker after a lost answer: the SDK retries a TransactWriteItems with the
 * same ClientRequestToken, which DynamoDB (and the emulator) answers as committed when the first
 * attempt was, so a failed condition always means another run's marker or an earlier send.
 */
final class DynamoReminderQueue implements ReminderQueue {
    /** Markers are kept longer than any producer could write a due item again. */
    static final Duration MARKER_KEPT = Duration.ofDays(400);
    private static final String SENDING = "SENDING";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;
    private final FigureWrites figures;

    DynamoReminderQueue(DynamoDbClient dynamo, String table, FigureWrites figures) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = new TransactionRunner(dynamo);
        this.figures = figures;
    }

    @Override
    public void schedule(DueReminder reminder) {
        dynamo.putItem(p -> p.tableName(table).item(DueItems.item(reminder)));
    }

    @Override
    public void due(TenantId tenant, Instant from, Instant to, Consumer<DueReminder> each) {
        String low = RemindersKeys.dueSecond(from);
        String high = RemindersKeys.dueSecond(to) + "#\uffff";
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            Queries.each(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":pk", s(RemindersKeys.dueBucket(tenant, hour)), ":low", s(low), ":high", s(high)))
                    .build(), item -> each.accept(DueItems.reminder(item)));
        }
    }

    @Override
    public boolean claim(DueReminder r, String runId, Instant now) {
        Map<String, AttributeValue> marker = new HashMap<>(RemindersKeys.marker(r).attributes());
        marker.put("type", s("REMINDER_SENT"));
        marker.put("kind", s(r.kind().name()));
        marker.put("status", s(SENDING));
        marker.put("runId", s(runId));
        marker.put("claimedAt", s(now.toString()));
        marker.put("dueAt", s(r.dueAt().toString()));
        marker.put("attempts", n(r.attempts() + 1));
        marker.put(Keys.TTL, n(now.plus(MARKER_KEPT).getEpochSecond()));
        Transaction claim = Transaction.named("claim reminder");
        int markerWrite = claim.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(PK)")).build());
        claim.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(RemindersKeys.due(r).attributes())
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
        if (outcome.failed(markerWrite)) {
            drop(r); // sent before: a feature wrote it again (a retried trigger); it must not linger
        }
        return false; // another run took it (or is taking it) first
    }

    @Override
    public void confirm(DueReminder r, String runId, String messageId, Instant now) {
        // SENT and the day's "reminders sent" in one transaction (docs/adr/0015): a repeated confirmation counts nothing
        Transaction sent = Transaction.named("confirm reminder");
        sent.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(RemindersKeys.marker(r).attributes())
                .updateExpression("SET #status = :sent, messageId = :id, sentAt = :at")
                .conditionExpression("runId = :run AND #status = :sending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s("SENT"), ":id", s(messageId), ":at", s(now.toString()),
                        ":run", s(runId), ":sending", s(SENDING)))).build());
        figures.count(sent, r.tenant(), now, FigureDelta.of(Figure.REMINDERS_SENT, 1, r.kind().name()));
        transactions.commit(sent);
    }

    @Override
    public boolean release(DueReminder r, String runId, String failure, int maxAttempts, Instant now) {
        if (r.attempts() + 1 >= maxAttempts) {
            dynamo.updateItem(u -> u.tableName(table).key(RemindersKeys.marker(r).attributes())
                    .updateExpression("SET #status = :failed, failure = :failure, failedAt = :at")
                    .conditionExpression("runId = :run AND #status = :sending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("FAILED"), ":failure", s(failure), ":at", s(now.toString()),
                            ":run", s(runId), ":sending", s(SENDING))));
            return false;
        }
        DueReminder again = new DueReminder(r.tenant(), r.kind(), r.subject(), r.recipientId(), r.dueAt(), r.staleAt(),
                r.params(), r.attempts() + 1);
        Map<String, AttributeValue> due = new HashMap<>(DueItems.item(again));
        due.put("lastFailure", s(failure));
        Transaction putBack = Transaction.named("release reminder");
        putBack.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(RemindersKeys.marker(r).attributes())
                .conditionExpression("runId = :run AND #status = :sending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":run", s(runId), ":sending", s(SENDING)))).build());
        putBack.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(due)).build());
        transactions.commit(putBack);
        return true;
    }

    @Override
    public void drop(DueReminder r) {
        try {
            // only the copy that was read: a reminder put back after a failed send (attempts + 1) stays
            dynamo.deleteItem(d -> d.tableName(table).key(RemindersKeys.due(r).attributes())
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":attempts", n(r.attempts()))));
        } catch (ConditionalCheckFailedException e) {
            // gone already, or put back by a run whose send failed
        }
    }
}

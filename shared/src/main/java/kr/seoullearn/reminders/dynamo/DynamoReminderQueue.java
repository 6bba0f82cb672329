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
    private final DeadLetters deadLetters;

    DynamoReminderQueue(DynamoDbClient dynamo, String table, FigureWrites figures) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = new TransactionRunner(dynamo);
        this.figures = figures;
        this.deadLetters = new DeadLetters(dynamo, table);
    }

    @Override
    public void schedule(DueReminder reminder) {
        dynamo.putItem(p -> p.tableName(table).item(DueItems.item(reminder)));
    }

    @Override
    public int due(TenantId tenant, Instant from, Instant to, Consumer<DueReminder> each) {
        String low = RemindersKeys.dueSecond(from);
        String high = RemindersKeys.dueSecond(to) + "#\uffff";
        int[] quarantined = new int[1];
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            Queries.each(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":pk", s(RemindersKeys.dueBucket(tenant, hour)), ":low", s(low), ":high", s(high)))
                    .build(), item -> {
                        DueReminder r;
                        try {
                            r = DueItems.reminder(item);
                        } catch (RuntimeException unreadable) {
                            quarantineUnreadable(tenant, item, to);
                            quarantined[0]++;
                            return;
                        }
                        each.accept(r);
                    });
        }
        return quarantined[0];
    }

    /** A due item that is not a reminder (missing or malformed attributes): off the due list, into the dead letters. */
    private void quarantineUnreadable(TenantId tenant, Map<String, AttributeValue> item, Instant now) {
        Transaction tx = Transaction.named("quarantine unreadable reminder");
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)))
                .conditionExpression("attribute_exists(PK)")).build());
        tx.add(deadLetters.putUnreadable(tenant, item.get(Keys.SK).s(), "unreadable", now));
        transactions.attempt(tx); // a failed condition: another run moved it first
    }

    @Override
    public boolean retryLater(DueReminder r, String failure, int maxAttempts, Instant now) {
        Map<String, AttributeValue> asRead = Map.of(":attempts", n(r.attempts()));
        if (r.attempts() + 1 >= maxAttempts) {
            Transaction tx = Transaction.named("quarantine reminder");
            tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(RemindersKeys.due(r).attributes())
                    .conditionExpression("attempts = :attempts").expressionAttributeValues(asRead)).build());
            tx.add(deadLetters.put(r, r.attempts() + 1, failure, now));
            transactions.attempt(tx); // a failed condition: another run changed it first, which decides
            return false;
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(RemindersKeys.due(r).attributes())
                    .updateExpression("SET attempts = :next, lastFailure = :failure")
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":attempts", n(r.attempts()), ":next", n(r.attempts() + 1),
                            ":failure", s(failure))));
        } catch (ConditionalCheckFailedException e) {
            // claimed, dropped or counted by another run meanwhile
        }
        return true;
    }

    @Override
    public java.util.List<kr.seoullearn.reminders.domain.DeadLetter> deadLetters(TenantId tenant, int limit) {
        return deadLetters.latest(tenant, limit);
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
            Transaction givenUp = Transaction.named("give up reminder");
            givenUp.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(RemindersKeys.marker(r).attributes())
                    .updateExpression("SET #status = :failed, failure = :failure, failedAt = :at")
                    .conditionExpression("runId = :run AND #status = :sending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s("FAILED"), ":failure", s(failure), ":at", s(now.toString()),
                            ":run", s(runId), ":sending", s(SENDING)))).build());
            givenUp.add(deadLetters.put(r, r.attempts() + 1, failure, now));
            transactions.commit(givenUp);
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

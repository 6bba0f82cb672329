package kr.seoullearn.notifications.dynamo;

import static kr.seoullearn.notifications.dynamo.NoticeItems.num;
import static kr.seoullearn.notifications.dynamo.NoticeItems.s;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox and the sent markers (docs/adr/0027). Reads: one consistent Query per UTC hour of the
 * look-back. A delivery is claimed by a conditional Put of its marker ({@code attribute_not_exists}):
 * of two dispatches that read the same item, one writes the marker and sends, the other skips.
 */
final class DynamoNoticeOutbox implements NoticeOutbox {
    private static final String SENDING = "SENDING";
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;

    DynamoNoticeOutbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = new TransactionRunner(dynamo);
    }

    @Override
    public int due(TenantId tenant, Instant from, Instant to, Consumer<Due> each) {
        int unreadable = 0;
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            QueryRequest q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK <= :to")
                    .expressionAttributeValues(Map.of(":pk", s(NoticeItems.outboxBucket(tenant, hour)),
                            ":to", s(NoticeItems.second(to) + "#~")))
                    .build();
            for (Map<String, AttributeValue> item : Queries.all(dynamo, q)) {
                Due d;
                try {
                    d = NoticeItems.due(item);
                } catch (RuntimeException e) {
                    quarantine(tenant, item, to);
                    unreadable++;
                    continue;
                }
                each.accept(d);
            }
        }
        return unreadable;
    }

    private void quarantine(TenantId tenant, Map<String, AttributeValue> item, Instant now) {
        Transaction tx = Transaction.named("quarantine notice");
        Map<String, AttributeValue> dead = new HashMap<>(NoticeItems.deadLetter(tenant, now, item.get(Keys.SK).s()).attributes());
        dead.put("type", s("NOTICE_DEAD_LETTER"));
        dead.put("failure", s("unreadable"));
        dead.put("at", s(now.toString()));
        dead.put(Keys.TTL, num(now.plus(java.time.Duration.ofDays(90)).getEpochSecond()));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(dead)).build());
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(ItemKey.of(item.get(Keys.PK).s(), item.get(Keys.SK).s()).attributes())).build());
        transactions.attempt(tx);
    }

    private ItemKey key(Due d) {
        return NoticeItems.outbox(d.notice().tenant(), d.dueAt(), d.notice().id(), d.only() != null && !d.only().isEmpty());
    }

    @Override
    public boolean claim(Due d, Audience audience, Channel channel, String runId, Instant now) {
        Map<String, AttributeValue> marker = new HashMap<>(NoticeItems.marker(d.notice(), audience, channel.name()).attributes());
        marker.put("type", s("NOTICE_SENT"));
        marker.put("kind", s(d.notice().kind().name()));
        marker.put("status", s(SENDING));
        marker.put("runId", s(runId));
        marker.put("claimedAt", s(now.toString()));
        marker.put(Keys.TTL, num(now.plus(NoticeItems.MARKER_KEPT).getEpochSecond()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(marker).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // sent, being sent, or given up by another run
        }
    }

    @Override
    public void sent(Due d, Audience audience, Channel channel, String runId, String messageId, Instant now) {
        settle(d, audience, channel, runId, "SENT", "messageId", messageId, now);
    }

    @Override
    public void failed(Due d, Audience audience, Channel channel, String runId, String failure, Instant now) {
        settle(d, audience, channel, runId, "FAILED", "failure", failure, now);
    }

    private void settle(Due d, Audience audience, Channel channel, String runId, String status, String field, String value,
                        Instant now) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(NoticeItems.marker(d.notice(), audience, channel.name()).attributes())
                    .updateExpression("SET #status = :status, #field = :value, settledAt = :at")
                    .conditionExpression("runId = :run AND #status = :sending")
                    .expressionAttributeNames(Map.of("#status", "status", "#field", field))
                    .expressionAttributeValues(Map.of(":status", s(status), ":value", s(value), ":at", s(now.toString()),
                            ":run", s(runId), ":sending", s(SENDING))));
        } catch (ConditionalCheckFailedException e) {
            // not ours (never happens unless the marker expired): nothing to settle
        }
    }

    @Override
    public void unclaim(Due d, Audience audience, Channel channel, String runId) {
        try {
            dynamo.deleteItem(x -> x.tableName(table).key(NoticeItems.marker(d.notice(), audience, channel.name()).attributes())
                    .conditionExpression("runId = :run AND #status = :sending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":run", s(runId), ":sending", s(SENDING))));
        } catch (ConditionalCheckFailedException e) {
            // not ours
        }
    }

    @Override
    public void done(Due d) {
        try {
            dynamo.deleteItem(x -> x.tableName(table).key(key(d).attributes())
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":attempts", num(d.attempts()))));
        } catch (ConditionalCheckFailedException e) {
            // gone already, or put back by a run whose send failed: that run's retry settles it
        }
    }

    @Override
    public void hold(Due d, Set<String> deliveries, Instant until) {
        // the held item is keyed on the notice and the morning: writing it twice is writing it once
        dynamo.putItem(p -> p.tableName(table).item(NoticeItems.outboxItem(d.notice(), until, 0, deliveries)));
    }

    @Override
    public boolean retryLater(Due d, String failure, int maxAttempts, Instant now) {
        if (d.attempts() + 1 >= maxAttempts) {
            Transaction givenUp = Transaction.named("give up notice");
            Map<String, AttributeValue> dead = new HashMap<>(NoticeItems.deadLetter(d.notice().tenant(), now, d.notice().id()).attributes());
            dead.put("type", s("NOTICE_DEAD_LETTER"));
            dead.put("noticeId", s(d.notice().id()));
            dead.put("kind", s(d.notice().kind().name()));
            dead.put("recipientId", s(d.notice().recipientId()));
            dead.put("attempts", num(d.attempts() + 1));
            dead.put("failure", s(failure));
            dead.put("at", s(now.toString()));
            dead.put(Keys.TTL, num(now.plus(java.time.Duration.ofDays(90)).getEpochSecond()));
            givenUp.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(dead)).build());
            givenUp.add(TransactWriteItem.builder().delete(x -> x.tableName(table).key(key(d).attributes())
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":attempts", num(d.attempts())))).build());
            transactions.attempt(givenUp);
            return false;
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(d).attributes())
                    .updateExpression("SET attempts = :next, lastFailure = :failure")
                    .conditionExpression("attempts = :attempts")
                    .expressionAttributeValues(Map.of(":next", num(d.attempts() + 1), ":attempts", num(d.attempts()),
                            ":failure", s(failure))));
        } catch (ConditionalCheckFailedException e) {
            // settled or counted by another run meanwhile
        }
        return true;
    }
}

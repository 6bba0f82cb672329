package kr.seoullearn.reminders.dynamo;

import static kr.seoullearn.reminders.dynamo.DueItems.n;
import static kr.seoullearn.reminders.dynamo.DueItems.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DeadLetter;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Reminders given up, one item each ({@code T#<tenant>#DEADLETTER / <at>#<identity>},
 * {@link RemindersKeys#deadLetter}): written in the same transaction that takes the reminder off
 * the due list or marks it FAILED, so a reminder is either due, sent, or here. They hold ids,
 * kinds, counts and failure codes — never an address or a name — and expire after
 * {@link #KEPT}. An operator lists them with one Query (docs/runbook.md).
 */
final class DeadLetters {
    static final Duration KEPT = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;

    DeadLetters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The dead letter of a reminder, as a Put for the transaction that gives it up. */
    TransactWriteItem put(DueReminder r, int attempts, String failure, Instant now) {
        Map<String, AttributeValue> item = base(RemindersKeys.deadLetter(r.tenant(), now, r.identity()), r.tenant(), failure, attempts, now);
        item.put("kind", s(r.kind().name()));
        item.put("subject", s(r.subject()));
        item.put("recipientId", s(r.recipientId()));
        item.put("dueAt", s(r.dueAt().toString()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    /** The dead letter of a due item that could not be read: only its sort key is kept. */
    TransactWriteItem putUnreadable(TenantId tenant, String dueSortKey, String failure, Instant now) {
        Map<String, AttributeValue> item = base(RemindersKeys.deadLetter(tenant, now, dueSortKey), tenant, failure, 0, now);
        item.put("subject", s(dueSortKey));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static Map<String, AttributeValue> base(ItemKey key, TenantId tenant, String failure, int attempts, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key.attributes());
        item.put("type", s("REMINDER_DEAD_LETTER"));
        item.put("tenant", s(tenant.value()));
        item.put("failure", s(failure));
        item.put("attempts", n(attempts));
        item.put("at", s(now.toString()));
        item.put(Keys.TTL, n(now.plus(KEPT).getEpochSecond()));
        return item;
    }

    /** Newest first: one Query. */
    List<DeadLetter> latest(TenantId tenant, int limit) {
        return dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RemindersKeys.deadLetters(tenant))))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(i -> new DeadLetter(tenant,
                        i.containsKey("kind") ? ReminderKind.valueOf(i.get("kind").s()) : null,
                        i.get("subject").s(), i.containsKey("recipientId") ? i.get("recipientId").s() : null,
                        i.containsKey("dueAt") ? Instant.parse(i.get("dueAt").s()) : null,
                        Integer.parseInt(i.get("attempts").n()), i.get("failure").s(), Instant.parse(i.get("at").s())))
                .toList();
    }
}

package kr.seoullearn.reminders.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A due reminder as its item; nobody processed it after {@link #DUE_KEPT}: TTL takes it. */
final class DueItems {
    static final Duration DUE_KEPT = Duration.ofDays(14);

    private DueItems() {}

    /** The due item's Put, for the transaction that writes the state calling for the reminder. */
    static TransactWriteItem put(String table, DueReminder r) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(r))).build();
    }

    static Map<String, AttributeValue> item(DueReminder r) {
        Map<String, AttributeValue> item = new HashMap<>(RemindersKeys.due(r).attributes());
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

    static DueReminder reminder(Map<String, AttributeValue> item) {
        Map<String, String> params = new HashMap<>();
        if (item.containsKey("params")) {
            item.get("params").m().forEach((k, v) -> params.put(k, v.s()));
        }
        return new DueReminder(new TenantId(item.get("tenant").s()), ReminderKind.valueOf(item.get("kind").s()),
                item.get("subject").s(), item.get("recipientId").s(), Instant.parse(item.get("dueAt").s()),
                item.containsKey("staleAt") ? Instant.parse(item.get("staleAt").s()) : null, params,
                item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

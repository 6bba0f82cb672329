package kr.seoullearn.reminders.dynamo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A tenant's reminder switches ({@link RemindersKeys#settings}) with {@code off} (list of kinds) and {@code version}. */
final class DynamoReminderSettings implements ReminderSettingsStore {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoReminderSettings(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public ReminderSettings find(TenantId tenant) {
        var item = dynamo.getItem(g -> g.tableName(table).key(RemindersKeys.settings(tenant).attributes()).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return ReminderSettings.DEFAULT;
        }
        Set<ReminderKind> off = EnumSet.noneOf(ReminderKind.class);
        if (item.containsKey("off")) {
            item.get("off").l().forEach(v -> ReminderKind.parse(v.s()).ifPresent(off::add)); // a kind that no longer exists is ignored
        }
        return new ReminderSettings(off, Long.parseLong(item.get("version").n()));
    }

    @Override
    public ReminderSettings save(TenantId tenant, Set<ReminderKind> off, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(RemindersKeys.settings(tenant).attributes());
        item.put("type", AttributeValue.fromS("REMINDER_SETTINGS"));
        item.put("off", AttributeValue.fromL(off.stream().sorted().map(k -> AttributeValue.fromS(k.name())).toList()));
        item.put("version", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(PK)" : "version = :v")
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.VERSION_CONFLICT);
        }
        return new ReminderSettings(off, expectedVersion + 1);
    }

    @Override
    public ReminderSettings save(TenantId tenant, Set<ReminderKind> off, long expectedVersion, String by, java.time.Instant at) {
        ReminderSettings before = find(tenant);
        if (before.version() != expectedVersion) {
            throw new ProblemException(Problem.VERSION_CONFLICT);
        }
        Map<String, AttributeValue> item = new HashMap<>(RemindersKeys.settings(tenant).attributes());
        item.put("type", AttributeValue.fromS("REMINDER_SETTINGS"));
        item.put("off", AttributeValue.fromL(off.stream().sorted().map(k -> AttributeValue.fromS(k.name())).toList()));
        item.put("version", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("reminder switches");
        tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(PK)" : "version = :v")
                .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))))
                .build(), Problem.VERSION_CONFLICT);
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(tenant, by,
                "reminders.switches", "reminder-settings", tenant.value(), at,
                Map.of("off", names(before.off()), "version", Long.toString(expectedVersion)),
                Map.of("off", names(off), "version", Long.toString(expectedVersion + 1))));
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(tx);
        return new ReminderSettings(off, expectedVersion + 1);
    }

    private static String names(Set<ReminderKind> kinds) {
        return String.join(",", kinds.stream().map(Enum::name).sorted().toList());
    }
}

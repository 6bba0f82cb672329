package kr.seoullearn.reminders.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** A tenant's reminder switches: {@code T#<tenant>#CONFIG / REMINDERS} with {@code off} (list of kinds) and {@code version}. */
@Singleton
public class DynamoReminderSettings implements ReminderSettingsStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReminderSettings(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(TenantId tenant) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.tenantConfig(tenant)), Keys.SK, AttributeValue.fromS(Keys.REMINDER_SETTINGS));
    }

    @Override
    public ReminderSettings find(TenantId tenant) {
        var item = dynamo.getItem(g -> g.tableName(table).key(key(tenant)).consistentRead(true)).item();
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
        Map<String, AttributeValue> item = new HashMap<>(key(tenant));
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
}

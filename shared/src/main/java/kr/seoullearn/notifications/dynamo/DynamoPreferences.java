package kr.seoullearn.notifications.dynamo;

import static kr.seoullearn.notifications.dynamo.NoticeItems.num;
import static kr.seoullearn.notifications.dynamo.NoticeItems.s;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Preferences as one item in the person's partition, {@code NOTIFY_PREFS}, versioned. */
final class DynamoPreferences implements PreferencesStore {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoPreferences(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public NotificationPreferences find(TenantId tenant, String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(NoticeItems.preferences(tenant, userId).attributes())).item();
        if (item == null || item.isEmpty()) {
            return NotificationPreferences.defaults();
        }
        Map<NoticeKind, Set<Channel>> channels = new EnumMap<>(NoticeKind.class);
        if (item.containsKey("channels")) {
            item.get("channels").m().forEach((k, v) -> {
                Set<Channel> set = EnumSet.noneOf(Channel.class);
                v.l().forEach(c -> set.add(Channel.valueOf(c.s())));
                channels.put(NoticeKind.valueOf(k), set);
            });
        }
        return new NotificationPreferences(item.containsKey("language") ? Language.valueOf(item.get("language").s()) : null,
                item.containsKey("smsNumber") ? item.get("smsNumber").s() : null, channels,
                item.containsKey("quietHours") && item.get("quietHours").bool(), Long.parseLong(item.get("version").n()));
    }

    @Override
    public NotificationPreferences save(TenantId tenant, String userId, NotificationPreferences chosen) {
        Map<String, AttributeValue> item = new HashMap<>(NoticeItems.preferences(tenant, userId).attributes());
        item.put("type", s("NOTIFY_PREFS"));
        item.put("version", num(chosen.version() + 1));
        if (chosen.language() != null) {
            item.put("language", s(chosen.language().name()));
        }
        if (chosen.smsNumber() != null) {
            item.put("smsNumber", s(chosen.smsNumber()));
        }
        item.put("quietHours", AttributeValue.fromBool(chosen.quietHours()));
        Map<String, AttributeValue> channels = new HashMap<>();
        chosen.channels().forEach((k, v) -> channels.put(k.name(),
                AttributeValue.fromL(v.stream().sorted().map(c -> s(c.name())).toList())));
        item.put("channels", AttributeValue.fromM(channels));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression(chosen.version() == 0 ? "attribute_not_exists(PK) OR version = :v" : "version = :v")
                    .expressionAttributeValues(Map.of(":v", num(chosen.version()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", find(tenant, userId).version()));
        }
        return new NotificationPreferences(chosen.language(), chosen.smsNumber(), chosen.channels(), chosen.quietHours(),
                chosen.version() + 1);
    }
}

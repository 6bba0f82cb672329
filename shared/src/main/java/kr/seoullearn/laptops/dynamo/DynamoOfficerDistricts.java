package kr.seoullearn.laptops.dynamo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An officer's districts: {@code T#<tenant>#U#<sub> / OFFICER} with a string set {@code districts}
 * (docs/adr/0010-laptop-queue-and-officer-districts.md). Read on every officer request, so a
 * change of assignment takes effect at once, not when a token expires.
 */
final class DynamoOfficerDistricts implements OfficerDistricts {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoOfficerDistricts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> of(TenantId tenant, String userId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key(tenant, userId))).item();
        if (item == null || !item.containsKey("districts") || !item.get("districts").hasSs()) {
            return Set.of();
        }
        return Set.copyOf(item.get("districts").ss());
    }

    @Override
    public void assign(TenantId tenant, String userId, Set<String> districts) {
        if (districts.isEmpty()) {
            dynamo.deleteItem(d -> d.tableName(table).key(key(tenant, userId)));
            return;
        }
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, userId));
        item.putAll(Map.of(
                "type", AttributeValue.fromS("OFFICER_DISTRICTS"),
                "tenant", AttributeValue.fromS(tenant.value()),
                "districts", AttributeValue.fromSs(new TreeSet<>(districts).stream().toList())));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String userId) {
        return LaptopKeys.officer(tenant, userId).attributes();
    }
}

package kr.seoullearn.laptops.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
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
@Singleton
public class DynamoOfficerDistricts implements OfficerDistricts {
    static final String OFFICER = "OFFICER";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOfficerDistricts(DynamoDbClient dynamo, @Named("appTable") String table) {
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
        dynamo.putItem(p -> p.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)),
                Keys.SK, AttributeValue.fromS(OFFICER),
                "type", AttributeValue.fromS("OFFICER_DISTRICTS"),
                "tenant", AttributeValue.fromS(tenant.value()),
                "districts", AttributeValue.fromSs(new TreeSet<>(districts).stream().toList()))));
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String userId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS(OFFICER));
    }
}

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
    public void assign(TenantId tenant, String userId, Set<String> districts, String by, java.time.Instant at) {
        Set<String> before = of(tenant, userId);
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("officer districts");
        // on the assignment as read: two admins at once cannot both think they replaced the same list
        // (a set is compared by its size and its members: equality of whole sets is not a condition to rely on)
        String asRead = "attribute_not_exists(districts)";
        Map<String, AttributeValue> seen = null;
        if (!before.isEmpty()) {
            StringBuilder condition = new StringBuilder("size(districts) = :n");
            seen = new HashMap<>(Map.of(":n", AttributeValue.fromN(Integer.toString(before.size()))));
            int i = 0;
            for (String d : new TreeSet<>(before)) {
                condition.append(" AND contains(districts, :d").append(i).append(')');
                seen.put(":d" + i++, AttributeValue.fromS(d));
            }
            asRead = condition.toString();
        }
        String condition = asRead;
        Map<String, AttributeValue> values = seen;
        if (districts.isEmpty()) {
            tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(key(tenant, userId)).conditionExpression(condition).expressionAttributeValues(values)).build(),
                    kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
        } else {
            Map<String, AttributeValue> item = new HashMap<>(key(tenant, userId));
            item.putAll(Map.of(
                    "type", AttributeValue.fromS("OFFICER_DISTRICTS"),
                    "tenant", AttributeValue.fromS(tenant.value()),
                    "userId", AttributeValue.fromS(userId),
                    "districts", AttributeValue.fromSs(new TreeSet<>(districts).stream().toList()),
                    kr.seoullearn.platform.dynamo.Keys.GSI1PK, AttributeValue.fromS(LaptopKeys.officers(tenant)),
                    kr.seoullearn.platform.dynamo.Keys.GSI1SK, AttributeValue.fromS(userId)));
            tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                    .conditionExpression(condition).expressionAttributeValues(values)).build(),
                    kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
        }
        if (by != null) {
            kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(tenant, by,
                    "laptops.officer-districts", "officer", userId, at,
                    Map.of("districts", String.join(",", new TreeSet<>(before))), Map.of("districts", String.join(",", new TreeSet<>(districts)))));
        }
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(tx);
    }

    @Override
    public java.util.SortedMap<String, Set<String>> all(TenantId tenant) {
        java.util.SortedMap<String, Set<String>> officers = new java.util.TreeMap<>();
        kr.seoullearn.platform.dynamo.Queries.each(dynamo, software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(table).indexName(kr.seoullearn.platform.dynamo.Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(LaptopKeys.officers(tenant)))).build(),
                item -> {
                    if (item.containsKey("userId") && item.containsKey("districts") && item.get("districts").hasSs()) {
                        officers.put(item.get("userId").s(), Set.copyOf(item.get("districts").ss()));
                    }
                });
        return officers;
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String userId) {
        return LaptopKeys.officer(tenant, userId).attributes();
    }
}

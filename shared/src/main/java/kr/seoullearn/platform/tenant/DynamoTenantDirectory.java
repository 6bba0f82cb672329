package kr.seoullearn.platform.tenant;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tenants are items {@code TENANT / <id>} of the application table. */
@Singleton
public class DynamoTenantDirectory implements TenantDirectory {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTenantDirectory(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                Keys.SK, AttributeValue.fromS(id.value())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Tenant(id, item.get("nameKo").s(), item.get("nameEn").s()));
    }

    /**
     * Every tenant item with its names ({@code nameKo}, {@code nameEn}, and {@code nameVi},
     * {@code nameZh} when given) and {@code districts} (a list of codes). An item whose id is not
     * a well-formed tenant id, or that has no Korean and English name, is left out: it never
     * becomes part of a key.
     */
    @Override
    public List<Listing> listings() {
        return tenantItems().filter(item -> TenantId.isValid(item.get(Keys.SK).s()) && item.containsKey("nameKo") && item.containsKey("nameEn"))
                .map(item -> {
                    Map<String, String> names = new java.util.LinkedHashMap<>();
                    for (var language : List.of("ko", "en", "vi", "zh")) {
                        AttributeValue name = item.get("name" + Character.toUpperCase(language.charAt(0)) + language.substring(1));
                        if (name != null && name.s() != null && !name.s().isBlank()) {
                            names.put(language, name.s());
                        }
                    }
                    AttributeValue districts = item.get("districts");
                    List<String> codes = districts == null ? List.of()
                            : districts.hasL() ? districts.l().stream().map(AttributeValue::s).filter(java.util.Objects::nonNull).toList()
                            : districts.hasSs() ? districts.ss().stream().sorted().toList() : List.of();
                    return new Listing(new TenantId(item.get(Keys.SK).s()), names, codes);
                })
                .toList();
    }

    private java.util.stream.Stream<Map<String, AttributeValue>> tenantItems() {
        return dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.TENANTS)))).items().stream();
    }

    @Override
    public List<Tenant> all() {
        return dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.TENANTS)))).items().stream()
                .map(item -> new Tenant(new TenantId(item.get(Keys.SK).s()), item.get("nameKo").s(), item.get("nameEn").s()))
                .toList();
    }
}

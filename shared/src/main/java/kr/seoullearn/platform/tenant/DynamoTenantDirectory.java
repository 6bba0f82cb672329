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

    @Override
    public List<Tenant> all() {
        return dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.TENANTS)))).items().stream()
                .map(item -> new Tenant(new TenantId(item.get(Keys.SK).s()), item.get("nameKo").s(), item.get("nameEn").s()))
                .toList();
    }
}

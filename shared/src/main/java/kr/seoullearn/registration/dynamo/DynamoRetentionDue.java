package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.RetentionPeriods;
import kr.seoullearn.registration.port.RetentionDue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Due retags in one partition per tenant, {@code T#<tenant>#RETAG / <decidedAt>#<sub>}, oldest
 * first; {@code attempts}, {@code lastFailure}; TTL {@code expiresAt} = the decision + 30 days
 * (after that the files' own backstop applies and nothing is left to gain).
 */
final class DynamoRetentionDue implements RetentionDue {
    private static final String RECRUITMENT = "RECRUITMENT";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoRetentionDue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(TenantId tenant) {
        return Keys.tenant(tenant, "RETAG");
    }

    static TransactWriteItem put(String table, TenantId tenant, String userId, Instant decidedAt) {
        return put(table, tenant, userId, decidedAt, List.of());
    }

    /** With document ids: a recruitment decision's, its own sort key so it never meets a registration decision's. */
    static TransactWriteItem put(String table, TenantId tenant, String userId, Instant decidedAt, List<String> documentIds) {
        String sortKey = decidedAt + "#" + userId + (documentIds.isEmpty() ? "" : "#" + RECRUITMENT);
        Map<String, AttributeValue> item = new HashMap<>(ItemKey.of(partition(tenant), sortKey).attributes());
        if (!documentIds.isEmpty()) {
            item.put("documentIds", AttributeValue.fromL(documentIds.stream().map(ApplicationItems::str).toList()));
        }
        item.put("type", str("RETAG_DUE"));
        item.put("userId", str(userId));
        item.put("decidedAt", str(decidedAt.toString()));
        item.put("attempts", num(0));
        item.put(Keys.TTL, num(RetentionPeriods.decidedDocumentExpires(decidedAt).getEpochSecond()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    @Override
    public void plan(Transaction tx, TenantId tenant, String userId, Instant decidedAt) {
        tx.add(put(table, tenant, userId, decidedAt));
    }

    @Override
    public void planNamed(Transaction tx, TenantId tenant, String userId, Instant decidedAt, List<String> documentIds) {
        List<String> named = documentIds == null ? List.of() : documentIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (named.isEmpty()) {
            return; // nothing to retag
        }
        tx.add(put(table, tenant, userId, decidedAt, named));
    }

    @Override
    public List<Due> due(TenantId tenant, int limit) {
        return dynamo.query(q -> q.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", str(partition(tenant)))).limit(limit))
                .items().stream()
                .map(i -> new Due(tenant, i.get("userId").s(), Instant.parse(i.get("decidedAt").s()),
                        Integer.parseInt(i.get("attempts").n()), i.get(Keys.SK).s(),
                        i.containsKey("documentIds") ? i.get("documentIds").l().stream().map(AttributeValue::s).toList() : List.of()))
                .toList();
    }

    @Override
    public void done(Due due) {
        try {
            dynamo.deleteItem(d -> d.tableName(table).key(ItemKey.of(partition(due.tenant()), due.sortKey()).attributes())
                    .conditionExpression("attribute_not_exists(PK) OR attempts = :read")
                    .expressionAttributeValues(Map.of(":read", num(due.attempts()))));
        } catch (ConditionalCheckFailedException e) {
            // another run counted a failure meanwhile: it tries again later, and a retag done twice changes nothing
        }
    }

    @Override
    public boolean failed(Due due, String failure) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(ItemKey.of(partition(due.tenant()), due.sortKey()).attributes())
                    .updateExpression("SET attempts = attempts + :one, lastFailure = :failure")
                    .conditionExpression("attempts = :read")
                    .expressionAttributeValues(Map.of(":one", num(1), ":read", num(due.attempts()),
                            ":failure", str(failure == null ? "unknown" : failure))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

package kr.seoullearn.privacy.dynamo;

import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyNotice;
import kr.seoullearn.privacy.port.ConsentRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@code T#<t>#U#<sub> / CONSENT#PRIVACY#<version>}: one PutItem, {@code attribute_not_exists(PK)},
 * so the first acceptance of a version is the one kept (docs/data-model.md); or, inside another
 * write's transaction, an UpdateItem whose {@code if_not_exists} keeps the first acceptance the same way.
 */
final class DynamoConsentRecords implements ConsentRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoConsentRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String sortKey(String version) {
        return "CONSENT#PRIVACY#" + version;
    }

    @Override
    public void record(TenantId tenant, String userId, PrivacyNotice.Acceptance a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)));
        item.put(Keys.SK, AttributeValue.fromS(sortKey(a.version())));
        item.put("type", AttributeValue.fromS("CONSENT"));
        item.put("notice", AttributeValue.fromS("PRIVACY"));
        item.put("version", AttributeValue.fromS(a.version()));
        item.put("acceptedAt", AttributeValue.fromS(a.acceptedAt().toString()));
        item.put("acceptedBy", AttributeValue.fromS(a.by().name()));
        if (a.guardianName() != null && !a.guardianName().isBlank()) {
            item.put("guardianName", AttributeValue.fromS(a.guardianName()));
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            // this version was accepted before: the first acceptance stands
        }
    }

    @Override
    public void record(Transaction tx, TenantId tenant, String userId, PrivacyNotice.Acceptance a) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS("CONSENT"),
                ":notice", AttributeValue.fromS("PRIVACY"), ":version", AttributeValue.fromS(a.version()),
                ":at", AttributeValue.fromS(a.acceptedAt().toString()), ":by", AttributeValue.fromS(a.by().name())));
        StringBuilder set = new StringBuilder("SET #type = :type, notice = :notice, #version = :version, "
                + "acceptedAt = if_not_exists(acceptedAt, :at), acceptedBy = if_not_exists(acceptedBy, :by)");
        if (a.guardianName() != null && !a.guardianName().isBlank()) {
            set.append(", guardianName = if_not_exists(guardianName, :guardian)");
            values.put(":guardian", AttributeValue.fromS(a.guardianName()));
        }
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS(sortKey(a.version()))))
                .updateExpression(set.toString())
                .expressionAttributeNames(Map.of("#type", "type", "#version", "version"))
                .expressionAttributeValues(values)).build());
    }
}

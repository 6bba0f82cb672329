package kr.seoullearn.privacy.dynamo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * At withdrawal, the audit trail (docs/adr/0031) keeps what staff did and when, but no longer about
 * whom: each entry whose subject is the person moves from {@code T#<t>#AUDIT#SUBJECT#<sub>} to
 * {@code …#SUBJECT#<pseudonym>}, and the tenant's trail copy names the pseudonym; where the person
 * was the actor (their own resubmission), the actor and its index key become the pseudonym too.
 * Order for a retry: the new copy is put before the old one goes, every update is conditioned on
 * still naming the person, so a repeat finds nothing left to change.
 */
final class AuditPseudonyms {
    private final DynamoDbClient dynamo;
    private final String table;

    AuditPseudonyms(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    int pseudonymise(TenantId tenant, String userId, String pseudonym) {
        String trail = Keys.tenant(tenant, "AUDIT");
        List<Map<String, AttributeValue>> about = Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(tenant, "AUDIT", "SUBJECT", userId)))).build());
        for (Map<String, AttributeValue> entry : about) {
            Map<String, AttributeValue> moved = new HashMap<>(entry);
            moved.put(Keys.PK, AttributeValue.fromS(Keys.tenant(tenant, "AUDIT", "SUBJECT", pseudonym)));
            moved.put("subjectId", AttributeValue.fromS(pseudonym));
            if (entry.containsKey("actor") && userId.equals(entry.get("actor").s())) {
                moved.put("actor", AttributeValue.fromS(pseudonym));
            }
            dynamo.putItem(r -> r.tableName(table).item(moved));
            update(trail, entry.get(Keys.SK).s(), "subjectId", userId, pseudonym, null);
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK))));
        }
        // entries the person made about something else: the trail's actor index, and the subject's copy
        var acted = Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(tenant, "AUDIT", "ACTOR", userId))))
                .projectionExpression("PK, SK, subjectId").build());
        for (var entry : acted) {
            String sk = entry.get(Keys.SK).s();
            update(trail, sk, "actor", userId, pseudonym, Keys.tenant(tenant, "AUDIT", "ACTOR", pseudonym));
            if (entry.containsKey("subjectId")) {
                update(Keys.tenant(tenant, "AUDIT", "SUBJECT", entry.get("subjectId").s()), sk, "actor", userId, pseudonym, null);
            }
        }
        return about.size() + acted.size();
    }

    /** {@code SET <name> = :p} (and the index key) if the entry still names the person. */
    private void update(String pk, String sk, String name, String userId, String pseudonym, String gsi1pk) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":me", AttributeValue.fromS(userId), ":p", AttributeValue.fromS(pseudonym)));
        String set = "SET #n = :p";
        if (gsi1pk != null) {
            values.put(":g", AttributeValue.fromS(gsi1pk));
            set += ", GSI1PK = :g";
        }
        String expression = set;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                    .updateExpression(expression).conditionExpression("#n = :me")
                    .expressionAttributeNames(Map.of("#n", name)).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // already changed by an earlier try, or never named the person
        }
    }
}

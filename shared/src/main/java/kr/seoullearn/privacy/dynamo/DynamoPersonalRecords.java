package kr.seoullearn.privacy.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Backoff;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PersonalData;
import kr.seoullearn.privacy.port.PersonalRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A person's items, found by key only (their own partitions: one Query each, never a Scan) and
 * deleted with BatchWriteItem, 25 a call, unprocessed items sent again after a back-off.
 */
final class DynamoPersonalRecords implements PersonalRecords {
    private static final int BATCH = 25;
    private static final int MAX_ROUNDS = 10;
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoPersonalRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public PersonalData read(TenantId tenant, String userId) {
        return new PersonalReads(dynamo, table).read(tenant, userId);
    }

    /** The partitions that hold only this person's items. */
    static List<String> partitions(TenantId tenant, String userId) {
        return List.of(Keys.user(tenant, userId), Keys.tenant(tenant, "SENT", userId), Keys.tenant(tenant, "NSENT", userId),
                Keys.tenant(tenant, "RECORDS_CHECKS", "U", userId));
    }

    @Override
    public int erase(TenantId tenant, String userId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        if (tenant != null) {
            for (String pk : partitions(tenant, userId)) {
                keys.addAll(Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                        .projectionExpression("PK, SK").build()));
            }
        }
        // the account last: it is what a retry signs in with until the user pool forgets the person
        keys.add(ItemKey.of("ACCOUNT#" + userId, "ACCOUNT").attributes());
        return deleteAll(keys);
    }

    /** Deletes the items of {@code keys}, 25 a call, in their order; returns how many. */
    private int deleteAll(List<Map<String, AttributeValue>> keys) {
        for (int i = 0; i < keys.size(); i += BATCH) {
            delete(keys.subList(i, Math.min(keys.size(), i + BATCH)));
        }
        return keys.size();
    }

    private void delete(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> requests = keys.stream()
                .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build()).toList();
        for (int round = 0; round < MAX_ROUNDS && !requests.isEmpty(); round++) {
            if (round > 0) {
                Backoff.DEFAULT.pause(round);
            }
            List<WriteRequest> sending = requests;
            var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, sending))).unprocessedItems();
            requests = unprocessed == null ? List.of() : unprocessed.getOrDefault(table, List.of());
        }
        if (!requests.isEmpty()) {
            throw new IllegalStateException("DynamoDB left " + requests.size() + " deletes unprocessed");
        }
    }

    @Override
    public List<Map<String, Object>> nominations(TenantId tenant, String verifiedEmail) {
        return new PersonalReads(dynamo, table).nominations(tenant, verifiedEmail);
    }

    @Override
    public int eraseNominations(TenantId tenant, String verifiedEmail) {
        // one Query of GSI1, keys only: one item per round
        return deleteAll(Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PersonalReads.nominee(tenant, verifiedEmail))))
                .projectionExpression("PK, SK").build()));
    }

    @Override
    public void forgetNames(TenantId tenant, String userId, Collection<String> mentorshipIds) {
        for (String id : mentorshipIds) {
            var key = ItemKey.of(Keys.tenant(tenant, "MENTORSHIP", id), "MENTORSHIP").attributes();
            for (String side : List.of("mentee", "mentor")) {
                try {
                    dynamo.updateItem(r -> r.tableName(table).key(key)
                            .updateExpression("REMOVE " + side + "Name")
                            .conditionExpression(side + "Id = :me")
                            .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(userId))));
                } catch (ConditionalCheckFailedException e) {
                    // the person was the other side of this mentorship (or it is gone)
                }
            }
        }
    }

    @Override
    public void pseudonymiseLaptopRequest(TenantId tenant, String requestId, String userId, String pseudonym) {
        Map<String, AttributeValue> values = Map.of(":me", AttributeValue.fromS(userId), ":p", AttributeValue.fromS(pseudonym));
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(ItemKey.of(Keys.tenant(tenant, "LAPTOP", requestId), "REQUEST").attributes())
                    .updateExpression("SET userId = :p")
                    .conditionExpression("userId = :me")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // already done by an earlier try
        }
        var entries = Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(tenant, "LAPTOP", requestId, "AUDIT"))))
                .projectionExpression("PK, SK, actorId").build());
        for (var entry : entries) {
            if (entry.containsKey("actorId") && userId.equals(entry.get("actorId").s())) {
                try {
                    dynamo.updateItem(r -> r.tableName(table).key(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK)))
                            .updateExpression("SET actorId = :p").conditionExpression("actorId = :me")
                            .expressionAttributeValues(values));
                } catch (ConditionalCheckFailedException e) {
                    // changed by an earlier try
                }
            }
        }
    }

    @Override
    public int pseudonymiseAudit(TenantId tenant, String userId, String pseudonym) {
        return new AuditPseudonyms(dynamo, table).pseudonymise(tenant, userId, pseudonym);
    }
}

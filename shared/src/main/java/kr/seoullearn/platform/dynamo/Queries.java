package kr.seoullearn.platform.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The one paged Query: follows LastEvaluatedKey, so a read never stops at DynamoDB's 1 MB page. */
public final class Queries {
    private Queries() {}

    /** Every item the query matches, page after page. Use only where the partition is bounded. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        each(dynamo, request, items::add);
        return items;
    }

    /**
     * The item with the highest sort key at or before {@code upTo} in partition {@code pk}: one
     * Query, newest first, limit 1 — how effective-dated data (programmes, mentoring and
     * recruitment rules) finds what started on or before a date.
     */
    public static Optional<Map<String, AttributeValue>> newestAtOrBefore(DynamoDbClient dynamo, String table, String pk, String upTo) {
        var items = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("PK = :pk AND SK <= :upTo")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":upTo", AttributeValue.fromS(upTo)))
                .scanIndexForward(false)
                .limit(1)).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    /** How many items the query matches (Select COUNT), page after page: no item is sent back. */
    public static int count(DynamoDbClient dynamo, QueryRequest request) {
        QueryRequest counting = request.toBuilder().select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT).build();
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(start == null ? counting : counting.toBuilder().exclusiveStartKey(start).build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Hands every item the query matches to {@code each}, page after page. */
    public static void each(DynamoDbClient dynamo, QueryRequest request, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }
}

package kr.seoullearn.platform.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

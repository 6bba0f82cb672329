package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Backoff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem and BatchGetItem in DynamoDB's chunks, sending again what DynamoDB left
 * unprocessed after the platform's {@link Backoff} (the pause after losing to load is the same
 * as after losing a race).
 */
final class BatchCalls {
    /** Tries of a batch write whose items DynamoDB left unprocessed. */
    static final int WRITE_TRIES = 8;
    /** Tries of a batch get (a page waits on it: fewer than for seeding writes). */
    static final int GET_TRIES = 3;
    static final int WRITE_SIZE = 25;
    static final int GET_SIZE = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    BatchCalls(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    /** Puts the items, 25 a call. */
    void put(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += WRITE_SIZE) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + WRITE_SIZE))) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> sending = pending;
                BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(sending));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    if (attempt == WRITE_TRIES) {
                        throw new IllegalStateException("BatchWriteItem left items unprocessed " + attempt + " times");
                    }
                    backoff.pause(attempt);
                }
            }
        }
    }

    /** The items of these keys that exist, 100 keys a call, in no particular order. */
    List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_SIZE) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + GET_SIZE))).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> asking = pending;
                var r = dynamo.batchGetItem(b -> b.requestItems(asking));
                found.addAll(r.responses().getOrDefault(table, List.of()));
                pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    if (attempt == GET_TRIES) {
                        throw ProvisionedThroughputExceededException.builder()
                                .message("BatchGetItem left keys unprocessed " + attempt + " times").build();
                    }
                    backoff.pause(attempt);
                }
            }
        }
        return found;
    }
}

package kr.seoullearn.notifications.dynamo;

import static kr.seoullearn.notifications.dynamo.NoticeItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.port.Inbox;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The inbox: the caller's own partition, {@code INBOX#} entries, newest first (the id starts
 * with the time). One Query for the page, one counting Query (no items sent back) for the
 * unread; entries expire after a year, so both stay small. Keys come from the caller's token, so
 * another person's notice is simply not there.
 */
final class DynamoInbox implements Inbox {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoInbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page page(TenantId tenant, String userId, String after, int limit) {
        String pk = Keys.user(tenant, userId);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                .keyConditionExpression(after == null ? "PK = :pk AND begins_with(SK, :prefix)" : "PK = :pk AND SK BETWEEN :prefix AND :before")
                .scanIndexForward(false).limit(limit);
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":pk", s(pk), ":prefix", s(NoticeItems.INBOX_PREFIX)));
        if (after != null) {
            values.put(":before", s(NoticeItems.INBOX_PREFIX + after.substring(0, after.length() - 1)
                    + (char) (after.charAt(after.length() - 1) - 1) + "~"));
        }
        QueryResponse r = dynamo.query(q.expressionAttributeValues(values).build());
        List<Entry> entries = r.items().stream().map(DynamoInbox::entry).toList();
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && !entries.isEmpty()
                ? entries.get(entries.size() - 1).id() : null;
        int unread = Queries.count(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .filterExpression("attribute_not_exists(readAt)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(NoticeItems.INBOX_PREFIX))).build());
        return new Page(entries, next, unread);
    }

    @Override
    public Optional<Entry> markRead(TenantId tenant, String userId, String id, Instant now) {
        try {
            var r = dynamo.updateItem(u -> u.tableName(table).key(NoticeItems.inbox(tenant, userId, id).attributes())
                    .updateExpression("SET readAt = if_not_exists(readAt, :now)")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":now", s(now.toString())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(entry(r.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        Notice n = NoticeItems.notice(item);
        return new Entry(n.id(), n.kind(), n.params(), n.at(), item.containsKey("readAt") ? Instant.parse(item.get("readAt").s()) : null);
    }
}

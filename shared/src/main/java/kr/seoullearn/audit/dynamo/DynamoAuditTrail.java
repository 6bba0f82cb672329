package kr.seoullearn.audit.dynamo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.domain.AuditQuery;
import kr.seoullearn.audit.domain.AuditRefusal;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One page of the trail: the partition the most selective filter names (subject, then actor,
 * then action, else the tenant's trail), the time range as a key condition, the other filters as
 * a filter expression; newest first. At most {@link #MAX_CALLS} Queries of {@code limit} items
 * each fill a page, so a page's cost is bounded whatever the filters.
 */
final class DynamoAuditTrail implements AuditTrail {
    static final int MAX_CALLS = 4;
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoAuditTrail(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page page(TenantId tenant, AuditQuery q) {
        String partitionKey;
        String partition;
        String index = null;
        List<String> filters = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (q.subjectId() != null) {
            partitionKey = Keys.PK;
            partition = AuditKeys.subject(tenant, q.subjectId());
            if (q.actor() != null) {
                filters.add("actor = :actor");
                values.put(":actor", s(q.actor()));
            }
            if (q.action() != null) {
                filters.add("#action = :action");
                values.put(":action", s(q.action()));
            }
        } else if (q.actor() != null) {
            partitionKey = Keys.GSI1PK;
            index = Keys.GSI1;
            partition = AuditKeys.actor(tenant, q.actor());
            if (q.action() != null) {
                filters.add("#action = :action");
                values.put(":action", s(q.action()));
            }
        } else if (q.action() != null) {
            partitionKey = Keys.GSI1PK;
            index = Keys.GSI1;
            partition = AuditKeys.action(tenant, q.action());
        } else {
            partitionKey = Keys.PK;
            partition = AuditKeys.trail(tenant);
        }
        String sortKey = index == null ? Keys.SK : Keys.GSI1SK;
        values.put(":p", s(partition));
        values.put(":from", s(q.from() == null ? "0" : AuditEntry.TIME.format(q.from())));
        values.put(":to", s(q.to() == null ? "9" : AuditEntry.TIME.format(q.to())));
        var request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(partitionKey + " = :p AND " + sortKey + " BETWEEN :from AND :to")
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(q.limit());
        if (!filters.isEmpty()) {
            request.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(Map.of("#action", "action"));
        }
        Map<String, AttributeValue> start = q.after() == null ? null : decode(q.after(), tenant, partitionKey, partition);
        List<AuditEntry> entries = new ArrayList<>();
        int calls = 0;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).limit(q.limit() - entries.size()).build());
            calls++;
            page.items().forEach(item -> entries.add(entry(tenant, item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && entries.size() < q.limit() && calls < MAX_CALLS);
        return new Page(List.copyOf(entries), start == null ? null : encode(start));
    }

    private static AuditEntry entry(TenantId tenant, Map<String, AttributeValue> item) {
        return new AuditEntry(item.get("entryId").s(), tenant, item.get("actor").s(), item.get("action").s(),
                item.get("subjectType").s(), item.get("subjectId").s(), Instant.parse(item.get("at").s()),
                item.get("correlationId").s(), state(item.get("before")), state(item.get("after")));
    }

    private static Map<String, String> state(AttributeValue v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v != null && v.hasM()) {
            v.m().forEach((k, x) -> m.put(k, x.s()));
        }
        return m;
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor is accepted only for the partition it came from: it cannot reach another tenant's or filter's page. */
    private static Map<String, AttributeValue> decode(String cursor, TenantId tenant, String partitionKey, String partition) {
        Map<String, Object> plain;
        try {
            plain = Json.readObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ProblemException e) {
            throw new ProblemException(AuditRefusal.AUDIT_FILTER_INVALID, Map.of("field", "cursor"));
        }
        if (!partition.equals(plain.get(partitionKey)) || plain.values().stream().anyMatch(v -> !(v instanceof String))
                || !(plain.get(Keys.PK) instanceof String pk) || !pk.startsWith(AuditKeys.trail(tenant))) {
            throw new ProblemException(AuditRefusal.AUDIT_FILTER_INVALID, Map.of("field", "cursor"));
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, s((String) v)));
        return key;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}

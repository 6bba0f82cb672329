package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.LaptopLedger.Page;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads of requests, stock and audit trails (pages, never scans). */
final class LaptopReads {
    private final DynamoDbClient dynamo;
    private final String table;

    LaptopReads(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Optional<LaptopRequest> find(TenantId tenant, String requestId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(LaptopKeys.request(tenant, requestId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LaptopItems.request(tenant, item));
    }

    Optional<LaptopRequest> latest(TenantId tenant, String userId) {
        var marker = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(LaptopKeys.marker(tenant, userId).attributes())).item();
        if (marker == null || !marker.containsKey("requestId")) {
            return Optional.empty();
        }
        return find(tenant, marker.get("requestId").s());
    }

    Optional<StockCounts> stock(TenantId tenant, String district) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(LaptopKeys.stock(tenant, district).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LaptopItems.counts(item));
    }

    List<StockCounts> districts(TenantId tenant) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.districts(tenant)))).build())
                .stream().map(LaptopItems::counts).toList();
    }

    List<StockCounts> districts(TenantId tenant, Set<String> districts) {
        if (districts.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = districts.stream().limit(100)
                .map(d -> LaptopKeys.stock(tenant, d).attributes()).toList();
        List<StockCounts> found = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !pending.isEmpty() && round < 5; round++) {
            Map<String, KeysAndAttributes> ask = pending;
            var r = dynamo.batchGetItem(b -> b.requestItems(ask));
            r.responses().getOrDefault(table, List.of()).forEach(i -> found.add(LaptopItems.counts(i)));
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
        found.sort(Comparator.comparing(StockCounts::district));
        return found;
    }

    Page<LaptopRequest> requests(TenantId tenant, String district, boolean active, String cursor, int limit) {
        String partition = LaptopKeys.requests(tenant, district);
        Map<String, AttributeValue> start = cursor == null ? null : QueueCursor.decode(cursor, partition);
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(partition),
                        ":prefix", s(active ? LaptopKeys.ACTIVE_PREFIX : LaptopKeys.CLOSED_PREFIX)))
                .scanIndexForward(active)
                .exclusiveStartKey(start)
                .limit(limit));
        List<LaptopRequest> items = r.items().stream().map(i -> LaptopItems.request(tenant, i)).toList();
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? QueueCursor.encode(r.lastEvaluatedKey()) : null;
        return new Page<>(items, next);
    }

    List<AuditEntry> requestAudit(TenantId tenant, String requestId) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(LaptopKeys.requestAudit(tenant, requestId)))).build())
                .stream().map(LaptopItems::auditEntry).toList();
    }

    Page<AuditEntry> districtAudit(TenantId tenant, String district, String cursor, int limit) {
        String pk = LaptopKeys.district(tenant, district);
        Map<String, AttributeValue> start = cursor == null ? null
                : LaptopKeys.audit(tenant, district, decodeAuditCursor(cursor)).attributes();
        QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(LaptopKeys.AUDIT_PREFIX)))
                .scanIndexForward(false)
                .exclusiveStartKey(start)
                .limit(limit));
        List<AuditEntry> entries = r.items().stream().map(LaptopItems::auditEntry).toList();
        // the cursor is the last entry's id, read from the entry (never cut out of its key)
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && !entries.isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        entries.getLast().entryId().getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(entries, next);
    }

    /** An audit cursor is an entry id (time and uuid) and nothing else: it can only point inside the district asked for. */
    static String decodeAuditCursor(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (!id.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#[0-9a-f-]{36}")) {
            throw invalidCursor();
        }
        return id;
    }

    private static ProblemException invalidCursor() {
        return new ProblemException(Problem.VALIDATION_FAILED,
                Map.of("errors", List.of(Map.of("field", "cursor", "code", "invalid-value"))));
    }
}

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

    /** The fingerprint of the stock change a key named, if that change was made. */
    Optional<String> stockChangeFingerprint(TenantId tenant, String district, String keyId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(LaptopKeys.stockChangeKey(tenant, district, keyId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("requestFingerprint").s());
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

    /**
     * Loans due before {@code today}, oldest due first: a district's (its partition's {@code DUE#}
     * entries) or, with {@code district} null, the tenant's (GSI1). 1 Query + 1 BatchGetItem.
     */
    Page<LaptopRequest> overdue(TenantId tenant, String district, java.time.LocalDate today, String cursor, int limit) {
        QueryResponse r;
        if (district != null) {
            String pk = LaptopKeys.district(tenant, district);
            Map<String, AttributeValue> start = cursor == null ? null
                    : Map.of(Keys.PK, s(pk), Keys.SK, s(LaptopKeys.DUE_PREFIX + decodeDueCursor(cursor)));
            r = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :lo AND :hi")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":lo", s(LaptopKeys.DUE_PREFIX),
                            ":hi", s(LaptopKeys.DUE_PREFIX + today)))
                    .exclusiveStartKey(start)
                    .limit(limit));
        } else {
            String pk = LaptopKeys.tenantDue(tenant);
            Map<String, AttributeValue> start = cursor == null ? null : QueueCursor.decode(cursor, pk);
            r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :today")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":today", s(today.toString())))
                    .exclusiveStartKey(start)
                    .limit(limit));
        }
        List<String> ids = r.items().stream().map(i -> i.get("requestId").s()).toList();
        List<LaptopRequest> loans = requestsById(tenant, ids);
        String next = null;
        if (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && !r.items().isEmpty()) {
            var last = r.items().getLast();
            next = district != null
                    ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                            (last.get("dueOn").s() + "#" + last.get("requestId").s()).getBytes(StandardCharsets.UTF_8))
                    : QueueCursor.encode(r.lastEvaluatedKey());
        }
        return new Page<>(loans, next);
    }

    /** The requests with these ids, in the order given (missing ones left out). */
    private List<LaptopRequest> requestsById(TenantId tenant, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, LaptopRequest> found = new java.util.HashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(id -> LaptopKeys.request(tenant, id).attributes()).toList();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !pending.isEmpty() && round < 5; round++) {
            Map<String, KeysAndAttributes> ask = pending;
            var b = dynamo.batchGetItem(x -> x.requestItems(ask));
            b.responses().getOrDefault(table, List.of()).forEach(i -> {
                LaptopRequest req = LaptopItems.request(tenant, i);
                found.put(req.requestId(), req);
            });
            pending = b.hasUnprocessedKeys() ? b.unprocessedKeys() : Map.of();
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A district's overdue cursor is a due date and a request id, nothing else. */
    static String decodeDueCursor(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (!id.matches("\\d{4}-\\d{2}-\\d{2}#[0-9a-f-]{36}")) {
            throw invalidCursor();
        }
        return id;
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

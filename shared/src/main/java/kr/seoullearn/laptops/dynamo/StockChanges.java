package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.ZERO;
import static kr.seoullearn.laptops.dynamo.LaptopItems.n;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.LaptopLedger.ChangeKey;
import kr.seoullearn.laptops.port.LaptopLedger.StockResult;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.IdempotencyRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A district's stock: opened (seed data), received or written off, each with an immutable audit entry. */
final class StockChanges {
    /** Tries of a stock change whose count changed under it (requests took or gave back units). */
    static final int RACE_ATTEMPTS = 20;
    /** How long a stock change's Idempotency-Key is kept: far longer than any client retries. */
    static final java.time.Duration KEY_KEPT = java.time.Duration.ofDays(7);
    private static final Log LOG = Log.of(StockChanges.class);

    private final TransactionRunner runner;
    private final String table;
    private final LaptopQueues queues;
    private final LaptopReads reads;

    StockChanges(TransactionRunner runner, String table, LaptopQueues queues, LaptopReads reads) {
        this.runner = runner;
        this.table = table;
        this.queues = queues;
        this.reads = reads;
    }

    StockResult change(TenantId tenant, String district, StockChange change, long units, String model, String note, Actor actor,
                       Instant now, ChangeKey key) {
        StockCounts s = reads.stock(tenant, district).orElseThrow(() -> new ProblemException(LaptopRefusal.DISTRICT_NOT_FOUND));
        if (key != null) {
            Optional<String> done = reads.stockChangeFingerprint(tenant, district, key.id());
            if (done.isPresent()) {
                return again(tenant, district, change, key, done.get(), now);
            }
        }
        for (int attempt = 0; ; attempt++) {
            if (attempt >= RACE_ATTEMPTS) {
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
            long before = s.inStock();
            long after = change == StockChange.RECEIVED ? before + units : before - units;
            if (after < 0) {
                throw new ProblemException(LaptopRefusal.LAPTOP_STOCK_TOO_LOW, Map.of("inStock", before));
            }
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":before", n(before), ":after", n(after)));
            String set = "SET inStock = :after";
            if (model != null) {
                set += ", model = :model";
                values.put(":model", s(model));
            }
            String expression = set;
            Transaction tx = Transaction.named("stock");
            int stock = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(LaptopKeys.stock(tenant, district).attributes())
                    .updateExpression(expression)
                    .conditionExpression("inStock = :before")
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now), now, district, null, change.name(),
                    Long.toString(before), Long.toString(after), units, actor, note), tenant, 0));
            StaffAudit.record(table, tx, tenant, actor, change == StockChange.RECEIVED ? "laptops.stock-received" : "laptops.stock-written-off",
                    "district", district, now, Map.of("inStock", Long.toString(before)),
                    Map.of("inStock", Long.toString(after), "units", Long.toString(units)));
            int marker = key == null ? -1 : tx.add(keyMarker(tenant, district, change, units, key, now));
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                break;
            }
            if (key != null && outcome.failed(marker)) {
                // the same key's other request made the change between our read and our write
                String fingerprint = Optional.ofNullable(outcome.item(marker).get("requestFingerprint")).map(AttributeValue::s)
                        .or(() -> reads.stockChangeFingerprint(tenant, district, key.id()))
                        .orElseThrow(() -> new ProblemException(Problem.SERVICE_UNAVAILABLE));
                return again(tenant, district, change, key, fingerprint, now);
            }
            if (!outcome.failed(stock)) {
                throw runner.refusalOf(tx, outcome);
            }
            s = LaptopItems.counts(outcome.item(stock)); // requests took or gave back units meanwhile
            runner.backoff().pause(attempt);
        }
        LOG.info("laptop stock changed", "tenant", tenant.value(), "district", district, "change", change.name(), "units", units);
        int approved = change == StockChange.RECEIVED ? queues.of(tenant, district, now).promote() : 0;
        return new StockResult(reads.stock(tenant, district).orElseThrow(), approved);
    }

    /** The key's marker: written with the change, so the change and its key exist together or not at all. */
    private TransactWriteItem keyMarker(TenantId tenant, String district, StockChange change, long units, ChangeKey key, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.stockChangeKey(tenant, district, key.id()).attributes());
        item.put("type", s("STOCK_CHANGE_KEY"));
        item.put("requestFingerprint", s(key.fingerprint()));
        item.put("change", s(change.name()));
        item.put("units", n(units));
        item.put("at", s(now.toString()));
        item.put(Keys.TTL, n(now.plus(KEY_KEPT).getEpochSecond()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** A change asked again under its key: nothing recorded twice; the queue served again (a lost answer may have cut it short). */
    private StockResult again(TenantId tenant, String district, StockChange change, ChangeKey key, String fingerprint, Instant now) {
        if (!key.fingerprint().equals(fingerprint)) {
            throw new ProblemException(IdempotencyRefusal.IDEMPOTENCY_KEY_REUSED);
        }
        int approved = change == StockChange.RECEIVED ? queues.of(tenant, district, now).promote() : 0;
        LOG.info("laptop stock change asked again", "tenant", tenant.value(), "district", district, "approved", approved);
        return new StockResult(reads.stock(tenant, district).orElseThrow(), approved);
    }

    /** Creates a district's stock item (seed data); false when it exists. */
    boolean open(TenantId tenant, String district, String model, long units, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.stock(tenant, district).attributes());
        item.put("type", s("DISTRICT_STOCK"));
        item.put("tenant", s(tenant.value()));
        item.put("district", s(district));
        item.put("model", s(model));
        item.put("inStock", n(units));
        for (String counter : List.of("reserved", "loaned", "waiting", "requested", "lastTicket")) {
            item.put(counter, ZERO);
        }
        item.put(Keys.GSI1PK, s(Keys.districts(tenant)));
        item.put(Keys.GSI1SK, s(district));
        Transaction tx = Transaction.named("open district");
        int stock = tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build());
        tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now), now, district, null, StockChange.RECEIVED.name(),
                "0", Long.toString(units), units, Actor.SYSTEM, "opening stock"), tenant, 0));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return true;
        }
        if (outcome.failed(stock)) {
            return false;
        }
        throw runner.refusalOf(tx, outcome);
    }
}

package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.port.LaptopLedger.Page;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A district's units: registered into its stock (the unit, one more on the shelf and an audit
 * entry in one transaction; a serial number once per tenant), read by serial, listed per district.
 */
final class Units {
    private static final Log LOG = Log.of(Units.class);

    private final DynamoDbClient dynamo;
    private final TransactionRunner runner;
    private final String table;
    private final LaptopQueues queues;

    Units(DynamoDbClient dynamo, TransactionRunner runner, String table, LaptopQueues queues) {
        this.dynamo = dynamo;
        this.runner = runner;
        this.table = table;
        this.queues = queues;
    }

    /**
     * Registers a unit. {@code counted}: the unit is already in the district's count (the opening
     * stock of seed data, registered later), so the count does not change; otherwise it is one more
     * on the shelf and the queue is served.
     */
    LaptopUnit register(LaptopUnit unit, boolean counted, Actor actor, Instant now) {
        Transaction tx = Transaction.named("register unit");
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(LaptopItems.unitItem(unit))
                .conditionExpression("attribute_not_exists(PK)")).build(), LaptopRefusal.LAPTOP_UNIT_EXISTS);
        if (!counted) {
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(LaptopKeys.stock(unit.tenant(), unit.district()).attributes())
                    .updateExpression("SET inStock = inStock + :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":one", LaptopItems.ONE))).build(), LaptopRefusal.DISTRICT_NOT_FOUND);
        }
        tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now), now, unit.district(), null, "UNIT_REGISTERED",
                null, unit.serial(), counted ? 0L : 1L, actor, null), unit.tenant(), 0));
        StaffAudit.record(table, tx, unit.tenant(), actor, "laptops.unit-register", "laptop-unit", unit.serial(), now,
                Map.of("unitStatus", "NONE"), Map.of("unitStatus", LaptopUnit.Status.AVAILABLE.name(), "district", unit.district(),
                        "assetTag", unit.assetTag() == null ? "" : unit.assetTag(), "counted", Boolean.toString(counted)));
        runner.commit(tx);
        LOG.info("laptop unit registered", "tenant", unit.tenant().value(), "district", unit.district(), "counted", counted);
        if (!counted) {
            queues.of(unit.tenant(), unit.district(), now).promote();
        }
        return unit;
    }

    Optional<LaptopUnit> find(TenantId tenant, String serial) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(LaptopKeys.unit(tenant, serial).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LaptopItems.unit(tenant, item));
    }

    Page<LaptopUnit> list(TenantId tenant, String district, String cursor, int limit) {
        String partition = LaptopKeys.units(tenant, district);
        Map<String, AttributeValue> start = cursor == null ? null : QueueCursor.decode(cursor, partition);
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .exclusiveStartKey(start)
                .limit(limit));
        List<LaptopUnit> units = r.items().stream().map(i -> LaptopItems.unit(tenant, i)).toList();
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? QueueCursor.encode(r.lastEvaluatedKey()) : null;
        return new Page<>(units, next);
    }
}

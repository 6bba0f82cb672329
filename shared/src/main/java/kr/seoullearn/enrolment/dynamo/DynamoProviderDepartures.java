package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.port.ProviderWrites;
import kr.seoullearn.enrolment.domain.Departure;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Departures ({@code DEPARTURES / <providerId>@<graceUntil>}, docs/data-model.md "Provider
 * departures"): written with the provider's leaving in one transaction ({@code attribute_not_exists},
 * so a retried request writes nothing), advanced by the worker with a version condition.
 */
final class DynamoProviderDepartures implements ProviderDepartures {
    static final String PARTITION = "DEPARTURES";
    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final ProviderWrites providers;

    DynamoProviderDepartures(DynamoDbClient dynamo, String table, ProviderWrites providers) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.providers = providers;
    }

    static ItemKey key(String providerId, LocalDate graceUntil) {
        return ItemKey.of(PARTITION, Departure.id(providerId, graceUntil));
    }

    @Override
    public Departure start(Provider before, Provider leaving, Instant at, String by) {
        Departure d = Departure.begin(leaving.id(), leaving.graceUntil(), at);
        Transaction tx = Transaction.named("provider leaves");
        int departure = tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(d))
                .conditionExpression("attribute_not_exists(PK)")).build());
        providers.replace(tx, leaving);
        if (by != null) {
            java.util.List<kr.seoullearn.platform.tenant.TenantId> tenants = new kr.seoullearn.platform.tenant.DynamoTenantDirectory(dynamo, table)
                    .listings().stream().map(kr.seoullearn.platform.tenant.TenantDirectory.Listing::id).toList();
            Map<String, String> was = before == null ? Map.of() : Map.of("status", before.status().name(),
                    "graceUntil", before.graceUntil() == null ? "" : before.graceUntil().toString());
            kr.seoullearn.audit.dynamo.AuditStorage.writes(table).recordForEach(tx, tenants, t -> kr.seoullearn.audit.domain.AuditEntry.of(t, by,
                    "providers.leave", "provider", leaving.id(), at, was,
                    Map.of("status", leaving.status().name(), "graceUntil", leaving.graceUntil().toString(), "departure", d.id())));
        }
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return d;
        }
        if (outcome.failed(departure)) {
            // the same departure was recorded before: a retried request, answered as it stands
            return find(leaving.id(), leaving.graceUntil()).orElseThrow(() -> runner.refusalOf(tx, outcome));
        }
        throw runner.refusalOf(tx, outcome);
    }

    @Override
    public Optional<Departure> find(String providerId, LocalDate graceUntil) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key(providerId, graceUntil).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(departure(item));
    }

    @Override
    public List<Departure> open() {
        return dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk").filterExpression("#status = :pending")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":pending", s(PENDING))))
                .items().stream().map(DynamoProviderDepartures::departure).toList();
    }

    @Override
    public boolean advance(Departure previous, Departure next) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(item(next)).conditionExpression("version = :seen")
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(Long.toString(previous.version())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> item(Departure d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.providerId(), d.graceUntil()).attributes());
        item.put("type", s("DEPARTURE"));
        item.put("providerId", s(d.providerId()));
        item.put("graceUntil", s(d.graceUntil().toString()));
        item.put("at", s(d.at().toString()));
        item.put("status", s(d.done() ? DONE : PENDING));
        item.put("tenantsDone", AttributeValue.fromL(d.tenantsDone().stream().map(AttributeValue::fromS).toList()));
        if (d.tenant() != null) {
            item.put("tenant", s(d.tenant()));
        }
        item.put("phase", s(d.phase().name()));
        if (d.cursor() != null) {
            item.put("cursor", s(d.cursor()));
        }
        item.put("learnersTold", EnrolmentItems.n(d.learnersTold()));
        item.put("waitlistClosed", EnrolmentItems.n(d.waitlistClosed()));
        item.put("version", EnrolmentItems.n(d.version()));
        return item;
    }

    private static Departure departure(Map<String, AttributeValue> i) {
        return new Departure(i.get("providerId").s(), LocalDate.parse(i.get("graceUntil").s()), Instant.parse(i.get("at").s()),
                DONE.equals(i.get("status").s()), i.get("tenantsDone").l().stream().map(AttributeValue::s).toList(),
                i.containsKey("tenant") ? i.get("tenant").s() : null, Departure.Phase.valueOf(i.get("phase").s()),
                i.containsKey("cursor") ? i.get("cursor").s() : null, Integer.parseInt(i.get("learnersTold").n()),
                Integer.parseInt(i.get("waitlistClosed").n()), Long.parseLong(i.get("version").n()));
    }
}

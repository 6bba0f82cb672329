package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Providers ({@code CAT#PROVIDER / <providerId>}) and the seats each donated to a tenant
 * ({@code T#<tenant>#PROVIDER#<providerId> / SEATS}, whose {@code used} and {@code waiting}
 * counts are enrolment's).
 */
final class ProviderItems {
    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchCalls batch;

    ProviderItems(DynamoDbClient dynamo, String table, BatchCalls batch) {
        this.dynamo = dynamo;
        this.table = table;
        this.batch = batch;
    }

    /** Every provider, ordered by id: one Query (more only past 1 MB). */
    List<Provider> all() {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.PROVIDERS))).build())
                .stream().map(CatalogItems::provider).toList();
    }

    Optional<Provider> find(String providerId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(Keys.provider(providerId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.provider(item));
    }

    /** Creates or replaces a provider. */
    void save(Provider p) {
        dynamo.putItem(r -> r.tableName(table).item(CatalogItems.provider(p)));
    }

    /**
     * An operator ({@code by}) creates or changes a provider: on the provider as read ({@code old},
     * null: none yet; else 409 version-conflict) with its audit entry in every tenant's trail, one
     * transaction.
     */
    void save(Provider p, Provider old, String by, java.time.Instant at) {
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("provider");
        Map<String, AttributeValue> item = CatalogItems.provider(p);
        tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(r -> {
            r.tableName(table).item(item);
            if (old == null) {
                r.conditionExpression("attribute_not_exists(PK)");
            } else {
                r.conditionExpression("nameKo = :ko AND nameEn = :en AND accessUrlTemplate = :url AND #status = :status")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":ko", AttributeValue.fromS(old.nameKo()), ":en", AttributeValue.fromS(old.nameEn()),
                                ":url", AttributeValue.fromS(old.accessUrlTemplate()), ":status", AttributeValue.fromS(old.status().name())));
            }
        }).build(), kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
        CatalogAudit.record(dynamo, table, tx, by, old == null ? "providers.create" : "providers.change", "provider", p.id(), at,
                CatalogAudit.state(old), CatalogAudit.state(p));
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(tx);
    }

    /** The seats of these providers in a tenant, by provider id; empty when the tenant does not exist. One BatchGetItem. */
    Optional<Map<String, ProviderSeats>> seats(TenantId tenant, List<String> providerIds) {
        Map<String, AttributeValue> tenantKey = Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS), Keys.SK, AttributeValue.fromS(tenant.value()));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(tenantKey);
        for (String id : providerIds) {
            keys.add(Keys.seats(tenant, id).attributes());
        }
        boolean tenantFound = false;
        Map<String, ProviderSeats> seats = new TreeMap<>();
        for (Map<String, AttributeValue> item : batch.get(keys)) {
            if (CatalogItems.keyOf(item).equals(tenantKey)) {
                tenantFound = true;
            } else {
                ProviderSeats s = seatsItem(tenant, item);
                seats.put(s.providerId(), s);
            }
        }
        return tenantFound ? Optional.of(seats) : Optional.empty();
    }

    /**
     * The seats these providers donated to the tenant, by provider id, without asking whether the
     * tenant exists (the dashboard's gauges: its caller is a member of the tenant); no call when
     * there are no providers.
     */
    Map<String, ProviderSeats> donated(TenantId tenant, List<String> providerIds) {
        Map<String, ProviderSeats> seats = new TreeMap<>();
        if (providerIds.isEmpty()) {
            return seats;
        }
        for (Map<String, AttributeValue> item : batch.get(providerIds.stream().map(id -> Keys.seats(tenant, id).attributes()).toList())) {
            ProviderSeats s = seatsItem(tenant, item);
            seats.put(s.providerId(), s);
        }
        return seats;
    }

    private static ProviderSeats seatsItem(TenantId tenant, Map<String, AttributeValue> item) {
        return new ProviderSeats(tenant, item.get("providerId").s(), CatalogItems.number(item, "seats"),
                CatalogItems.number(item, "used"), item.containsKey("waiting") ? CatalogItems.number(item, "waiting") : 0);
    }

    /** Sets the seats a provider donated to a tenant; the count of used seats is kept (0 when new). */
    void saveSeats(ProviderSeats s) {
        dynamo.updateItem(r -> r.tableName(table).key(Keys.seats(s.tenant(), s.providerId()).attributes())
                .updateExpression("SET #type = :type, tenant = :tenant, providerId = :provider, seats = :seats, used = if_not_exists(used, :zero)")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(
                        ":type", AttributeValue.fromS("SEATS"),
                        ":tenant", AttributeValue.fromS(s.tenant().value()),
                        ":provider", AttributeValue.fromS(s.providerId()),
                        ":seats", AttributeValue.fromN(Integer.toString(s.seats())),
                        ":zero", AttributeValue.fromN("0"))));
    }
}

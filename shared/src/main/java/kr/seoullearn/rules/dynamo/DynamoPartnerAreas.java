package kr.seoullearn.rules.dynamo;

import static kr.seoullearn.rules.dynamo.RulesItems.n;
import static kr.seoullearn.rules.dynamo.RulesItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.rules.domain.PartnerArea;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.domain.RulesRefusal;
import kr.seoullearn.rules.port.PartnerAreas;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A partner area in one TransactWriteItems (at most 2 + 2 × 25 + 3 items, under DynamoDB's 100):
 * the tenant item {@code TENANT / <id>} if absent, its first programme, the programme head, per
 * provider a ConditionCheck that the provider is in the catalogue and active and its seats item
 * {@code T#<tenant>#PROVIDER#<p> / SEATS}, and the audit entry in the new tenant's trail.
 */
final class DynamoPartnerAreas implements PartnerAreas {
    private final String table;
    private final TransactionRunner runner;
    private final AuditWrites audit;

    DynamoPartnerAreas(DynamoDbClient dynamo, String table, AuditWrites audit) {
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.audit = audit;
    }

    @Override
    public PublishedRules add(PartnerArea area, String programmeId, LocalDate programmeFrom, Map<String, Object> programme,
                              String actor, Instant at) {
        TenantId tenant = area.tenant();
        Transaction tx = Transaction.named("add partner area");
        Map<String, AttributeValue> item = new HashMap<>(Map.of(Keys.PK, s(Keys.TENANTS), Keys.SK, s(tenant.value()),
                "type", s("TENANT"), "createdAt", s(at.toString()),
                "districts", AttributeValue.fromL(area.districts().stream().map(RulesItems::s).toList())));
        area.names().forEach((language, name) ->
                item.put("name" + Character.toUpperCase(language.charAt(0)) + language.substring(1), s(name)));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")).build(),
                RulesRefusal.TENANT_EXISTS);
        Map<String, Object> definition = RuleKind.PROGRAMME.published(programme, tenant, programmeId, programmeFrom);
        Map<String, AttributeValue> programmeItem = RulesItems.publishedItem(tenant, RuleKind.PROGRAMME, programmeId, programmeFrom, definition);
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(programmeItem).conditionExpression("attribute_not_exists(PK)")).build(),
                RulesRefusal.TENANT_EXISTS);
        PublishedRules first = RulesItems.published(RuleKind.PROGRAMME, programmeItem);
        Map<String, AttributeValue> head = new HashMap<>(RulesKeys.head(tenant, RuleKind.PROGRAMME).attributes());
        head.putAll(Map.of("type", s("RULES_HEAD"), "latest", s(first.sortKey()), "rulesId", s(programmeId), "publishedAt", s(at.toString())));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(head).conditionExpression("attribute_not_exists(PK)")).build(),
                RulesRefusal.TENANT_EXISTS);
        for (var seats : new TreeMap<>(area.seats()).entrySet()) {
            tx.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(Keys.provider(seats.getKey()).attributes())
                    .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(#status) OR #status = :active)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":active", s("ACTIVE")))).build(), RulesRefusal.SEATS_PROVIDER_UNKNOWN);
            Map<String, AttributeValue> seatsItem = new HashMap<>(Keys.seats(tenant, seats.getKey()).attributes());
            seatsItem.putAll(Map.of("type", s("SEATS"), "tenant", s(tenant.value()), "providerId", s(seats.getKey()),
                    "seats", n(seats.getValue()), "used", n(0)));
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(seatsItem).conditionExpression("attribute_not_exists(PK)")).build(),
                    RulesRefusal.TENANT_EXISTS);
        }
        Map<String, String> after = new LinkedHashMap<>();
        after.put("districts", Integer.toString(area.districts().size()));
        after.put("providers", Integer.toString(area.seats().size()));
        after.put("seats", Integer.toString(area.seats().values().stream().mapToInt(Integer::intValue).sum()));
        after.put("programme", programmeId);
        after.put("programmeFrom", programmeFrom.toString());
        audit.record(tx, AuditEntry.of(tenant, actor, "tenant.add", "tenant", tenant.value(), at, Map.of(), after));
        runner.commit(tx);
        return first;
    }
}

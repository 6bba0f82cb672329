package kr.seoullearn.mentoring.dynamo;

import kr.seoullearn.platform.dynamo.Queries;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.mentoring.domain.MentoringRulesJson;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mentoring rules: {@code T#<tenant>#MENTORING_RULES / FROM#<effectiveFrom>#<id>}, the
 * definition as JSON. Like the eligibility programmes (docs/adr/0007), the rules in force on a
 * date are the newest that started on or before it: one Query, newest first, limit 1.
 */
final class DynamoMentoringRulesCatalogue implements MentoringRulesCatalogue {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoMentoringRulesCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<MentoringRules> inForce(TenantId tenant, LocalDate date) {
        return Queries.newestAtOrBefore(dynamo, table, MentoringKeys.rules(tenant), MentoringKeys.rulesUpTo(date))
                .map(item -> MentoringRulesJson.fromMap(Json.readObject(item.get("definition").s())))
                .filter(rules -> rules.inForceOn(date));
    }

    @Override
    public void save(MentoringRules r) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.rules(r.tenant(), r.effectiveFrom(), r.id()).attributes());
        item.put("type", AttributeValue.fromS("MENTORING_RULES"));
        item.put("rulesId", AttributeValue.fromS(r.id()));
        item.put("definition", AttributeValue.fromS(Json.write(MentoringRulesJson.toMap(r))));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }
}

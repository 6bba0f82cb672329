package kr.seoullearn.recruitment.dynamo;

import kr.seoullearn.platform.dynamo.Queries;

import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A tenant's effective-dated recruitment rules (docs/adr/0007 and 0014). */
final class RulesRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    RulesRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The newest rules from {@code date} or before (one Query), if still in force on that date. */
    Optional<RecruitmentRules> inForce(TenantId tenant, LocalDate date) {
        return Queries.newestAtOrBefore(dynamo, table, RecruitmentKeys.rules(tenant), RecruitmentKeys.rulesUpTo(date))
                .map(item -> RecruitmentRulesJson.fromMap(Json.readObject(item.get("definition").s())))
                .filter(rules -> rules.inForceOn(date));
    }

    void save(RecruitmentRules r) {
        dynamo.putItem(p -> p.tableName(table).item(Map.of(
                Keys.PK, s(RecruitmentKeys.rules(r.tenant())), Keys.SK, s(RecruitmentKeys.rulesFrom(r.effectiveFrom(), r.id())),
                "type", s("RECRUITMENT_RULES"), "rulesId", s(r.id()),
                "definition", s(Json.write(RecruitmentRulesJson.toMap(r))))));
    }
}

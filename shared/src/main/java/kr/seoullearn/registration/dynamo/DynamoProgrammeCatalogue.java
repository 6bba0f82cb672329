package kr.seoullearn.registration.dynamo;

import kr.seoullearn.platform.dynamo.Queries;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Programmes: {@code T#<tenant>#PROGRAMME / FROM#<effectiveFrom>#<id>}, the definition as JSON
 * plus the quota counter {@code admitted}. The one in force on a date is the latest that
 * started on or before it: one Query, newest first, limit 1.
 */
final class DynamoProgrammeCatalogue implements ProgrammeCatalogue {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoProgrammeCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<EligibilityProgramme> inForce(TenantId tenant, LocalDate date) {
        return Queries.newestAtOrBefore(dynamo, table, RegistrationKeys.programmes(tenant), RegistrationKeys.programmesUpTo(date))
                .map(item -> ProgrammeJson.fromMap(Json.readObject(item.get("definition").s())))
                .filter(programme -> programme.inForceOn(date));
    }

    /** Adds or replaces the definition; the quota counter {@code admitted} is kept (zero when new). */
    @Override
    public void save(EligibilityProgramme p) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":type", AttributeValue.fromS("PROGRAMME"),
                ":d", AttributeValue.fromS(Json.write(ProgrammeJson.toMap(p))),
                ":id", AttributeValue.fromS(p.id()),
                ":zero", AttributeValue.fromN("0")));
        if (p.quota() != null) {
            values.put(":quota", AttributeValue.fromN(p.quota().toString()));
        }
        dynamo.updateItem(r -> r.tableName(table)
                .key(RegistrationKeys.programme(p).attributes())
                .updateExpression("SET #type = :type, #definition = :d, programmeId = :id, admitted = if_not_exists(admitted, :zero)"
                        + (p.quota() == null ? " REMOVE quota" : ", quota = :quota"))
                .expressionAttributeNames(Map.of("#type", "type", "#definition", "definition"))
                .expressionAttributeValues(values));
    }
}

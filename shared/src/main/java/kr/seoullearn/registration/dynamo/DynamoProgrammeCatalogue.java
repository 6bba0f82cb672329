package kr.seoullearn.registration.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Programmes: {@code T#<tenant>#PROGRAMME / FROM#<effectiveFrom>#<id>}, the definition as JSON
 * plus the quota counter {@code admitted}. The one in force on a date is the latest that
 * started on or before it: one Query, newest first, limit 1.
 */
@Singleton
public class DynamoProgrammeCatalogue implements ProgrammeCatalogue {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProgrammeCatalogue(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<EligibilityProgramme> inForce(TenantId tenant, LocalDate date) {
        var items = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("PK = :pk AND SK <= :upTo")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Keys.programmes(tenant)),
                        ":upTo", AttributeValue.fromS("FROM#" + date + "#\uffff")))
                .scanIndexForward(false)
                .limit(1)).items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        EligibilityProgramme programme = ProgrammeJson.fromMap(Json.readObject(items.get(0).get("definition").s()));
        return programme.inForceOn(date) ? Optional.of(programme) : Optional.empty();
    }

    @Override
    public void save(EligibilityProgramme p) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(key(p))
                .updateExpression("SET #type = :type, #definition = :d, programmeId = :id, admitted = if_not_exists(admitted, :zero)"
                        + (p.quota() == null ? " REMOVE quota" : ", quota = :quota"))
                .expressionAttributeNames(Map.of("#type", "type", "#definition", "definition"))
                .expressionAttributeValues(p.quota() == null
                        ? Map.of(":type", AttributeValue.fromS("PROGRAMME"), ":d", AttributeValue.fromS(Json.write(ProgrammeJson.toMap(p))),
                                ":id", AttributeValue.fromS(p.id()), ":zero", AttributeValue.fromN("0"))
                        : Map.of(":type", AttributeValue.fromS("PROGRAMME"), ":d", AttributeValue.fromS(Json.write(ProgrammeJson.toMap(p))),
                                ":id", AttributeValue.fromS(p.id()), ":zero", AttributeValue.fromN("0"),
                                ":quota", AttributeValue.fromN(p.quota().toString()))));
    }

    /** The key of a programme's item (its quota counter lives there too). */
    public static Map<String, AttributeValue> key(EligibilityProgramme p) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.programmes(p.tenant())),
                Keys.SK, AttributeValue.fromS("FROM#" + p.effectiveFrom() + "#" + p.id()));
    }
}

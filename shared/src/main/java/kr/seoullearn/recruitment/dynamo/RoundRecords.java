package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.n;
import static kr.seoullearn.recruitment.dynamo.Attributes.num;
import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Round;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Rounds: created once, listed newest first; {@code selected} is raised only by the selection transaction. */
final class RoundRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    RoundRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void create(Round r) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(item(r)).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            // the same id twice: a retry of the same creation (ids are random) or a seeded round
        }
    }

    /**
     * Creates the round with the request's fingerprint, and its audit entry (docs/adr/0031), in one
     * transaction unless its id exists; then the existing round (ALL_OLD, no second read).
     */
    Optional<RecruitmentLedger.StoredRound> createOnce(Round r, String fingerprint) {
        Map<String, AttributeValue> item = item(r);
        item.put("requestFingerprint", s(fingerprint));
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("open round");
        int round = tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(r.tenant(), r.createdBy(),
                "recruitment.round-open", "round", r.id(), r.createdAt(), Map.of("status", "NONE"),
                Map.of("status", "OPEN", "opensOn", r.opensOn().toString(), "closesOn", r.closesOn().toString(),
                        "target", Integer.toString(r.target()), "selected", Integer.toString(r.selected()))));
        kr.seoullearn.platform.dynamo.TransactionRunner runner = new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo);
        kr.seoullearn.platform.dynamo.TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return Optional.empty();
        }
        if (!outcome.failed(round)) {
            throw runner.refusalOf(tx, outcome);
        }
        Map<String, AttributeValue> old = outcome.item(round);
        if (old == null || old.isEmpty()) {
            old = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                    .key(RecruitmentKeys.round(r.tenant(), r.id()).attributes())).item();
        }
        return Optional.of(new RecruitmentLedger.StoredRound(round(r.tenant(), old),
                old.containsKey("requestFingerprint") ? old.get("requestFingerprint").s() : ""));
    }

    private static Map<String, AttributeValue> item(Round r) {
        Map<String, AttributeValue> item = new HashMap<>(RecruitmentKeys.round(r.tenant(), r.id()).attributes());
        item.put("type", s("ROUND"));
        item.put("roundId", s(r.id()));
        item.put("name", s(r.name()));
        item.put("opensOn", s(r.opensOn().toString()));
        item.put("closesOn", s(r.closesOn().toString()));
        item.put("target", n(r.target()));
        item.put("selected", n(r.selected()));
        item.put("criteria", s(String.join(",", r.criteria().stream().map(Enum::name).sorted().toList())));
        item.put("createdBy", s(r.createdBy()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put(Keys.GSI1PK, s(RecruitmentKeys.rounds(r.tenant())));
        item.put(Keys.GSI1SK, s(RecruitmentKeys.roundsOrder(r.opensOn(), r.id())));
        return item;
    }

    Optional<Round> find(TenantId tenant, String roundId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(RecruitmentKeys.round(tenant, roundId).attributes())).item();
        return Attributes.absent(item) ? Optional.empty() : Optional.of(round(tenant, item));
    }

    List<Round> all(TenantId tenant) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk").scanIndexForward(false)
                        .expressionAttributeValues(Map.of(":pk", s(RecruitmentKeys.rounds(tenant)))).build())
                .stream().map(i -> round(tenant, i)).toList();
    }

    private static Round round(TenantId tenant, Map<String, AttributeValue> i) {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (String c : i.get("criteria").s().split(",")) {
            Criterion.parse(c).ifPresent(criteria::add);
        }
        return new Round(tenant, i.get("roundId").s(), i.get("name").s(), LocalDate.parse(i.get("opensOn").s()),
                LocalDate.parse(i.get("closesOn").s()), num(i, "target"), num(i, "selected"), criteria, i.get("createdBy").s(),
                Instant.parse(i.get("createdAt").s()));
    }
}

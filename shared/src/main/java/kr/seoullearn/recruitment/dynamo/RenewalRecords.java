package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.Renewal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Renewals: one request per term; deciding one (and, if approved, moving the term) is one transaction. */
final class RenewalRecords {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner transactions;
    private final MentorOnboarding onboarding;

    RenewalRecords(DynamoDbClient dynamo, String table, TransactionRunner transactions, MentorOnboarding onboarding) {
        this.dynamo = dynamo;
        this.table = table;
        this.transactions = transactions;
        this.onboarding = onboarding;
    }

    Renewal request(TenantId tenant, String mentorId, LocalDate termEnds, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(RecruitmentKeys.renewal(tenant, mentorId, termEnds).attributes());
        item.put("type", s("MENTOR_RENEWAL"));
        item.put("mentorId", s(mentorId));
        item.put("termEnds", s(termEnds.toString()));
        item.put("status", s(Renewal.PENDING));
        item.put("requestedAt", s(at.toString()));
        item.put(Keys.GSI1PK, s(RecruitmentKeys.pendingRenewals(tenant)));
        item.put(Keys.GSI1SK, s(RecruitmentKeys.arrival(at, mentorId)));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(RecruitmentRefusal.RENEWAL_NOT_OPEN);
        }
        return new Renewal(tenant, mentorId, termEnds, Renewal.PENDING, at, null, null);
    }

    Optional<Renewal> find(TenantId tenant, String mentorId, LocalDate termEnds) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(RecruitmentKeys.renewal(tenant, mentorId, termEnds).attributes())).item();
        return Attributes.absent(item) ? Optional.empty() : Optional.of(renewal(tenant, item));
    }

    List<Renewal> pending(TenantId tenant) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RecruitmentKeys.pendingRenewals(tenant)))).build())
                .stream().map(i -> renewal(tenant, i)).toList();
    }

    /**
     * The renewal PENDING → decided (off the pending index) and, when approved, the mentor's term
     * moved on condition it is still the one renewed. Like a selection, no witness: the SDK's
     * retry is recognised by its ClientRequestToken, and a client's retry finds nothing pending.
     */
    Renewal decide(Renewal r, boolean approve, LocalDate newTermEnds, LocalDate newReadUntil, String by, Instant at) {
        String status = approve ? Renewal.APPROVED : Renewal.DECLINED;
        Transaction tx = Transaction.named("decide renewal");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RecruitmentKeys.renewal(r.tenant(), r.mentorId(), r.termEnds()).attributes())
                .updateExpression("SET #status = :status, decidedBy = :by, decidedAt = :at REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status), ":pending", s(Renewal.PENDING), ":by", s(by),
                        ":at", s(at.toString())))).build(), RecruitmentRefusal.RENEWAL_NOT_FOUND);
        if (approve) {
            onboarding.extendTerm(tx, r.tenant(), r.mentorId(), r.termEnds(), newTermEnds, newReadUntil,
                    RecruitmentRefusal.RENEWAL_NOT_FOUND);
        }
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(r.tenant(), by,
                "recruitment.renewal-decide", "mentor", r.mentorId(), at,
                Map.of("status", Renewal.PENDING, "termEnds", r.termEnds().toString()),
                Map.of("status", status, "termEnds", (approve ? newTermEnds : r.termEnds()).toString())));
        transactions.commit(tx);
        return new Renewal(r.tenant(), r.mentorId(), r.termEnds(), status, r.requestedAt(), by, at);
    }

    private static Renewal renewal(TenantId tenant, Map<String, AttributeValue> i) {
        return new Renewal(tenant, i.get("mentorId").s(), LocalDate.parse(i.get("termEnds").s()), i.get("status").s(),
                Instant.parse(i.get("requestedAt").s()), Attributes.text(i, "decidedBy"), Attributes.instant(i, "decidedAt"));
    }
}

package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.ONE;
import static kr.seoullearn.recruitment.dynamo.Attributes.n;
import static kr.seoullearn.recruitment.dynamo.Attributes.num;
import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Applications: one per person and round, scored under their version, rejected once (selection: {@link Selections}). */
final class ApplicationRecords {
    private static final String SUBMITTED = MentorApplication.Status.SUBMITTED.name();

    private final DynamoDbClient dynamo;
    private final String table;
    private final kr.seoullearn.registration.port.RetentionDue retention;
    private final kr.seoullearn.privacy.port.ConsentRecords consents;

    ApplicationRecords(DynamoDbClient dynamo, String table, kr.seoullearn.registration.port.RetentionDue retention,
                       kr.seoullearn.privacy.port.ConsentRecords consents) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.consents = consents;
    }

    /** The documents an application named (its enrolment proof and transcript). */
    static List<String> documentIds(MentorApplication a) {
        return java.util.stream.Stream.of(a.enrolmentDocumentId(), a.transcriptDocumentId())
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The application (one per person and round) and the privacy notice's acceptance: one TransactWriteItems of 2 items. */
    void submit(MentorApplication a, kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance) {
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("submit mentor application");
        tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(ApplicationItems.item(a)).conditionExpression("attribute_not_exists(PK)")).build(),
                RecruitmentRefusal.MENTOR_APPLICATION_EXISTS);
        consents.record(tx, a.tenant(), a.userId(), acceptance);
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(tx);
    }

    Optional<MentorApplication> find(TenantId tenant, String roundId, String userId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(RecruitmentKeys.application(tenant, roundId, userId).attributes())).item();
        return Attributes.absent(item) ? Optional.empty() : Optional.of(ApplicationItems.application(tenant, item));
    }

    List<MentorApplication> of(TenantId tenant, String userId) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.user(tenant, userId)),
                                ":prefix", s(RecruitmentKeys.APPLICATION_PREFIX))).build())
                .stream().map(i -> ApplicationItems.application(tenant, i)).toList();
    }

    List<MentorApplication> ofRound(TenantId tenant, String roundId) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(RecruitmentKeys.roundApplications(tenant, roundId)))).build())
                .stream().map(i -> ApplicationItems.application(tenant, i)).toList();
    }

    /** The kind and status of the applicant's document (registration's item, read by its documented key). */
    Optional<String[]> document(TenantId tenant, String userId, String documentId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(Keys.PK, s(Keys.user(tenant, userId)), Keys.SK, s(Keys.document(documentId))))
                .projectionExpression("kind, #status").expressionAttributeNames(Map.of("#status", "status"))).item();
        if (Attributes.absent(item) || !item.containsKey("kind")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {item.get("kind").s(), item.get("status").s()});
    }

    MentorApplication score(MentorApplication a, Map<String, Integer> scores, String by, long expectedVersion) {
        try {
            var attributes = dynamo.updateItem(u -> u.tableName(table)
                    .key(RecruitmentKeys.application(a.tenant(), a.roundId(), a.userId()).attributes())
                    .updateExpression("SET scores = :scores, scoredBy = :by, version = version + :one")
                    .conditionExpression("attribute_exists(PK) AND version = :expected AND #status = :submitted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":scores", s(ApplicationItems.scores(scores)), ":by", s(by), ":one", ONE,
                            ":expected", n(expectedVersion), ":submitted", s(SUBMITTED)))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return ApplicationItems.application(a.tenant(), attributes);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_NOT_FOUND);
            }
            if (!SUBMITTED.equals(e.item().get("status").s())) {
                throw new ProblemException(RecruitmentRefusal.MENTOR_APPLICATION_DECIDED);
            }
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("version", num(e.item(), "version")));
        }
    }

    /** The rejection, the applicant's notice and the documents' retag due item in one transaction (docs/adr/0027, 0038). */
    MentorApplication reject(MentorApplication a, String reason, String by, Instant at) {
        kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("reject mentor application");
        tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RecruitmentKeys.application(a.tenant(), a.roundId(), a.userId()).attributes())
                .updateExpression("SET #status = :rejected, reason = :reason, decidedBy = :by, decidedAt = :at, version = version + :one, "
                        + "#ttl = :expires")
                .conditionExpression("#status = :submitted")
                .expressionAttributeNames(Map.of("#status", "status", "#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":rejected", s(MentorApplication.Status.REJECTED.name()),
                        ":submitted", s(SUBMITTED), ":reason", s(reason), ":by", s(by), ":at", s(at.toString()), ":one", ONE,
                        // not selected: kept as long as a rejected learner's application (docs/adr/0038)
                        ":expires", n(kr.seoullearn.registration.domain.RetentionPeriods.rejectedExpires(at).getEpochSecond()))))
                .build(), RecruitmentRefusal.MENTOR_APPLICATION_DECIDED);
        kr.seoullearn.notifications.dynamo.NotificationsStorage.writes(table).add(tx,
                kr.seoullearn.notifications.domain.Notice.of(a.tenant(), kr.seoullearn.notifications.domain.NoticeKind.RECRUITMENT_NOT_SELECTED,
                        a.roundId(), a.userId(), Map.of(), at));
        // not selected: the application's files go onto the 30-day rule too, due in this transaction (docs/adr/0038)
        retention.planNamed(tx, a.tenant(), a.userId(), at, documentIds(a));
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(a.tenant(), by,
                "recruitment.reject", "mentor-application", a.userId(), at,
                Map.of("status", SUBMITTED, "roundId", a.roundId()),
                Map.of("status", MentorApplication.Status.REJECTED.name(), "roundId", a.roundId())));
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(tx);
        return find(a.tenant(), a.roundId(), a.userId()).orElseThrow();
    }
}

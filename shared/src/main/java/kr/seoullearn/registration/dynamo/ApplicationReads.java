package kr.seoullearn.registration.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.ApplicationStore.Dossier;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;
import kr.seoullearn.registration.port.ApplicationStore.QueuePage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading applications: one consistent GetItem for an application, one Query of the person's
 * partition for the application with its documents, one page of the review queue (GSI1).
 */
final class ApplicationReads {
    private final DynamoDbClient dynamo;
    private final String table;

    ApplicationReads(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Optional<Application> find(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApplicationItems.application(tenant, item));
    }

    /** The application after a write that just succeeded. */
    Application reread(Application a) {
        return find(a.tenant(), a.userId()).orElseThrow();
    }

    /** The person's {@code DOC#} items only (one Query of their partition, begins_with). */
    List<DocumentSummary> documents(TenantId tenant, String userId) {
        return kr.seoullearn.platform.dynamo.Queries.all(dynamo, software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                        .tableName(table).consistentRead(true).keyConditionExpression("PK = :pk AND begins_with(SK, :doc)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RegistrationKeys.person(tenant, userId)),
                                ":doc", AttributeValue.fromS(Keys.DOCUMENT_PREFIX))).build())
                .stream().map(ApplicationItems::document).toList();
    }

    Optional<Dossier> dossier(TenantId tenant, String userId) {
        var items = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RegistrationKeys.person(tenant, userId))))).items();
        Application application = null;
        List<DocumentSummary> documents = new ArrayList<>();
        for (var item : items) {
            String sk = item.get(Keys.SK).s();
            if (sk.equals(Keys.PROFILE)) {
                application = ApplicationItems.application(tenant, item);
            } else if (RegistrationKeys.isDocument(sk)) {
                documents.add(ApplicationItems.document(item));
            }
        }
        return application == null ? Optional.empty() : Optional.of(new Dossier(application, List.copyOf(documents)));
    }

    /** One counting Query of the review queue's index over the submission times (docs/data-model.md). */
    int queuedBetween(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        return kr.seoullearn.platform.dynamo.Queries.count(dynamo, software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :q AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromS(RegistrationKeys.reviewQueue(tenant)),
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .build());
    }

    QueuePage queue(TenantId tenant, String after, int limit) {
        String queue = RegistrationKeys.reviewQueue(tenant);
        Map<String, AttributeValue> start = after == null ? null : QueueCursor.decode(after, queue);
        var response = dynamo.query(r -> r.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :q")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromS(queue)))
                .scanIndexForward(true)
                .limit(limit)
                .exclusiveStartKey(start));
        List<Application> applications = response.items().stream().map(item -> ApplicationItems.application(tenant, item)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? QueueCursor.encode(response.lastEvaluatedKey()) : null;
        return new QueuePage(applications, next);
    }

    /** After a submission's condition failed: as {@link #whyRefused}, or the account used up its submissions. */
    ProblemException whySubmissionRefused(TenantId tenant, String userId, int maxSubmissions) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())).item();
        if (item == null || item.isEmpty()) {
            return new ProblemException(Problem.PROFILE_NOT_FOUND);
        }
        Application now = ApplicationItems.application(tenant, item);
        if (now.editable() && item.containsKey("submissions") && Long.parseLong(item.get("submissions").n()) >= maxSubmissions) {
            return new ProblemException(RegistrationRefusal.SUBMISSION_LIMIT_REACHED, Map.of("maxSubmissions", maxSubmissions));
        }
        return now.editable() ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()))
                : new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
    }

    /** The quota place an application holds (the sort key of the programme whose counter it took), if any. */
    Optional<String> quotaPlace(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())
                .projectionExpression("quotaPlace")).item();
        return item == null || !item.containsKey("quotaPlace") ? Optional.empty() : Optional.of(item.get("quotaPlace").s());
    }

    /** After the condition of an applicant's change failed: the application moved on, or someone saved in between. */
    ProblemException whyRefused(TenantId tenant, String userId) {
        Optional<Application> now = find(tenant, userId);
        if (now.isEmpty()) {
            return new ProblemException(Problem.PROFILE_NOT_FOUND);
        }
        return now.get().editable() ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.get().version()))
                : new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
    }
}

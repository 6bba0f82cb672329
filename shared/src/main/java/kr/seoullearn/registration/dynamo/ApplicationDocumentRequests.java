package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore.DocumentRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A reviewer's document request and the applicant's resubmission (docs/adr/0031), each one
 * transaction with its audit entry. The request lives on the profile item ({@code docRequest*}
 * attributes); while it is open the application's GSI1 entry moves from the review queue
 * ({@code T#<t>#QUEUE}) to the requests ({@code T#<t>#DOCREQ}, by request time), and back to its
 * first submission's place in the queue on resubmission.
 */
final class ApplicationDocumentRequests {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final NoticeWrites notices;
    private final ApplicationReads reads;
    private final AuditWrites audit;

    ApplicationDocumentRequests(DynamoDbClient dynamo, String table, TransactionRunner runner, ApplicationReads reads, AuditWrites audit,
                                NoticeWrites notices) {
        this.notices = notices;
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
        this.reads = reads;
        this.audit = audit;
    }

    Optional<DocumentRequest> find(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())
                .projectionExpression("docRequestKinds, docRequestTemplate, docRequestBy, docRequestAt")).item();
        if (item == null || !item.containsKey("docRequestAt")) {
            return Optional.empty();
        }
        return Optional.of(new DocumentRequest(item.get("docRequestKinds").l().stream().map(v -> DocumentKind.valueOf(v.s())).toList(),
                item.get("docRequestTemplate").s(), item.get("docRequestBy").s(), Instant.parse(item.get("docRequestAt").s())));
    }

    /**
     * The request, in one transaction with its audit entry and the applicant's notice
     * (DOCUMENTS_REQUESTED, docs/adr/0027).
     */
    Application request(Application a, long expectedVersion, DocumentRequest request) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", num(expectedVersion));
        values.put(":next", num(expectedVersion + 1));
        values.put(":submitted", str(RegistrationStatus.SUBMITTED.name()));
        values.put(":review", str(RegistrationStatus.UNDER_REVIEW.name()));
        values.put(":kinds", AttributeValue.fromL(request.documents().stream().map(k -> str(k.name())).toList()));
        values.put(":template", str(request.template()));
        values.put(":by", str(request.requestedBy()));
        values.put(":at", str(request.requestedAt().toString()));
        values.put(":requests", str(RegistrationKeys.documentRequests(a.tenant())));
        values.put(":position", str(RegistrationKeys.queuePosition(request.requestedAt(), a.userId())));
        Transaction tx = Transaction.named("request-documents");
        int application = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression("SET docRequestKinds = :kinds, docRequestTemplate = :template, docRequestBy = :by, "
                        + "docRequestAt = :at, GSI1PK = :requests, GSI1SK = :position, version = :next")
                .conditionExpression("version = :expected AND #status IN (:submitted, :review) AND attribute_not_exists(docRequestAt)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        audit.record(tx, AuditEntry.of(a.tenant(), request.requestedBy(), "review.request-documents", "application", a.userId(),
                request.requestedAt(), Map.of("status", a.status().name(), "version", Long.toString(expectedVersion)),
                Map.of("status", a.status().name(), "version", Long.toString(expectedVersion + 1),
                        "requested", String.join(" ", request.documents().stream().map(Enum::name).toList()),
                        "template", request.template())));
        notices.add(tx, ApplicationNotices.documentsRequested(a, request.requestedAt()));
        commit(tx, application, a, expectedVersion, RegistrationRefusal.DOCUMENT_REQUEST_NOT_ALLOWED);
        return reads.reread(a);
    }

    /** The resubmission, in one transaction with its audit entry (the applicant is the actor). */
    Application resubmit(Application a, long expectedVersion, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", num(expectedVersion));
        values.put(":next", num(expectedVersion + 1));
        values.put(":queue", str(RegistrationKeys.reviewQueue(a.tenant())));
        values.put(":position", str(RegistrationKeys.queuePosition(a.submittedAt(), a.userId())));
        values.put(":at", str(now.toString()));
        Transaction tx = Transaction.named("resubmit-documents");
        int application = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression("SET GSI1PK = :queue, GSI1SK = :position, version = :next, resubmittedAt = :at "
                        + "REMOVE docRequestKinds, docRequestTemplate, docRequestBy, docRequestAt")
                .conditionExpression("version = :expected AND attribute_exists(docRequestAt)")
                .expressionAttributeValues(values)).build());
        audit.record(tx, AuditEntry.of(a.tenant(), a.userId(), "registration.resubmit", "application", a.userId(), now,
                Map.of("documentRequest", "open", "version", Long.toString(expectedVersion)),
                Map.of("documentRequest", "closed", "version", Long.toString(expectedVersion + 1))));
        commit(tx, application, a, expectedVersion, RegistrationRefusal.NO_DOCUMENT_REQUEST);
        return reads.reread(a);
    }

    /** A failed condition: someone changed the application in between (409 version-conflict), or the state refuses it. */
    private void commit(Transaction tx, int application, Application a, long expectedVersion, RegistrationRefusal refusal) {
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.failed(application)) {
            Application now = reads.find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            throw now.version() != expectedVersion
                    ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()))
                    : new ProblemException(refusal);
        }
        if (!outcome.committed()) {
            throw runner.refusalOf(tx, outcome);
        }
    }
}

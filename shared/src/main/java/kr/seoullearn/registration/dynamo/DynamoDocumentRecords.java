package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.DocumentRecords;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Documents, read audits and the review start in the application table (docs/data-model.md):
 * {@code T#tenant#U#sub / DOC#<documentId>}, the reads in the tenant's audit trail (audit.port.AuditWrites) and
 * the registration item {@code T#tenant#U#sub / PROFILE}; the upload allowance beside them
 * ({@link UploadAllowances}). A new document and a document leaving AWAITING_UPLOAD change the
 * allowance in the same transaction.
 */
final class DynamoDocumentRecords implements DocumentRecords {
    static final String TYPE_DOCUMENT = "DOCUMENT";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final UploadAllowances allowances;

    private final kr.seoullearn.audit.port.AuditWrites audit;

    DynamoDocumentRecords(DynamoDbClient dynamo, String table, kr.seoullearn.audit.port.AuditWrites audit) {
        this.audit = audit;
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.allowances = new UploadAllowances(dynamo, table, runner);
    }

    @Override
    public void create(Document d, Instant urlExpiresAt) {
        if (!allowances.take(d, urlExpiresAt, putNew(item(d)))) {
            // a random id taken already: not a retry of ours, so nothing to answer but "try again"
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }

    @Override
    public Optional<Stored> createOnce(Document d, Instant urlExpiresAt, String fingerprint) {
        Optional<Stored> existing = stored(d.tenant(), d.userId(), d.documentId());
        if (existing.isPresent()) {
            return existing;
        }
        Map<String, AttributeValue> item = item(d);
        item.put("requestFingerprint", s(fingerprint));
        item.put("uploadUrlExpiresAt", s(urlExpiresAt.toString()));
        if (allowances.take(d, urlExpiresAt, putNew(item))) {
            return Optional.empty();
        }
        // the same key's other request wrote it between our read and our write
        return Optional.of(stored(d.tenant(), d.userId(), d.documentId()).orElseThrow(() -> new ProblemException(Problem.SERVICE_UNAVAILABLE)));
    }

    private Optional<Stored> stored(TenantId tenant, String userId, String documentId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(tenant, userId, documentId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(document(tenant, userId, documentId, item),
                item.containsKey("requestFingerprint") ? item.get("requestFingerprint").s() : "",
                item.containsKey("uploadUrlExpiresAt") ? Instant.parse(item.get("uploadUrlExpiresAt").s()) : null));
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    private Map<String, AttributeValue> item(Document d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.tenant(), d.userId(), d.documentId()));
        item.put("type", s(TYPE_DOCUMENT));
        item.put("documentId", s(d.documentId()));
        item.put("kind", s(d.kind().name()));
        item.put("contentType", s(d.contentType().mediaType()));
        item.put("declaredSize", n(d.declaredSize()));
        item.put("s3Key", s(d.s3Key()));
        item.put("status", s(d.status().name()));
        item.put("createdAt", s(d.createdAt().toString()));
        if (d.expiresAt() != null) {
            item.put(Keys.TTL, n(d.expiresAt().getEpochSecond()));
        }
        return item;
    }

    @Override
    public Optional<Document> find(TenantId tenant, String userId, String documentId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(tenant, userId, documentId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(document(tenant, userId, documentId, item));
    }

    private static Document document(TenantId tenant, String userId, String documentId, Map<String, AttributeValue> item) {
        return new Document(
                tenant,
                userId,
                documentId,
                DocumentKind.valueOf(item.get("kind").s()),
                DocumentContentType.fromMediaType(item.get("contentType").s()).orElseThrow(),
                Long.parseLong(item.get("declaredSize").n()),
                item.containsKey("size") ? Long.valueOf(item.get("size").n()) : null,
                item.get("s3Key").s(),
                item.containsKey("s3VersionId") ? item.get("s3VersionId").s() : null,
                DocumentStatus.valueOf(item.get("status").s()),
                item.containsKey("reason") ? item.get("reason").s() : null,
                Instant.parse(item.get("createdAt").s()),
                item.containsKey("finalisedAt") ? Instant.parse(item.get("finalisedAt").s()) : null,
                item.containsKey(Keys.TTL) ? Instant.ofEpochSecond(Long.parseLong(item.get(Keys.TTL).n())) : null);
    }

    @Override
    public boolean settle(Document d, DocumentStatus from) {
        List<String> set = new ArrayList<>(List.of("#status = :status", "#finalisedAt = :finalisedAt"));
        List<String> remove = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        // names for all: "size" and "status" are DynamoDB reserved words
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#finalisedAt", "finalisedAt"));
        values.put(":status", s(d.status().name()));
        values.put(":finalisedAt", s(d.finalisedAt().toString()));
        if (d.size() != null) {
            set.add("#size = :size");
            names.put("#size", "size");
            values.put(":size", n(d.size()));
        }
        if (d.s3VersionId() != null) {
            set.add("#version = :version");
            names.put("#version", "s3VersionId");
            values.put(":version", s(d.s3VersionId()));
        }
        if (d.reason() != null) {
            set.add("#reason = :reason");
            values.put(":reason", s(d.reason()));
        } else {
            remove.add("#reason");
        }
        names.put("#reason", "reason");
        if (d.expiresAt() != null) {
            set.add("#ttl = :expiresAt");
            values.put(":expiresAt", n(d.expiresAt().getEpochSecond()));
        } else {
            remove.add("#ttl");
        }
        names.put("#ttl", Keys.TTL);
        values.put(":from", s(from.name()));
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        TransactWriteItem document = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(d.tenant(), d.userId(), d.documentId()))
                .updateExpression(update)
                .conditionExpression("#status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build();
        if (from == DocumentStatus.AWAITING_UPLOAD) {
            boolean nothingArrived = RegistrationRefusal.DOCUMENT_NO_FILE.code().equals(d.reason());
            Transaction tx = Transaction.named("settle-upload");
            tx.add(document);
            int allowance = tx.add(UploadAllowances.close(table, d, nothingArrived));
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                return true;
            }
            if (outcome.failed(0)) {
                return false;
            }
            if (!outcome.failed(allowance)) {
                throw runner.refusalOf(tx, outcome);
            }
            // a document issued before allowances were kept: settle it alone
        }
        Transaction alone = Transaction.named("settle-document");
        alone.add(document);
        return runner.attempt(alone).committed();
    }

    @Override
    public void recordRead(TenantId tenant, String applicantId, String documentId, String actor, Instant at) {
        // the tenant's audit trail (docs/adr/0031): a read changes nothing, so the entry is its own transaction
        Transaction tx = Transaction.named("audit-document-read");
        audit.record(tx, kr.seoullearn.audit.domain.AuditEntry.of(tenant, actor, "document.read", "application", applicantId, at,
                Map.of(), Map.of("document", documentId)));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (!outcome.committed()) {
            throw runner.refusalOf(tx, outcome);
        }
    }

    @Override
    public boolean startReview(TenantId tenant, String applicantId) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(RegistrationKeys.profile(tenant, applicantId).attributes())
                    .updateExpression("SET #status = :underReview, version = version + :one")
                    .conditionExpression("#status = :submitted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":underReview", s(RegistrationStatus.UNDER_REVIEW.name()),
                            ":submitted", s(RegistrationStatus.SUBMITTED.name()),
                            ":one", n(1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(TenantId tenant, String userId, String documentId) {
        return RegistrationKeys.document(tenant, userId, documentId).attributes();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

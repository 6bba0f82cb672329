package kr.seoullearn.registration.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentLimits;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.DocumentRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The per-applicant upload allowance (docs/adr/0022) on the emulator: its limits are conditions
 * of the transaction that records a new document, so parallel requests never pass them.
 */
class UploadAllowancesIT {
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final long TEN_MB = DocumentLimits.MAX_BYTES;
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static DocumentRecords documents;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("upload-allowances");
        dynamo = stack.aws().dynamoDb();
        documents = RegistrationStorage.documents(dynamo, stack.table());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private static Document awaiting(String sub, long size, Instant at) {
        String id = UUID.randomUUID().toString();
        return new Document(TenantId.SEOUL, sub, id, DocumentKind.INCOME_PROOF, DocumentContentType.PDF, size, null,
                "tenant/seoul/applicant/" + sub + "/" + id, null, DocumentStatus.AWAITING_UPLOAD, null, at, null, at.plusSeconds(604800));
    }

    private static Map<String, AttributeValue> allowance(String sub) {
        return dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(RegistrationKeys.uploads(TenantId.SEOUL, sub).attributes())).item();
    }

    private static int documentsOf(String sub) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :doc)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RegistrationKeys.person(TenantId.SEOUL, sub)),
                        ":doc", AttributeValue.fromS("DOC#")))).count();
    }

    /** Runs the calls at once; answers each one's refusal code, or "created". */
    private static List<String> inParallel(List<Callable<Void>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            List<String> outcomes = new ArrayList<>();
            for (Future<Void> f : futures) {
                try {
                    f.get();
                    outcomes.add("created");
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause() instanceof ProblemException p ? p.problem().code() : String.valueOf(e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thirtyParallelUploadUrlsForOneApplicantOpenExactlyFive() throws Exception {
        String sub = "u-" + UUID.randomUUID();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(() -> {
                documents.create(awaiting(sub, 1000, NOW), NOW.plusSeconds(600));
                return null;
            });
        }
        List<String> outcomes = inParallel(calls);
        assertThat(outcomes).filteredOn("created"::equals).hasSize(DocumentLimits.MAX_OPEN_UPLOADS);
        assertThat(outcomes).filteredOn("document-uploads-open-limit"::equals).hasSize(30 - DocumentLimits.MAX_OPEN_UPLOADS);
        assertThat(documentsOf(sub)).isEqualTo(DocumentLimits.MAX_OPEN_UPLOADS);
        assertThat(allowance(sub).get("open").m()).hasSize(DocumentLimits.MAX_OPEN_UPLOADS);
        assertThat(allowance(sub).get("bytes").n()).isEqualTo("5000");
    }

    @Test
    void parallelUploadsNeverPassTheApplicantsBytes() throws Exception {
        String sub = "b-" + UUID.randomUUID();
        // 80 MB granted and verified one by one
        for (int i = 0; i < 8; i++) {
            Document d = awaiting(sub, TEN_MB, NOW);
            documents.create(d, NOW.plusSeconds(600));
            documents.settle(d.settled(DocumentStatus.VERIFIED, TEN_MB, null, null, NOW, null), DocumentStatus.AWAITING_UPLOAD);
        }
        // five more of 10 MB at once: room for two
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> {
                documents.create(awaiting(sub, TEN_MB, NOW), NOW.plusSeconds(600));
                return null;
            });
        }
        List<String> outcomes = inParallel(calls);
        assertThat(outcomes).filteredOn("created"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("document-upload-bytes-limit"::equals).hasSize(3);
        assertThat(Long.parseLong(allowance(sub).get("bytes").n())).isEqualTo(DocumentLimits.MAX_APPLICANT_BYTES);
        assertThat(documentsOf(sub)).isEqualTo(10);
    }

    @Test
    void expiredUrlsStopCountingAndAreClearedWhenTheNextIsIssued() {
        String sub = "e-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            documents.create(awaiting(sub, 1000, NOW), NOW.plusSeconds(600));
        }
        // one second before they expire: still five open
        try {
            documents.create(awaiting(sub, 1000, NOW.plusSeconds(599)), NOW.plusSeconds(1199));
            throw new AssertionError("a sixth open URL was issued");
        } catch (ProblemException e) {
            assertThat(e.problem().code()).isEqualTo("document-uploads-open-limit");
            assertThat(e.extensions()).containsEntry("retryAfterSeconds", 2L);
        }
        // once they expired: the next one is issued and the five expired entries are gone
        documents.create(awaiting(sub, 1000, NOW.plusSeconds(600)), NOW.plusSeconds(1200));
        assertThat(allowance(sub).get("open").m()).hasSize(1);
        assertThat(allowance(sub).get("bytes").n()).isEqualTo("6000");
    }

    @Test
    void leavingAwaitingUploadClosesTheUrlOnceAndGivesBytesBackOnlyWhenNothingArrived() {
        String sub = "s-" + UUID.randomUUID();
        Document none = awaiting(sub, 4000, NOW);
        Document wrong = awaiting(sub, 3000, NOW);
        documents.create(none, NOW.plusSeconds(600));
        documents.create(wrong, NOW.plusSeconds(600));
        Document noFile = none.settled(DocumentStatus.REJECTED, null, null, RegistrationRefusal.DOCUMENT_NO_FILE.code(), NOW, none.expiresAt());
        assertThat(documents.settle(noFile, DocumentStatus.AWAITING_UPLOAD)).isTrue();
        // a second, concurrent finalise of the same document finds it settled: nothing given back twice
        assertThat(documents.settle(noFile, DocumentStatus.AWAITING_UPLOAD)).isFalse();
        assertThat(documents.settle(wrong.settled(DocumentStatus.REJECTED, 3000L, null,
                RegistrationRefusal.DOCUMENT_WRONG_TYPE.code(), NOW, wrong.expiresAt()), DocumentStatus.AWAITING_UPLOAD)).isTrue();
        assertThat(allowance(sub).get("open").m()).isEmpty();
        assertThat(allowance(sub).get("bytes").n()).isEqualTo("3000");
    }
}

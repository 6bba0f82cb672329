package kr.seoullearn.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.recruitment.dynamo.RecruitmentStorage;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The documents routes against the template's table (on the emulator, AWS_ENDPOINT_URL) and its
 * documents bucket on a local S3 of this test's own (S3Proxy in-process, which checks presigned
 * URLs as S3 does). Files go through the presigned URLs with java.net.http, as a browser sends
 * them. DynamoDB and S3 calls are counted.
 */
class DocumentsHandlerIT {
    static final String START = "POST /api/registration/documents";
    static final String FINALISE = "POST /api/registration/documents/{documentId}/finalise";
    static final String READ_URL = "POST /api/review/applications/{userId}/documents/{documentId}/read-url";
    static final String REVIEWER = "reviewer-" + UUID.randomUUID();
    static final String CHUNGBUK_REVIEWER = "reviewer-" + UUID.randomUUID();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestStack stack;
    private static final CallCounter dynamoCalls = new CallCounter();
    private static final CallCounter s3Calls = new CallCounter();
    /** Every request the function's own S3 calls send (its storage signs and sends them itself). */
    private static final java.util.concurrent.atomic.AtomicInteger storageRequests = new java.util.concurrent.atomic.AtomicInteger();
    private static DynamoDbClient dynamo;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static ProfileRepository profiles;
    private static DocumentsHandler handler;
    private static String bucket;

    @BeforeAll
    static void provision() {
        stack = TestStack.withLocalS3("documents");
        dynamo = stack.dynamoDb(dynamoCalls);
        bucket = stack.bucket("DocumentsBucket");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY));
        s3 = S3Client.builder().endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                .region(Region.of(stack.aws().region())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(s3Calls).build())
                .build();
        presigner = S3Presigner.builder().endpointOverride(stack.s3Endpoint()).region(Region.of(stack.aws().region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(credentials).build();
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        DocumentSettings settings = new DocumentSettings(bucket, Duration.ofMinutes(10), Duration.ofMinutes(5));
        S3DocumentStorage storage = new S3DocumentStorage(kr.seoullearn.platform.aws.S3Objects.at(stack.s3Endpoint(), stack.aws().region(), credentials,
                settings.bucket(), counting(UrlConnectionHttpClient.create())));
        RecruitmentLedger recruitment = RecruitmentStorage.ledger(dynamo, stack.table());
        handler = new DocumentsHandler(new DocumentService(profiles, RegistrationStorage.documents(dynamo, stack.table()),
                storage, new EicarScanner(storage), new DocumentsBeans().mentorApplications(recruitment), settings, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
        stack.close();
    }

    @BeforeEach
    void resetCounters() {
        dynamoCalls.reset();
        s3Calls.reset();
        storageRequests.set(0);
    }

    // ------------------------------------------------------------------ helpers

    private static String applicant(RegistrationStatus status) {
        return applicant(TenantId.SEOUL, status);
    }

    private static String applicant(TenantId tenant, RegistrationStatus status) {
        String sub = UUID.randomUUID().toString();
        profiles.createIfAbsent(new Profile(tenant, sub, sub, status, "김민준", Language.KO, Instant.now(), 1));
        dynamoCalls.reset();
        return sub;
    }

    private static APIGatewayV2HTTPResponse call(String route, Map<String, String> claims, String body, Map<String, String> path) {
        APIGatewayV2HTTPEvent event = Events.http(route, claims, body, "ko");
        event.setPathParameters(path);
        return handler.handleRequest(event, null);
    }

    private static Map<String, String> applicantClaims(String sub) {
        return Events.claims(sub, "seoul", "applicants");
    }

    private static Map<String, Object> start(String sub, String type, long size) {
        APIGatewayV2HTTPResponse response = call(START, applicantClaims(sub),
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"" + type + "\",\"size\":" + size + ",\"fileName\":\"김민준.pdf\"}", null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return Json.readObject(response.getBody());
    }

    /** PUTs the bytes to the presigned URL with the headers the API said to send (or these). */
    @SuppressWarnings("unchecked")
    private static HttpResponse<String> upload(Map<String, Object> ticket, byte[] content, Map<String, String> override)
            throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) ticket.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        Map<String, String> headers = new java.util.HashMap<>((Map<String, String>) ticket.get("headers"));
        headers.putAll(override);
        headers.forEach(put::header);
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static APIGatewayV2HTTPResponse finalise(String sub, Object documentId) {
        return call(FINALISE, applicantClaims(sub), null, Map.of("documentId", String.valueOf(documentId)));
    }

    private static Map<String, AttributeValue> item(String sub, Object documentId) {
        return dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub)),
                Keys.SK, AttributeValue.fromS(Keys.document(String.valueOf(documentId)))))).item();
    }

    /** The tenant's audit entries about the applicant (docs/adr/0031). */
    private static List<kr.seoullearn.audit.domain.AuditEntry> audit(String sub) {
        return kr.seoullearn.audit.dynamo.AuditStorage.trail(dynamo, stack.table()).page(TenantId.SEOUL,
                new kr.seoullearn.audit.domain.AuditQuery(null, null, sub, null, null, 50, null)).entries();
    }

    private static List<Map<String, AttributeValue>> partition(TenantId tenant, String sub, String skPrefix) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, sub)),
                        ":sk", AttributeValue.fromS(skPrefix)))).items();
    }

    private static List<String> keysOf(String sub) {
        return s3.listObjectsV2(l -> l.bucket(bucket).prefix("tenant/seoul/applicant/" + sub + "/")).contents().stream()
                .map(o -> o.key()).toList();
    }

    /** The sizes of what is stored under the applicant's prefix (a refusal leaves one empty object per key). */
    private static List<Long> contentsOf(String sub) {
        return s3.listObjectsV2(l -> l.bucket(bucket).prefix("tenant/seoul/applicant/" + sub + "/")).contents().stream()
                .map(o -> o.size()).toList();
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    // ------------------------------------------------------------------ the journey

    @Test
    void aPdfUploadedThroughThePresignedUrlIsVerifiedAndAReviewerReadsItAudited() throws Exception {
        // GIVEN an applicant whose registration is submitted
        String sub = applicant(RegistrationStatus.SUBMITTED);
        // WHEN they ask for an upload URL
        Map<String, Object> ticket = start(sub, "application/pdf", PDF.length);
        // THEN two GetItems (the registration, the upload allowance) and one transaction (the document
        // and its place in the allowance); the URL binds type, tags and create-only
        assertThat(dynamoCalls.snapshot()).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1));
        assertThat(s3Calls.total()).isZero();
        assertThat(storageRequests).hasValue(0);
        assertThat((String) ticket.get("uploadUrl")).startsWith(stack.s3Endpoint() + "/" + bucket + "/tenant/seoul/applicant/" + sub + "/")
                .contains("X-Amz-Expires=600").doesNotContain("김민준");
        assertThat(ticket.get("headers")).isEqualTo(Map.of("content-type", "application/pdf", "if-none-match", "*",
                "x-amz-tagging", "state=unsubmitted"));
        assertThat(Instant.parse((String) ticket.get("expiresAt"))).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601));
        Map<String, AttributeValue> awaiting = item(sub, ticket.get("documentId"));
        assertThat(awaiting.get("status").s()).isEqualTo("AWAITING_UPLOAD");
        assertThat(Long.parseLong(awaiting.get("expiresAt").n())).isGreaterThan(Instant.now().plus(Duration.ofDays(6)).getEpochSecond());
        assertThat(awaiting).doesNotContainKey("fileName");

        // WHEN the browser PUTs the file and the applicant finalises
        assertThat(upload(ticket, PDF, Map.of()).statusCode()).isEqualTo(200);
        dynamoCalls.reset();
        APIGatewayV2HTTPResponse finalised = finalise(sub, ticket.get("documentId"));
        // THEN it is verified, tagged submitted and kept until the undecided backstop (365 days, docs/adr/0038)
        assertThat(finalised.getStatusCode()).as(finalised.getBody()).isEqualTo(200);
        assertThat(finalised.getBody()).contains("\"status\":\"VERIFIED\"").contains("\"size\":" + PDF.length);
        assertThat(dynamoCalls.snapshot()).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        Map<String, AttributeValue> verified = item(sub, ticket.get("documentId"));
        assertThat(verified.get("status").s()).isEqualTo("VERIFIED");
        assertThat(verified).containsKey("finalisedAt");
        assertThat(Long.parseLong(verified.get("expiresAt").n())).isBetween(Instant.now().plus(Duration.ofDays(364)).getEpochSecond(),
                Instant.now().plus(Duration.ofDays(366)).getEpochSecond());
        String key = verified.get("s3Key").s();
        assertThat(s3.getObjectTagging(t -> t.bucket(bucket).key(key)).tagSet())
                .containsExactly(Tag.builder().key("state").value("submitted").build());

        // a retry answers the same and touches nothing
        dynamoCalls.reset();
        s3Calls.reset();
        storageRequests.set(0);
        assertThat(finalise(sub, ticket.get("documentId")).getBody()).isEqualTo(finalised.getBody());
        assertThat(dynamoCalls.snapshot()).isEqualTo(Map.of("GetItem", 1));
        assertThat(s3Calls.total()).isZero();
        assertThat(storageRequests).hasValue(0);

        // WHEN a reviewer of the tenant asks for a read URL
        dynamoCalls.reset();
        APIGatewayV2HTTPResponse read = call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", String.valueOf(ticket.get("documentId"))));
        // THEN a 5-minute GET URL; the read is audited and the review has started
        assertThat(read.getStatusCode()).as(read.getBody()).isEqualTo(200);
        assertThat(dynamoCalls.snapshot()).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1, "UpdateItem", 1));
        Map<String, Object> readBody = Json.readObject(read.getBody());
        assertThat((String) readBody.get("url")).contains("X-Amz-Expires=300");
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create((String) readBody.get("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("content-disposition")).contains("inline; filename=\"income-proof.pdf\"");
        assertThat(audit(sub)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("document.read");
            assertThat(a.actor()).isEqualTo(REVIEWER);
            assertThat(a.subjectId()).isEqualTo(sub);
            assertThat(a.after()).containsEntry("document", String.valueOf(ticket.get("documentId")));
        });
        Profile underReview = profiles.find(TenantId.SEOUL, sub).orElseThrow();
        assertThat(underReview.status()).isEqualTo(RegistrationStatus.UNDER_REVIEW);
        assertThat(underReview.version()).isEqualTo(2);

        // a second read is audited again; the status stays
        call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", String.valueOf(ticket.get("documentId"))));
        assertThat(audit(sub)).hasSize(2);
        assertThat(profiles.find(TenantId.SEOUL, sub).orElseThrow().version()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ what arrived is refused

    @Test
    void aRenamedTextFileIsTheWrongTypeItIsDeletedAndRecorded() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        byte[] text = "these are my notes, not a PDF".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> ticket = start(sub, "application/pdf", text.length);
        assertThat(upload(ticket, text, Map.of()).statusCode()).isEqualTo(200);
        assertThat(keysOf(sub)).hasSize(1);
        APIGatewayV2HTTPResponse response = finalise(sub, ticket.get("documentId"));
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"document-wrong-type\"");
        assertThat(contentsOf(sub)).containsExactly(0L);
        Map<String, AttributeValue> rejected = item(sub, ticket.get("documentId"));
        assertThat(rejected.get("status").s()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").s()).isEqualTo("document-wrong-type");
    }

    @Test
    void theEicarTestFileIsMalwareAndDeleted() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        byte[] eicar = EicarScanner.EICAR.clone();
        Map<String, Object> ticket = start(sub, "application/pdf", eicar.length);
        assertThat(upload(ticket, eicar, Map.of()).statusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse response = finalise(sub, ticket.get("documentId"));
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).contains("\"code\":\"document-malware\"");
        assertThat(contentsOf(sub)).containsExactly(0L);
        assertThat(item(sub, ticket.get("documentId")).get("reason").s()).isEqualTo("document-malware");
    }

    @Test
    void aPutWithAnotherContentTypeThanSignedIsRefusedByS3() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        Map<String, Object> ticket = start(sub, "image/png", PDF.length);
        HttpResponse<String> put = upload(ticket, PDF, Map.of("content-type", "application/pdf"));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(keysOf(sub)).isEmpty();
        // so nothing arrived
        assertThat(finalise(sub, ticket.get("documentId")).getBody()).contains("\"code\":\"document-no-file\"");
    }

    @Test
    void aPutOfOtherBytesThanTheDeclaredSizeIsRefusedByS3() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        Map<String, Object> ticket = start(sub, "application/pdf", 10);
        assertThat(upload(ticket, PDF, Map.of()).statusCode()).isEqualTo(403);
        assertThat(upload(ticket, new byte[0], Map.of()).statusCode()).isEqualTo(403);
        assertThat(keysOf(sub)).isEmpty();
    }

    @Test
    void withoutAnUploadThereIsNoFile() {
        String sub = applicant(RegistrationStatus.REJECTED);
        Map<String, Object> ticket = start(sub, "image/jpeg", 1000);
        APIGatewayV2HTTPResponse response = finalise(sub, ticket.get("documentId"));
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).contains("\"code\":\"document-no-file\"").contains("파일");
        assertThat(item(sub, ticket.get("documentId")).get("status").s()).isEqualTo("REJECTED");
    }

    @Test
    void anEmptyObjectIsRefused() {
        // A presigned URL binds the declared length (≥ 1), so an empty file cannot come through it;
        // an empty object at the key (written by any other means) is refused all the same.
        String sub = applicant(RegistrationStatus.DRAFT);
        Map<String, Object> ticket = start(sub, "image/jpeg", 1000);
        String key = item(sub, ticket.get("documentId")).get("s3Key").s();
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("image/jpeg"),
                software.amazon.awssdk.core.sync.RequestBody.empty());
        APIGatewayV2HTTPResponse response = finalise(sub, ticket.get("documentId"));
        assertThat(response.getBody()).contains("\"code\":\"document-empty\"");
        assertThat(contentsOf(sub)).containsExactly(0L);
    }

    // ------------------------------------------------------------------ bad input writes nothing

    @Test
    void badInputOnTheUploadRouteIs4xxProblemJsonAndWritesNothing() {
        String sub = applicant(RegistrationStatus.DRAFT);
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("{\"kind\":", 400);                                                                     // malformed
        expected.put("[]", 400);                                                                             // not an object
        expected.put("{}", 400);                                                                             // missing
        expected.put("{\"kind\":1,\"contentType\":true,\"size\":\"9\"}", 400);                               // wrong types
        expected.put("{\"kind\":\"PASSPORT\",\"contentType\":\"application/pdf\",\"size\":9}", 400);         // unknown kind
        expected.put("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"text/plain\",\"size\":9}", 400);          // type
        expected.put("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":10485761}", 422); // too big
        expected.put("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":0}", 422);     // empty
        expected.put("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":-5}", 400);    // negative
        expected.put("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":9,\"fileName\":\"" + "x".repeat(300) + "\"}", 400);
        expected.forEach((body, status) -> {
            APIGatewayV2HTTPResponse response = call(START, applicantClaims(sub), body, null);
            assertThat(response.getStatusCode()).as(body).isEqualTo(status);
            assertThat(response.getHeaders()).as(body).containsEntry("content-type", "application/problem+json");
        });
        APIGatewayV2HTTPResponse tooLarge = call(START, applicantClaims(sub), "{\"kind\":\"" + "A".repeat(70_000) + "\"}", null);
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(call(START, null, "{}", null).getStatusCode()).isEqualTo(401);
        // nothing was written, and the registration was not even read for bad input
        assertThat(dynamoCalls.count("PutItem") + dynamoCalls.count("UpdateItem") + dynamoCalls.count("GetItem")).isZero();
        assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).isEmpty();
    }

    @Test
    void withoutAProfileOrOnceTheApplicationIsDecidedThereIsNoUploadUrl() {
        String nobody = UUID.randomUUID().toString();
        String body = "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":9}";
        assertThat(call(START, applicantClaims(nobody), body, null).getBody()).contains("\"code\":\"profile-not-found\"");
        for (RegistrationStatus status : List.of(RegistrationStatus.APPROVED)) {
            String sub = applicant(status);
            APIGatewayV2HTTPResponse response = call(START, applicantClaims(sub), body, null);
            assertThat(response.getStatusCode()).isEqualTo(409);
            assertThat(response.getBody()).contains("\"code\":\"application-not-editable\"");
            assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).isEmpty();
        }
        assertThat(dynamoCalls.count("PutItem")).isZero();
    }

    @Test
    void badIdsAndOtherPeoplesDocumentsAreNotFound() throws Exception {
        String owner = applicant(RegistrationStatus.DRAFT);
        Map<String, Object> ticket = start(owner, "application/pdf", PDF.length);
        upload(ticket, PDF, Map.of());
        String other = applicant(RegistrationStatus.DRAFT);
        dynamoCalls.reset();
        for (String id : List.of("not-a-uuid", "../PROFILE", "", UUID.randomUUID().toString())) {
            APIGatewayV2HTTPResponse response = finalise(owner, id);
            assertThat(response.getStatusCode()).as(id).isEqualTo(404);
            assertThat(response.getBody()).contains("\"code\":\"document-not-found\"");
        }
        // someone else in the tenant, and the same sub in another tenant
        assertThat(finalise(other, ticket.get("documentId")).getStatusCode()).isEqualTo(404);
        assertThat(call(FINALISE, Events.claims(owner, "chungbuk", "applicants"), null,
                Map.of("documentId", String.valueOf(ticket.get("documentId")))).getStatusCode()).isEqualTo(404);
        assertThat(dynamoCalls.count("UpdateItem") + dynamoCalls.count("PutItem")).isZero();
        // the owner's upload is untouched
        assertThat(item(owner, ticket.get("documentId")).get("status").s()).isEqualTo("AWAITING_UPLOAD");
        assertThat(keysOf(owner)).hasSize(1);
    }

    @Test
    void readUrlsAreForReviewersOfTheSameTenantAndVerifiedDocuments() throws Exception {
        String sub = applicant(RegistrationStatus.SUBMITTED);
        Map<String, Object> ticket = start(sub, "application/pdf", PDF.length);
        Map<String, String> path = Map.of("userId", sub, "documentId", String.valueOf(ticket.get("documentId")));
        // not uploaded yet: not ready
        APIGatewayV2HTTPResponse notReady = call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null, path);
        assertThat(notReady.getStatusCode()).isEqualTo(409);
        assertThat(notReady.getBody()).contains("\"code\":\"document-not-ready\"");
        upload(ticket, PDF, Map.of());
        finalise(sub, ticket.get("documentId"));
        dynamoCalls.reset();
        // the applicant themself, a learner, a mentor: forbidden
        for (String group : List.of("applicants", "learners", "mentors", "district-officers")) {
            APIGatewayV2HTTPResponse response = call(READ_URL, Events.claims(sub, "seoul", group), null, path);
            assertThat(response.getStatusCode()).as(group).isEqualTo(403);
            assertThat(response.getBody()).contains("\"code\":\"forbidden\"");
        }
        // a reviewer of another tenant: the key is built from their own tenant, so not found
        assertThat(call(READ_URL, Events.claims(CHUNGBUK_REVIEWER, "chungbuk", "reviewers"), null, path).getStatusCode())
                .isEqualTo(404);
        // bad ids
        assertThat(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", "../x", "documentId", String.valueOf(ticket.get("documentId")))).getStatusCode()).isEqualTo(404);
        assertThat(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", "nope")).getStatusCode()).isEqualTo(404);
        assertThat(dynamoCalls.count("PutItem") + dynamoCalls.count("UpdateItem")).isZero();
        assertThat(audit(sub)).isEmpty();
        assertThat(profiles.find(TenantId.SEOUL, sub).orElseThrow().status()).isEqualTo(RegistrationStatus.SUBMITTED);
    }

    @Test
    void aReadUrlCannotBeChangedToAnotherObject() throws Exception {
        String sub = applicant(RegistrationStatus.SUBMITTED);
        Map<String, Object> ticket = start(sub, "application/pdf", PDF.length);
        upload(ticket, PDF, Map.of());
        finalise(sub, ticket.get("documentId"));
        String url = (String) Json.readObject(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", String.valueOf(ticket.get("documentId")))).getBody()).get("url");
        String tampered = url.replace("inline", "attachment");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tampered)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ abuse resistance (docs/adr/0022)

    @Test
    void anUploadUrlIsUselessOnceTheDocumentIsFinalisedWhateverTheOutcome() throws Exception {
        String sub = applicant(RegistrationStatus.SUBMITTED);
        byte[] other = PDF.clone();
        other[PDF.length - 2] = 'X';
        // verified: a late PUT of other bytes through the same URL is refused by S3 and changes nothing
        Map<String, Object> verified = start(sub, "application/pdf", PDF.length);
        assertThat(upload(verified, PDF, Map.of()).statusCode()).isEqualTo(200);
        assertThat(finalise(sub, verified.get("documentId")).getBody()).contains("VERIFIED");
        HttpResponse<String> late = upload(verified, other, Map.of());
        assertThat(late.statusCode()).isEqualTo(412);
        assertThat(late.body()).contains("PreconditionFailed");
        // dropping the signed If-None-Match header breaks the signature
        HttpRequest.Builder unconditional = HttpRequest.newBuilder(URI.create((String) verified.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(other)).header("content-type", "application/pdf")
                .header("x-amz-tagging", "state=unsubmitted");
        assertThat(HTTP.send(unconditional.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        String url = (String) Json.readObject(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", String.valueOf(verified.get("documentId")))).getBody()).get("url");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(PDF);

        // refused as the wrong type: the key keeps an empty object, the URL cannot put a file there again
        byte[] text = "these are my notes, not a PDF".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> wrong = start(sub, "application/pdf", text.length);
        upload(wrong, text, Map.of());
        assertThat(finalise(sub, wrong.get("documentId")).getStatusCode()).isEqualTo(422);
        assertThat(upload(wrong, text, Map.of()).statusCode()).isEqualTo(412);

        // nothing arrived: the URL, still valid for minutes, cannot deliver a file after the refusal
        Map<String, Object> none = start(sub, "application/pdf", PDF.length);
        assertThat(finalise(sub, none.get("documentId")).getBody()).contains("document-no-file");
        assertThat(upload(none, PDF, Map.of()).statusCode()).isEqualTo(412);
        // the only bytes kept under the applicant's prefix are the verified PDF's
        assertThat(contentsOf(sub)).containsExactlyInAnyOrder((long) PDF.length, 0L, 0L);
    }

    private static APIGatewayV2HTTPResponse startWithKey(String sub, String key, String body) {
        APIGatewayV2HTTPEvent event = Events.http(START, applicantClaims(sub), body, "ko");
        Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return handler.handleRequest(event, null);
    }

    private static int openUploads(String sub) {
        Map<String, AttributeValue> uploads = dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub)), Keys.SK, AttributeValue.fromS("UPLOADS")))).item();
        return uploads == null || uploads.isEmpty() ? 0 : uploads.get("open").m().size();
    }

    @Test
    void anUploadUrlRequestRepeatedWithItsIdempotencyKeyIsOneDocumentAndOneOpenUrlEvenTenAtOnce() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        String key = "upload-" + UUID.randomUUID();
        String body = "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":" + PDF.length + "}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<APIGatewayV2HTTPResponse> responses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> startWithKey(sub, key, body)));
            }
            for (var answer : answers) {
                responses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201));
        List<Map<String, Object>> tickets = responses.stream().map(r -> Json.readObject(r.getBody())).toList();
        assertThat(tickets).extracting(t -> t.get("documentId")).containsOnly(tickets.getFirst().get("documentId"));
        assertThat(tickets).allSatisfy(t -> assertThat(t).containsKey("uploadUrl"));
        assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).hasSize(1);
        assertThat(openUploads(sub)).isEqualTo(1);

        // any of the answers' URLs delivers the file to the one document (the same object)
        assertThat(upload(tickets.getLast(), PDF, Map.of()).statusCode()).isEqualTo(200);
        assertThat(finalise(sub, tickets.getFirst().get("documentId")).getBody()).contains("VERIFIED");
        // asked again after finalise: the same document as it is now, and no URL (it would be useless)
        APIGatewayV2HTTPResponse after = startWithKey(sub, key, body);
        assertThat(after.getStatusCode()).isEqualTo(201);
        assertThat(Json.readObject(after.getBody())).containsEntry("documentId", tickets.getFirst().get("documentId"))
                .containsEntry("status", "VERIFIED").doesNotContainKey("uploadUrl");
        assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).hasSize(1);
        assertThat(openUploads(sub)).isZero();
    }

    @Test
    void anIdempotencyKeyUsedForAnotherUploadIsRefusedAndAMalformedOneNamedAndNothingIsWritten() {
        String sub = applicant(RegistrationStatus.DRAFT);
        String key = "upload-" + UUID.randomUUID();
        String pdf = "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":1000}";
        assertThat(startWithKey(sub, key, pdf).getStatusCode()).isEqualTo(201);

        APIGatewayV2HTTPResponse reused = startWithKey(sub, key, pdf.replace("1000", "2000"));
        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(reused.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(Json.readObject(reused.getBody())).containsEntry("code", "idempotency-key-reused");
        APIGatewayV2HTTPResponse malformed = startWithKey(sub, "short", pdf);
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("Idempotency-Key");
        assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).hasSize(1);
        assertThat(openUploads(sub)).isEqualTo(1);
        // the same key is another person's own: it names a different document for them
        String other = applicant(RegistrationStatus.DRAFT);
        APIGatewayV2HTTPResponse theirs = startWithKey(other, key, pdf);
        assertThat(theirs.getStatusCode()).isEqualTo(201);
        assertThat(partition(TenantId.SEOUL, other, Keys.DOCUMENT_PREFIX)).hasSize(1);
    }

    @Test
    void twentyParallelUploadUrlRequestsOfOneApplicantOpenFiveAndRefuseTheRestWithWhenToRetry() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        String body = "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":1000}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<APIGatewayV2HTTPResponse>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> call(START, applicantClaims(sub), body, null)));
            }
            List<APIGatewayV2HTTPResponse> responses = new java.util.ArrayList<>();
            for (var answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).filteredOn(r -> r.getStatusCode() == 201).hasSize(5);
            assertThat(responses).filteredOn(r -> r.getStatusCode() == 429).hasSize(15).allSatisfy(r -> {
                assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
                assertThat(Json.readObject(r.getBody())).containsEntry("code", "document-uploads-open-limit")
                        .containsKey("retryAfterSeconds");
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(partition(TenantId.SEOUL, sub, Keys.DOCUMENT_PREFIX)).hasSize(5);
    }

    @Test
    void aReviewerGetsNoReadUrlForADocumentOfADraftApplication() throws Exception {
        String sub = applicant(RegistrationStatus.DRAFT);
        Map<String, Object> ticket = start(sub, "application/pdf", PDF.length);
        upload(ticket, PDF, Map.of());
        assertThat(finalise(sub, ticket.get("documentId")).getBody()).contains("VERIFIED");
        dynamoCalls.reset();
        APIGatewayV2HTTPResponse read = call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", sub, "documentId", String.valueOf(ticket.get("documentId"))));
        assertThat(read.getStatusCode()).isEqualTo(409);
        assertThat(read.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(read.getBody()).contains("\"code\":\"document-application-not-submitted\"").doesNotContain("\"url\"");
        assertThat(dynamoCalls.count("PutItem") + dynamoCalls.count("UpdateItem")).isZero();
        assertThat(audit(sub)).isEmpty();
        assertThat(profiles.find(TenantId.SEOUL, sub).orElseThrow().status()).isEqualTo(RegistrationStatus.DRAFT);
    }

    /** An HTTP client that counts each request before sending it. */
    private static software.amazon.awssdk.http.SdkHttpClient counting(software.amazon.awssdk.http.SdkHttpClient delegate) {
        return new software.amazon.awssdk.http.SdkHttpClient() {
            @Override
            public software.amazon.awssdk.http.ExecutableHttpRequest prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest request) {
                storageRequests.incrementAndGet();
                return delegate.prepareRequest(request);
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }
}

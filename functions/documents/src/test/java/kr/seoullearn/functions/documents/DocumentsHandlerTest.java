package kr.seoullearn.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The rules through the handler, with in-memory ports and the real API Gateway event type. */
class DocumentsHandlerTest {
    static final String START = "POST /api/registration/documents";
    static final String FINALISE = "POST /api/registration/documents/{documentId}/finalise";
    static final String READ_URL = "POST /api/review/applications/{userId}/documents/{documentId}/read-url";
    static final String APPLICANT = "8d6f0c6e-0000-4000-8000-00000000000a";
    static final String REVIEWER = "8d6f0c6e-0000-4000-8000-00000000000r";
    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private final InMemoryPorts.Profiles profiles = new InMemoryPorts.Profiles();
    private final InMemoryPorts.Records records = new InMemoryPorts.Records(profiles);
    private final InMemoryPorts.Storage storage = new InMemoryPorts.Storage();
    private final DocumentsHandler handler = new DocumentsHandler(new DocumentService(profiles, records, storage,
            new EicarScanner(storage), InMemoryPorts.NO_MENTOR_APPLICATIONS, new DocumentSettings("docs", Duration.ofMinutes(10), Duration.ofMinutes(5)),
            Clock.fixed(NOW, ZoneOffset.UTC)));

    private void profile(String sub, RegistrationStatus status) {
        profiles.createIfAbsent(new Profile(TenantId.SEOUL, sub, sub, status, "김민준", Language.KO, NOW, 1));
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> claims, String body, Map<String, String> path) {
        APIGatewayV2HTTPEvent event = Events.http(route, claims, body, "en");
        event.setPathParameters(path);
        return handler.handleRequest(event, null);
    }

    private String start(String kind, String type, long size) {
        APIGatewayV2HTTPResponse response = call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                "{\"kind\":\"" + kind + "\",\"contentType\":\"" + type + "\",\"size\":" + size + ",\"fileName\":\"my-scan.pdf\"}",
                null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return String.valueOf(Json.readObject(response.getBody()).get("documentId"));
    }

    private Document document(String id) {
        return records.find(TenantId.SEOUL, APPLICANT, id).orElseThrow();
    }

    private APIGatewayV2HTTPResponse finalise(String id) {
        return call(FINALISE, Events.claims(APPLICANT, "seoul", "applicants"), null, Map.of("documentId", id));
    }

    @Test
    void anUploadUrlIsIssuedForARandomKeyAndTheDocumentAwaitsItsFile() {
        // GIVEN an applicant with a draft registration
        profile(APPLICANT, RegistrationStatus.DRAFT);
        // WHEN they ask to upload a 3 kB PDF
        APIGatewayV2HTTPResponse response = call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":3000,\"fileName\":\"김민준 수급자.pdf\"}", null);
        // THEN 201 with a PUT URL, the headers to send and its expiry
        assertThat(response.getStatusCode()).isEqualTo(201);
        Map<String, Object> body = Json.readObject(response.getBody());
        assertThat(body).containsEntry("method", "PUT").containsEntry("status", "AWAITING_UPLOAD")
                .containsKeys("documentId", "uploadUrl", "expiresAt");
        assertThat(body.get("headers")).isEqualTo(Map.of("content-type", "application/pdf", "if-none-match", "*",
                "x-amz-tagging", "state=unsubmitted"));
        Document d = document((String) body.get("documentId"));
        assertThat(d.status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
        assertThat(d.s3Key()).matches("tenant/seoul/applicant/" + APPLICANT + "/[0-9a-f-]{36}").doesNotContain("김민준");
        assertThat(d.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(storage.presigned).singleElement().asString()
                .contains("application/pdf 3000 {state=unsubmitted} PT10M");
        assertThat(response.getBody()).doesNotContain("김민준");
    }

    @Test
    void withoutAProfileOrOnceDecidedNoUploadUrl() {
        assertThat(call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":3}", null).getBody())
                .contains("\"code\":\"profile-not-found\"");
        for (RegistrationStatus status : new RegistrationStatus[] {RegistrationStatus.APPROVED}) {
            profiles.byKey.clear();
            profile(APPLICANT, status);
            APIGatewayV2HTTPResponse response = call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                    "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":3}", null);
            assertThat(response.getStatusCode()).isEqualTo(409);
            assertThat(response.getBody()).contains("\"code\":\"application-not-editable\"");
        }
        assertThat(records.writes).isZero();
        // while a reviewer looks at it, a missing document can still come
        profiles.byKey.clear();
        profile(APPLICANT, RegistrationStatus.UNDER_REVIEW);
        assertThat(call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":3}", null).getStatusCode()).isEqualTo(201);
    }

    @Test
    void aRealPdfIsVerifiedTaggedSubmittedAndKeptUntilTheUndecidedBackstop() {
        profile(APPLICANT, RegistrationStatus.SUBMITTED);
        String id = start("INCOME_PROOF", "application/pdf", FileSignatureTest.PDF.length);
        storage.put(document(id).s3Key(), FileSignatureTest.PDF, Map.of("state", "unsubmitted"));
        APIGatewayV2HTTPResponse response = finalise(id);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"status\":\"VERIFIED\"").contains("\"size\":" + FileSignatureTest.PDF.length);
        Document d = document(id);
        assertThat(d.status()).isEqualTo(DocumentStatus.VERIFIED);
        // no longer the upload's 7 days: the undecided backstop, 365 days (docs/adr/0038); a decision makes it 30 days
        assertThat(d.expiresAt()).isEqualTo(NOW.plus(java.time.Duration.ofDays(365)));
        assertThat(d.finalisedAt()).isEqualTo(NOW);
        assertThat(storage.tags.get(d.s3Key())).containsEntry("state", "submitted");
        // a retry changes nothing and answers the same
        int writes = records.writes;
        assertThat(finalise(id).getBody()).isEqualTo(response.getBody());
        assertThat(records.writes).isEqualTo(writes);
    }

    @Test
    void aTextFileNamedPdfIsRefusedDeletedAndRecorded() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        String id = start("INCOME_PROOF", "application/pdf", 11);
        storage.put(document(id).s3Key(), "hello world".getBytes(StandardCharsets.UTF_8), Map.of("state", "unsubmitted"));
        APIGatewayV2HTTPResponse response = finalise(id);
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"document-wrong-type\"").contains("\"documentId\":\"" + id + "\"");
        assertThat(storage.holdsNothing(document(id).s3Key())).isTrue();
        assertThat(document(id).status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(document(id).reason()).isEqualTo("document-wrong-type");
        // asking again repeats the refusal; nothing comes back to life
        assertThat(finalise(id).getBody()).contains("\"code\":\"document-wrong-type\"");
    }

    @Test
    void malwareIsReportedAsSuchEvenUnderAPdfName() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        String id = start("OUT_OF_SCHOOL_CONFIRMATION", "application/pdf", EicarScanner.EICAR.length);
        storage.put(document(id).s3Key(), EicarScanner.EICAR.clone(), Map.of("state", "unsubmitted"));
        APIGatewayV2HTTPResponse response = finalise(id);
        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).contains("\"code\":\"document-malware\"");
        assertThat(storage.holdsNothing(document(id).s3Key())).isTrue();
        assertThat(document(id).reason()).isEqualTo("document-malware");
    }

    @Test
    void noFileEmptyAndTooBigAreRefused() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        String none = start("INCOME_PROOF", "image/png", 100);
        assertThat(finalise(none).getBody()).contains("\"code\":\"document-no-file\"");
        assertThat(document(none).status()).isEqualTo(DocumentStatus.REJECTED);

        String empty = start("INCOME_PROOF", "image/png", 100);
        storage.put(document(empty).s3Key(), new byte[0], Map.of());
        assertThat(finalise(empty).getBody()).contains("\"code\":\"document-empty\"");
        assertThat(storage.holdsNothing(document(empty).s3Key())).isTrue();

        String big = start("INCOME_PROOF", "image/png", 100);
        byte[] huge = new byte[(int) (10 * 1024 * 1024 + 1)];
        System.arraycopy(FileSignatureTest.PNG, 0, huge, 0, FileSignatureTest.PNG.length);
        storage.put(document(big).s3Key(), huge, Map.of());
        assertThat(finalise(big).getBody()).contains("\"code\":\"document-too-big\"");
        assertThat(storage.holdsNothing(document(big).s3Key())).isTrue();
    }

    @Test
    void whileGuardDutyHasNotAnsweredTheDocumentIsScanningAndKeepsItsExpiry() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        DocumentsHandler guardDuty = new DocumentsHandler(new DocumentService(profiles, records, storage,
                new GuardDutyTagScanner(storage), InMemoryPorts.NO_MENTOR_APPLICATIONS, new DocumentSettings("docs", Duration.ofMinutes(10), Duration.ofMinutes(5)),
                Clock.fixed(NOW, ZoneOffset.UTC)));
        String id = start("INCOME_PROOF", "image/jpeg", FileSignatureTest.JPEG.length);
        String key = document(id).s3Key();
        storage.put(key, FileSignatureTest.JPEG, Map.of("state", "unsubmitted"));
        APIGatewayV2HTTPEvent event = Events.http(FINALISE, Events.claims(APPLICANT, "seoul", "applicants"), null, "ko");
        event.setPathParameters(Map.of("documentId", id));
        assertThat(guardDuty.handleRequest(event, null).getBody()).contains("\"status\":\"SCANNING\"");
        assertThat(document(id).expiresAt()).isNotNull();
        assertThat(storage.tags.get(key)).containsEntry("state", "unsubmitted");
        // GuardDuty tags the object clean: asking again verifies it, keeping GuardDuty's tag
        storage.tags.get(key).put("GuardDutyMalwareScanStatus", "NO_THREATS_FOUND");
        assertThat(guardDuty.handleRequest(event, null).getBody()).contains("\"status\":\"VERIFIED\"");
        assertThat(storage.tags.get(key)).containsEntry("state", "submitted")
                .containsEntry("GuardDutyMalwareScanStatus", "NO_THREATS_FOUND");
    }

    @Test
    void onlyTheOwnerReachesADocument() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        String id = start("INCOME_PROOF", "application/pdf", 5);
        APIGatewayV2HTTPResponse other = call(FINALISE, Events.claims("someone-else", "seoul", "applicants"), null,
                Map.of("documentId", id));
        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(other.getBody()).contains("\"code\":\"document-not-found\"");
        APIGatewayV2HTTPResponse otherTenant = call(FINALISE, Events.claims(APPLICANT, "chungbuk", "applicants"), null,
                Map.of("documentId", id));
        assertThat(otherTenant.getStatusCode()).isEqualTo(404);
        assertThat(call(FINALISE, Events.claims(APPLICANT, "seoul", "applicants"), null, Map.of("documentId", "../PROFILE"))
                .getStatusCode()).isEqualTo(404);
    }

    @Test
    void aReviewerGetsAnAuditedReadUrlAndTheReviewStarts() {
        profile(APPLICANT, RegistrationStatus.SUBMITTED);
        String id = start("INCOME_PROOF", "application/pdf", FileSignatureTest.PDF.length);
        storage.put(document(id).s3Key(), FileSignatureTest.PDF, Map.of());
        finalise(id);
        APIGatewayV2HTTPResponse response = call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", APPLICANT, "documentId", id));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.readObject(response.getBody())).containsKeys("url", "expiresAt");
        assertThat(records.audit).singleElement().asString().contains(id).contains("read by " + REVIEWER);
        assertThat(profiles.find(TenantId.SEOUL, APPLICANT).orElseThrow().status()).isEqualTo(RegistrationStatus.UNDER_REVIEW);
        assertThat(storage.presigned).last().asString().endsWith("income-proof.pdf PT5M");
    }

    @Test
    void readUrlsAreForReviewersOfTheTenantAndVerifiedDocumentsOnly() {
        profile(APPLICANT, RegistrationStatus.SUBMITTED);
        String id = start("INCOME_PROOF", "application/pdf", 5);
        Map<String, String> path = Map.of("userId", APPLICANT, "documentId", id);
        assertThat(call(READ_URL, Events.claims(APPLICANT, "seoul", "applicants"), null, path).getStatusCode()).isEqualTo(403);
        assertThat(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null, path).getBody())
                .contains("\"code\":\"document-not-ready\"");
        assertThat(call(READ_URL, Events.claims(REVIEWER, "chungbuk", "reviewers"), null, path).getStatusCode()).isEqualTo(404);
        assertThat(call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                Map.of("userId", "a/b", "documentId", id)).getStatusCode()).isEqualTo(404);
        assertThat(records.audit).isEmpty();
    }

    // ------------------------------------------------------------------ abuse limits (docs/adr/0022)

    private APIGatewayV2HTTPResponse startRaw(long size) {
        return call(START, Events.claims(APPLICANT, "seoul", "applicants"),
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":" + size + "}", null);
    }

    @Test
    void theSixthOpenUploadUrlIsRefusedWithWhenToTryAgainAndFinalisingOneFreesAPlace() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(start("INCOME_PROOF", "application/pdf", FileSignatureTest.PDF.length));
        }
        int writes = records.writes;
        APIGatewayV2HTTPResponse sixth = startRaw(FileSignatureTest.PDF.length);
        assertThat(sixth.getStatusCode()).isEqualTo(429);
        assertThat(sixth.getHeaders()).containsEntry("content-type", "application/problem+json");
        Map<String, Object> problem = Json.readObject(sixth.getBody());
        assertThat(problem).containsEntry("code", "document-uploads-open-limit").containsEntry("maxOpenUploads", 5);
        // the first URL expires 10 minutes after NOW: that is when a place frees
        assertThat(((Number) problem.get("retryAfterSeconds")).longValue()).isBetween(600L, 601L);
        assertThat(records.writes).isEqualTo(writes);
        // finalising one (here: nothing arrived) closes its URL
        assertThat(finalise(ids.get(0)).getBody()).contains("\"code\":\"document-no-file\"");
        assertThat(startRaw(FileSignatureTest.PDF.length).getStatusCode()).isEqualTo(201);
        assertThat(startRaw(FileSignatureTest.PDF.length).getStatusCode()).isEqualTo(429);
    }

    @Test
    void bytesAreCountedAcrossUploadsAndGivenBackOnlyWhenNothingArrived() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        long tenMegabytes = 10L * 1024 * 1024;
        for (int i = 0; i < 10; i++) {
            String id = start("INCOME_PROOF", "application/pdf", tenMegabytes);
            byte[] junk = new byte[16];
            storage.put(document(id).s3Key(), junk, Map.of()); // arrived, refused as the wrong type: its bytes stay counted
            assertThat(finalise(id).getBody()).contains("document-wrong-type");
        }
        APIGatewayV2HTTPResponse over = startRaw(1);
        assertThat(over.getStatusCode()).isEqualTo(422);
        assertThat(Json.readObject(over.getBody())).containsEntry("code", "document-upload-bytes-limit")
                .containsEntry("maxBytes", 100 * 1024 * 1024).containsEntry("usedBytes", 100 * 1024 * 1024);
    }

    @Test
    void anUploadWhereNothingArrivedGivesItsBytesBack() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        long tenMegabytes = 10L * 1024 * 1024;
        for (int i = 0; i < 12; i++) {
            String id = start("INCOME_PROOF", "application/pdf", tenMegabytes);
            assertThat(finalise(id).getBody()).contains("document-no-file");
        }
        assertThat(records.bytes.get("seoul/" + APPLICANT)).isZero();
    }

    @Test
    void aReviewerReadsNoDocumentOfAnApplicationNotBeforeThem() {
        for (RegistrationStatus status : new RegistrationStatus[] {RegistrationStatus.DRAFT, RegistrationStatus.REJECTED,
                RegistrationStatus.APPROVED}) {
            profiles.byKey.clear();
            profile(APPLICANT, status == RegistrationStatus.APPROVED ? RegistrationStatus.SUBMITTED : status);
            String id = start("INCOME_PROOF", "application/pdf", FileSignatureTest.PDF.length);
            storage.put(document(id).s3Key(), FileSignatureTest.PDF, Map.of());
            finalise(id);
            if (status == RegistrationStatus.APPROVED) {
                profiles.byKey.clear();
                profile(APPLICANT, RegistrationStatus.APPROVED);
            }
            APIGatewayV2HTTPResponse response = call(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null,
                    Map.of("userId", APPLICANT, "documentId", id));
            assertThat(response.getStatusCode()).as(status.name()).isEqualTo(409);
            assertThat(response.getBody()).contains("\"code\":\"document-application-not-submitted\"");
        }
        assertThat(records.audit).isEmpty();
    }

    @Test
    void aMentorApplicantsDocumentIsReadableOnlyWhileTheirApplicationIsUnderReview() {
        profile(APPLICANT, RegistrationStatus.DRAFT);
        String id = start("TRANSCRIPT", "application/pdf", FileSignatureTest.PDF.length);
        storage.put(document(id).s3Key(), FileSignatureTest.PDF, Map.of());
        finalise(id);
        java.util.Set<String> underReview = new java.util.HashSet<>();
        DocumentsHandler withRecruitment = new DocumentsHandler(new DocumentService(profiles, records, storage,
                new EicarScanner(storage), (tenant, userId, documentId) -> underReview.contains(userId + "/" + documentId),
                new DocumentSettings("docs", Duration.ofMinutes(10), Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC)));
        APIGatewayV2HTTPEvent event = Events.http(READ_URL, Events.claims(REVIEWER, "seoul", "reviewers"), null, "en");
        event.setPathParameters(Map.of("userId", APPLICANT, "documentId", id));
        assertThat(withRecruitment.handleRequest(event, null).getBody()).contains("document-application-not-submitted");
        underReview.add(APPLICANT + "/" + id);
        assertThat(withRecruitment.handleRequest(event, null).getStatusCode()).isEqualTo(200);
    }
}

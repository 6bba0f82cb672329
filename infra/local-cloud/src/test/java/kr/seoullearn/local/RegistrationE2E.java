package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration through the running local cloud, as a new user does it: sign up on the login
 * page (the post-confirmation trigger makes the DRAFT profile), fill in the profile, let the
 * records decide, submit; and the reviewer's side.
 */
class RegistrationE2E {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalCloudClient cloud;
    private static String base;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        base = cloud.base();
    }

    /**
     * A child of the test family the local registry verifies (이도현…, born 2009-11-02, household
     * 이영수 1975-07-21) that no other test or run has named: the records approve one child once a
     * programme year (docs/adr/0021).
     */
    static String uniqueDohyun() {
        StringBuilder name = new StringBuilder("이도현");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            name.append((char) ('가' + random.nextInt('힣' - '가' + 1)));
        }
        return name.toString();
    }

    /**
     * A new account through the sign-up page (its form must be there, with no tenant field, as
     * Cognito's), the app's tenant step, and the refreshed ID token that carries the tenant.
     */
    static String signUp(String email, String tenant, String lang) {
        HttpResponse<String> page = cloud.send("GET", "/signup?" + LocalCloudClient.encode(
                cloud.oauthParameters(LocalCloudClient.verifier(), lang)), null, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"username\"").doesNotContain("id=\"tenant\"");
        return cloud.signUp(email, tenant, lang).idToken();
    }

    static String signIn(String email) {
        return cloud.signIn(email).idToken();
    }

    static HttpResponse<String> send(String method, String path, String body, String contentType, String token) {
        return cloud.send(method, path, body, contentType, token);
    }

    static Map<String, Object> api(String method, String path, String body, String token, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, body, "application/json", token);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return kr.seoullearn.platform.http.Json.readObject(response.body());
    }

    private static long version(String token) throws Exception {
        return ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
    }

    private static String groups(String token) throws Exception {
        return String.valueOf(api("GET", "/api/me", null, token, 200).get("groups"));
    }

    @Test
    void aNewApplicantSignsUpAndIsADraftApplicant() throws Exception {
        String token = signUp("new-" + UUID.randomUUID() + "@example.org", "chungbuk", "vi");
        Map<String, Object> me = api("GET", "/api/me", null, token, 200);
        assertThat(me).containsEntry("tenant", "chungbuk").containsEntry("registrationStatus", "DRAFT")
                .containsEntry("preferredLanguage", "vi");
        assertThat(me.get("groups")).isEqualTo(List.of("applicants"));
        assertThat(api("GET", "/api/registration", null, token, 200)).containsEntry("status", "DRAFT").containsEntry("programmeId", "chungbuk-2025-pilot");
    }

    @Test
    void aLowIncomeApplicantFoundInTheRecordsIsApprovedWithoutUploadingAnything() throws Exception {
        String email = "low-income-" + UUID.randomUUID() + "@example.org";
        String token = signUp(email, "seoul", "ko");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"" + uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\","
                + "\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}", token, 200);
        Map<String, Object> checked = api("POST", "/api/registration/records-check", "{\"version\":" + version(token)
                + ",\"householdHeadName\":\"이영수\",\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        assertThat(String.valueOf(checked.get("recordsCheck"))).contains("VERIFIED");
        assertThat(checked.get("requiredDocuments")).isEqualTo(List.of());
        Map<String, Object> submitted = api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200);
        assertThat(submitted).containsEntry("status", "APPROVED");
        // the next token carries the learner group
        assertThat(groups(signIn(email))).isEqualTo("[learners]");
    }

    @Test
    void theApplicantFindsWhatToFixInTheirLanguageAndNothingIsWritten() throws Exception {
        String token = signUp("fixes-" + UUID.randomUUID() + "@example.org", "seoul", "en");
        long v = version(token);
        HttpResponse<String> rrn = send("PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"940101-1234567\"}", "application/json", token);
        assertThat(rrn.statusCode()).isEqualTo(400);
        assertThat(rrn.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(rrn.body()).contains("resident-registration-number").contains("Do not enter a resident registration number");
        HttpResponse<String> bad = send("PUT", "/api/registration", "{\"version\":" + v + ",\"birthDate\":\"yesterday\",\"grade\":9}",
                "application/json", token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"birthDate\"").contains("\"field\":\"grade\"");
        assertThat(version(token)).isEqualTo(v);
        HttpResponse<String> incomplete = send("POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "application/json", token);
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("application-incomplete");
    }

    @Test
    void anUnderFourteenApplicantNeedsTheGuardiansConsent() throws Exception {
        String token = signUp("child-" + UUID.randomUUID() + "@example.org", "seoul", "ko");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"박서준\",\"birthDate\":\"2016-01-30\","
                + "\"schoolLevel\":\"ELEMENTARY\",\"grade\":4,\"district\":\"nowon-gu\",\"preferredLanguage\":\"ko\",\"categories\":[\"MULTICULTURAL\"]}", token, 200);
        HttpResponse<String> refused = send("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "application/json", token);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("guardian-consent-required");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"guardian\":{\"name\":\"박미경\",\"contact\":\"010-2222-3333\",\"consent\":true}}", token, 200);
        Map<String, Object> submitted = api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200);
        assertThat(submitted).containsEntry("status", "SUBMITTED");
        assertThat(submitted.get("missingDocuments")).isEqualTo(List.of("MULTICULTURAL_FAMILY_CERTIFICATE"));
    }

    @Test
    void reviewersSeeTheirTenantsQueueOnlyAndOthersAreRefused() throws Exception {
        String token = signUp("queued-" + UUID.randomUUID() + "@example.org", "seoul", "en");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"최지우\",\"birthDate\":\"2008-03-08\","
                + "\"schoolLevel\":\"NOT_IN_SCHOOL\",\"district\":\"mapo-gu\",\"preferredLanguage\":\"en\",\"categories\":[\"OUT_OF_SCHOOL\"]}", token, 200);
        String userId = (String) api("GET", "/api/me", null, token, 200).get("userId");
        api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200);
        String reviewer = signIn("reviewer@seoul-learn.local");
        String otherTenantReviewer = signIn("reviewer@chungbuk.seoul-learn.local");
        Map<String, Object> application = api("GET", "/api/review/applications/" + userId, null, reviewer, 200);
        assertThat(application).containsEntry("status", "SUBMITTED").containsEntry("name", "최지우");
        assertThat(send("GET", "/api/review/applications/" + userId, null, null, otherTenantReviewer).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/review/applications", null, null, token).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/review/applications", null, null, null).statusCode()).isEqualTo(401);
        // the documents are missing: approval must wait for them
        HttpResponse<String> early = send("POST", "/api/review/applications/" + userId + "/decision",
                "{\"decision\":\"APPROVE\",\"version\":" + application.get("version") + "}", "application/json", reviewer);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("OUT_OF_SCHOOL_CONFIRMATION");
    }

    /** The browser's upload: ask for the URL, PUT the bytes with the headers given, finalise. */
    @SuppressWarnings("unchecked")
    private static HttpResponse<String> upload(String token, String kind, String contentType, byte[] bytes) throws Exception {
        cloud.registerPersonal(new String(bytes, StandardCharsets.UTF_8)); // document contents: never in a log (LogPrivacyScan)
        Map<String, Object> ticket = api("POST", "/api/registration/documents", "{\"kind\":\"" + kind + "\",\"contentType\":\""
                + contentType + "\",\"size\":" + bytes.length + "}", token, 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) ticket.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("origin", base);
        ((Map<String, String>) ticket.get("headers")).forEach(put::header);
        HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as("PUT to the presigned URL").isEqualTo(200);
        return send("POST", "/api/registration/documents/" + ticket.get("documentId") + "/finalise", null, null, token);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOutOfSchoolApplicantUploadsAPdfAReviewerApprovesAndTheNextTokenIsALearners() throws Exception {
        String email = "out-of-school-" + UUID.randomUUID() + "@example.org";
        String token = signUp(email, "seoul", "en");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"Kim Out\",\"birthDate\":\"2007-06-01\","
                + "\"schoolLevel\":\"NOT_IN_SCHOOL\",\"district\":\"jung-gu\",\"preferredLanguage\":\"en\",\"categories\":[\"OUT_OF_SCHOOL\"]}", token, 200);
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> finalised = upload(token, "OUT_OF_SCHOOL_CONFIRMATION", "application/pdf", pdf);
        assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);
        Map<String, Object> submitted = api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200);
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("missingDocuments", List.of());
        String userId = (String) api("GET", "/api/me", null, token, 200).get("userId");

        String reviewer = signIn("reviewer@seoul-learn.local");
        Map<String, Object> application = api("GET", "/api/review/applications/" + userId, null, reviewer, 200);
        String documentId = (String) ((List<Map<String, Object>>) application.get("documents")).get(0).get("documentId");
        Map<String, Object> read = api("POST", "/api/review/applications/" + userId + "/documents/" + documentId + "/read-url",
                null, reviewer, 200);
        HttpResponse<byte[]> document = HTTP.send(HttpRequest.newBuilder(URI.create((String) read.get("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.body()).isEqualTo(pdf);
        long version = ((Number) api("GET", "/api/review/applications/" + userId, null, reviewer, 200).get("version")).longValue();
        Map<String, Object> decided = api("POST", "/api/review/applications/" + userId + "/decision",
                "{\"decision\":\"APPROVE\",\"version\":" + version + "}", reviewer, 200);
        assertThat(decided).containsEntry("status", "APPROVED");
        assertThat(groups(signIn(email))).isEqualTo("[learners]");
    }

    @Test
    void aMulticulturalApplicantsRenamedTextFileIsRefusedAsTheWrongTypeAndNothingIsKept() throws Exception {
        String token = signUp("renamed-" + UUID.randomUUID() + "@example.org", "seoul", "en");
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"Nguyen Van An\",\"birthDate\":\"2011-09-09\","
                + "\"schoolLevel\":\"MIDDLE\",\"grade\":3,\"district\":\"guro-gu\",\"preferredLanguage\":\"vi\",\"categories\":[\"MULTICULTURAL\"]}", token, 200);
        HttpResponse<String> refused = upload(token, "MULTICULTURAL_FAMILY_CERTIFICATE", "application/pdf",
                "these are my notes, not a PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"code\":\"document-wrong-type\"").contains("The selected file must be a PDF, JPG or PNG");
        Map<String, Object> registration = api("GET", "/api/registration", null, token, 200);
        assertThat(registration.get("missingDocuments")).isEqualTo(List.of("MULTICULTURAL_FAMILY_CERTIFICATE"));
        assertThat(String.valueOf(registration.get("documents"))).contains("REJECTED").doesNotContain("VERIFIED");
    }
}

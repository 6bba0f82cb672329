package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Correction after approval through the running local cloud (PATCH /api/me/profile, ADR 38): a
 * fresh high-school learner the records approve at once corrects their school level to middle
 * school — a middle-school provider is then theirs to choose and a high-school one no longer — and
 * their language; a district change takes their laptop request along (or is refused while a unit
 * waits for them at the old office). Fresh users only; what they hold is given back at the end.
 */
class CorrectionE2E {
    private static LocalCloudClient cloud;

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int... expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(Arrays.stream(expected).boxed().toList());
        return Json.readObject(r.body());
    }

    private static long version(String token) {
        return ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
    }

    /** A new high-school learner of Yongsan-gu the records approve at once; answers a token with the learners group. */
    private static String approvedLearner() {
        String email = "correction-" + UUID.randomUUID() + "@example.org";
        String applicant = cloud.signUp(email, "seoul", "ko").idToken();
        api("PUT", "/api/registration", "{\"version\":" + version(applicant) + ",\"name\":\"" + RegistrationE2E.uniqueDohyun()
                + "\",\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"yongsan-gu\","
                + "\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}", applicant, 200);
        api("POST", "/api/registration/records-check", "{\"version\":" + version(applicant)
                + ",\"householdHeadName\":\"이영수\",\"householdHeadBirthDate\":\"1975-07-21\"}", applicant, 200);
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + version(applicant) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", applicant, 200))
                .containsEntry("status", "APPROVED");
        return cloud.signIn(email).idToken();
    }

    @Test
    void aLevelChangeDecidesTheNextProviderChoiceAndTheLanguageFollows() {
        String learner = approvedLearner();
        long v = version(learner);
        // an applicant's own token cannot correct: the route is for learners
        Map<String, Object> corrected = api("PATCH", "/api/me/profile",
                "{\"version\":" + v + ",\"schoolLevel\":\"MIDDLE\",\"grade\":3,\"preferredLanguage\":\"vi\"}", learner, 200);
        assertThat(corrected).containsEntry("schoolLevel", "MIDDLE").containsEntry("grade", 3).containsEntry("preferredLanguage", "vi");

        // a high-school provider is no longer theirs to choose; a middle-school one is
        HttpResponse<String> high = send("POST", "/api/enrolments", "{\"providerId\":\"megastudy\"}", learner);
        assertThat(high.statusCode()).as(high.body()).isEqualTo(422);
        assertThat(Json.readObject(high.body())).containsEntry("code", "provider-not-for-level");
        HttpResponse<String> middle = send("POST", "/api/enrolments", "{\"providerId\":\"subakssi\"}", learner);
        try {
            assertThat(middle.statusCode()).as(middle.body()).isIn(201, 202);
        } finally {
            send("DELETE", "/api/enrolments/subakssi", null, learner);
        }

        // once a school year: a second level change is refused, in the caller's language
        HttpResponse<String> again = cloud.send("PATCH", "/api/me/profile",
                "{\"version\":" + version(learner) + ",\"schoolLevel\":\"HIGH\",\"grade\":1}", "application/json", learner,
                "Accept-Language", "en");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("content-type")).get().asString().startsWith("application/problem+json");
        assertThat(Json.readObject(again.body())).containsEntry("code", "level-change-used")
                .containsEntry("title", "School level already changed this school year");
    }

    @Test
    void aDistrictChangeTakesTheLaptopRequestAlongOrWaitsForThePickup() {
        String learner = approvedLearner();
        Map<String, Object> request = api("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner, 201, 202);
        String requestId = (String) request.get("requestId");
        try {
            HttpResponse<String> moved = send("PATCH", "/api/me/profile",
                    "{\"version\":" + version(learner) + ",\"district\":\"mapo-gu\"}", learner);
            if ("REQUESTED".equals(request.get("status"))) {
                assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                Map<String, Object> body = Json.readObject(moved.body());
                assertThat(body).containsEntry("district", "mapo-gu");
                @SuppressWarnings("unchecked")
                Map<String, Object> laptop = (Map<String, Object>) body.get("laptopRequest");
                assertThat(laptop).containsEntry("requestId", requestId).containsEntry("district", "mapo-gu");
                assertThat(api("GET", "/api/laptops/mine", null, learner, 200).toString()).contains("mapo-gu");
            } else {
                // a unit is kept for them at the old district's office: collect it or cancel first
                assertThat(moved.statusCode()).as(moved.body()).isEqualTo(409);
                assertThat(Json.readObject(moved.body())).containsEntry("code", "district-change-pickup-pending");
                assertThat(api("GET", "/api/registration", null, learner, 200)).containsEntry("district", "yongsan-gu");
            }
        } finally {
            Map<String, Object> mine = api("GET", "/api/laptops/mine", null, learner, 200);
            @SuppressWarnings("unchecked")
            Map<String, Object> current = mine.get("request") instanceof Map<?, ?> m ? (Map<String, Object>) m : mine;
            send("POST", "/api/laptops/requests/" + requestId + "/status",
                    "{\"status\":\"CANCELLED\",\"version\":" + current.get("version") + "}", learner);
        }
    }
}

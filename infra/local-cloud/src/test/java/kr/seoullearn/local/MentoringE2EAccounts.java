package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;

/** Accounts the mentoring journeys start from. */
final class MentoringE2EAccounts {
    private MentoringE2EAccounts() {}

    private static Map<String, Object> api(LocalCloudClient cloud, String method, String path, String body, String token) {
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
        return Json.readObject(r.body());
    }

    /** A new learner approved at once by the records check (a test household of the local registry); their next token. */
    static String newLearner(LocalCloudClient cloud, String email) {
        String token = cloud.signUp(email, "seoul", "ko").idToken();
        long v = ((Number) api(cloud, "GET", "/api/registration", null, token).get("version")).longValue();
        api(cloud, "PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"" + RegistrationE2E.uniqueDohyun()
                + "\",\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"ko\","
                + "\"categories\":[\"LOW_INCOME\"]}", token);
        v = ((Number) api(cloud, "GET", "/api/registration", null, token).get("version")).longValue();
        api(cloud, "POST", "/api/registration/records-check", "{\"version\":" + v + ",\"householdHeadName\":\"이영수\","
                + "\"householdHeadBirthDate\":\"1975-07-21\"}", token);
        v = ((Number) api(cloud, "GET", "/api/registration", null, token).get("version")).longValue();
        assertThat(api(cloud, "POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token)).containsEntry("status", "APPROVED");
        return cloud.signIn(email).idToken();
    }
}

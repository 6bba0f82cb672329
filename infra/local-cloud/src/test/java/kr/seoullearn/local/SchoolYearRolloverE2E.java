package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The school-year rollover through the running local cloud (docs/adr/0041): the catalogue
 * operator adds a partner area of its own (so the run touches no other test's learners), a
 * family there is approved by the records check, and the scheduled function is fired as if at
 * 00:10 Seoul on 28 February and on 1 March ({@code POST /_local/schedules/SchoolYearRolloverFunction.Nightly?at=…&tenant=…},
 * the injected clock): nothing moves on the 28th; on 1 March the learner's grade moves up once —
 * a second run and two runs at once change nothing more — and they find the notice in their
 * messages; the function's log has counts and nothing about the person.
 */
class SchoolYearRolloverE2E {
    private static final String SCHEDULE = "/_local/schedules/SchoolYearRolloverFunction.Nightly";
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    private static Map<String, Object> fire(Instant at, String tenant) {
        HttpResponse<String> r = cloud.send("POST", SCHEDULE + "?at=" + at + "&tenant=" + tenant, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.readObject(r.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void onTheFirstOfMarchTheLearnersGradeMovesUpOnceAndTheyAreTold() throws Exception {
        String area = "e2e-roll-" + UUID.randomUUID().toString().substring(0, 8);
        String operator = cloud.signIn("catalogue@seoul-learn.local").idToken();
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("name", Map.of("ko", "시험런", "en", "Test Learn"));
        programme.put("categories", List.of(Map.of("code", "LOW_INCOME", "recordsCanDecide", true, "requiredDocuments", List.of("INCOME_PROOF"))));
        programme.put("incomeLinePercent", 80);
        programme.put("minAge", 6);
        programme.put("maxAge", 24);
        programme.put("schoolLevels", List.of("ELEMENTARY", "MIDDLE", "HIGH"));
        programme.put("pickLimit", 2);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", area);
        body.put("name", Map.of("ko", "시험 지역", "en", "Test area", "vi", "Khu thử", "zh", "测试地区"));
        body.put("districts", List.of("test-gu"));
        body.put("programme", Map.of("effectiveFrom", today, "definition", programme));
        // seats of a provider the catalogue has and that takes new learners (other tests may make one leave)
        List<Map<String, Object>> providers = (List<Map<String, Object>>) api("GET", "/api/catalog/providers", null, null, 200).get("items");
        String provider = (String) providers.stream().filter(p -> Boolean.TRUE.equals(p.get("takesNewLearners"))).findFirst()
                .orElseThrow().get("providerId");
        body.put("seats", Map.of(provider, 5));
        api("POST", "/api/admin/tenants", Json.write(body), operator, 201);

        // the tenant step takes the area once the API's list of areas is read again (kept a minute)
        String email = "rollover-" + UUID.randomUUID() + "@example.org";
        LocalCloudClient.Tokens first = cloud.signUpOnly(email, "ko");
        long deadline = System.currentTimeMillis() + 120_000;
        while (cloud.send("PUT", "/api/me/tenant", "{\"tenant\":\"" + area + "\"}", "application/json", first.idToken()).statusCode() != 200) {
            assertThat(System.currentTimeMillis()).as("the new area is taken within two minutes").isLessThan(deadline);
            Thread.sleep(5_000);
        }
        String token = cloud.refresh(first.refreshToken()).idToken();
        long v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\","
                + "\"schoolLevel\":\"MIDDLE\",\"grade\":3,\"district\":\"test-gu\",\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}",
                token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("POST", "/api/registration/records-check", "{\"version\":" + v + ",\"householdHeadName\":\"이영수\","
                + "\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\""
                + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200)).containsEntry("status", "APPROVED");
        String learner = cloud.signIn(email).idToken();

        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).getMonthValue() >= 3
                ? java.time.LocalDate.now().getYear() + 1 : java.time.LocalDate.now().getYear();
        Instant feb28 = Instant.parse(year + "-02-27T15:10:00Z"); // 00:10 Seoul, 28 February
        Instant mar1 = Instant.parse(year + "-02-28T15:10:00Z");  // 00:10 Seoul, 1 March
        Map<String, Object> before = fire(feb28, area);
        assertThat(before).containsEntry("seen", 1).containsEntry("levelChanged", 0).containsEntry("movedUp", 0);
        assertThat(api("GET", "/api/registration", null, learner, 200)).containsEntry("schoolLevel", "MIDDLE").containsEntry("grade", 3);

        Map<String, Object> march = fire(mar1, area);
        assertThat(march).containsEntry("seen", 1).containsEntry("levelChanged", 1).containsEntry("failed", 0);
        // a retry of the same night, and two at once: the day's run is finished, nothing moves twice
        fire(mar1, area);
        var twice = List.of(java.util.concurrent.CompletableFuture.supplyAsync(() -> fire(mar1.plusSeconds(3600), area)),
                java.util.concurrent.CompletableFuture.supplyAsync(() -> fire(mar1.plusSeconds(3600), area)));
        twice.forEach(java.util.concurrent.CompletableFuture::join);
        Map<String, Object> reg = api("GET", "/api/registration", null, learner, 200);
        assertThat(reg).containsEntry("schoolLevel", "HIGH").containsEntry("grade", 1).containsEntry("status", "APPROVED");

        List<Map<String, Object>> items = (List<Map<String, Object>>) api("GET", "/api/me/notifications", null, learner, 200).get("notifications");
        assertThat(items.stream().filter(i -> "moved-to-high-school".equals(i.get("kind"))).count()).isEqualTo(1);

        String log = java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                .resolve("cloud-" + URI.create(cloud.base()).getPort()).resolve("SchoolYearRolloverFunction.log"));
        assertThat(log).contains("\"message\":\"rollover run\"").doesNotContain(email).doesNotContain("2009-11-02");
    }
}

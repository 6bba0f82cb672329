package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enrolment through the running local cloud, as the web app's "My providers" page uses it: the
 * seeded demo learners (README) sign in through the hosted login and enrol with the seeded
 * providers. Re-runnable on the same cloud: each learner gives up what they hold first and last.
 */
class EnrolmentE2E {
    private static final String MIDDLE = "learner@seoul-learn.local";
    private static final String ELEMENTARY = "learner.elementary@seoul-learn.local";
    private static final String CHUNGBUK = "learner@chungbuk.seoul-learn.local";
    private static final String ADMIN = "admin@seoul-learn.local";
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        List.of(MIDDLE, ELEMENTARY, CHUNGBUK).forEach(EnrolmentE2E::giveUpEverything);
    }

    @AfterAll
    static void cleanUp() {
        if (cloud != null) {
            List.of(MIDDLE, ELEMENTARY, CHUNGBUK).forEach(EnrolmentE2E::giveUpEverything);
        }
    }

    @SuppressWarnings("unchecked")
    private static void giveUpEverything(String email) {
        String token = cloud.signIn(email).idToken();
        Map<String, Object> mine = Json.readObject(cloud.send("GET", "/api/enrolments", null, null, token).body());
        for (String list : List.of("enrolments", "waitlist")) {
            for (Map<String, Object> e : (List<Map<String, Object>>) mine.get(list)) {
                assertThat(cloud.send("DELETE", "/api/enrolments/" + e.get("providerId"), null, null, token).statusCode()).isEqualTo(204);
            }
        }
    }

    private static HttpResponse<String> enrol(String token, String provider, String language) {
        return cloud.send("POST", "/api/enrolments", "{\"providerId\":\"" + provider + "\"}", "application/json", token,
                "Accept-Language", language);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMiddleSchoolLearnerEnrolsWithMbestAndGetsAnAccessLink() {
        String token = cloud.signIn(MIDDLE).idToken();
        HttpResponse<String> r = enrol(token, "mbest", "ko");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Map<String, Object> seat = Json.readObject(r.body());
        assertThat(seat).containsEntry("providerId", "mbest").containsEntry("status", "ENROLLED").containsEntry("accessOpen", true);
        assertThat((String) seat.get("accessUrl")).startsWith("https://").contains("seoul").doesNotContain("learner@");

        Map<String, Object> mine = Json.readObject(cloud.send("GET", "/api/enrolments", null, null, token).body());
        assertThat((List<Map<String, Object>>) mine.get("enrolments")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("providerId", "mbest").containsEntry("accessUrl", seat.get("accessUrl")));
        // enrolling twice with the same provider is refused, and nothing changes
        HttpResponse<String> again = enrol(token, "mbest", "en");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.readObject(again.body())).containsEntry("code", "already-enrolled");
    }

    @Test
    void aSecondEnrolmentBeyondThePickLimitIsRefusedInTheLearnersLanguage() {
        // Chungbuk's pilot lets a learner hold one provider
        String token = cloud.signIn(CHUNGBUK).idToken();
        HttpResponse<String> first = enrol(token, "i-scream", "vi");
        assertThat(first.statusCode()).as(first.body()).isIn(201, 202);
        HttpResponse<String> second = enrol(token, "elihigh", "vi");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("content-type")).contains("application/problem+json");
        Map<String, Object> problem = Json.readObject(second.body());
        assertThat(problem).containsEntry("code", "pick-limit-reached").containsEntry("pickLimit", 1);
        assertThat((String) problem.get("title")).as("in Vietnamese").isNotBlank().doesNotContain("pick-limit");
    }

    @Test
    void anElementaryLearnerCannotEnrolWithAHighSchoolProvider() {
        String token = cloud.signIn(ELEMENTARY).idToken();
        HttpResponse<String> r = enrol(token, "megastudy", "ko");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.readObject(r.body())).containsEntry("code", "provider-not-for-level");
        assertThat(Json.readObject(cloud.send("GET", "/api/enrolments", null, null, token).body())).containsEntry("picksUsed", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSendsAProvidersUsageReportAsCsvAndLearnersCannot() {
        String learner = cloud.signIn(ELEMENTARY).idToken();
        HttpResponse<String> seat = enrol(learner, "i-scream", "ko");
        assertThat(seat.statusCode()).as(seat.body()).isEqualTo(201);
        String url = (String) Json.readObject(seat.body()).get("accessUrl");
        String ref = url.substring(url.lastIndexOf('/') + 1);
        String csv = "learnerRef,lastActiveOn\r\n" + ref + "," + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")) + "\r\n";

        HttpResponse<String> refused = cloud.send("POST", "/api/admin/providers/i-scream/activity", csv, "text/csv", learner);
        assertThat(refused.statusCode()).isEqualTo(403);

        String admin = cloud.signIn(ADMIN).idToken();
        HttpResponse<String> r = cloud.send("POST", "/api/admin/providers/i-scream/activity", csv, "text/csv", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.readObject(r.body())).containsEntry("lines", 1).containsEntry("unknown", 0);
        // the overview shows the seat in use
        Map<String, Object> overview = Json.readObject(cloud.send("GET", "/api/admin/providers", null, null, admin).body());
        assertThat((List<Map<String, Object>>) overview.get("items")).filteredOn(p -> p.get("providerId").equals("i-scream"))
                .singleElement().satisfies(p -> assertThat((Integer) p.get("used")).isPositive());
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Withdrawal through the running local cloud (DELETE /api/me): two fresh learners take the last
 * seat of a provider and the first waitlist place; the first withdraws. Then signing in fails,
 * the reviewer and the admin find nothing of them, their waitlist place's owner has the seat, and
 * the dashboard's counts of applications are what they were. Fresh users only; the provider's
 * seats are put back as they were.
 */
class WithdrawalE2E {
    private static final String PROVIDER = "megastudy";
    private static LocalCloudClient cloud;
    private static String admin;
    private static String reviewer;
    private static LocalDate today;

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
        admin = cloud.signIn("admin@seoul-learn.local").idToken();
        reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        today = LocalDate.now(ZoneId.of("Asia/Seoul"));
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

    /** A new learner the records approve at once; returns the e-mail. */
    private static String approvedLearner() {
        String email = "withdrawal-" + UUID.randomUUID() + "@example.org";
        String applicant = cloud.signUp(email, "seoul", "ko").idToken();
        api("PUT", "/api/registration", "{\"version\":" + version(applicant) + ",\"name\":\"" + RegistrationE2E.uniqueDohyun()
                + "\",\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"yongsan-gu\","
                + "\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}", applicant, 200);
        api("POST", "/api/registration/records-check", "{\"version\":" + version(applicant)
                + ",\"householdHeadName\":\"이영수\",\"householdHeadBirthDate\":\"1975-07-21\"}", applicant, 200);
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + version(applicant) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", applicant, 200))
                .containsEntry("status", "APPROVED");
        return email;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals() {
        var body = api("GET", "/api/admin/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), null, admin, 200);
        return (Map<String, Object>) body.get("totals");
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterWithdrawalNobodyFindsThePersonTheirSeatWentToTheNextInLineAndTheCountsStand() {
        String leavingEmail = approvedLearner();
        String nextEmail = approvedLearner();
        String leaving = cloud.signIn(leavingEmail).idToken();
        String next = cloud.signIn(nextEmail).idToken();
        String leavingId = (String) api("GET", "/api/me", null, leaving, 200).get("userId");
        String nextId = (String) api("GET", "/api/me", null, next, 200).get("userId");

        Map<String, Object> usage = api("GET", "/api/admin/providers/" + PROVIDER + "/usage", null, admin, 200);
        int seatsBefore = ((Number) usage.get("seats")).intValue();
        int used = ((Number) usage.get("used")).intValue();
        try {
            // one seat left: the first learner takes it, the second waits first in line
            api("PUT", "/api/admin/providers/" + PROVIDER + "/seats", "{\"seats\":" + (used + 1) + "}", admin, 200);
            api("POST", "/api/enrolments", "{\"providerId\":\"" + PROVIDER + "\"}", leaving, 201);
            assertThat(api("POST", "/api/enrolments", "{\"providerId\":\"" + PROVIDER + "\"}", next, 202)).containsEntry("position", 1);
            Map<String, Object> before = totals();

            // someone else cannot withdraw them: DELETE /api/me is always the caller
            assertThat(send("DELETE", "/api/me", null, reviewer).statusCode()).isEqualTo(403);
            Map<String, Object> done = api("DELETE", "/api/me", "{\"confirm\":true}", leaving, 200);
            assertThat(done).containsEntry("withdrawn", true).containsEntry("enrolmentsEnded", 1);

            // signing in fails
            assertThatThrownBy(() -> cloud.signIn(leavingEmail)).isInstanceOf(AssertionError.class);
            // no role finds their records
            assertThat(send("GET", "/api/review/applications/" + leavingId, null, reviewer).statusCode()).isEqualTo(404);
            Map<String, Object> after = api("GET", "/api/admin/providers/" + PROVIDER + "/usage", null, admin, 200);
            assertThat((List<Map<String, Object>>) after.get("waitlistHead")).noneMatch(w -> leavingId.equals(w.get("userId")))
                    .noneMatch(w -> nextId.equals(w.get("userId")));
            // the seat went to the next in line
            Map<String, Object> theirs = api("GET", "/api/enrolments", null, next, 200);
            assertThat((List<Map<String, Object>>) theirs.get("enrolments")).anyMatch(e -> PROVIDER.equals(e.get("providerId")));
            // the dashboard's counts of applications are unchanged
            Map<String, Object> countsAfter = totals();
            for (String figure : List.of("applications.submitted", "applications.approved", "seats.enrolled." + PROVIDER)) {
                assertThat(countsAfter.get(figure)).as(figure).isEqualTo(before.get(figure));
            }
        } finally {
            send("DELETE", "/api/enrolments/" + PROVIDER, null, next);
            api("PUT", "/api/admin/providers/" + PROVIDER + "/seats", "{\"seats\":" + seatsBefore + "}", admin, 200);
        }
    }

    @Test
    void aLaptopOnLoanIsReturnedFirstAndTheAccountStays() {
        String email = approvedLearner();
        String learner = cloud.signIn(email).idToken();
        HttpResponse<String> asked = send("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner);
        assertThat(asked.statusCode()).as(asked.body()).isIn(201, 202);
        Map<String, Object> request = Json.readObject(asked.body());
        if ("REQUESTED".equals(request.get("status"))) {
            // nothing in stock in this district: withdrawal closes the waiting request
            assertThat(api("DELETE", "/api/me", null, learner, 200)).containsEntry("withdrawn", true);
            assertThatThrownBy(() -> cloud.signIn(email)).isInstanceOf(AssertionError.class);
            return;
        }
        String officer = cloud.signIn("admin@seoul-learn.local").idToken();
        Map<String, Object> ready = api("POST", "/api/laptops/requests/" + request.get("requestId") + "/status",
                "{\"status\":\"READY_FOR_PICKUP\",\"version\":" + request.get("version") + "}", officer, 200);
        // the officer hands over a unit by its serial number (registered here: this district's seeded stock has none)
        String serial = "WD-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        api("POST", "/api/laptops/districts/yongsan-gu/units", "{\"serial\":\"" + serial + "\",\"assetTag\":\"A" + serial + "\"}", officer, 201);
        api("POST", "/api/laptops/requests/" + request.get("requestId") + "/status",
                "{\"status\":\"LOANED\",\"version\":" + ready.get("version") + ",\"serial\":\"" + serial + "\"}", officer, 200);

        HttpResponse<String> refused = cloud.send("DELETE", "/api/me", null, null, learner, "Accept-Language", "zh");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Json.readObject(refused.body())).containsEntry("code", "laptop-loan-active");
        assertThat(cloud.signIn(email).idToken()).isNotBlank();
        assertThat(api("GET", "/api/registration", null, learner, 200)).containsEntry("status", "APPROVED");
    }
}

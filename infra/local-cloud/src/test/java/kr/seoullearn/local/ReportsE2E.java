package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programme dashboard through the running local cloud (issue 9): the admin reads the
 * figures, a new applicant registers (approved by the records), enrols, asks for a laptop and
 * cancels it, asks for mentoring, is matched and books a session — each with a retried or
 * repeated request — and the dashboard moved by exactly what happened, once. Chungbuk's reviewer
 * cannot read Seoul's figures. Fresh users only: the demo learners' data is left alone.
 */
class ReportsE2E {
    private static final String DISTRICT = "yongsan-gu";
    private static LocalCloudClient cloud;
    private static String admin;
    private static LocalDate today;

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
        admin = cloud.signIn("admin@seoul-learn.local").idToken();
        today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    }

    private static HttpResponse<String> send(String method, String path, String body, String token, String... headers) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token, headers);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int... expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(java.util.Arrays.stream(expected).boxed().toList());
        return Json.readObject(r.body());
    }

    /** Every figure of yesterday to tomorrow (Seoul): wide enough for a run across midnight. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> totals(String token) {
        var body = api("GET", "/api/admin/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), null, token, 200);
        return (Map<String, Object>) body.get("totals");
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String figure) {
        return n(after, figure) - n(before, figure);
    }

    private static long n(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static long version(String token) {
        return ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardShowsExactlyWhatTheJourneysDidAndRetriesChangeNothing() {
        Map<String, Object> before = totals(admin);

        // registration: a new applicant the records approve at once; the submission repeated is refused
        String email = "dashboard-" + UUID.randomUUID() + "@example.org";
        String applicant = cloud.signUp(email, "seoul", "ko").idToken();
        api("PUT", "/api/registration", "{\"version\":" + version(applicant) + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\","
                + "\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"" + DISTRICT + "\",\"preferredLanguage\":\"ko\","
                + "\"categories\":[\"LOW_INCOME\"]}", applicant, 200);
        api("POST", "/api/registration/records-check", "{\"version\":" + version(applicant)
                + ",\"householdHeadName\":\"이영수\",\"householdHeadBirthDate\":\"1975-07-21\"}", applicant, 200);
        long submittedAt = version(applicant);
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + submittedAt + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", applicant, 200))
                .containsEntry("status", "APPROVED");
        assertThat(send("POST", "/api/registration/submit", "{\"version\":" + submittedAt + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", applicant).statusCode()).isEqualTo(409);
        String learner = cloud.signIn(email).idToken();

        // enrolment: a seat (or a waitlist place) with a high-school provider; the same enrolment again is refused
        HttpResponse<String> enrolled = send("POST", "/api/enrolments", "{\"providerId\":\"megastudy\"}", learner);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isIn(201, 202);
        boolean seat = enrolled.statusCode() == 201;
        assertThat(send("POST", "/api/enrolments", "{\"providerId\":\"megastudy\"}", learner).statusCode()).isEqualTo(409);

        // laptop: one request sent twice with the same Idempotency-Key is one request; then the learner cancels it
        String key = "dashboard-e2e-" + UUID.randomUUID();
        HttpResponse<String> asked = send("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner, "Idempotency-Key", key);
        assertThat(asked.statusCode()).as(asked.body()).isIn(201, 202);
        HttpResponse<String> retried = send("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner, "Idempotency-Key", key);
        assertThat(Json.readObject(retried.body())).containsEntry("requestId", Json.readObject(asked.body()).get("requestId"));
        Map<String, Object> laptop = Json.readObject(asked.body());
        boolean approvedAtOnce = "APPROVED".equals(laptop.get("status"));
        api("POST", "/api/laptops/requests/" + laptop.get("requestId") + "/status",
                "{\"status\":\"CANCELLED\",\"version\":" + laptop.get("version") + "}", learner, 200);

        // mentoring: asked for, matched by a reviewer (a match repeated is refused), one session booked
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        Map<String, Object> request = api("POST", "/api/mentoring/request", "{\"subjects\":[\"CAREER\"],\"goals\":\"진로 상담\","
                + "\"preferredTimes\":[{\"day\":\"SAT\",\"from\":\"10:00\",\"to\":\"16:00\"}],\"language\":\"ko\"}", learner, 201);
        String menteeId = (String) request.get("menteeId");
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) api("GET", "/api/mentoring/requests/" + menteeId + "/proposals",
                null, reviewer, 200).get("proposals");
        String mentorshipId = null;
        String chosen = null;
        for (Map<String, Object> p : proposals) {
            HttpResponse<String> m = send("POST", "/api/mentoring/requests/" + menteeId + "/match", "{\"mentorId\":\"" + p.get("mentorId") + "\"}",
                    reviewer);
            if (m.statusCode() == 201) {
                mentorshipId = (String) Json.readObject(m.body()).get("mentorshipId");
                chosen = (String) p.get("mentorId");
                break;
            }
            assertThat(Json.readObject(m.body())).as("only a full mentor is passed over").containsEntry("code", "mentor-full");
        }
        assertThat(mentorshipId).as("some mentor had room").isNotNull();
        assertThat(send("POST", "/api/mentoring/requests/" + menteeId + "/match", "{\"mentorId\":\"" + chosen + "\"}", reviewer).statusCode())
                .isEqualTo(409);
        String start = null;
        for (int week = 0; week < 8 && start == null; week++) {
            Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + mentorshipId + "/slots?week=" + today.plusWeeks(week),
                    null, learner, 200);
            start = ((List<Map<String, Object>>) slots.get("slots")).stream().filter(s -> Boolean.TRUE.equals(s.get("free")))
                    .map(s -> (String) s.get("start")).findFirst().orElse(null);
        }
        assertThat(start).as("a free slot in the mentorship's first weeks").isNotNull();
        api("POST", "/api/mentoring/mentorships/" + mentorshipId + "/sessions", "{\"start\":\"" + start + "\"}", learner, 201);
        assertThat(send("POST", "/api/mentoring/mentorships/" + mentorshipId + "/sessions", "{\"start\":\"" + start + "\"}", learner)
                .statusCode()).as("the same slot again").isEqualTo(409);

        // THEN the dashboard moved by exactly that, once
        Map<String, Object> after = totals(admin);
        assertThat(delta(before, after, "applications.submitted")).isEqualTo(1);
        assertThat(delta(before, after, "applications.submitted.LOW_INCOME")).isEqualTo(1);
        assertThat(delta(before, after, "applications.approved")).isEqualTo(1);
        assertThat(delta(before, after, "learners.level.HIGH")).isEqualTo(1);
        assertThat(delta(before, after, "learners.district." + DISTRICT)).isEqualTo(1);
        assertThat(delta(before, after, "seats.enrolled.megastudy")).isEqualTo(seat ? 1 : 0);
        assertThat(delta(before, after, "seats.waitlisted.megastudy")).isEqualTo(seat ? 0 : 1);
        assertThat(delta(before, after, "laptops.REQUESTED." + DISTRICT)).isEqualTo(1);
        assertThat(delta(before, after, "laptops.APPROVED." + DISTRICT)).isEqualTo(approvedAtOnce ? 1 : 0);
        assertThat(delta(before, after, "laptops.CANCELLED." + DISTRICT)).isEqualTo(1);
        assertThat(delta(before, after, "mentoring.requested")).isEqualTo(1);
        assertThat(delta(before, after, "mentoring.matched")).isEqualTo(1);
        assertThat(delta(before, after, "mentoring.booked")).isEqualTo(1);

        // reading again changes nothing (reading writes nothing)
        assertThat(totals(admin)).isEqualTo(after);
    }

    @Test
    void aReviewerOfAnotherTenantCannotReadThisTenantsFiguresAndEveryAnswerCarriesTheCorrelationId() {
        String chungbuk = cloud.signIn("reviewer@chungbuk.seoul-learn.local").idToken();
        HttpResponse<String> refused = send("GET", "/api/admin/dashboard?tenant=seoul", null, chungbuk, "X-Correlation-Id", "e2e-reports-403");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("x-correlation-id")).hasValue("e2e-reports-403");
        assertThat(send("GET", "/api/admin/reports/2026-11/extract.csv?tenant=seoul", null, chungbuk).statusCode()).isEqualTo(403);
        Map<String, Object> own = api("GET", "/api/admin/dashboard", null, chungbuk, 200);
        assertThat(own).containsEntry("tenant", "chungbuk");
        // a learner is refused; no token is 401
        String learner = cloud.signIn("learner@seoul-learn.local").idToken();
        assertThat(send("GET", "/api/admin/dashboard", null, learner).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/admin/dashboard", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/dashboard?from=2026-02-30", null, admin, "Accept-Language", "vi").body())
                .contains("report-period-invalid").contains("Khoảng thời gian không hợp lệ");
        // the function's log carries the correlation id the caller sent
        String log = functionLog("ReportsFunction");
        assertThat(log).contains("\"correlationId\":\"e2e-reports-403\"");
    }

    @Test
    void theMonthsCsvOpensWithCorrectKoreanAndTheExtractHoldsNoPersonalData() {
        String month = today.toString().substring(0, 7);
        HttpResponse<byte[]> figures = bytes("/api/admin/reports/" + month + "/figures.csv");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(figures.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(figures.body(), StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("날짜,지표,설명,값\r\n");

        // the extract is written to S3 as it is read; the answer is a short-lived URL to it (docs/adr/0022)
        HttpResponse<byte[]> answer = bytes("/api/admin/reports/" + month + "/extract.csv");
        assertThat(answer.statusCode()).isEqualTo(200);
        String url = (String) Json.readObject(new String(answer.body(), StandardCharsets.UTF_8)).get("url");
        assertThat(url).contains("/exports/seoul/" + month + "/").contains("X-Amz-Signature=");
        HttpResponse<byte[]> extract;
        try {
            extract = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(extract.statusCode()).isEqualTo(200);
        assertThat(extract.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String rows = new String(extract.body(), StandardCharsets.UTF_8);
        assertThat(rows).contains("가명 ID").doesNotContain("@").doesNotContain("이도현").doesNotContain("김민준")
                .doesNotContain("2009-11-02").doesNotContain("010-");
    }

    private static HttpResponse<byte[]> bytes(String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(cloud.base() + path))
                    .header("Authorization", "Bearer " + admin).header("Accept-Language", "ko").GET().build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String functionLog(String logicalId) {
        try {
            return java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                    .resolve("cloud-" + java.net.URI.create(cloud.base()).getPort()).resolve(logicalId + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

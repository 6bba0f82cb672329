package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mentoring through the running local cloud, as the web app drives it (issue 5, "Done when"):
 * a new learner registers and requests mentoring, a reviewer confirms a proposed mentor, the
 * mentee books two sessions in a week and the third is refused with the reason, sessions 1-16
 * are booked and the 17th is refused until a reviewer approves an extension. Real time: the
 * sessions are booked in the weeks ahead of today.
 */
class MentoringE2E {
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    /** A new learner approved at once by the records check (a test household of the local registry). */
    private static String newLearner() {
        String email = "mentee-" + UUID.randomUUID() + "@example.org";
        String token = cloud.signUp(email, "seoul", "ko").idToken();
        long v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\","
                + "\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("POST", "/api/registration/records-check", "{\"version\":" + v + ",\"householdHeadName\":\"이영수\","
                + "\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200)).containsEntry("status", "APPROVED");
        return cloud.signIn(email).idToken(); // the next token carries the learners group
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerIsMatchedBooksUpToTheWeeklyCapAndTheQuotaAndGetsMoreByAnExtension() {
        String learner = newLearner();
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        String mentor = cloud.signIn("mentor@seoul-learn.local").idToken();

        Map<String, Object> request = api("POST", "/api/mentoring/request", "{\"subjects\":[\"MATH\",\"COLLEGE_ADMISSION\"],"
                + "\"goals\":\"수학 성적을 올리고 대학 입시를 준비하고 싶어요\",\"preferredTimes\":[{\"day\":\"TUE\",\"from\":\"18:00\",\"to\":\"21:00\"}],"
                + "\"language\":\"ko\"}", learner, 201);
        String menteeId = (String) request.get("menteeId");
        // another tenant's reviewer does not see it
        String chungbuk = cloud.signIn("reviewer@chungbuk.seoul-learn.local").idToken();
        assertThat(send("GET", "/api/mentoring/requests/" + menteeId + "/proposals", null, chungbuk).statusCode()).isEqualTo(404);

        List<Map<String, Object>> proposals = (List<Map<String, Object>>) api("GET", "/api/mentoring/requests/" + menteeId + "/proposals",
                null, reviewer, 200).get("proposals");
        Map<String, Object> seoyeon = proposals.stream().filter(p -> "이서연".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat(proposals.get(0)).as("the seeded mentor for maths and admissions in Korean ranks first").isEqualTo(seoyeon);
        Map<String, Object> mentorship = api("POST", "/api/mentoring/requests/" + menteeId + "/match",
                "{\"mentorId\":\"" + seoyeon.get("mentorId") + "\"}", reviewer, 201);
        String id = (String) mentorship.get("mentorshipId");
        assertThat(mentorship).containsEntry("quota", 16).containsEntry("weeklyCap", 2).containsEntry("sessionMinutes", 30);

        // book the first two free slots of each week from this week on, until 16
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Seoul"));
        List<String> booked = new ArrayList<>();
        String thirdOfAFullWeek = null;
        for (int week = 0; week < 10 && booked.size() < 16; week++) {
            Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + id + "/slots?week=" + monday.plusWeeks(week), null, learner, 200);
            List<String> free = ((List<Map<String, Object>>) slots.get("slots")).stream().filter(s -> Boolean.TRUE.equals(s.get("free")))
                    .map(s -> (String) s.get("start")).toList();
            int here = 0;
            for (String start : free) {
                if (here == 2) {
                    thirdOfAFullWeek = thirdOfAFullWeek == null ? start : thirdOfAFullWeek;
                    break;
                }
                if (booked.size() == 16) {
                    break;
                }
                Map<String, Object> s = api("POST", "/api/mentoring/mentorships/" + id + "/sessions", "{\"start\":\"" + start + "\"}", learner, 201);
                assertThat((String) s.get("meetingUrl")).startsWith("https://meet.seoul-learn.local/room/").isNotIn(booked);
                booked.add((String) s.get("meetingUrl"));
                here++;
                if (here == 2 && thirdOfAFullWeek == null && free.size() > 2) {
                    thirdOfAFullWeek = free.get(2);
                    HttpResponse<String> third = send("POST", "/api/mentoring/mentorships/" + id + "/sessions",
                            "{\"start\":\"" + thirdOfAFullWeek + "\"}", learner);
                    assertThat(third.statusCode()).isEqualTo(409);
                    assertThat(third.headers().firstValue("content-type")).hasValue("application/problem+json");
                    assertThat(Json.readObject(third.body())).containsEntry("code", "weekly-cap-reached").containsEntry("title", "This week is full");
                    Map<String, Object> full = api("GET", "/api/mentoring/mentorships/" + id + "/slots?week=" + monday.plusWeeks(week), null, learner, 200);
                    assertThat(full).containsEntry("full", true);
                }
            }
        }
        assertThat(thirdOfAFullWeek).as("a third session in a week was tried").isNotNull();
        assertThat(booked).hasSize(16);
        Map<String, Object> mine = api("GET", "/api/mentoring/me", null, learner, 200);
        assertThat((Map<String, Object>) mine.get("mentorship")).containsEntry("used", 16).containsEntry("remaining", 0);

        // the 17th: any slot the mentor offers in the window - free, or in a week already full (the quota is checked first)
        String seventeenth = null;
        for (int week = 0; week < 10 && seventeenth == null; week++) {
            Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + id + "/slots?week=" + monday.plusWeeks(week), null, learner, 200);
            seventeenth = ((List<Map<String, Object>>) slots.get("slots")).stream()
                    .filter(s -> Boolean.TRUE.equals(s.get("free")) || "week-full".equals(s.get("reason")))
                    .map(s -> (String) s.get("start")).findFirst().orElse(null);
        }
        assertThat(seventeenth).isNotNull();
        HttpResponse<String> refused = send("POST", "/api/mentoring/mentorships/" + id + "/sessions", "{\"start\":\"" + seventeenth + "\"}", learner);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Json.readObject(refused.body())).containsEntry("code", "session-quota-used-up");

        assertThat(api("POST", "/api/mentoring/mentorships/" + id + "/extension", null, learner, 201)).containsEntry("status", "PENDING");
        assertThat(send("POST", "/api/mentoring/mentorships/" + id + "/extension/decision", "{\"approve\":true}", learner).statusCode()).isEqualTo(403);
        assertThat((List<Map<String, Object>>) api("GET", "/api/mentoring/extensions", null, reviewer, 200).get("extensions"))
                .extracting(e -> e.get("mentorshipId")).contains(id);
        assertThat(api("POST", "/api/mentoring/mentorships/" + id + "/extension/decision", "{\"approve\":true}", reviewer, 200))
                .containsEntry("quota", 24);
        // now a free slot: in a week with room, or in the 4 weeks the extension added
        String free = null;
        for (int week = 0; week < 14 && free == null; week++) {
            Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + id + "/slots?week=" + monday.plusWeeks(week), null, learner, 200);
            free = ((List<Map<String, Object>>) slots.get("slots")).stream().filter(s -> Boolean.TRUE.equals(s.get("free")))
                    .map(s -> (String) s.get("start")).findFirst().orElse(null);
        }
        assertThat(api("POST", "/api/mentoring/mentorships/" + id + "/sessions", "{\"start\":\"" + free + "\"}", learner, 201))
                .containsEntry("status", "BOOKED");

        // the mentor sees the mentee and the sessions; the learner cannot use the mentor's routes
        Map<String, Object> desk = api("GET", "/api/mentoring/mentees", null, mentor, 200);
        assertThat((List<Map<String, Object>>) desk.get("mentees")).extracting(m -> m.get("mentorshipId")).contains(id);
        assertThat(send("GET", "/api/mentoring/mentees", null, learner).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/mentoring/me", null, null).statusCode()).isEqualTo(401);

        // the mentoring function's log of the whole journey holds no personal data: no names, e-mails,
        // goals or account ids (docs/quality.md)
        String log = functionLog("MentoringFunction");
        assertThat(log).contains("session booked").contains("mentor confirmed");
        assertThat(log).doesNotContain("이도현").doesNotContain("이서연").doesNotContain("대학 입시를 준비")
                .doesNotContain("@example.org").doesNotContain("@seoul-learn.local").doesNotContain(menteeId);
    }

    /** What a function of the running local cloud wrote (its log file, see infra/up). */
    private static String functionLog(String logicalId) {
        try {
            return java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                    .resolve("cloud-" + java.net.URI.create(cloud.base()).getPort()).resolve(logicalId + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

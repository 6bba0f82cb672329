package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.LocalMailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminders through the running local cloud, with the schedule fired as if at a later time
 * ({@code POST /_local/schedules/ReminderFunction.Every15Minutes?at=…}, the injected clock): a
 * Vietnamese-speaking applicant who signs up and picks a category that needs a document gets
 * one e-mail in Vietnamese three days later, however often the schedule runs — read back from
 * the local SES (moto).
 */
class RemindersE2E {
    private static final String SCHEDULE = "/_local/schedules/ReminderFunction.Every15Minutes";
    private static LocalCloudClient cloud;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        mailbox = new LocalMailbox(URI.create(String.valueOf(cloud.state().get("awsEndpoint"))));
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return kr.seoullearn.platform.http.Json.readObject(r.body());
    }

    private static Map<String, Object> fireAt(Instant at) {
        HttpResponse<String> r = cloud.send("POST", SCHEDULE + "?at=" + at, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return kr.seoullearn.platform.http.Json.readObject(r.body());
    }

    @Test
    void aDraftStillMissingItsDocumentAfterThreeDaysGetsOneEmailInTheApplicantsLanguage() throws Exception {
        Instant signedUp = Instant.now();
        String email = "reminded-" + UUID.randomUUID() + "@example.org";
        String token = cloud.signUp(email, "seoul", "vi").idToken();
        long version = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + version + ",\"name\":\"Nguyễn Văn An\","
                + "\"birthDate\":\"2010-05-01\",\"schoolLevel\":\"MIDDLE\",\"grade\":2,\"district\":\"guro-gu\","
                + "\"preferredLanguage\":\"vi\",\"categories\":[\"MULTICULTURAL\"]}", token, 200);

        Map<String, Object> early = fireAt(signedUp.plus(Duration.ofDays(2)));
        assertThat(early).containsKey("runId");
        assertThat(mailbox.to(email)).as("two days on: not yet").isEmpty();

        Instant due = signedUp.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(15));
        fireAt(due);
        fireAt(due);
        fireAt(due.plus(Duration.ofMinutes(15)));
        var parallel = List.of(CompletableFuture.supplyAsync(() -> fireAt(due.plus(Duration.ofMinutes(30)))),
                CompletableFuture.supplyAsync(() -> fireAt(due.plus(Duration.ofMinutes(30)))));
        parallel.forEach(CompletableFuture::join);

        assertThat(mailbox.to(email)).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("no-reply@seoul-learn.example");
            assertThat(m.subject()).isEqualTo("[Seoul Learn] Chúng tôi vẫn chưa nhận được giấy tờ của bạn");
            assertThat(m.body()).contains("- Giấy chứng nhận gia đình đa văn hóa").doesNotContain("Nguyễn Văn An");
        });
        // the function's log has the runs' counts and nothing about the person
        String log = functionLog("ReminderFunction");
        assertThat(log).contains("\"message\":\"reminder run\"").contains("DOCUMENTS_MISSING");
        assertThat(log).doesNotContain(email).doesNotContain("Nguyễn Văn An");
    }

    /** What a function of the running local cloud wrote (its log file, see infra/up). */
    private static String functionLog(String logicalId) {
        try {
            return java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                    .resolve("cloud-" + URI.create(cloud.base()).getPort()).resolve(logicalId + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new learner approved at once by the records check (a test household of the local registry), in Vietnamese. */
    private static String[] newVietnameseLearner() throws Exception {
        String email = "mentee-" + UUID.randomUUID() + "@example.org";
        String token = cloud.signUp(email, "seoul", "vi").idToken();
        long v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\","
                + "\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"vi\",\"categories\":[\"LOW_INCOME\"]}",
                token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("POST", "/api/registration/records-check", "{\"version\":" + v + ",\"householdHeadName\":\"이영수\","
                + "\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200))
                .containsEntry("status", "APPROVED");
        return new String[] {email, cloud.signIn(email).idToken()};
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBookedSessionGivesTheMenteeAndTheMentorOne24HourAndOne1HourReminderEachInTheirLanguages() throws Exception {
        String[] mentee = newVietnameseLearner();
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        Map<String, Object> request = api("POST", "/api/mentoring/request", "{\"subjects\":[\"MATH\"],"
                + "\"goals\":\"Em muốn học toán tốt hơn\",\"preferredTimes\":[{\"day\":\"TUE\",\"from\":\"18:00\",\"to\":\"21:00\"}],"
                + "\"language\":\"vi\"}", mentee[1], 201);
        String menteeId = (String) request.get("menteeId");
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) api("GET",
                "/api/mentoring/requests/" + menteeId + "/proposals", null, reviewer, 200).get("proposals");
        assertThat(proposals).as("a mentor with room").isNotEmpty();
        String id = (String) api("POST", "/api/mentoring/requests/" + menteeId + "/match",
                "{\"mentorId\":\"" + proposals.get(0).get("mentorId") + "\"}", reviewer, 201).get("mentorshipId");
        java.time.LocalDate monday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        String start = null;
        for (int week = 0; week < 4 && start == null; week++) {
            Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + id + "/slots?week=" + monday.plusWeeks(week),
                    null, mentee[1], 200);
            start = ((List<Map<String, Object>>) slots.get("slots")).stream().filter(x -> Boolean.TRUE.equals(x.get("free")))
                    .map(x -> (String) x.get("start")).findFirst().orElse(null);
        }
        assertThat(start).as("a free slot in the next weeks").isNotNull();
        Map<String, Object> session = api("POST", "/api/mentoring/mentorships/" + id + "/sessions",
                "{\"start\":\"" + start + "\"}", mentee[1], 201);
        String link = (String) session.get("meetingUrl");
        Instant begins = Instant.parse(start);

        // the day before: three runs and two at once still make one e-mail each
        Instant dayBefore = begins.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(1));
        fireAt(dayBefore);
        fireAt(dayBefore);
        fireAt(dayBefore.plus(Duration.ofMinutes(15)));
        List.of(CompletableFuture.supplyAsync(() -> fireAt(dayBefore.plus(Duration.ofMinutes(30)))),
                CompletableFuture.supplyAsync(() -> fireAt(dayBefore.plus(Duration.ofMinutes(30))))).forEach(CompletableFuture::join);
        List<LocalMailbox.Mail> dayMails = mailbox.all().stream().filter(m -> m.body().contains(link)).toList();
        assertThat(dayMails).hasSize(2);
        assertThat(dayMails).filteredOn(m -> m.to().contains(mentee[0])).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("[Seoul Learn] Ngày mai có buổi cố vấn: ");
            assertThat(m.body()).contains("giờ Seoul");
        });
        assertThat(dayMails).filteredOn(m -> !m.to().contains(mentee[0])).singleElement()
                .satisfies(m -> assertThat(m.subject()).startsWith("[서울런] 내일 멘토링이 있어요: "));

        // an hour before: one more each
        Instant hourBefore = begins.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(1));
        fireAt(hourBefore);
        fireAt(hourBefore);
        List<LocalMailbox.Mail> all = mailbox.all().stream().filter(m -> m.body().contains(link)).toList();
        assertThat(all).hasSize(4);
        assertThat(all).filteredOn(m -> m.to().contains(mentee[0])).extracting(LocalMailbox.Mail::subject)
                .containsExactly(dayMails.stream().filter(m -> m.to().contains(mentee[0])).findFirst().orElseThrow().subject(),
                        "[Seoul Learn] Buổi cố vấn bắt đầu sau 1 giờ nữa");
    }

    @Test
    void theScheduleIsListedWithItsExpressionInSeoulTime() {
        HttpResponse<String> r = cloud.send("GET", "/_local/schedules", null, null, null);
        assertThat(r.body()).contains("\"name\":\"ReminderFunction.Every15Minutes\"").contains("cron(0/15 * * * ? *)")
                .contains("Asia/Seoul");
    }

    @Test
    void aBadInjectedTimeIsA400() {
        assertThat(cloud.send("POST", SCHEDULE + "?at=tomorrow", null, null, null).statusCode()).isEqualTo(400);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.local.testing.LocalTextMessages;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Event notifications through the running local cloud (docs/adr/0027): an applicant who chose
 * Vietnamese and gave an SMS number is told that the application was received and then rejected
 * (with the reason) — one e-mail and one text per event, read back from moto's SES and SNS, however
 * many dispatches run at once — and finds both in the inbox, newest first, marks one read; the
 * inbox and preferences routes refuse bad input, other roles and other people's notices.
 */
class NotificationsE2E {
    private static final String DISPATCH = "/_local/schedules/NotificationDispatchFunction.EveryMinute";
    private static LocalCloudClient cloud;
    private static LocalMailbox mailbox;
    private static LocalTextMessages texts;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        URI aws = URI.create(String.valueOf(cloud.state().get("awsEndpoint")));
        mailbox = new LocalMailbox(aws);
        texts = new LocalTextMessages(aws);
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    private static void dispatch(Instant at) {
        HttpResponse<String> r = cloud.send("POST", DISPATCH + "?at=" + at, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private static boolean isCode(LocalTextMessages.Sms sms) {
        return CODE.matcher(sms.message()).find();
    }

    /** The number proved as its owner would (ADR 43): the code read back from the text moto's SNS took, typed in. */
    private static String verifyNumber(String phone, String token) {
        String code = texts.to(phone).stream().filter(NotificationsE2E::isCode).reduce((a, b) -> b)
                .map(t -> { var m = CODE.matcher(t.message()); m.find(); return m.group(1); }).orElseThrow();
        assertThat(api("POST", "/api/me/preferences/sms-number/verification", "{\"code\":\"" + code + "\"}", token, 200))
                .containsEntry("verified", true);
        return code;
    }

    private static long version(String token) {
        return ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicantIsToldOfReceiptAndRejectionOncePerChannelInVietnamese() {
        String email = "told-" + UUID.randomUUID() + "@example.org";
        String phone = "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));
        cloud.registerPersonal(phone);
        String token = cloud.signUp(email, "seoul", "vi").idToken();
        Map<String, Object> prefs = api("GET", "/api/me/preferences", null, token, 200);
        assertThat(prefs).containsEntry("version", 0).doesNotContainKey("smsNumber");
        Map<String, Object> saved = api("PUT", "/api/me/preferences", "{\"version\":0,\"language\":\"vi\",\"smsNumber\":\"" + phone + "\"}", token, 200);
        assertThat(saved).containsEntry("smsVerified", false);
        assertThat(texts.to(phone)).singleElement().satisfies(t -> assertThat(t.message()).startsWith("[Seoul Learn] Mã của bạn là "));
        String code = verifyNumber(phone, token);
        assertThat(api("GET", "/api/me/preferences", null, token, 200)).containsEntry("smsVerified", true);

        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\","
                + "\"birthDate\":\"2005-03-08\",\"schoolLevel\":\"NOT_IN_SCHOOL\",\"district\":\"mapo-gu\",\"preferredLanguage\":\"vi\","
                + "\"categories\":[\"OUT_OF_SCHOOL\"]}", token, 200);
        api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200);
        String userId = (String) api("GET", "/api/me", null, token, 200).get("userId");
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        long v = ((Number) api("GET", "/api/review/applications/" + userId, null, reviewer, 200).get("version")).longValue();
        api("POST", "/api/review/applications/" + userId + "/decision",
                "{\"decision\":\"REJECT\",\"reason\":\"Giấy xác nhận không đọc được\",\"version\":" + v + "}", reviewer, 200);

        Instant now = Instant.now();
        List.of(CompletableFuture.runAsync(() -> dispatch(now)), CompletableFuture.runAsync(() -> dispatch(now)))
                .forEach(CompletableFuture::join);
        dispatch(now.plusSeconds(60));

        List<LocalMailbox.Mail> mails = mailbox.to(email);
        assertThat(mails).extracting(LocalMailbox.Mail::subject).containsExactlyInAnyOrder(
                "[Seoul Learn] Chúng tôi đã nhận hồ sơ của bạn", "[Seoul Learn] Hồ sơ của bạn chưa được duyệt");
        assertThat(mails).filteredOn(m -> m.subject().contains("chưa được duyệt")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Lý do: Giấy xác nhận không đọc được").contains("gửi lại"));
        assertThat(texts.to(phone)).filteredOn(t -> !isCode(t)).extracting(LocalTextMessages.Sms::message).containsExactlyInAnyOrder(
                "[Seoul Learn] Đã nhận hồ sơ của bạn. Chúng tôi sẽ báo kết quả.",
                "[Seoul Learn] Hồ sơ chưa được duyệt. Xem lý do và việc cần làm trong ứng dụng.");

        Map<String, Object> inbox = api("GET", "/api/me/notifications", null, token, 200);
        List<Map<String, Object>> notices = (List<Map<String, Object>>) inbox.get("notifications");
        assertThat(notices).extracting(n -> n.get("kind")).containsExactly("application-rejected", "application-received");
        assertThat(inbox).containsEntry("unread", 2);
        assertThat(notices.get(0).get("title")).isEqualTo("[Seoul Learn] Hồ sơ của bạn chưa được duyệt");
        String id = (String) notices.get(0).get("id");
        assertThat(api("POST", "/api/me/notifications/" + id + "/read", null, token, 200)).containsEntry("read", true);
        assertThat(api("GET", "/api/me/notifications?limit=1", null, token, 200)).containsEntry("unread", 1)
                .satisfies(p -> assertThat(p.get("next")).isNotNull());

        // another person cannot read or mark it: it is not in their inbox
        String learner = cloud.signIn("learner@seoul-learn.local").idToken();
        assertThat(send("POST", "/api/me/notifications/" + id + "/read", null, learner).statusCode()).isEqualTo(404);
        assertThat(String.valueOf(api("GET", "/api/me/notifications", null, learner, 200))).doesNotContain(id);
        // staff get no notices
        assertThat(send("GET", "/api/me/notifications", null, reviewer).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/me/preferences", "{\"version\":1}", reviewer).statusCode()).isEqualTo(403);

        // the function's log has counts, never the address or the number
        String log = functionLog("NotificationDispatchFunction");
        assertThat(log).contains("\"message\":\"notification dispatch\"");
        assertThat(log).doesNotContain(email).doesNotContain(phone).doesNotContain(phone.substring(3));
        String api = functionLog("NotificationsFunction");
        assertThat(api).contains("\"message\":\"sms code sent\"");
        assertThat(api).doesNotContain(phone).doesNotContain(phone.substring(3)).doesNotContain("là " + code).doesNotContain("\"" + code + "\"");
    }

    @Test
    void badInputIsRefusedWithAProblemInTheCallersLanguageAndNothingSaved() {
        String token = cloud.signUp("prefs-" + UUID.randomUUID() + "@example.org", "seoul", "en").idToken();
        HttpResponse<String> number = send("PUT", "/api/me/preferences", "{\"version\":0,\"smsNumber\":\"010-1234-5678\"}", token);
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(number.body()).contains("\"code\":\"validation-failed\"").contains("invalid-phone-number");
        assertThat(send("PUT", "/api/me/preferences", "{\"version\":0,\"channels\":{\"session-booked\":[\"fax\"]}}", token).body())
                .contains("unknown-channel");
        assertThat(send("PUT", "/api/me/preferences", "{\"version\":0,\"evil\":true}", token).body()).contains("unknown-field");
        assertThat(send("PUT", "/api/me/preferences", "[1,2]", token).statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/me/preferences", "{\"version\":", token).statusCode()).isEqualTo(400);
        assertThat(api("GET", "/api/me/preferences", null, token, 200)).containsEntry("version", 0);
        api("PUT", "/api/me/preferences", "{\"version\":0,\"quietHours\":true}", token, 200);
        assertThat(send("PUT", "/api/me/preferences", "{\"version\":0,\"quietHours\":false}", token).statusCode()).isEqualTo(409);
        for (String query : List.of("limit=0", "limit=51", "limit=abc", "after=../../x", "after=20261207T000000000Z-zz")) {
            HttpResponse<String> r = send("GET", "/api/me/notifications?" + query, null, token);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.body()).contains("validation-failed");
        }
        assertThat(send("POST", "/api/me/notifications/not-an-id/read", null, token).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/me/notifications", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theDispatchRunsEveryMinute() {
        assertThat(cloud.send("GET", "/_local/schedules", null, null, null).body())
                .contains("\"name\":\"NotificationDispatchFunction.EveryMinute\"").contains("rate(1 minute)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLaptopReadyIsToldOncePerChannelAndAnOverdueOneOnceWhateverTheDailyStepRepeats() {
        String email = "laptop-told-" + UUID.randomUUID() + "@example.org";
        String phone = "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));
        cloud.registerPersonal(phone);
        String token = cloud.signUp(email, "seoul", "vi").idToken();
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\","
                + "\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"nowon-gu\",\"preferredLanguage\":\"vi\","
                + "\"categories\":[\"LOW_INCOME\"]}", token, 200);
        api("POST", "/api/registration/records-check", "{\"version\":" + version(token)
                + ",\"householdHeadName\":\"이영수\",\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200))
                .containsEntry("status", "APPROVED");
        String learner = cloud.signIn(email).idToken(); // now in the learners group
        api("PUT", "/api/me/preferences", "{\"version\":0,\"smsNumber\":\"" + phone + "\"}", learner, 200);
        verifyNumber(phone, learner);
        String officer = cloud.signIn("officer@seoul-learn.local").idToken();

        Map<String, Object> r = api("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner, 201);
        assertThat(r).as("a unit in stock in Nowon-gu").containsEntry("status", "APPROVED");
        String id = (String) r.get("requestId");
        String serial = null;
        try {
            api("POST", "/api/laptops/requests/" + id + "/status", "{\"status\":\"READY_FOR_PICKUP\",\"version\":1}", officer, 200);
            Instant now = Instant.now();
            List.of(CompletableFuture.runAsync(() -> dispatch(now)), CompletableFuture.runAsync(() -> dispatch(now)))
                    .forEach(CompletableFuture::join);
            // the learner is 17: a text at night (Seoul) waits until 08:00, so the run of that morning is made too
            var seoul = now.atZone(java.time.ZoneId.of("Asia/Seoul"));
            boolean night = seoul.getHour() >= 21 || seoul.getHour() < 8;
            dispatch(night ? (seoul.getHour() < 8 ? seoul.toLocalDate() : seoul.toLocalDate().plusDays(1)).atTime(8, 0)
                    .atZone(seoul.getZone()).toInstant() : now.plusSeconds(60));
            // the reminders run has nothing of its own to say about it (it used to send a second e-mail)
            assertThat(cloud.send("POST", "/_local/schedules/ReminderFunction.Every15Minutes?at=" + now.plusSeconds(60), null, null, null)
                    .statusCode()).isEqualTo(200);
            // (the approval is told too, by its own notice: only the laptop's messages are counted here)
            assertThat(laptopMails(email)).containsExactly("[Seoul Learn] Máy tính xách tay đã sẵn sàng");
            assertThat(texts.to(phone)).extracting(LocalTextMessages.Sms::message).filteredOn(m -> m.contains("Máy tính"))
                    .containsExactly("[Seoul Learn] Máy tính đã sẵn sàng. Xem nơi nhận trong ứng dụng.");

            var units = (List<Map<String, Object>>) api("GET", "/api/laptops/districts/nowon-gu/units", null, officer, 200).get("units");
            serial = (String) units.stream().filter(u -> "AVAILABLE".equals(u.get("status"))).findFirst().orElseThrow().get("serial");
            Map<String, Object> loaned = api("POST", "/api/laptops/requests/" + id + "/status",
                    "{\"status\":\"LOANED\",\"version\":2,\"serial\":\"" + serial + "\"}", officer, 200);
            java.time.LocalDate dueOn = java.time.LocalDate.parse((String) loaned.get("dueOn"));

            // the day after the return date, 09:00 Seoul: the daily step, three times at once and again
            Instant dayAfter = dueOn.plusDays(1).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
            String daily = "/_local/schedules/NotificationDispatchFunction.DailyNotices?at=";
            List.of(CompletableFuture.runAsync(() -> fire(daily + dayAfter)), CompletableFuture.runAsync(() -> fire(daily + dayAfter)),
                    CompletableFuture.runAsync(() -> fire(daily + dayAfter))).forEach(CompletableFuture::join);
            fire(daily + dayAfter.plusSeconds(3600));
            dispatch(dayAfter.plusSeconds(3700));
            dispatch(dayAfter.plusSeconds(3760));
            assertThat(laptopMails(email))
                    .containsExactlyInAnyOrder("[Seoul Learn] Máy tính xách tay đã sẵn sàng", "[Seoul Learn] Vui lòng trả máy tính");
            assertThat(texts.to(phone)).filteredOn(t -> t.message().startsWith("[Seoul Learn] Đã quá hạn trả máy tính")).hasSize(1);
            List<Map<String, Object>> inbox = (List<Map<String, Object>>) api("GET", "/api/me/notifications", null, learner, 200)
                    .get("notifications");
            assertThat(inbox).extracting(n -> n.get("kind")).containsExactly("laptop-overdue", "laptop-ready", "application-approved");
        } finally {
            // the unit goes back to the district for the other tests
            Map<String, Object> now = api("GET", "/api/laptops/requests/" + id, null, officer, 200);
            if ("LOANED".equals(now.get("status"))) {
                api("POST", "/api/laptops/requests/" + id + "/status", "{\"status\":\"RETURNED\",\"version\":" + now.get("version")
                        + ",\"serial\":\"" + now.get("serial") + "\"}", officer, 200);
            } else if (!"RETURNED".equals(now.get("status"))) {
                cloud.send("POST", "/api/laptops/requests/" + id + "/status", "{\"status\":\"CANCELLED\",\"version\":"
                        + now.get("version") + "}", "application/json", learner);
            }
        }
    }

    private static List<String> laptopMails(String email) {
        return mailbox.to(email).stream().map(LocalMailbox.Mail::subject).filter(s -> s.contains("máy tính") || s.contains("Máy tính"))
                .toList();
    }

    private static void fire(String path) {
        HttpResponse<String> r = cloud.send("POST", path, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String functionLog(String logicalId) {
        try {
            return java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                    .resolve("cloud-" + URI.create(cloud.base()).getPort()).resolve(logicalId + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

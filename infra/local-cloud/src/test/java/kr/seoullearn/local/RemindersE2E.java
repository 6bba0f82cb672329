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

    private static Map<String, Object> fireAt(Instant at) {
        HttpResponse<String> r = cloud.send("POST", SCHEDULE + "?at=" + at, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return kr.seoullearn.shared.http.Json.readObject(r.body());
    }

    @Test
    void aDraftStillMissingItsDocumentAfterThreeDaysGetsOneEmailInTheApplicantsLanguage() throws Exception {
        Instant signedUp = Instant.now();
        String email = "reminded-" + UUID.randomUUID() + "@example.org";
        String token = cloud.signUp(email, "seoul", "vi").idToken();
        long version = ((Number) RegistrationE2E.api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        RegistrationE2E.api("PUT", "/api/registration", "{\"version\":" + version + ",\"name\":\"Nguyễn Văn An\","
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

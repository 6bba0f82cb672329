package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.EmulatorFaults;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One bad reminder never stops the run, through the running local cloud (docs/adr/0023): beside a
 * due item that is not a reminder and an applicant whose address lookup Cognito throttles (the
 * emulator answers TooManyRequestsException to every try), another applicant still gets their one
 * e-mail; the run's answer and log line report what was retried and quarantined; after the last
 * try the throttled reminder is a dead letter an operator can list (docs/runbook.md), and no run
 * sends it.
 */
class ReminderRunIsolationE2E {
    private static final String REMINDERS = "/_local/schedules/ReminderFunction.Every15Minutes";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static LocalCloudClient cloud;
    private static LocalMailbox mailbox;
    private static EmulatorFaults faults;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        URI aws = URI.create(String.valueOf(cloud.state().get("awsEndpoint")));
        mailbox = new LocalMailbox(aws);
        faults = new EmulatorFaults(aws);
    }

    @AfterAll
    static void clearFaults() {
        if (faults != null) {
            faults.clear();
        }
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    private static Map<String, Object> fireAt(Instant at) {
        HttpResponse<String> r = cloud.send("POST", REMINDERS + "?at=" + at, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.readObject(r.body());
    }

    /** An applicant whose draft asks for a document: a DOCUMENTS_MISSING reminder is due 3 days on. Returns {e-mail, sub}. */
    private static String[] applicantMissingADocument() {
        String email = "isolated-" + UUID.randomUUID() + "@example.org";
        cloud.registerPersonal(email);
        String token = cloud.signUp(email, "seoul", "en").idToken();
        long version = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + version + ",\"name\":\"Kim Minji\",\"birthDate\":\"2010-05-01\","
                + "\"schoolLevel\":\"MIDDLE\",\"grade\":2,\"district\":\"guro-gu\",\"preferredLanguage\":\"en\","
                + "\"categories\":[\"MULTICULTURAL\"]}", token, 200);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new String[] {email, (String) Json.readObject(payload).get("sub")};
    }

    private static long number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    void aPoisonedItemAndAThrottledCognitoStillLetEveryOtherReminderGoAndAreReported() throws Exception {
        Instant start = Instant.now();
        String[] fine = applicantMissingADocument();
        String[] throttled = applicantMissingADocument();
        Instant due = start.plus(Duration.ofDays(3));
        LocalAws aws = LocalAws.fromEnvironment();
        String table = String.valueOf(((Map<?, ?>) cloud.state().get("tables")).values().iterator().next());
        String poison = SECOND.format(due) + "#GARBAGE#" + UUID.randomUUID();
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS("T#seoul#DUE#" + HOUR.format(due)),
                    "SK", AttributeValue.fromS(poison), "type", AttributeValue.fromS("DUE_REMINDER"),
                    "dueAt", AttributeValue.fromS("not a time"))));
        }
        for (String name : throttled) {
            faults.throttle("AWSCognitoIdentityProviderService.AdminGetUser", name, 100_000);
        }

        Instant at = due.plus(Duration.ofMinutes(30));
        Map<String, Object> run = fireAt(at);
        assertThat(mailbox.to(fine[0])).as("the other applicant's reminder went out").hasSize(1);
        assertThat(mailbox.to(throttled[0])).isEmpty();
        assertThat(number(run, "retried")).isGreaterThanOrEqualTo(1);
        assertThat(number(run, "unreadable")).isGreaterThanOrEqualTo(1);
        assertThat(number(run, "quarantined")).isGreaterThanOrEqualTo(1);
        assertThat(number(run, "tenantsFailed")).isZero();

        long quarantined = 0;
        for (int i = 1; i < 5; i++) {
            quarantined += number(fireAt(at.plus(Duration.ofMinutes(15L * i))), "quarantined");
        }
        assertThat(quarantined).as("given up after the fifth try").isGreaterThanOrEqualTo(1);
        faults.clear();
        fireAt(at.plus(Duration.ofMinutes(90)));
        assertThat(mailbox.to(throttled[0])).as("a quarantined reminder is never sent").isEmpty();
        assertThat(mailbox.to(fine[0])).hasSize(1);

        // the operator's list (docs/runbook.md): one Query of the tenant's dead letters
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            List<Map<String, AttributeValue>> dead = dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#seoul#DEADLETTER")))).items();
            assertThat(dead).filteredOn(d -> d.containsKey("recipientId") && d.get("recipientId").s().equals(throttled[1])).singleElement().satisfies(d -> {
                assertThat(d.get("kind").s()).isEqualTo("DOCUMENTS_MISSING");
                assertThat(d.get("failure").s()).isEqualTo("TooManyRequestsException");
                assertThat(d.get("attempts").n()).isEqualTo("5");
            });
            assertThat(dead).anySatisfy(d -> assertThat(d.get("subject").s()).isEqualTo(poison));
        }
        String log = java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                .resolve("cloud-" + URI.create(cloud.base()).getPort()).resolve("ReminderFunction.log"));
        assertThat(log).contains("\"message\":\"reminder run\"").contains("\"quarantined\":").contains("\"retried\":")
                .doesNotContain(throttled[0]).doesNotContain(fine[0]);
    }
}

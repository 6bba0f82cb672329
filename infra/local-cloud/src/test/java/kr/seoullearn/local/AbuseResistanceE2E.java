package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Registration as an attacker would use it, through the running local cloud (docs/adr/0021):
 * guessing households at the records check, claiming a child another account was approved for,
 * filling a first-come quota with junk, and bytes that are not UTF-8.
 */
class AbuseResistanceE2E {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        RegistrationE2E.findTheCloud();
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) throws Exception {
        return RegistrationE2E.api(method, path, body, token, expected);
    }

    private static long version(String token) throws Exception {
        return ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
    }

    private static String profile(String token, String name) throws Exception {
        api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"" + name + "\",\"birthDate\":\"2009-11-02\","
                + "\"schoolLevel\":\"HIGH\",\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"ko\",\"categories\":[\"LOW_INCOME\"]}",
                token, 200);
        return token;
    }

    private static HttpResponse<String> check(String token, String headName) throws Exception {
        return cloud.send("POST", "/api/registration/records-check", "{\"version\":" + version(token)
                + ",\"householdHeadName\":\"" + headName + "\",\"householdHeadBirthDate\":\"1975-07-21\"}", "application/json", token);
    }

    @Test
    void theSixthRecordsCheckOfADayIsRefusedWithTheTimeToTryAgainForTheAccountAndForTheChild() throws Exception {
        String child = RegistrationE2E.uniqueDohyun();
        String token = profile(RegistrationE2E.signUp("guess-" + UUID.randomUUID() + "@example.org", "seoul", "ko"), child);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = check(token, "김철수" + (char) ('가' + i)); // five wrong households
            assertThat(guess.statusCode()).as(guess.body()).isEqualTo(200);
            assertThat(guess.body()).contains("NOT_FOUND");
        }
        long before = version(token);

        HttpResponse<String> sixth = check(token, "이영수"); // even the right household, today
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("content-type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(sixth.headers().firstValue("retry-after").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 24L * 3600);
        Map<String, Object> problem = Json.readObject(sixth.body());
        assertThat(problem).containsEntry("code", "records-check-limit-reached").containsEntry("limit", 5);
        assertThat(((Number) problem.get("retryAfterSeconds")).longValue()).isEqualTo(retryAfter);
        // the time to try again is the next midnight in Seoul
        assertThat(java.time.Instant.parse((String) problem.get("retryAt")).atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalTime())
                .isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(version(token)).isEqualTo(before);

        // a fresh account naming the same child is refused too: the limit is also per claimed identity
        String other = profile(RegistrationE2E.signUp("guess-" + UUID.randomUUID() + "@example.org", "seoul", "ko"), child);
        HttpResponse<String> again = check(other, "이영수");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.body()).contains("records-check-limit-reached");
    }

    @Test
    void aSecondAccountClaimingAnApprovedChildIsSentToReviewWithANoteNotApproved() throws Exception {
        String child = RegistrationE2E.uniqueDohyun();
        String first = profile(RegistrationE2E.signUp("claim-" + UUID.randomUUID() + "@example.org", "seoul", "ko"), child);
        assertThat(check(first, "이영수").body()).contains("VERIFIED").doesNotContain("verifiedCategories");
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + version(first) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", first, 200))
                .containsEntry("status", "APPROVED");

        String email = "claim-" + UUID.randomUUID() + "@example.org";
        String second = profile(RegistrationE2E.signUp(email, "seoul", "ko"), child);
        assertThat(check(second, "이영수").body()).contains("VERIFIED");
        Map<String, Object> submitted = api("POST", "/api/registration/submit", "{\"version\":" + version(second) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", second, 200);
        assertThat(submitted).containsEntry("status", "SUBMITTED");
        assertThat(String.valueOf(api("GET", "/api/me", null, RegistrationE2E.signIn(email), 200).get("groups"))).isEqualTo("[applicants]");

        String reviewer = RegistrationE2E.signIn("reviewer@seoul-learn.local");
        String secondId = String.valueOf(api("GET", "/api/me", null, second, 200).get("userId"));
        Map<String, Object> seen = api("GET", "/api/review/applications/" + secondId, null, reviewer, 200);
        assertThat(String.valueOf(seen.get("recordsCheck"))).contains("identity-already-approved");
        // the reviewer decides; here the second claim is turned down, which leaves the queue as it was
        api("POST", "/api/review/applications/" + secondId + "/decision", "{\"decision\":\"REJECT\",\"reason\":\"duplicate claim\","
                + "\"version\":" + ((Number) seen.get("version")).longValue() + "}", reviewer, 200);
    }

    @Test
    void fiftyParallelJunkSubmissionsAgainstTenPlacesThenTheirRejectionLeaveAllTenPlacesFree() throws Exception {
        // Chungbuk's pilot is the seeded programme with a quota; this test leaves it with exactly 10
        // free places for its run (raising the count of admitted by what it adds, and taking it off again).
        Map<String, Object> programme = api("GET", "/api/programmes/chungbuk/current", null, null, 200);
        Map<String, AttributeValue> key = Map.of(Keys.PK, AttributeValue.fromS(Keys.tenant(new TenantId("chungbuk"), "PROGRAMME")),
                Keys.SK, AttributeValue.fromS("FROM#" + programme.get("effectiveFrom") + "#" + programme.get("id")));
        String table = String.valueOf(((Map<?, ?>) cloud.state().get("tables")).get("AppTable"));
        LocalAws aws = new LocalAws(URI.create(String.valueOf(cloud.state().get("awsEndpoint"))), String.valueOf(cloud.state().get("region")));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String token = RegistrationE2E.signUp("junk-" + i + "-" + UUID.randomUUID() + "@example.org", "chungbuk", "vi");
            api("PUT", "/api/registration", "{\"version\":" + version(token) + ",\"name\":\"Junk Applicant\",\"birthDate\":\"2012-01-01\","
                    + "\"schoolLevel\":\"MIDDLE\",\"grade\":1,\"district\":\"cheongju-si\",\"preferredLanguage\":\"vi\","
                    + "\"categories\":[\"MULTICULTURAL\"]}", token, 200);
            tokens.add(token);
        }
        String reviewer = RegistrationE2E.signIn("reviewer@chungbuk.seoul-learn.local");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try (DynamoDbClient dynamo = aws.dynamoDb()) {
            long quota = Long.parseLong(dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item().get("quota").n());
            long pad = pin(dynamo, table, key, quota - 10);
            try {
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (String token : tokens) {
                    sent.add(pool.submit(() -> cloud.send("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}",
                            "application/json", token)));
                }
                List<String> admitted = new ArrayList<>();
                int full = 0;
                for (int i = 0; i < sent.size(); i++) {
                    HttpResponse<String> r = sent.get(i).get();
                    if (r.statusCode() == 200) {
                        admitted.add(tokens.get(i));
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                        assertThat(r.body()).contains("programme-full");
                        full++;
                    }
                }
                assertThat(admitted).hasSize(10);
                assertThat(full).isEqualTo(40);
                assertThat(free(dynamo, table, key)).isZero();

                List<Future<Map<String, Object>>> rejected = new ArrayList<>();
                for (String token : admitted) {
                    String userId = String.valueOf(api("GET", "/api/me", null, token, 200).get("userId"));
                    rejected.add(pool.submit(() -> {
                        Map<String, Object> seen = api("GET", "/api/review/applications/" + userId, null, reviewer, 200);
                        return api("POST", "/api/review/applications/" + userId + "/decision", "{\"decision\":\"REJECT\","
                                + "\"reason\":\"not a real application\",\"version\":" + ((Number) seen.get("version")).longValue() + "}",
                                reviewer, 200);
                    }));
                }
                for (Future<Map<String, Object>> f : rejected) {
                    assertThat(f.get()).containsEntry("status", "REJECTED");
                }
                assertThat(free(dynamo, table, key)).isEqualTo(10);

                // and they are real places: ten of the refused now get in, the eleventh does not
                List<Future<HttpResponse<String>>> retried = new ArrayList<>();
                List<String> refused = tokens.stream().filter(t -> !admitted.contains(t)).limit(11).toList();
                for (String token : refused) {
                    retried.add(pool.submit(() -> cloud.send("POST", "/api/registration/submit", "{\"version\":" + version(token) + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}",
                            "application/json", token)));
                }
                List<String> second = new ArrayList<>();
                for (int i = 0; i < retried.size(); i++) {
                    if (retried.get(i).get().statusCode() == 200) {
                        second.add(refused.get(i));
                    }
                }
                assertThat(second).hasSize(10);
                for (String token : second) {
                    String userId = String.valueOf(api("GET", "/api/me", null, token, 200).get("userId"));
                    Map<String, Object> seen = api("GET", "/api/review/applications/" + userId, null, reviewer, 200);
                    api("POST", "/api/review/applications/" + userId + "/decision", "{\"decision\":\"REJECT\",\"reason\":\"not real\","
                            + "\"version\":" + ((Number) seen.get("version")).longValue() + "}", reviewer, 200);
                }
                assertThat(free(dynamo, table, key)).isEqualTo(10);
            } finally {
                dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("SET admitted = admitted - :pad")
                        .expressionAttributeValues(Map.of(":pad", AttributeValue.fromN(Long.toString(pad)))));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Raises the count of admitted to {@code target}; answers by how much, to be taken off again. */
    private static long pin(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, long target) {
        long admitted = Long.parseLong(dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item().get("admitted").n());
        long pad = target - admitted;
        assertThat(pad).as("the pilot has at least 10 free places").isNotNegative();
        dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("SET admitted = admitted + :pad")
                .conditionExpression("admitted = :was")
                .expressionAttributeValues(Map.of(":pad", AttributeValue.fromN(Long.toString(pad)),
                        ":was", AttributeValue.fromN(Long.toString(admitted)))));
        return pad;
    }

    private static long free(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return Long.parseLong(item.get("quota").n()) - Long.parseLong(item.get("admitted").n());
    }

    @Test
    void aBodyOfBytesThatAreNotUtf8IsRefusedWith400NamingTheBodyAndNothingIsWritten() throws Exception {
        String token = RegistrationE2E.signUp("bytes-" + UUID.randomUUID() + "@example.org", "seoul", "en");
        long before = version(token);
        byte[] prefix = ("{\"version\":" + before + ",\"name\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : new byte[][] {{(byte) 0xC3, '('}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            byte[] body = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
            for (String contentType : List.of("application/json", "application/octet-stream")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.base() + "/api/registration"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("content-type", contentType)
                        .header("authorization", "Bearer " + token).header("accept-language", "en").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(contentType + ": " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
                assertThat(r.body()).contains("\"code\":\"body-not-utf8\"").contains("request body");
            }
        }
        assertThat(version(token)).isEqualTo(before);
        // a name with a right-to-left override is refused too, and nothing is stored
        HttpResponse<String> bidi = cloud.send("PUT", "/api/registration", "{\"version\":" + before + ",\"name\":\"김\u202E지민\"}",
                "application/json", token);
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(bidi.body()).contains("\"field\":\"name\"").contains("invalid-value");
        assertThat(version(token)).isEqualTo(before);
    }
}

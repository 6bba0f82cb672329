package kr.seoullearn.functions.me;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** GET /api/me against the template's table on the local AWS endpoint, calls counted. */
class MeHandlerIT {
    private static TestStack stack;
    private static final CallCounter calls = new CallCounter();
    private static DynamoDbClient dynamo;
    private static MeHandler handler;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("me");
        dynamo = stack.dynamoDb(calls);
        ProfileRepository profiles = RegistrationStorage.profiles(dynamo, stack.table());
        profiles.createIfAbsent(new Profile(TenantId.SEOUL, "learner-1", "learner-1@example.org", RegistrationStatus.APPROVED, "김민준",
                Language.KO, Instant.parse("2026-03-01T00:00:00Z"), 1));
        profiles.createIfAbsent(new Profile(new TenantId("chungbuk"), "learner-2", "learner-2@example.org", RegistrationStatus.DRAFT, "Nguyễn Thị Lan",
                Language.VI, Instant.parse("2026-03-02T00:00:00Z"), 1));
        handler = new MeHandler(profiles, RegistrationStorage.accounts(dynamo, stack.table()),
                new kr.seoullearn.platform.tenant.DynamoTenantDirectory(dynamo, stack.table()),
                new kr.seoullearn.platform.cognito.CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), stack.stack().userPoolId(),
                java.time.Clock.systemUTC());
    }

    @BeforeEach
    void resetCounter() {
        calls.reset();
    }

    @Test
    void readsTheCallersProfileWithOneGetItem() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Events.http("GET /api/me", Events.claims("learner-1", "seoul", "learners"), null, "ko"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"displayName\":\"김민준\"").contains("\"registrationStatus\":\"APPROVED\"")
                .contains("\"groups\":[\"learners\"]");
        assertThat(calls.snapshot()).containsExactly(java.util.Map.entry("GetItem", 1));
    }

    @Test
    void anotherTenantsProfileIsInvisibleEvenWithTheSameUserId() {
        // learner-2 exists in chungbuk; a token claiming seoul for the same sub must not reach it
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Events.http("GET /api/me", Events.claims("learner-2", "seoul", "applicants"), null, "en"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("NOT_REGISTERED").doesNotContain("Nguyễn");
        assertThat(calls.count("Scan")).isZero();
    }

    @Test
    void eachCallerSeesOnlyTheirOwnRecord() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Events.http("GET /api/me", Events.claims("learner-2", "chungbuk", "applicants"), null, "vi"), null);
        assertThat(response.getBody()).contains("\"userId\":\"learner-2\"").contains("\"tenant\":\"chungbuk\"")
                .contains("\"registrationStatus\":\"DRAFT\"").doesNotContain("김민준");
    }

    @Test
    void listsTheTenantItemsWithTheirNamesAndDistrictsInOneQueryAndKeepsThemFiveMinutes() {
        // GIVEN two partner areas as data (one named only in Korean and English) and an item whose id is no tenant id
        var pk = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TENANT");
        java.util.function.BiFunction<String, java.util.Map<String, String>, java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> item =
                (id, attrs) -> {
                    var map = new java.util.HashMap<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>();
                    map.put("PK", pk);
                    map.put("SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id));
                    attrs.forEach((k, v) -> map.put(k, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v)));
                    return map;
                };
        var gangwon = item.apply("gangwon", java.util.Map.of("nameKo", "강원특별자치도", "nameEn", "Gangwon State", "nameVi", "Tỉnh Gangwon",
                "nameZh", "江原特别自治道"));
        gangwon.put("districts", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(java.util.List.of(
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("chuncheon-si"),
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("wonju-si"))));
        dynamo.putItem(r -> r.tableName(stack.table()).item(gangwon));
        dynamo.putItem(r -> r.tableName(stack.table()).item(item.apply("jeju", java.util.Map.of("nameKo", "제주특별자치도", "nameEn", "Jeju"))));
        dynamo.putItem(r -> r.tableName(stack.table()).item(item.apply("Bad#Id", java.util.Map.of("nameKo", "x", "nameEn", "x"))));
        var clock = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2027-01-01T00:00:00Z"));
        MeHandler tenants = new MeHandler(RegistrationStorage.profiles(dynamo, stack.table()), RegistrationStorage.accounts(dynamo, stack.table()),
                new kr.seoullearn.platform.tenant.DynamoTenantDirectory(dynamo, stack.table()),
                new kr.seoullearn.platform.cognito.CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), stack.stack().userPoolId(),
                new java.time.Clock() {
                    @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
                    @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
                    @Override public Instant instant() { return clock.get(); }
                });
        calls.reset();

        // WHEN anyone (no token) asks
        APIGatewayV2HTTPResponse first = tenants.handleRequest(Events.http("GET /api/tenants", null, null, "vi"), null);

        // THEN both areas, with four names (English where one is missing) and their districts; the malformed id is left out
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getBody()).contains("{\"tenant\":\"gangwon\",\"name\":{\"ko\":\"강원특별자치도\",\"en\":\"Gangwon State\","
                        + "\"vi\":\"Tỉnh Gangwon\",\"zh\":\"江原特别自治道\"},\"districts\":[\"chuncheon-si\",\"wonju-si\"]}")
                .contains("{\"tenant\":\"jeju\",\"name\":{\"ko\":\"제주특별자치도\",\"en\":\"Jeju\",\"vi\":\"Jeju\",\"zh\":\"Jeju\"},\"districts\":[]}")
                .doesNotContain("Bad#Id");
        assertThat(calls.snapshot()).containsExactly(java.util.Map.entry("Query", 1));

        // a new area within a minute is not read again; after a minute it is listed (ADR 39)
        dynamo.putItem(r -> r.tableName(stack.table()).item(item.apply("busan", java.util.Map.of("nameKo", "부산광역시", "nameEn", "Busan"))));
        calls.reset();
        clock.set(clock.get().plusSeconds(59));
        assertThat(tenants.handleRequest(Events.http("GET /api/tenants", null, null, "en"), null).getBody()).doesNotContain("busan");
        assertThat(calls.snapshot()).isEmpty();
        clock.set(clock.get().plusSeconds(2));
        assertThat(tenants.handleRequest(Events.http("GET /api/tenants", null, null, "en"), null).getBody()).contains("\"tenant\":\"busan\"");
        assertThat(calls.snapshot()).containsExactly(java.util.Map.entry("Query", 1));
        assertThat(calls.count("Scan")).isZero();
    }
}

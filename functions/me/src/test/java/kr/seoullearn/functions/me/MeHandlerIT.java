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
}

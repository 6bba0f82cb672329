package kr.seoullearn.platform.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.EmulatorFaults;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * Our own JSON-protocol calls against the emulator over HTTP, each answer checked with the SDK's
 * own client: Cognito (awsJson1_1), Secrets Manager (awsJson1_1) and SESv2 (REST-JSON); error
 * codes as the service names them; throttling tried again with pauses, refusals never.
 */
class AwsJsonIT {
    private static TestStack stack;
    private static SignedHttp http;
    private static FunctionEnvironment env;
    private static EmulatorFaults faults;
    private final AtomicInteger pauses = new AtomicInteger();

    @BeforeAll
    static void stack() {
        stack = TestStack.create("awsjson");
        env = new FunctionEnvironment(Map.of("AWS_ENDPOINT_URL", stack.aws().endpoint().toString(), "AWS_REGION", stack.aws().region()));
        http = new SignedHttp(UrlConnectionHttpClient.create(), LocalAws.credentials(), stack.aws().region(), Clock.systemUTC());
        faults = new EmulatorFaults(stack.aws().endpoint());
    }

    @AfterEach
    void noFaults() {
        faults.clear();
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private AwsJson cognito() {
        return AwsJson.cognito(env, http).withPause(millis -> pauses.incrementAndGet());
    }

    private String user() {
        // the pool signs people in by e-mail: the user name is the address
        String name = "u-" + UUID.randomUUID() + "@example.org";
        stack.aws().cognito().adminCreateUser(r -> r.userPoolId(stack.stack().userPoolId()).username(name)
                .userAttributes(AttributeType.builder().name("email").value(name).build())
                .messageAction("SUPPRESS"));
        return name;
    }

    @Test
    void anAnswerIsReadAndAGroupJoinedAsTheSdkSeesIt() {
        String name = user();
        AwsJson cognito = cognito();

        Map<String, Object> got = cognito.call("AdminGetUser", Map.of("UserPoolId", stack.stack().userPoolId(), "Username", name), true);
        cognito.call("AdminAddUserToGroup", Map.of("UserPoolId", stack.stack().userPoolId(), "Username", name, "GroupName", "learners"), true);

        assertThat(got.get("UserAttributes")).asList().contains(Map.of("Name", "email", "Value", name));
        assertThat(stack.aws().cognito().adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(name)).groups())
                .extracting(g -> g.groupName()).containsExactly("learners");
        assertThat(pauses).hasValue(0);
    }

    @Test
    void aRefusalCarriesTheServicesCodeAndIsNotTriedAgain() {
        assertThatThrownBy(() -> cognito().call("AdminGetUser", Map.of("UserPoolId", stack.stack().userPoolId(), "Username", "nobody-" + UUID.randomUUID()), true))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> {
                    assertThat(e.code()).isEqualTo("UserNotFoundException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.answered()).isTrue();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("nobody-");
                });
        assertThat(pauses).hasValue(0);
    }

    @Test
    void throttlingIsTriedAgainAfterAPauseAndGivesUpAfterTheThirdTry() {
        String name = user();
        faults.throttle("AWSCognitoIdentityProviderService.AdminGetUser", name, 2);
        assertThat(cognito().call("AdminGetUser", Map.of("UserPoolId", stack.stack().userPoolId(), "Username", name), true).get("UserAttributes"))
                .asList().contains(Map.of("Name", "email", "Value", name));
        assertThat(pauses).hasValue(2);

        pauses.set(0);
        faults.throttle("AWSCognitoIdentityProviderService.AdminGetUser", name, 5);
        assertThatThrownBy(() -> cognito().call("AdminGetUser", Map.of("UserPoolId", stack.stack().userPoolId(), "Username", name), true))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> assertThat(e.code()).isEqualTo("TooManyRequestsException"));
        assertThat(pauses).hasValue(AwsJson.ATTEMPTS - 1);
    }

    @Test
    void aSecretIsReadThroughSecretsManagersJsonApi() {
        String id = "s-" + UUID.randomUUID();
        stack.aws().secretsManager().createSecret(r -> r.name(id).secretString("키-key-1"));

        Map<String, Object> got = AwsJson.secretsManager(env, http).call("GetSecretValue", Map.of("SecretId", id), true);

        assertThat(got.get("SecretString")).isEqualTo("키-key-1");
        assertThatThrownBy(() -> AwsJson.secretsManager(env, http).call("GetSecretValue", Map.of("SecretId", "missing-" + id), true))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void anEmailIsSentThroughSesV2sRestApiInUtf8() {
        String from = "sender-" + UUID.randomUUID() + "@seoul-learn.local";
        stack.aws().sesV2().createEmailIdentity(r -> r.emailIdentity(from));

        Map<String, Object> sent = AwsJson.sesV2(env, http).rest(SdkHttpMethod.POST, "/v2/email/outbound-emails", Map.of(
                "FromEmailAddress", from,
                "Destination", Map.of("ToAddresses", List.of("to@example.org")),
                "Content", Map.of("Simple", Map.of("Subject", Map.of("Data", "안내", "Charset", "UTF-8"),
                        "Body", Map.of("Text", Map.of("Data", "Xin chào 你好", "Charset", "UTF-8"))))), false);

        assertThat(sent.get("MessageId")).isInstanceOf(String.class);
        assertThatThrownBy(() -> AwsJson.sesV2(env, http).rest(SdkHttpMethod.POST, "/v2/email/outbound-emails", Map.of(
                "FromEmailAddress", "unverified-" + UUID.randomUUID() + "@example.org",
                "Destination", Map.of("ToAddresses", List.of("to@example.org")),
                "Content", Map.of("Simple", Map.of("Subject", Map.of("Data", "s"), "Body", Map.of("Text", Map.of("Data", "t"))))), false))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> {
                    assertThat(e.answered()).isTrue();
                    assertThat(e.code()).isEqualTo("MessageRejected");
                });
    }
}

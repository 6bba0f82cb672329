package kr.seoullearn.functions.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The post-confirmation trigger against the template's user pool and table on the local endpoint. */
class PostConfirmationHandlerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static CognitoIdentityProviderClient cognito;
    private static PostConfirmationHandler handler;
    private static ProfileRepository profiles;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("signup");
        dynamo = stack.aws().dynamoDb();
        cognito = stack.aws().cognito();
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.TENANTS), Keys.SK, AttributeValue.fromS("seoul"),
                "nameKo", AttributeValue.fromS("서울특별시"), "nameEn", AttributeValue.fromS("Seoul"))));
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        handler = new PostConfirmationHandler(profiles, new DynamoTenantDirectory(dynamo, stack.table()),
                new CognitoGroupMembership(cognito), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String signUp(String email, String tenant) {
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                AttributeType.builder().name("email").value(email).build(),
                AttributeType.builder().name("locale").value("vi").build(),
                AttributeType.builder().name("custom:tenant").value(tenant).build()));
        return cognito.adminGetUser(r -> r.userPoolId(pool).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static CognitoUserPoolPostConfirmationEvent event(String trigger, String email, String sub, String tenant) {
        return CognitoUserPoolPostConfirmationEvent.builder()
                .withTriggerSource(trigger)
                .withUserPoolId(stack.stack().userPoolId())
                .withUserName(email)
                .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
                        .withUserAttributes(Map.of("sub", sub, "email", email, "custom:tenant", tenant, "locale", "vi"))
                        .build())
                .build();
    }

    private static java.util.List<String> groupsOf(String email) {
        return cognito.adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(email))
                .groups().stream().map(GroupType::groupName).toList();
    }

    @Test
    void aConfirmedSignUpGetsADraftProfileInItsTenantAndJoinsTheApplicants() {
        String sub = signUp("new.applicant@example.org", "seoul");
        handler.handleRequest(event("PostConfirmation_ConfirmSignUp", "new.applicant@example.org", sub, "seoul"), null);

        var profile = profiles.find(TenantId.SEOUL, sub).orElseThrow();
        assertThat(profile.status()).isEqualTo(RegistrationStatus.DRAFT);
        assertThat(profile.preferredLanguage().tag()).isEqualTo("vi");
        assertThat(profile.createdAt()).isEqualTo(NOW);
        assertThat(groupsOf("new.applicant@example.org")).containsExactly("applicants");
        // and a reminder about missing documents, due 3 days on
        var due = new java.util.ArrayList<kr.seoullearn.reminders.domain.DueReminder>();
        kr.seoullearn.reminders.dynamo.RemindersStorage.queue(dynamo, stack.table())
                .due(TenantId.SEOUL, NOW.plus(java.time.Duration.ofDays(3)), NOW.plus(java.time.Duration.ofDays(3)), due::add);
        assertThat(due).filteredOn(r -> r.recipientId().equals(sub)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(kr.seoullearn.reminders.domain.ReminderKind.DOCUMENTS_MISSING);
            assertThat(r.subject()).isEqualTo(sub + "@draft");
        });
    }

    @Test
    void aRetriedTriggerChangesNothing() {
        String sub = signUp("twice@example.org", "seoul");
        var event = event("PostConfirmation_ConfirmSignUp", "twice@example.org", sub, "seoul");
        handler.handleRequest(event, null);
        handler.handleRequest(event, null);
        assertThat(profiles.find(TenantId.SEOUL, sub)).isPresent();
        assertThat(groupsOf("twice@example.org")).containsExactly("applicants");
    }

    @Test
    void aSignUpForAnUnknownTenantFailsAndWritesNothing() {
        String sub = signUp("elsewhere@example.org", "atlantis");
        assertThatThrownBy(() -> handler.handleRequest(
                event("PostConfirmation_ConfirmSignUp", "elsewhere@example.org", sub, "atlantis"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(profiles.find(new TenantId("atlantis"), sub)).isEmpty();
        assertThat(groupsOf("elsewhere@example.org")).isEmpty();
    }

    @Test
    void aConfirmedPasswordResetCreatesNothing() {
        String sub = signUp("reset@example.org", "seoul");
        handler.handleRequest(event("PostConfirmation_ConfirmForgotPassword", "reset@example.org", sub, "seoul"), null);
        assertThat(profiles.find(TenantId.SEOUL, sub)).isEmpty();
        assertThat(groupsOf("reset@example.org")).isEmpty();
    }
}

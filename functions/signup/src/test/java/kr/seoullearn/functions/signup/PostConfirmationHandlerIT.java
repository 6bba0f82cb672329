package kr.seoullearn.functions.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.cognito.CognitoSecondFactors;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.port.Accounts;
import kr.seoullearn.registration.port.ProfileRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The post-confirmation and pre-token-generation triggers against the template's user pool and
 * table on the local endpoint: a sign-up opens an account with no tenant; the tokens carry the
 * tenant only once the account has one; staff tokens carry the second-factor claim only with TOTP on.
 */
class PostConfirmationHandlerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static CognitoIdentityProviderClient cognito;
    private static PostConfirmationHandler handler;
    private static PreTokenGenerationHandler tokens;
    private static ProfileRepository profiles;
    private static Accounts accounts;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("signup");
        dynamo = stack.aws().dynamoDb();
        cognito = stack.aws().cognito();
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.TENANTS), Keys.SK, AttributeValue.fromS("seoul"),
                "nameKo", AttributeValue.fromS("서울특별시"), "nameEn", AttributeValue.fromS("Seoul"))));
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        accounts = RegistrationStorage.accounts(dynamo, stack.table());
        handler = new PostConfirmationHandler(accounts, new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), Clock.fixed(NOW, ZoneOffset.UTC));
        tokens = new PreTokenGenerationHandler(accounts, new DynamoTenantDirectory(dynamo, stack.table()),
                new CognitoSecondFactors(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())));
    }

    private static String signUp(String email, AttributeType... extra) {
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(
                        AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("locale").value("vi").build()), java.util.Arrays.stream(extra)).toList()));
        return cognito.adminGetUser(r -> r.userPoolId(pool).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    private static CognitoUserPoolPostConfirmationEvent event(String trigger, String email, String sub) {
        return CognitoUserPoolPostConfirmationEvent.builder()
                .withTriggerSource(trigger)
                .withUserPoolId(stack.stack().userPoolId())
                .withUserName(email)
                .withRequest(CognitoUserPoolPostConfirmationEvent.Request.builder()
                        .withUserAttributes(Map.of("sub", sub, "email", email, "locale", "vi"))
                        .build())
                .build();
    }

    private static CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails issue(String email, String sub,
                                                                                     Map<String, String> attributes, String... groups) {
        var attrs = new java.util.HashMap<>(attributes);
        attrs.put("sub", sub);
        var event = CognitoUserPoolPreTokenGenerationEvent.builder()
                .withTriggerSource("TokenGeneration_HostedAuth")
                .withUserPoolId(stack.stack().userPoolId())
                .withUserName(email)
                .withRequest(CognitoUserPoolPreTokenGenerationEvent.Request.builder().withUserAttributes(attrs)
                        .withGroupConfiguration(CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration.builder()
                                .withGroupsToOverride(groups).build()).build())
                .build();
        return tokens.handleRequest(event, null).getResponse().getClaimsOverrideDetails();
    }

    private static List<String> groupsOf(String email) {
        return cognito.adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(email))
                .groups().stream().map(GroupType::groupName).toList();
    }

    @Test
    void aConfirmedSignUpOpensAnAccountWithoutATenantAndJoinsTheApplicants() {
        String sub = signUp("new.applicant@example.org");
        handler.handleRequest(event("PostConfirmation_ConfirmSignUp", "new.applicant@example.org", sub), null);

        var account = accounts.find(sub).orElseThrow();
        assertThat(account.chosenTenant()).as("no default tenant: the app asks where they live").isEmpty();
        assertThat(account.language().tag()).isEqualTo("vi");
        assertThat(account.openedAt()).isEqualTo(NOW);
        assertThat(profiles.find(TenantId.SEOUL, sub)).as("no application in any tenant yet").isEmpty();
        assertThat(groupsOf("new.applicant@example.org")).containsExactly("applicants");
    }

    @Test
    void aRetriedTriggerChangesNothing() {
        String sub = signUp("twice@example.org");
        var event = event("PostConfirmation_ConfirmSignUp", "twice@example.org", sub);
        handler.handleRequest(event, null);
        accounts.chooseTenant(sub, TenantId.SEOUL);
        handler.handleRequest(event, null);
        assertThat(accounts.find(sub).orElseThrow().chosenTenant()).as("a retry does not undo the tenant step").contains(TenantId.SEOUL);
        assertThat(groupsOf("twice@example.org")).containsExactly("applicants");
    }

    @Test
    void aConfirmedPasswordResetCreatesNothing() {
        String sub = signUp("reset@example.org");
        handler.handleRequest(event("PostConfirmation_ConfirmForgotPassword", "reset@example.org", sub), null);
        assertThat(accounts.find(sub)).isEmpty();
        assertThat(groupsOf("reset@example.org")).isEmpty();
    }

    @Test
    void theTokenCarriesTheTenantOnlyOnceTheAccountHasOne() {
        String sub = signUp("step@example.org");
        handler.handleRequest(event("PostConfirmation_ConfirmSignUp", "step@example.org", sub), null);
        // a forged attribute value in the event is not trusted: there is no such tenant
        var before = issue("step@example.org", sub, Map.of("custom:tenant", "atlantis"), "applicants");
        assertThat(before.getClaimsToAddOrOverride()).doesNotContainKey("custom:tenant");
        assertThat(before.getClaimsToSuppress()).contains("custom:tenant");

        assertThat(accounts.chooseTenant(sub, TenantId.SEOUL)).isTrue();
        var after = issue("step@example.org", sub, Map.of(), "applicants");
        assertThat(after.getClaimsToAddOrOverride()).containsEntry("custom:tenant", "seoul");
        assertThat(after.getClaimsToSuppress()).doesNotContain("custom:tenant");
        // the tenant is set once
        assertThat(accounts.chooseTenant(sub, new TenantId("chungbuk"))).isFalse();
        assertThat(accounts.chooseTenant(sub, TenantId.SEOUL)).as("the same choice again is fine").isTrue();
    }

    @Test
    void anAdministratorCreatedAccountGetsTheTenantOfItsAttributeWhenTheTenantExists() {
        String sub = signUp("staff.attr@example.org", AttributeType.builder().name("custom:tenant").value("seoul").build());
        assertThat(issue("staff.attr@example.org", sub, Map.of("custom:tenant", "seoul"), "mentors").getClaimsToAddOrOverride())
                .containsEntry("custom:tenant", "seoul");
    }

    @Test
    void aStaffTokenCarriesTheSecondFactorClaimOnlyWhenTotpIsOn() {
        String sub = signUp("reviewer.totp@example.org");
        accounts.open(kr.seoullearn.registration.domain.Account.opened(sub, "reviewer.totp@example.org", null, NOW));
        accounts.chooseTenant(sub, TenantId.SEOUL);
        var without = issue("reviewer.totp@example.org", sub, Map.of(), "reviewers");
        assertThat(without.getClaimsToAddOrOverride()).doesNotContainKey("seoullearn:mfa");

        // TOTP on, as the hosted login's set-up does it (associate, verify, preference)
        String pool = stack.stack().userPoolId();
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username("reviewer.totp@example.org").password("seoul-demo-2026").permanent(true));
        String client = stack.stack().client().clientId();
        String access = cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client)
                .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "reviewer.totp@example.org", "PASSWORD", "seoul-demo-2026")))
                .authenticationResult().accessToken();
        cognito.associateSoftwareToken(r -> r.accessToken(access));
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode("123456"));
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(pool).username("reviewer.totp@example.org")
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        var with = issue("reviewer.totp@example.org", sub, Map.of(), "reviewers");
        assertThat(with.getClaimsToAddOrOverride()).containsEntry("seoullearn:mfa", "totp").containsEntry("custom:tenant", "seoul");
        // a learner's token never asks Cognito about a second factor and never carries the claim
        assertThat(issue("reviewer.totp@example.org", sub, Map.of(), "learners").getClaimsToAddOrOverride())
                .doesNotContainKey("seoullearn:mfa");
    }
}

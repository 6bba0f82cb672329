package kr.seoullearn.local;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.shared.aws.DynamoProfileRepository;
import kr.seoullearn.shared.aws.DynamoProgrammeCatalogue;
import kr.seoullearn.shared.programme.EligibilityProgramme;
import kr.seoullearn.shared.programme.ProgrammeJson;
import kr.seoullearn.shared.aws.Keys;
import kr.seoullearn.shared.http.Language;
import kr.seoullearn.shared.profile.Profile;
import kr.seoullearn.shared.profile.RegistrationStatus;
import kr.seoullearn.shared.tenant.TenantId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seed data for the local cloud: the tenants (Seoul, the default, and Chungbuk) and one demo
 * user per role, listed in the README. Idempotent: running it again changes nothing.
 */
final class Seeder {
    /** The demo users' password (local only; documented in the README). */
    static final String DEMO_PASSWORD = "seoul-demo-2026";

    record Tenant(String id, String nameKo, String nameEn) {}

    record DemoUser(String email, String displayName, String tenant, String group, Language language) {}

    static final List<Tenant> TENANTS = List.of(
            new Tenant("seoul", "서울특별시", "Seoul Metropolitan City"),
            new Tenant("chungbuk", "충청북도", "Chungcheongbuk-do"));

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("learner@seoul-learn.local", "김민준", "seoul", "learners", Language.KO),
            new DemoUser("mentor@seoul-learn.local", "이서연", "seoul", "mentors", Language.KO),
            new DemoUser("reviewer@seoul-learn.local", "박지훈", "seoul", "reviewers", Language.KO),
            new DemoUser("officer@seoul-learn.local", "최유진", "seoul", "district-officers", Language.KO),
            new DemoUser("admin@seoul-learn.local", "정하늘", "seoul", "admins", Language.KO),
            new DemoUser("learner@chungbuk.seoul-learn.local", "Nguyễn Thị Lan", "chungbuk", "learners", Language.VI),
            new DemoUser("reviewer@chungbuk.seoul-learn.local", "한도윤", "chungbuk", "reviewers", Language.KO));

    /** Signs up through the user pool like a person would; the PostConfirmation trigger makes the DRAFT profile. */
    static final String APPLICANT = "applicant@seoul-learn.local";

    private final Stack stack;
    private final CognitoTriggers triggers;
    private final Consumer<String> progress;
    private final Clock clock;

    Seeder(Stack stack, CognitoTriggers triggers, Consumer<String> progress, Clock clock) {
        this.stack = stack;
        this.triggers = triggers;
        this.progress = progress;
        this.clock = clock;
    }

    void seed() throws IOException, InterruptedException {
        String table = stack.table("AppTable");
        String poolId = stack.userPoolId();
        try (DynamoDbClient dynamo = stack.aws().dynamoDb(); CognitoIdentityProviderClient cognito = stack.aws().cognito()) {
            for (Tenant t : TENANTS) {
                dynamo.putItem(r -> r.tableName(table).item(Map.of(
                        Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                        Keys.SK, AttributeValue.fromS(t.id()),
                        "type", AttributeValue.fromS("TENANT"),
                        "nameKo", AttributeValue.fromS(t.nameKo()),
                        "nameEn", AttributeValue.fromS(t.nameEn()))));
            }
            progress.accept("seeded tenants " + TENANTS.stream().map(Tenant::id).toList());
            DynamoProgrammeCatalogue catalogue = new DynamoProgrammeCatalogue(dynamo, table);
            List<EligibilityProgramme> programmes = programmes();
            programmes.forEach(catalogue::save);
            progress.accept("seeded programmes " + programmes.stream().map(EligibilityProgramme::id).toList());
            DynamoProfileRepository profiles = new DynamoProfileRepository(dynamo, table);
            for (DemoUser u : DEMO_USERS) {
                String sub = createUser(cognito, poolId, u);
                cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(u.email()).groupName(u.group()));
                profiles.createIfAbsent(new Profile(new TenantId(u.tenant()), sub, u.email(), RegistrationStatus.APPROVED,
                        u.displayName(), u.language(), clock.instant(), 1));
            }
            seedApplicant(cognito);
            progress.accept("seeded demo users: " + (DEMO_USERS.size() + 1) + " (password " + DEMO_PASSWORD + ")");
        }
    }

    private String createUser(CognitoIdentityProviderClient cognito, String poolId, DemoUser u) {
        try {
            cognito.adminCreateUser(r -> r.userPoolId(poolId).username(u.email()).messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(u.email()).build(),
                            AttributeType.builder().name("email_verified").value("true").build(),
                            AttributeType.builder().name("name").value(u.displayName()).build(),
                            AttributeType.builder().name("locale").value(u.language().tag()).build(),
                            AttributeType.builder().name("custom:tenant").value(u.tenant()).build()));
        } catch (UsernameExistsException e) {
            // seeded before
        }
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(u.email()).password(DEMO_PASSWORD).permanent(true));
        return sub(cognito, poolId, u.email());
    }

    private void seedApplicant(CognitoIdentityProviderClient cognito) throws IOException, InterruptedException {
        String poolId = stack.userPoolId();
        try {
            cognito.signUp(r -> r.clientId(stack.client().clientId()).username(APPLICANT).password(DEMO_PASSWORD)
                    .userAttributes(
                            AttributeType.builder().name("email").value(APPLICANT).build(),
                            AttributeType.builder().name("locale").value("ko").build(),
                            AttributeType.builder().name("custom:tenant").value("seoul").build()));
        } catch (UsernameExistsException e) {
            return; // signed up and confirmed in an earlier run
        }
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(APPLICANT));
        triggers.postConfirmation(cognito, APPLICANT);
    }

    /** The eligibility programmes of seed/programmes.json (effective-dated data, PRODUCT.md). */
    @SuppressWarnings("unchecked")
    static List<EligibilityProgramme> programmes() throws IOException {
        try (var in = Seeder.class.getResourceAsStream("/seed/programmes.json")) {
            return com.fasterxml.jackson.jr.ob.JSON.std.listFrom(in).stream()
                    .map(o -> ProgrammeJson.fromMap((Map<String, Object>) o)).toList();
        }
    }

    static String sub(CognitoIdentityProviderClient cognito, String poolId, String username) {
        return cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("user without sub"));
    }
}

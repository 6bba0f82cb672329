package kr.seoullearn.local.seed;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import kr.seoullearn.local.auth.CognitoTriggers;
import kr.seoullearn.local.auth.Totp;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.port.Accounts;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import kr.seoullearn.local.template.Stack;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
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

    /** A partner area: names in the app's four languages and its districts (GET /api/tenants lists them). */
    record Tenant(String id, String nameKo, String nameEn, String nameVi, String nameZh, List<String> districts) {}

    /** What a demo learner's approved registration says: the catalogue and the laptops go by level and district. */
    record Schooling(SchoolLevel level, Integer grade, String district, LocalDate birthDate) {}

    record DemoUser(String email, String displayName, String tenant, String group, Language language, Schooling schooling) {
        DemoUser(String email, String displayName, String tenant, String group, Language language) {
            this(email, displayName, tenant, group, language, null);
        }
    }

    static final List<Tenant> TENANTS = List.of(
            new Tenant("seoul", "서울특별시", "Seoul", "Thành phố Seoul", "首尔特别市", List.of(
                    "gangnam-gu", "gangdong-gu", "gangbuk-gu", "gangseo-gu", "gwanak-gu", "gwangjin-gu", "guro-gu",
                    "geumcheon-gu", "nowon-gu", "dobong-gu", "dongdaemun-gu", "dongjak-gu", "mapo-gu", "seodaemun-gu",
                    "seocho-gu", "seongdong-gu", "seongbuk-gu", "songpa-gu", "yangcheon-gu", "yeongdeungpo-gu",
                    "yongsan-gu", "eunpyeong-gu", "jongno-gu", "jung-gu", "jungnang-gu")),
            new Tenant("chungbuk", "충청북도", "North Chungcheong Province", "Tỉnh Chungcheong Bắc", "忠清北道", List.of(
                    "cheongju-si", "chungju-si", "jecheon-si", "boeun-gun", "okcheon-gun", "yeongdong-gun",
                    "jeungpyeong-gun", "jincheon-gun", "goesan-gun", "eumseong-gun", "danyang-gun")));

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("learner@seoul-learn.local", "김민준", "seoul", "learners", Language.KO,
                    new Schooling(SchoolLevel.MIDDLE, 2, "nowon-gu", LocalDate.of(2012, 5, 14))),
            new DemoUser("learner.elementary@seoul-learn.local", "박서아", "seoul", "learners", Language.KO,
                    new Schooling(SchoolLevel.ELEMENTARY, 4, "gangseo-gu", LocalDate.of(2016, 9, 2))),
            new DemoUser("learner.high@seoul-learn.local", "Tran Minh Anh", "seoul", "learners", Language.VI,
                    new Schooling(SchoolLevel.HIGH, 2, "guro-gu", LocalDate.of(2009, 3, 21))),
            new DemoUser("mentor@seoul-learn.local", "이서연", "seoul", "mentors", Language.KO),
            new DemoUser("reviewer@seoul-learn.local", "박지훈", "seoul", "reviewers", Language.KO),
            new DemoUser("officer@seoul-learn.local", "최유진", "seoul", "district-officers", Language.KO),
            new DemoUser("admin@seoul-learn.local", "정하늘", "seoul", "admins", Language.KO),
            new DemoUser("learner@chungbuk.seoul-learn.local", "Nguyễn Thị Lan", "chungbuk", "learners", Language.VI,
                    new Schooling(SchoolLevel.ELEMENTARY, 5, "cheongju-si", LocalDate.of(2015, 11, 30))),
            new DemoUser("reviewer@chungbuk.seoul-learn.local", "한도윤", "chungbuk", "reviewers", Language.KO));

    /** Signs up through the user pool like a person would (the PostConfirmation trigger opens the account), then chooses Seoul. */
    static final String APPLICANT = "applicant@seoul-learn.local";
    /** Signed up like the applicant but has not said where they live: no tenant, so no tenant's data. */
    static final String NEWCOMER = "newcomer@seoul-learn.local";
    /** Runs the shared catalogue (providers, courses): the catalogue-operators group, no tenant. */
    static final DemoUser CATALOGUE_OPERATOR = new DemoUser("catalogue@seoul-learn.local", "서가온", null, "catalogue-operators",
            Language.KO);
    /**
     * The TOTP key of every seeded staff user (README: add it to an authenticator app, or compute
     * the code with any TOTP tool). Local demo data only: real staff set up their own key.
     */
    static final String STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPSEOULLEARNDEMO23";
    static final java.util.Set<String> STAFF_GROUPS = java.util.Set.of("reviewers", "district-officers", "admins", "catalogue-operators");

    private final Stack stack;
    private final CognitoTriggers triggers;
    private final Totp totp;
    private final Consumer<String> progress;
    private final Clock clock;
    private Accounts accounts;

    Seeder(Stack stack, CognitoTriggers triggers, Totp totp, Consumer<String> progress, Clock clock) {
        this.stack = stack;
        this.triggers = triggers;
        this.totp = totp;
        this.progress = progress;
        this.clock = clock;
    }

    void seed() throws IOException, InterruptedException {
        String table = stack.table("AppTable");
        String poolId = stack.userPoolId();
        try (DynamoDbClient dynamo = stack.aws().dynamoDb(); CognitoIdentityProviderClient cognito = stack.aws().cognito()) {
            // the laptops' stock needs no user: written beside the rest, the officers last, after it
            DistrictSeeder districts = new DistrictSeeder(dynamo, table, clock, progress);
            ExecutorService beside = Executors.newSingleThreadExecutor();
            Future<?> stock = beside.submit(districts::seedStock);
            beside.shutdown();
            for (Tenant t : TENANTS) {
                dynamo.putItem(r -> r.tableName(table).item(Map.of(
                        Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                        Keys.SK, AttributeValue.fromS(t.id()),
                        "type", AttributeValue.fromS("TENANT"),
                        "nameKo", AttributeValue.fromS(t.nameKo()),
                        "nameEn", AttributeValue.fromS(t.nameEn()),
                        "nameVi", AttributeValue.fromS(t.nameVi()),
                        "nameZh", AttributeValue.fromS(t.nameZh()),
                        "districts", AttributeValue.fromL(t.districts().stream().map(AttributeValue::fromS).toList()))));
            }
            progress.accept("seeded tenants " + TENANTS.stream().map(Tenant::id).toList());
            ProgrammeCatalogue catalogue = RegistrationStorage.programmes(dynamo, table);
            List<EligibilityProgramme> programmes = programmes();
            programmes.forEach(catalogue::save);
            progress.accept("seeded programmes " + programmes.stream().map(EligibilityProgramme::id).toList());
            ProfileRepository profiles = RegistrationStorage.profiles(dynamo, table);
            accounts = RegistrationStorage.accounts(dynamo, table);
            demoUser(cognito, poolId, CATALOGUE_OPERATOR);
            for (DemoUser u : DEMO_USERS) {
                String sub = demoUser(cognito, poolId, u);
                profiles.createIfAbsent(new Profile(new TenantId(u.tenant()), sub, u.email(), RegistrationStatus.APPROVED,
                        u.displayName(), u.language(), clock.instant(), 1));
                if (u.schooling() != null) {
                    recordSchooling(dynamo, table, u, sub);
                }
            }
            seedApplicant(cognito, profiles);
            seedNewcomer(cognito);
            new MentorSeeder(dynamo, table, cognito, poolId, progress, clock).seed(); // mentoring
            ReminderSeeder.seed(dynamo, table, progress); // reminders
            RecruitmentSeeder.seed(dynamo, table, clock, progress); // mentor recruitment
            try {
                stock.get();
            } catch (ExecutionException e) {
                throw new IOException("seeding the laptops' stock failed: " + e.getCause(), e.getCause());
            }
            districts.seedOfficers(u -> demoUser(cognito, poolId, u)); // laptops, once their stock is there
            progress.accept("seeded demo users: " + (DEMO_USERS.size() + 3) + " (password " + DEMO_PASSWORD
                    + "; staff TOTP key " + STAFF_TOTP_SECRET + ")");
        }
    }

    /** The learner's approved registration: level, grade, district, birth date (kept when seeded before). */
    private static void recordSchooling(DynamoDbClient dynamo, String table, DemoUser u, String sub) {
        Schooling s = u.schooling();
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":level", AttributeValue.fromS(s.level().name()),
                ":district", AttributeValue.fromS(s.district()),
                ":birth", AttributeValue.fromS(s.birthDate().toString()),
                ":language", AttributeValue.fromS(u.language().tag())));
        String update = "SET schoolLevel = if_not_exists(schoolLevel, :level), district = if_not_exists(district, :district), "
                + "birthDate = if_not_exists(birthDate, :birth), #language = if_not_exists(#language, :language)";
        if (s.grade() != null) {
            values.put(":grade", AttributeValue.fromN(s.grade().toString()));
            update += ", grade = if_not_exists(grade, :grade)";
        }
        String expression = update;
        dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(new TenantId(u.tenant()), sub)),
                        Keys.SK, AttributeValue.fromS(Keys.PROFILE)))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#language", "language"))
                .expressionAttributeValues(values));
    }

    /**
     * A demo user made (or found) in their group, with their account (and its tenant, which the
     * pre-token trigger puts into their tokens) and, for staff, TOTP on with the documented key;
     * answers their sub.
     */
    private String demoUser(CognitoIdentityProviderClient cognito, String poolId, DemoUser u) {
        String sub = createUser(cognito, poolId, u);
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).username(u.email()).groupName(u.group()));
        accounts.open(new Account(sub, u.email(), u.tenant() == null ? null : new TenantId(u.tenant()), u.language(), clock.instant()));
        if (STAFF_GROUPS.contains(u.group())) {
            enrolTotp(cognito, poolId, u.email());
        }
        return sub;
    }

    /** TOTP on, as the app's set-up step does it with Cognito's API: associate, verify, preferred (skipped when on from an earlier run). */
    private void enrolTotp(CognitoIdentityProviderClient cognito, String poolId, String email) {
        var auth = cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(stack.client().clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", DEMO_PASSWORD)));
        if (auth.authenticationResult() != null) {
            String access = auth.authenticationResult().accessToken();
            cognito.associateSoftwareToken(r -> r.accessToken(access));
            cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(STAFF_TOTP_SECRET, clock.instant().getEpochSecond() / 30)));
            cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(email)
                    .softwareTokenMfaSettings(m -> m.enabled(true).preferredMfa(true)));
        }
        totp.keep(email, STAFF_TOTP_SECRET);
    }

    private String createUser(CognitoIdentityProviderClient cognito, String poolId, DemoUser u) {
        List<AttributeType> attributes = new java.util.ArrayList<>(List.of(
                AttributeType.builder().name("email").value(u.email()).build(),
                AttributeType.builder().name("email_verified").value("true").build(),
                AttributeType.builder().name("name").value(u.displayName()).build(),
                AttributeType.builder().name("locale").value(u.language().tag()).build()));
        if (u.tenant() != null) {
            // staff are created by an administrator, who sets the tenant (immutable; not writable by the app client)
            attributes.add(AttributeType.builder().name("custom:tenant").value(u.tenant()).build());
        }
        try {
            cognito.adminCreateUser(r -> r.userPoolId(poolId).username(u.email()).messageAction("SUPPRESS").userAttributes(attributes));
        } catch (UsernameExistsException e) {
            // seeded before
        }
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(u.email()).password(DEMO_PASSWORD).permanent(true));
        return sub(cognito, poolId, u.email());
    }

    /** The applicant signs up and confirms as a person would (the trigger opens the account), then chooses Seoul in the app. */
    private void seedApplicant(CognitoIdentityProviderClient cognito, ProfileRepository profiles) throws IOException, InterruptedException {
        if (!signUpAndConfirm(cognito, APPLICANT)) {
            return; // signed up and confirmed in an earlier run
        }
        String sub = sub(cognito, stack.userPoolId(), APPLICANT);
        accounts.chooseTenant(sub, TenantId.SEOUL);
        profiles.createDraft(Profile.newDraft(TenantId.SEOUL, sub, APPLICANT, Language.KO, clock.instant()));
    }

    private void seedNewcomer(CognitoIdentityProviderClient cognito) throws IOException, InterruptedException {
        signUpAndConfirm(cognito, NEWCOMER);
    }

    private boolean signUpAndConfirm(CognitoIdentityProviderClient cognito, String email) throws IOException, InterruptedException {
        String poolId = stack.userPoolId();
        try {
            cognito.signUp(r -> r.clientId(stack.client().clientId()).username(email).password(DEMO_PASSWORD)
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder().name("locale").value("ko").build()));
        } catch (UsernameExistsException e) {
            return false;
        }
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(email));
        triggers.postConfirmation(cognito, email);
        return true;
    }

    /** The eligibility programmes of seed/programmes.json (effective-dated data, docs/product.md). */
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

package kr.seoullearn.functions.reminders;

import kr.seoullearn.catalog.dynamo.CatalogStorage;

import kr.seoullearn.enrolment.port.SeatActivity;

import kr.seoullearn.enrolment.dynamo.EnrolmentStorage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The template's table, user pool and SES sender on the emulator, with the real adapters of
 * the reminders function; people are Cognito users with a profile in a language, each with an
 * address of their own so that tests find their mail among everything moto ever accepted.
 */
class RemindersFixture implements AutoCloseable {
    static final String SENDER = "no-reply@seoul-learn.example";

    final TestStack stack;
    final CallCounter counter = new CallCounter();
    final DynamoDbClient dynamo;
    final CognitoIdentityProviderClient cognito;
    final SesV2Client ses;
    /** What the function itself uses: the user pool and SES through their JSON APIs. */
    final kr.seoullearn.platform.cognito.CognitoUsers users;
    final kr.seoullearn.platform.aws.AwsJson sesApi;
    final ReminderQueue queue;
    final ReminderSettingsStore settings;
    final ApplicationStore applications;
    final SeatActivity activity;
    final LocalMailbox mailbox;

    RemindersFixture(String purpose) {
        stack = TestStack.create(purpose);
        dynamo = stack.dynamoDb(counter);
        cognito = stack.aws().cognito();
        ses = stack.aws().sesV2();
        users = kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials());
        sesApi = kr.seoullearn.platform.aws.AwsJson.sesV2(
                new kr.seoullearn.platform.aws.FunctionEnvironment(Map.of("AWS_ENDPOINT_URL", stack.aws().endpoint().toString())),
                new kr.seoullearn.platform.aws.SignedHttp(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
                        kr.seoullearn.local.aws.LocalAws.credentials(), stack.aws().region(), java.time.Clock.systemUTC()));
        queue = RemindersStorage.queue(dynamo, stack.table());
        settings = RemindersStorage.settings(dynamo, stack.table());
        applications = RegistrationStorage.applications(dynamo, stack.table());
        activity = EnrolmentStorage.activity(dynamo, stack.table());
        mailbox = new LocalMailbox(stack.aws().endpoint());
        for (String[] t : new String[][] {{"seoul", "서울특별시", "Seoul"}, {"chungbuk", "충청북도", "Chungbuk"}}) {
            dynamo.putItem(p -> p.tableName(stack.table()).item(Map.of(Keys.PK, s(Keys.TENANTS), Keys.SK, s(t[0]),
                    "nameKo", s(t[1]), "nameEn", s(t[2]))));
        }
        RegistrationStorage.programmes(dynamo, stack.table()).save(ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"seoul","id":"seoul-2026","effectiveFrom":"2026-03-01",
                 "categories":[{"code":"LOW_INCOME","recordsCanDecide":true,"requiredDocuments":["INCOME_PROOF"]},
                               {"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                 "incomeLinePercent":80,"minAge":6,"maxAge":24,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH","NOT_IN_SCHOOL","ADULT"],"pickLimit":1}""")));
        CatalogStorage.seeding(dynamo, stack.table()).saveProvider(new Provider("mirae", "미래학습", "Mirae Learning",
                List.of(SchoolLevel.MIDDLE), "https://mirae.example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        counter.reset();
    }

    /** A run with the real adapters; {@code sender} is the From address (an unverified one makes SES refuse). */
    ReminderRun run(String sender) {
        CognitoRecipients recipients = new CognitoRecipients(RegistrationStorage.profiles(dynamo, stack.table()), users,
                stack.stack().userPoolId());
        return ReminderWiring.run(new DynamoTenantDirectory(dynamo, stack.table()), settings, queue, recipients,
                new SesEmailNotifier(sesApi, sender), applications, RegistrationStorage.programmes(dynamo, stack.table()),
                CatalogStorage.publicCatalogue(dynamo, stack.table()), kr.seoullearn.mentoring.dynamo.MentoringStorage.ledger(dynamo, stack.table()),
                kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(dynamo, stack.table()), RemindersStorage.digests(dynamo, stack.table()));
    }

    /** A run whose every DynamoDB call goes through this client (e.g. one with more interceptors). */
    ReminderRun runOn(DynamoDbClient client) {
        CognitoRecipients recipients = new CognitoRecipients(RegistrationStorage.profiles(client, stack.table()), users,
                stack.stack().userPoolId());
        var q = RemindersStorage.queue(client, stack.table());
        return ReminderWiring.run(new DynamoTenantDirectory(client, stack.table()), RemindersStorage.settings(client, stack.table()), q,
                recipients, new SesEmailNotifier(sesApi, SENDER), RegistrationStorage.applications(client, stack.table()),
                RegistrationStorage.programmes(client, stack.table()), CatalogStorage.publicCatalogue(client, stack.table()),
                kr.seoullearn.mentoring.dynamo.MentoringStorage.ledger(client, stack.table()),
                kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(client, stack.table()), RemindersStorage.digests(client, stack.table()));
    }

    ReminderRun run() {
        return run(SENDER);
    }

    record Person(String sub, String email, TenantId tenant) {}

    /** A person in the user pool (with the group, their address verified) and their profile in the language. */
    Person person(String tenant, String group, Language language, RegistrationStatus status) {
        return person(tenant, group, language, status, true);
    }

    /** As above; {@code verified} false: an address its owner never confirmed (AdminCreateUser without email_verified). */
    Person person(String tenant, String group, Language language, RegistrationStatus status, boolean verified) {
        String email = group + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                AttributeType.builder().name("email").value(email).build(),
                AttributeType.builder().name("email_verified").value(Boolean.toString(verified)).build(),
                AttributeType.builder().name("locale").value(language.tag()).build(),
                AttributeType.builder().name("custom:tenant").value(tenant).build()));
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(email).groupName(group));
        String sub = cognito.adminGetUser(r -> r.userPoolId(pool).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        RegistrationStorage.profiles(dynamo, stack.table()).createIfAbsent(new Profile(new TenantId(tenant), sub, email, status,
                "Test Person", language, Instant.parse("2026-11-01T00:00:00Z"), 1));
        return new Person(sub, email, new TenantId(tenant));
    }

    /** Sets attributes of the person's profile item (what registration would have saved). */
    void profile(Person p, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> vals = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        values.forEach((k, v) -> {
            names.put("#" + k, k);
            vals.put(":" + k, v);
            set.append(set.length() > 4 ? ", " : "").append("#").append(k).append(" = :").append(k);
        });
        dynamo.updateItem(u -> u.tableName(stack.table()).key(Map.of(Keys.PK, s(Keys.user(p.tenant(), p.sub())), Keys.SK, s(Keys.PROFILE)))
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(vals));
    }

    /** A document of the person as the documents function leaves it. */
    void document(Person p, String kind, String status) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, s(Keys.user(p.tenant(), p.sub())),
                Keys.SK, s(Keys.document(id)), "documentId", s(id), "kind", s(kind), "status", s(status))));
    }

    List<LocalMailbox.Mail> mailTo(Person p) {
        return mailbox.to(p.email());
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Override
    public void close() {
        stack.close();
    }
}

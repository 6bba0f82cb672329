package kr.seoullearn.functions.me;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.dynamo.EnrolmentStorage;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.dynamo.LaptopsStorage;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.cognito.CognitoUserDeletion;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.dynamo.PrivacyStorage;
import kr.seoullearn.recruitment.domain.Nomination;
import kr.seoullearn.recruitment.dynamo.RecruitmentStorage;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.port.ProfileRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DELETE /api/me through real API Gateway events against the template's table, bucket (S3Proxy,
 * versioned as in AWS) and user pool on the emulator: what the person held goes to the next in
 * line, their items, file versions and user are gone, others' records are untouched, a laptop on
 * loan is refused with nothing changed, and a repeated withdrawal finishes what is left.
 */
class WithdrawalIT {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final TenantId SEOUL = TenantId.SEOUL;
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static final CallCounter calls = new CallCounter();
    private static MeHandler handler;
    private static EnrolmentLedger enrolments;
    private static LaptopLedger laptops;
    private static ProfileRepository profiles;
    private static String bucket;

    @BeforeAll
    static void provision() {
        stack = TestStack.withLocalS3("withdrawal");
        dynamo = stack.aws().dynamoDb();
        bucket = stack.bucket("DocumentsBucket");
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        enrolments = EnrolmentStorage.ledger(dynamo, stack.table());
        laptops = LaptopsStorage.ledger(dynamo, stack.table());
        provider("onedesk", 1);
        provider("roomy", 100);
        laptops.openDistrict(SEOUL, "mapo-gu", "model", 0, NOW);
        laptops.openDistrict(SEOUL, "jung-gu", "model", 1, NOW);
        DynamoDbClient counted = stack.dynamoDb(calls);
        String pool = stack.stack().userPoolId();
        handler = new MeHandler(RegistrationStorage.profiles(counted, stack.table()), RegistrationStorage.accounts(counted, stack.table()),
                new DynamoTenantDirectory(counted, stack.table()), new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), pool,
                Clock.fixed(NOW, ZoneOffset.UTC),
                () -> new Withdrawal(RegistrationStorage.accounts(counted, stack.table()), EnrolmentStorage.ledger(counted, stack.table()),
                        MentoringStorage.ledger(counted, stack.table()), LaptopsStorage.ledger(counted, stack.table()),
                        PrivacyStorage.records(counted, stack.table()), RegistrationStorage.quotaPlaces(counted, stack.table()),
                        new S3PersonalFiles(kr.seoullearn.platform.aws.S3Objects.at(stack.s3Endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials(), bucket)),
                        new CognitoUserDeletion(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())),
                        kr.seoullearn.figures.domain.Pseudonyms.ofThisProcess(), pool, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void provider(String id, int seats) {
        var seeding = CatalogStorage.seeding(dynamo, stack.table());
        seeding.saveProvider(new Provider(id, "업체", "Provider", List.of(SchoolLevel.MIDDLE),
                "https://" + id + ".example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        seeding.saveSeats(new ProviderSeats(SEOUL, id, seats, 0));
    }

    private static String person() {
        String sub = "sub-" + UUID.randomUUID();
        profiles.createIfAbsent(new Profile(SEOUL, sub, sub, RegistrationStatus.APPROVED, "김민준", Language.KO, NOW, 1));
        stack.aws().cognito().adminCreateUser(r -> r.userPoolId(stack.stack().userPoolId()).username(email(sub)));
        return sub;
    }

    /** The pool signs people in by e-mail: the user name is the address. */
    private static String email(String sub) {
        return sub + "@example.org";
    }

    private static Map<String, String> claims(String sub, String tenant, String... groups) {
        Map<String, String> claims = new java.util.LinkedHashMap<>(Events.claims(sub, tenant, groups));
        claims.put("cognito:username", email(sub));
        return claims;
    }

    private static void upload(String sub, String name, String content) {
        String key = S3PersonalFiles.prefix(SEOUL, sub) + name;
        stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf"), RequestBody.fromString(content));
    }

    private static List<String> filesOf(String sub) {
        var page = stack.s3().listObjectVersions(r -> r.bucket(bucket).prefix(S3PersonalFiles.prefix(SEOUL, sub)));
        return java.util.stream.Stream.concat(page.versions().stream().map(v -> v.key() + "@" + v.versionId()),
                page.deleteMarkers().stream().map(m -> m.key() + "@marker")).toList();
    }

    private static List<Map<String, AttributeValue>> partition(String pk) {
        return dynamo.query(r -> r.tableName(stack.table()).consistentRead(true).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    private static APIGatewayV2HTTPResponse withdraw(String sub, String... groups) {
        return handler.handleRequest(Events.http("DELETE /api/me", claims(sub, "seoul", groups), null, "ko"), null);
    }

    private static boolean userExists(String sub) {
        try {
            stack.aws().cognito().adminGetUser(r -> r.userPoolId(stack.stack().userPoolId()).username(email(sub)));
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    @Test
    void aWithdrawnLearnersSeatGoesToTheNextInLineAndEverythingNamingThemIsGone() {
        String leaving = person();
        String waiting = person();
        String other = person();
        assertThat(enrolments.admit(new EnrolmentLedger.Request(SEOUL, leaving, "onedesk", 3, "ref-" + UUID.randomUUID(), NOW)))
                .isInstanceOf(EnrolmentLedger.Enrolled.class);
        assertThat(enrolments.admit(new EnrolmentLedger.Request(SEOUL, waiting, "onedesk", 3, "ref-" + UUID.randomUUID(), NOW)))
                .isInstanceOf(EnrolmentLedger.Waitlisted.class);
        var laptop = laptops.request(new LaptopLedger.NewRequest(SEOUL, leaving, "mapo-gu", UUID.randomUUID().toString(), "ACDEFG", null, NOW));
        assertThat(laptop.request().status()).isEqualTo(LaptopStatus.REQUESTED);
        upload(leaving, "a", "first version");
        upload(leaving, "a", "second version");
        upload(leaving, "b", "another file");
        upload(other, "c", "someone else's");
        stack.s3().deleteObject(r -> r.bucket(bucket).key(S3PersonalFiles.prefix(SEOUL, leaving) + "b")); // a delete marker too
        // the audit trail: a reviewer's decision about them, and their own resubmission
        var audited = kr.seoullearn.platform.dynamo.Transaction.named("test-audit");
        var auditWrites = kr.seoullearn.audit.dynamo.AuditStorage.writes(stack.table());
        auditWrites.record(audited, kr.seoullearn.audit.domain.AuditEntry.of(SEOUL, "sub-reviewer-w", "review.decide", "application", leaving,
                NOW, Map.of("status", "UNDER_REVIEW"), Map.of("status", "APPROVED")));
        auditWrites.record(audited, kr.seoullearn.audit.domain.AuditEntry.of(SEOUL, leaving, "registration.resubmit", "application", leaving,
                NOW.plusSeconds(1), Map.of("status", "SUBMITTED"), Map.of("status", "UNDER_REVIEW")));
        new kr.seoullearn.platform.dynamo.TransactionRunner(dynamo).commit(audited);

        // every version and delete marker the bucket lists (S3Proxy keeps no versions: one object there; AWS: 4 entries)
        int versions = filesOf(leaving).size();
        assertThat(versions).isPositive();

        calls.reset();
        APIGatewayV2HTTPResponse r = withdraw(leaving, "learners");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        Map<String, Object> body = Json.readObject(r.getBody());
        assertThat(body).containsEntry("withdrawn", true).containsEntry("enrolmentsEnded", 1).containsEntry("filesDeleted", versions);
        assertThat(calls.count("Scan")).isZero();

        // the seat went to the next in line
        assertThat(enrolments.find(SEOUL, waiting, "onedesk")).get().extracting(Enrolment::status).isEqualTo(Enrolment.Status.ENROLLED);
        // the person's items, files and user are gone; the laptop request is closed and no longer names them
        assertThat(partition(Keys.user(SEOUL, leaving))).isEmpty();
        assertThat(partition("ACCOUNT#" + leaving)).isEmpty();
        assertThat(filesOf(leaving)).isEmpty();
        assertThat(userExists(leaving)).isFalse();
        LaptopRequest closed = laptops.find(SEOUL, laptop.request().requestId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(LaptopStatus.CANCELLED);
        assertThat(closed.userId()).isNotEqualTo(leaving).isEqualTo(kr.seoullearn.figures.domain.Pseudonyms.ofThisProcess().of(SEOUL, leaving));
        assertThat(laptops.requestAudit(SEOUL, "mapo-gu", closed.requestId())).noneMatch(e -> leaving.equals(e.actor().userId()));
        assertThat(laptops.stock(SEOUL, "mapo-gu").orElseThrow().waiting()).isZero();
        // the audit trail keeps what was done and when, about a keyed pseudonym, not the person
        String pseudonym = kr.seoullearn.figures.domain.Pseudonyms.ofThisProcess().of(SEOUL, leaving);
        assertThat(partition(Keys.tenant(SEOUL, "AUDIT", "SUBJECT", leaving))).isEmpty();
        assertThat(partition(Keys.tenant(SEOUL, "AUDIT", "SUBJECT", pseudonym))).hasSize(2)
                .extracting(i -> i.get("actor").s()).containsExactlyInAnyOrder("sub-reviewer-w", pseudonym);
        assertThat(partition(Keys.tenant(SEOUL, "AUDIT"))).filteredOn(i -> i.get("subjectId").s().equals(pseudonym)).hasSize(2)
                .allSatisfy(i -> assertThat(i.toString()).doesNotContain(leaving));
        // others are untouched
        assertThat(filesOf(other)).hasSize(1);
        assertThat(partition(Keys.user(SEOUL, other))).isNotEmpty();
        assertThat(userExists(other)).isTrue();
        assertThat(partition(Keys.user(SEOUL, waiting))).isNotEmpty();

        // a repeated withdrawal (the answer was lost, say) finds nothing left and answers the same
        APIGatewayV2HTTPResponse again = withdraw(leaving, "learners");
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
        assertThat(Json.readObject(again.getBody())).containsEntry("enrolmentsEnded", 0).containsEntry("filesDeleted", 0);
    }

    @Test
    void theQuotaPlaceAWithdrawnApplicationHeldGoesBackToTheProgrammeOnceHoweverOftenItIsAsked() {
        // a quota-limited programme with 3 of its 10 places taken, one of them by the leaving applicant
        String programme = "FROM#2026-03-01#quota-" + UUID.randomUUID();
        Map<String, AttributeValue> counter = Map.of("PK", AttributeValue.fromS(Keys.tenant(SEOUL, "PROGRAMME")),
                "SK", AttributeValue.fromS(programme));
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of("PK", counter.get("PK"), "SK", counter.get("SK"),
                "type", AttributeValue.fromS("PROGRAMME_TEST_COUNTER"), "quota", AttributeValue.fromN("10"),
                "admitted", AttributeValue.fromN("3"))));
        String leaving = person();
        String staying = person();
        for (String sub : List.of(leaving, staying)) {
            dynamo.updateItem(r -> r.tableName(stack.table()).key(Map.of("PK", AttributeValue.fromS(Keys.user(SEOUL, sub)),
                            "SK", AttributeValue.fromS("PROFILE")))
                    .updateExpression("SET quotaPlace = :place").expressionAttributeValues(Map.of(":place", AttributeValue.fromS(programme))));
        }

        APIGatewayV2HTTPResponse answer = withdraw(leaving);

        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        assertThat(Json.readObject(answer.getBody())).containsEntry("quotaPlaceReleased", true);
        assertThat(admitted(counter)).isEqualTo(2);
        assertThat(partition(Keys.user(SEOUL, leaving))).isEmpty();
        // asked again (a retry after a lost answer, or two at once): the place is not given back twice
        var places = RegistrationStorage.quotaPlaces(dynamo, stack.table());
        assertThat(places.release(SEOUL, leaving)).isFalse();
        List<Boolean> racing = java.util.stream.IntStream.range(0, 4).parallel()
                .mapToObj(i -> places.release(SEOUL, staying)).toList();
        assertThat(racing).containsOnlyOnce(true);
        assertThat(admitted(counter)).isEqualTo(1);
    }

    private static long admitted(Map<String, AttributeValue> key) {
        return Long.parseLong(dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true).key(key)).item().get("admitted").n());
    }

    @Test
    void aLaptopOnLoanMustBeReturnedFirstAndNothingChanges() {
        String sub = person();
        assertThat(enrolments.admit(new EnrolmentLedger.Request(SEOUL, sub, "roomy", 3, "ref-" + UUID.randomUUID(), NOW))).isNotNull();
        var placed = laptops.request(new LaptopLedger.NewRequest(SEOUL, sub, "jung-gu", UUID.randomUUID().toString(), "ACDEFG", null, NOW));
        LaptopRequest ready = laptops.change(placed.request(), placed.request().version(), LaptopStatus.READY_FOR_PICKUP,
                new Actor("officer", Actor.Kind.OFFICER), null, null, NOW);
        LaptopRequest loaned = laptops.change(ready, ready.version(), LaptopStatus.LOANED, new Actor(sub, Actor.Kind.LEARNER), null,
                java.time.LocalDate.of(2027, 11, 28), NOW);
        upload(sub, "kept", "certificate");
        int items = partition(Keys.user(SEOUL, sub)).size();

        APIGatewayV2HTTPResponse r = withdraw(sub, "learners");
        assertThat(r.getStatusCode()).isEqualTo(409);
        assertThat(r.getHeaders().get("content-type")).contains("application/problem+json");
        Map<String, Object> problem = Json.readObject(r.getBody());
        assertThat(problem).containsEntry("code", "laptop-loan-active").containsEntry("requestId", loaned.requestId());
        assertThat((String) problem.get("title")).contains("노트북");
        assertThat(partition(Keys.user(SEOUL, sub))).hasSize(items);
        assertThat(filesOf(sub)).hasSize(1);
        assertThat(userExists(sub)).isTrue();
        assertThat(laptops.find(SEOUL, loaned.requestId()).orElseThrow().status()).isEqualTo(LaptopStatus.LOANED);
    }

    @Test
    void staffCannotWithdrawThemselvesAndNothingIsTouched() {
        String sub = person();
        for (String group : List.of("reviewers", "admins", "district-officers", "catalogue-operators")) {
            APIGatewayV2HTTPResponse r = withdraw(sub, group);
            assertThat(r.getStatusCode()).as(group).isEqualTo(403);
        }
        assertThat(userExists(sub)).isTrue();
        assertThat(partition(Keys.user(SEOUL, sub))).isNotEmpty();
    }

    @Test
    void aBodyThatIsNotAConfirmationIsRefusedAndNothingChanges() {
        String sub = person();
        for (String body : List.of("{\"x\":", "[]", "{\"confirm\":false}", "{\"confirm\":\"yes\"}", "{\"confirm\":true,\"also\":1}", "{}")) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("DELETE /api/me", claims(sub, "seoul", "learners"), body, "vi"), null);
            assertThat(r.getStatusCode()).as(body).isEqualTo(400);
            assertThat(r.getHeaders().get("content-type")).contains("application/problem+json");
        }
        assertThat(userExists(sub)).isTrue();
        assertThat(partition(Keys.user(SEOUL, sub))).isNotEmpty();
        APIGatewayV2HTTPResponse confirmed = handler.handleRequest(
                Events.http("DELETE /api/me", claims(sub, "seoul", "learners"), "{\"confirm\":true}", "vi"), null);
        assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
        assertThat(userExists(sub)).isFalse();
    }

    /** A university's nomination (ADR 42) of {@code address} for {@code round}, written as the import writes it. */
    private static Nomination nominate(String round, String address) {
        Nomination n = new Nomination(SEOUL, round, EmailKey.of(address), "김지명", EmailKey.normalise(address), "서울대학교",
                Set.of(MentoringSubject.MATH), Language.KO, "0123456789abcdef0123456789abcdef", "staff-1", NOW,
                Nomination.expiry(LocalDate.of(2027, 3, 31)), null);
        assertThat(RecruitmentStorage.ledger(dynamo, stack.table()).nominate(n,
                Notice.of(SEOUL, NoticeKind.MENTOR_NOMINATED, round + ":" + n.emailKey(), n.recipientId(), Map.of(), NOW))).isTrue();
        return n;
    }

    private static boolean nominated(String round, String address) {
        return RecruitmentStorage.ledger(dynamo, stack.table()).nomination(SEOUL, round, EmailKey.of(address), NOW).isPresent();
    }

    private static Map<String, String> claimsWithAddress(String sub, String address, boolean verified) {
        Map<String, String> claims = claims(sub, "seoul", "learners");
        claims.put("email", address);
        claims.put("email_verified", String.valueOf(verified));
        return claims;
    }

    @Test
    void theUniversitiesNominationsOfTheVerifiedAddressAreGoneInEveryRoundAndNobodyElsesAre() {
        String sub = person();
        String address = "Nominee-" + UUID.randomUUID() + "@Univ.ac.kr";
        String other = "other-" + UUID.randomUUID() + "@univ.ac.kr";
        nominate("round-spring", address);
        nominate("round-autumn", address.toLowerCase(java.util.Locale.ROOT));
        nominate("round-spring", other);

        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("DELETE /api/me",
                claimsWithAddress(sub, address.toUpperCase(java.util.Locale.ROOT), true), "{\"confirm\":true}", "ko"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(nominated("round-spring", address)).isFalse();
        assertThat(nominated("round-autumn", address)).isFalse();
        assertThat(nominated("round-spring", other)).as("another person's nomination").isTrue();
        assertThat(((Number) Json.readObject(r.getBody()).get("recordsDeleted")).intValue()).as("the two nominations are counted")
                .isGreaterThanOrEqualTo(2 + 1);
    }

    @Test
    void anAddressCognitoDidNotVerifyFindsNoNomination() {
        String sub = person();
        String address = "unverified-" + UUID.randomUUID() + "@univ.ac.kr";
        nominate("round-spring", address);

        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("DELETE /api/me",
                claimsWithAddress(sub, address, false), "{\"confirm\":true}", "ko"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(nominated("round-spring", address)).as("kept until its own expiry: the token does not vouch for the address").isTrue();
    }

    @Test
    void withoutATokenTheRouteIsUnauthorised() {
        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("DELETE /api/me", null, null, "en"), null);
        assertThat(r.getStatusCode()).isEqualTo(401);
    }

    @Test
    void someoneWhoNeverChoseATenantLosesTheirAccountAndUser() {
        String sub = "sub-" + UUID.randomUUID();
        stack.aws().cognito().adminCreateUser(r -> r.userPoolId(stack.stack().userPoolId()).username(email(sub)));
        handler.handleRequest(Events.http("GET /api/me", claims(sub, null, "applicants"), null, "en"), null);
        assertThat(partition("ACCOUNT#" + sub)).hasSize(1);

        APIGatewayV2HTTPResponse r = handler.handleRequest(Events.http("DELETE /api/me", claims(sub, null, "applicants"), null, "en"), null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(partition("ACCOUNT#" + sub)).isEmpty();
        assertThat(userExists(sub)).isFalse();
    }
}

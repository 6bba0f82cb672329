package kr.seoullearn.functions.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.ProblemMessages;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.CorrectionRefusal;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * GET and PATCH /api/me/mentor-profile through real API Gateway events against the template's
 * table on the emulator (docs/adr/0038, "Mentors' corrections"): a mentor corrects subjects,
 * levels and languages under the item's version with an audit entry; refusals in four languages
 * with nothing written; every other role 403; two corrections at once (one wins, the other 409,
 * never a mix); an active mentorship keeps running after its level is removed, and the matching
 * transaction itself refuses a level the mentor no longer teaches.
 */
class MentorCorrectionIT {
    private static final Instant NOW = Instant.parse("2027-04-06T01:00:00Z");
    private static final TenantId SEOUL = TenantId.SEOUL;
    private static final String ROUTE = "PATCH /api/me/mentor-profile";
    private static final CallCounter calls = new CallCounter();
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static MeHandler handler;
    private static MentoringLedger mentoring;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("mentor-correction");
        dynamo = stack.aws().dynamoDb();
        mentoring = MentoringStorage.ledger(dynamo, stack.table());
        DynamoDbClient counted = stack.dynamoDb(calls);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        handler = new MeHandler(RegistrationStorage.profiles(counted, stack.table()), RegistrationStorage.accounts(counted, stack.table()),
                new DynamoTenantDirectory(counted, stack.table()),
                new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(),
                        kr.seoullearn.local.aws.LocalAws.credentials())), stack.stack().userPoolId(), clock, null, null,
                () -> new Corrections(RegistrationStorage.corrections(counted, stack.table()),
                        kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(counted, stack.table()),
                        new DynamoTenantDirectory(counted, stack.table()), clock),
                () -> new MentorCorrections(MentoringStorage.mentorProfiles(counted, stack.table()), clock));
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A recruited mentor (written as recruitment's selection writes it): MATH for MIDDLE school, in Korean. */
    private static String mentor() {
        String sub = "mentor-" + UUID.randomUUID();
        Mentor m = new Mentor(SEOUL, sub, "이서연", "서울대학교", Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO),
                3, 0, new Availability(List.of(new Availability.Window(java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(18, 0),
                java.time.LocalTime.of(21, 0))), Set.of(), 0), LocalDate.of(2028, 2, 28), LocalDate.of(2028, 5, 28));
        Transaction tx = Transaction.named("select (test)");
        MentorOnboardingStorage.onboarding(dynamo, stack.table()).onboard(tx, m, LocalDate.of(2027, 3, 1));
        new TransactionRunner(dynamo).commit(tx);
        return sub;
    }

    private static APIGatewayV2HTTPResponse call(String route, String sub, String tenant, Object body, String language, String... groups) {
        return handler.handleRequest(Events.http(route, Events.claims(sub, tenant, groups),
                body == null ? null : body instanceof String s ? s : Json.write(body), language), null);
    }

    private static APIGatewayV2HTTPResponse patch(String sub, Object body) {
        return call(ROUTE, sub, "seoul", body, "ko", "mentors");
    }

    private static Map<String, Object> ok(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return Json.readObject(r.getBody());
    }

    private static Map<String, Object> problem(APIGatewayV2HTTPResponse r, int status, String code) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        Map<String, Object> p = Json.readObject(r.getBody());
        assertThat(p).containsEntry("code", code);
        return p;
    }

    private static long version(Map<String, Object> m) {
        return ((Number) m.get("version")).longValue();
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, AttributeValue> item(String sub) {
        return dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true).key(Map.of(Keys.PK, AttributeValue.fromS(
                Keys.user(SEOUL, sub)), Keys.SK, AttributeValue.fromS("MENTOR")))).item();
    }

    private static List<Map<String, AttributeValue>> auditOf(String sub) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(SEOUL, "AUDIT", "SUBJECT", sub))))).items();
    }

    @Test
    void aMentorCorrectsSubjectsLevelsAndLanguagesUnderTheVersionWithAnAuditEntry() {
        String sub = mentor();
        Map<String, Object> read = ok(call("GET /api/me/mentor-profile", sub, "seoul", null, "ko", "mentors"));
        assertThat(read).containsEntry("subjects", List.of("MATH")).containsEntry("levels", List.of("MIDDLE"))
                .containsEntry("languages", List.of("ko"));
        long version = ((Number) read.get("version")).longValue();
        assertThat(version).as("a selection counts as the profile's first version").isEqualTo(1);
        Map<String, AttributeValue> before = item(sub);

        calls.reset();
        Map<String, Object> corrected = ok(patch(sub, body("version", version, "subjects", List.of("MATH", "SCIENCE"),
                "languages", List.of("ko", "vi"))));
        assertThat(calls.snapshot()).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        assertThat(version(corrected)).isEqualTo(2);
        assertThat(corrected).containsEntry("subjects", List.of("MATH", "SCIENCE"))
                .containsEntry("levels", List.of("MIDDLE")).containsEntry("languages", List.of("ko", "vi"));
        Mentor stored = mentoring.mentor(SEOUL, sub).orElseThrow();
        assertThat(stored.subjects()).containsExactlyInAnyOrder(MentoringSubject.MATH, MentoringSubject.SCIENCE);
        assertThat(stored.languages()).containsExactlyInAnyOrder(Language.KO, Language.VI);
        // what the correction does not own is as it was: name, university, capacity, mentees, availability and its version, the term
        Map<String, AttributeValue> after = item(sub);
        for (String kept : List.of("name", "mentees", "availability", "availabilityVersion", "termEnds", "readUntil", "GSI1PK", "GSI1SK")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(stored.university()).isEqualTo("서울대학교");
        assertThat(stored.capacity()).isEqualTo(3);
        assertThat(ok(call("GET /api/me/mentor-profile", sub, "seoul", null, "ko", "mentors"))).isEqualTo(corrected);
        // the audit trail: who, what, before and after as codes; no name
        assertThat(auditOf(sub)).singleElement().satisfies(e -> {
            assertThat(e.get("action").s()).isEqualTo("mentor.profile.correct");
            assertThat(e.toString()).contains("MATH,SCIENCE").contains("ko,vi").doesNotContain("이서연").doesNotContain("서울대학교");
        });

        // the same values again (a retry, an unchanged form): nothing written, the version stays
        calls.reset();
        assertThat(version(ok(patch(sub, body("version", 2, "subjects", List.of("SCIENCE", "MATH")))))).isEqualTo(2);
        assertThat(calls.count("TransactWriteItems")).isZero();
        // the version read before the correction: 409 with the current version, nothing written
        calls.reset();
        Map<String, Object> stale = problem(patch(sub, body("version", 1, "levels", List.of("HIGH"))), 409, "version-conflict");
        assertThat(version(stale)).isEqualTo(2);
        assertThat(calls.count("TransactWriteItems")).isZero();
        assertThat(mentoring.mentor(SEOUL, sub).orElseThrow().levels()).containsExactly(SchoolLevel.MIDDLE);
    }

    @Test
    void badInputIsRefusedInTheCallersLanguageWithNothingWritten() {
        String sub = mentor();
        Map<String, AttributeValue> before = item(sub);
        List<Object> bad = List.of(
                body("subjects", List.of("MATH")),                                   // no version
                body("version", 1, "subjects", List.of()),                            // empty
                body("version", 1, "subjects", List.of("COOKING")),                   // unknown subject
                body("version", 1, "levels", List.of("ADULT")),                       // not a level mentors teach
                body("version", 1, "languages", List.of("fr")),
                body("version", 1, "languages", "ko"),                                // not a list
                body("version", 1, "subjects", List.of("MATH"), "name", "다른 이름"),   // not theirs to change here
                body("version", 1, "capacity", 10),
                body("version", 1, "subjects", List.of("MATH"), "memo", "900101-1234567"),
                "{\"version\":1,", "[]", "x".repeat(70_000));
        for (Object b : bad) {
            calls.reset();
            var r = patch(sub, b);
            assertThat(r.getStatusCode()).as(String.valueOf(b).substring(0, Math.min(60, String.valueOf(b).length())) + " " + r.getBody())
                    .isBetween(400, 422);
            assertThat(r.getHeaders().get("content-type")).isEqualTo("application/problem+json");
            assertThat(calls.count("TransactWriteItems") + calls.count("UpdateItem") + calls.count("PutItem")).isZero();
        }
        for (Language language : Language.values()) {
            var r = call(ROUTE, sub, "seoul", body("version", 1), language.tag(), "mentors");
            assertThat(problem(r, 400, "nothing-to-correct").get("title"))
                    .isEqualTo(ProblemMessages.title(CorrectionRefusal.NOTHING_TO_CORRECT, language));
        }
        assertThat(item(sub)).isEqualTo(before);
    }

    @Test
    void onlyTheMentorThemselfAndOnlyTheirOwnItemInTheirOwnTenant() {
        String sub = mentor();
        Map<String, AttributeValue> before = item(sub);
        Map<String, Object> change = body("version", 1, "subjects", List.of("ENGLISH"));
        for (String group : List.of("learners", "applicants", "reviewers", "admins", "district-officers", "catalogue-operators")) {
            problem(call(ROUTE, sub, "seoul", change, "en", group), 403, "forbidden");
            problem(call("GET /api/me/mentor-profile", sub, "seoul", null, "en", group), 403, "forbidden");
        }
        // the same person's token for another tenant finds no mentor there: nothing of seoul's item is read or changed
        problem(call(ROUTE, sub, "chungbuk", change, "en", "mentors"), 404, "mentor-not-found");
        // a mentor without a mentor item (the group without a selection)
        problem(call(ROUTE, "mentor-" + UUID.randomUUID(), "seoul", change, "en", "mentors"), 404, "mentor-not-found");
        // a mentor at the learners' route is still refused there (unchanged behaviour)
        problem(call("PATCH /api/me/profile", sub, "seoul", body("version", 1, "preferredLanguage", "en"), "en", "mentors"), 403, "forbidden");
        var noToken = handler.handleRequest(Events.http(ROUTE, null, Json.write(change), "en"), null);
        assertThat(noToken.getStatusCode()).isEqualTo(401);
        assertThat(item(sub)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoCorrectionsAtOnceOneWinsTheOtherIs409AndNothingIsHalfWritten() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String sub = mentor();
                Map<String, Object> a = body("version", 1, "subjects", List.of("ENGLISH"), "levels", List.of("HIGH"), "languages", List.of("en"));
                Map<String, Object> b = body("version", 1, "subjects", List.of("KOREAN"), "levels", List.of("ELEMENTARY"),
                        "languages", List.of("zh"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
                for (Map<String, Object> body : List.of(a, b)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return patch(sub, body);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                Map<String, Object> winner = null;
                for (int i = 0; i < 2; i++) {
                    var r = answers.get(i).get();
                    statuses.add(r.getStatusCode());
                    if (r.getStatusCode() == 200) {
                        winner = i == 0 ? a : b;
                    } else {
                        problem(r, 409, "version-conflict");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                Mentor stored = mentoring.mentor(SEOUL, sub).orElseThrow();
                // all of the winner's values, none of the loser's
                assertThat(stored.subjects()).extracting(Enum::name).containsExactlyElementsOf((List<String>) winner.get("subjects"));
                assertThat(stored.levels()).extracting(Enum::name).containsExactlyElementsOf((List<String>) winner.get("levels"));
                assertThat(stored.languages()).extracting(Language::tag).containsExactlyElementsOf((List<String>) winner.get("languages"));
                assertThat(item(sub).get("mentorLevels").ss()).containsExactlyElementsOf((List<String>) winner.get("levels"));
                assertThat(item(sub).get("profileVersion").n()).isEqualTo("2");
                assertThat(auditOf(sub)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anActiveMentorshipKeepsRunningAndOnlyNewMatchesReadTheNewLevels() {
        String sub = mentor();
        String mentee = "learner-" + UUID.randomUUID();
        MentoringRequest request = request(mentee);
        Mentorship running = mentoring.match(request, mentorship(mentee, sub), 5);

        // the mentor stops teaching middle school: allowed; the running mentorship is untouched
        ok(patch(sub, body("version", 1, "levels", List.of("HIGH"))));
        assertThat(mentoring.mentorship(SEOUL, running.id()).orElseThrow()).satisfies(m -> {
            assertThat(m.status()).isEqualTo(Mentorship.Status.ACTIVE);
            assertThat(m.mentorId()).isEqualTo(sub);
            assertThat(m.quota()).isEqualTo(running.quota());
        });
        assertThat(mentoring.mentor(SEOUL, sub).orElseThrow().mentees()).isEqualTo(1);

        // a new middle-school request: the matching transaction itself refuses it, nothing written
        String next = "learner-" + UUID.randomUUID();
        MentoringRequest waiting = request(next);
        assertThatThrownBy(() -> mentoring.match(waiting, mentorship(next, sub), 5))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(MentoringRefusal.MENTOR_NOT_FOR_LEVEL));
        assertThat(mentoring.request(SEOUL, next).orElseThrow().status()).isEqualTo(MentoringRequest.Status.REQUESTED);
        assertThat(mentoring.mentor(SEOUL, sub).orElseThrow().mentees()).isEqualTo(1);

        // and a mentor chosen again in a later round gets a new profile version: a correction read before it is refused, not lost
        Transaction tx = Transaction.named("select again (test)");
        Mentor again = mentoring.mentor(SEOUL, sub).orElseThrow();
        MentorOnboardingStorage.onboarding(dynamo, stack.table()).onboard(tx, new Mentor(SEOUL, sub, again.name(), again.university(),
                Set.of(MentoringSubject.CAREER), Set.of(SchoolLevel.HIGH), Set.of(Language.KO), 3, 0, again.availability(),
                LocalDate.of(2029, 2, 28), LocalDate.of(2029, 5, 28)), LocalDate.of(2028, 3, 1));
        new TransactionRunner(dynamo).commit(tx);
        problem(patch(sub, body("version", 2, "subjects", List.of("MATH"))), 409, "version-conflict");
        assertThat(mentoring.mentor(SEOUL, sub).orElseThrow().subjects()).containsExactly(MentoringSubject.CAREER);
    }

    private static MentoringRequest request(String mentee) {
        MentoringRequest r = new MentoringRequest(SEOUL, mentee, "김민준", SchoolLevel.MIDDLE, List.of(MentoringSubject.MATH), "분수",
                List.of(), Language.KO, MentoringRequest.Status.REQUESTED, NOW, null);
        mentoring.request(r);
        return r;
    }

    private static Mentorship mentorship(String mentee, String mentor) {
        return new Mentorship(SEOUL, UUID.randomUUID().toString(), mentee, mentor, "김민준", "이서연", "rules-1", 50, 8, 0, 1, 1, 24, 12,
                4, 4, NOW, NOW.plusSeconds(86_400L * 70), Mentorship.Status.ACTIVE, NOW, 1, 2);
    }
}

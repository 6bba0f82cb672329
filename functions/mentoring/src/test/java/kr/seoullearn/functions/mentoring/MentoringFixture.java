package kr.seoullearn.functions.mentoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.local.LocalMeetingRooms;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.local.aws.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test class's own copy of the template's table with rules, mentors and approved learners,
 * and the handler as the template wires it — on a DynamoDB client whose calls are counted and
 * a clock the test moves.
 */
final class MentoringFixture implements AutoCloseable {
    /** Monday 30 November 2026, 09:00 in Seoul. */
    static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    /** A clock the tests move (never sleep to wait for time). */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovingClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final TestStack stack;
    final DynamoDbClient dynamo;
    final CallCounter counter = new CallCounter();
    final MovingClock clock = new MovingClock(NOW);
    final ApplicationStore applications;
    final ProfileRepository profiles;
    final ProgrammeCatalogue programmes;
    final MentoringRulesCatalogue rules;
    final MentoringLedger ledger;
    final MentoringHandler handler;
    private final Map<String, EligibilityProgramme> programmeOf = new ConcurrentHashMap<>();

    MentoringFixture(String purpose) {
        this(purpose, stack -> new LocalMeetingRooms());
    }

    /** With the meeting rooms the stack gives, e.g. the adapter the template's MentoringFunction names. */
    MentoringFixture(String purpose, java.util.function.Function<TestStack, kr.seoullearn.mentoring.port.MeetingRooms> rooms) {
        stack = TestStack.create(purpose);
        dynamo = stack.aws().dynamoDb();
        applications = RegistrationStorage.applications(dynamo, stack.table());
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        programmes = RegistrationStorage.programmes(dynamo, stack.table());
        rules = MentoringStorage.rules(dynamo, stack.table());
        ledger = MentoringStorage.ledger(dynamo, stack.table());
        DynamoDbClient counted = stack.dynamoDb(counter);
        handler = new MentoringHandler(new Mentoring(RegistrationStorage.applications(counted, stack.table()),
                MentoringStorage.rules(counted, stack.table()), MentoringStorage.ledger(counted, stack.table()),
                rooms.apply(stack), MentoringStorage.feeds(counted, stack.table()), clock));
    }

    @Override
    public void close() {
        stack.close();
    }

    /** The launch rules (docs/product.md): 16 × 30 min in 8 weeks, ≤ 2 a week, 24 h notice, 12 h cancel, +8 / +4, 4 / {@code maxCapacity}. */
    static MentoringRules launch(String tenant, int weeklyCap, int maxCapacity) {
        return new MentoringRules(new TenantId(tenant), tenant + "-launch", LocalDate.of(2021, 3, 1), null, 30, 16, 8, weeklyCap, weeklyCap,
                24, 12, 0, Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH, SchoolLevel.NOT_IN_SCHOOL),
                8, 4, Math.min(4, maxCapacity), maxCapacity);
    }

    /** The later rules: one 60-minute session a week (two with the mentor's consent), 2 trial sessions, middle and high school. */
    static MentoringRules later(String tenant) {
        return new MentoringRules(new TenantId(tenant), tenant + "-weekly", LocalDate.of(2025, 3, 1), null, 60, 16, 16, 1, 2,
                24, 12, 2, Set.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH), 4, 4, 4, 10);
    }

    /** A tenant with an eligibility programme (learners are approved under it) and mentoring rules. */
    void tenant(MentoringRules r) {
        String tenant = r.tenant().value();
        EligibilityProgramme p = new EligibilityProgramme(r.tenant(), tenant + "-2026", LocalDate.of(2026, 3, 1), null,
                Map.of("en", tenant), List.of(new EligibilityProgramme.Category("LOW_INCOME", true, List.of())), 80, 6, 24,
                Set.of(SchoolLevel.values()), 1, null);
        programmes.save(p);
        programmeOf.put(tenant, p);
        rules.save(r);
    }

    /** Every day 09:00–21:00, Seoul time. */
    static Availability everyDay() {
        List<Availability.Window> windows = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            windows.add(new Availability.Window(d, LocalTime.of(9, 0), LocalTime.of(21, 0)));
        }
        return new Availability(windows, Set.of(), 0);
    }

    String mentor(String tenant, String name, Set<MentoringSubject> subjects, Set<SchoolLevel> levels, Set<Language> languages,
                  int capacity, Availability availability) {
        String sub = "mentor-" + UUID.randomUUID();
        ledger.saveMentor(new Mentor(new TenantId(tenant), sub, name, "서울대학교", subjects, levels, languages, capacity, 0, availability));
        return sub;
    }

    String mentor(String tenant) {
        return mentor(tenant, "멘토", Set.of(MentoringSubject.MATH, MentoringSubject.STUDY_HABITS),
                Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH), Set.of(Language.KO), 4, everyDay());
    }

    /** A learner approved by the records check at a school level. */
    String learner(String tenant, SchoolLevel level) {
        String sub = "learner-" + UUID.randomUUID();
        TenantId t = new TenantId(tenant);
        String email = sub + "@example.org";
        profiles.createIfAbsent(Profile.newDraft(t, sub, email, Language.KO, NOW));
        var draft = applications.find(t, sub).orElseThrow();
        var withProfile = new Application(t, sub, email, draft.status(), draft.version(), "학습자 " + sub.substring(8, 12),
                LocalDate.of(2012, 1, 1), level, level.grades() > 0 ? 1 : null, "mapo-gu", Language.KO, List.of("LOW_INCOME"),
                null, null, null, null, NOW, null, null);
        var saved = applications.saveProfile(withProfile, draft.version());
        applications.submit(saved, saved.version(), programmeOf.get(tenant), List.of(), true, NOW);
        return sub;
    }

    static final String REQUEST = "{\"subjects\":[\"MATH\"],\"goals\":\"수학 공부 습관\","
            + "\"preferredTimes\":[{\"day\":\"TUE\",\"from\":\"18:00\",\"to\":\"20:00\"}],\"language\":\"ko\"}";

    /** Through the routes: the learner asks, a reviewer confirms the mentor. Returns the mentorship id. */
    String mentorship(String tenant, String learner, String mentor) {
        expect(call("POST /api/mentoring/request", learner, tenant, Map.of(), null, REQUEST, "learners"), 201);
        var matched = expect(call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", tenant, Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + mentor + "\"}", "reviewers"), 201);
        return (String) matched.get("mentorshipId");
    }

    APIGatewayV2HTTPResponse call(String route, String sub, String tenant, Map<String, String> path, Map<String, String> query, String body,
                                  String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims(sub, tenant, groups), body, "en");
        if (!path.isEmpty()) {
            event.setPathParameters(path);
        }
        if (query != null) {
            event.setQueryStringParameters(query);
        }
        return handler.handleRequest(event, null);
    }

    /** A learner books their mentorship's session at a Seoul local time ("2026-12-01T19:00"). */
    APIGatewayV2HTTPResponse book(String tenant, String learner, String mentorshipId, String seoulLocal) {
        return call("POST /api/mentoring/mentorships/{mentorshipId}/sessions", learner, tenant, Map.of("mentorshipId", mentorshipId), null,
                "{\"start\":\"" + seoulLocal + "\"}", "learners");
    }

    Map<String, Object> mine(String tenant, String learner) {
        return expect(call("GET /api/mentoring/me", learner, tenant, Map.of(), null, null, "learners"), 200);
    }

    static Map<String, Object> expect(APIGatewayV2HTTPResponse r, int status) {
        if (r.getStatusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + r.getStatusCode() + ": " + r.getBody());
        }
        return json(r);
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }

    /**
     * Loses the answer of the next TransactWriteItems once armed: the emulator applies it, the SDK
     * is told 500 and sends the very same request again, with the same ClientRequestToken — what a
     * timeout that swallows a success does.
     */
    static final class LostAnswers implements ExecutionInterceptor {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicInteger sent = new AtomicInteger();

        void arm() {
            armed.set(true);
        }

        /** TransactWriteItems requests sent, retries included. */
        int transactionsSent() {
            return sent.get();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (transaction(attributes)) {
                sent.incrementAndGet();
            }
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (transaction(attributes) && context.httpResponse().isSuccessful() && armed.compareAndSet(true, false)) {
                return context.httpResponse().toBuilder().statusCode(500).build();
            }
            return context.httpResponse();
        }

        private static boolean transaction(ExecutionAttributes attributes) {
            return "TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** A DynamoDB client of the emulator whose transactions' answers {@code lost} loses when armed. */
    DynamoDbClient dynamoDb(LostAnswers lost) {
        return DynamoDbClient.builder()
                .endpointOverride(stack.aws().endpoint())
                .region(Region.of(stack.aws().region()))
                .credentialsProvider(() -> AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(lost).build())
                .build();
    }

    /** The mentorship item as stored. */
    Map<String, AttributeValue> mentorshipItem(String tenant, String mentorshipId) {
        return dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(MentoringStorage.mentorshipKey(new TenantId(tenant), mentorshipId).attributes())).item();
    }

    /** Every item of a partition (by its PK), in key order. */
    List<Map<String, AttributeValue>> partition(String pk) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    /** A person's busy half hours (lock items) as stored. */
    List<String> locks(String tenant, String userId) {
        return partition(Keys.user(new TenantId(tenant), userId)).stream().filter(i -> "BUSY".equals(i.get("type").s()))
                .map(i -> i.get(Keys.SK).s()).toList();
    }

    static int number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : 0;
    }

    int writes() {
        return WRITES.stream().mapToInt(counter::count).sum();
    }

    /** A snapshot of everything stored under a tenant's mentoring partitions of these people and mentorships. */
    List<String> snapshot(String tenant, List<String> people, List<String> mentorships) {
        Map<String, String> state = new LinkedHashMap<>();
        TenantId t = new TenantId(tenant);
        for (String p : people) {
            partition(Keys.user(t, p)).forEach(i -> state.put(i.get(Keys.PK).s() + "/" + i.get(Keys.SK).s(), new java.util.TreeMap<>(i).toString()));
        }
        for (String m : mentorships) {
            partition(MentoringStorage.mentorshipKey(t, m).pk()).forEach(i -> state.put(i.get(Keys.PK).s() + "/" + i.get(Keys.SK).s(),
                    new java.util.TreeMap<>(i).toString()));
        }
        return state.values().stream().toList();
    }
}

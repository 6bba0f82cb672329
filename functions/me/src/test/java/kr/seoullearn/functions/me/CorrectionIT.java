package kr.seoullearn.functions.me;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.dynamo.LaptopsStorage;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PATCH /api/me/profile through real API Gateway events against the template's table on the
 * emulator (docs/adr/0038): a district change takes a waiting laptop request to the end of the new
 * district's line (or a free unit there) in the profile's transaction, and is refused with nothing
 * changed while a laptop is on loan or kept for pickup; the school level changes once a school
 * year; the refusals; and a district change racing the old district's queue promotion never loses
 * or duplicates the request.
 */
class CorrectionIT {
    private static final Instant NOW = Instant.parse("2027-02-20T02:00:00Z");
    private static final TenantId SEOUL = TenantId.SEOUL;
    private static final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private static final AtomicInteger districts = new AtomicInteger();
    private static final CallCounter calls = new CallCounter();
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static MeHandler handler;
    private static LaptopLedger laptops;

    /** A clock the tests move (the school year turns on 1 March, Seoul). */
    private static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeAll
    static void provision() {
        stack = TestStack.create("correction");
        dynamo = stack.aws().dynamoDb();
        laptops = LaptopsStorage.ledger(dynamo, stack.table());
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, s(Keys.TENANTS), Keys.SK, s("seoul"),
                "nameKo", s("서울"), "nameEn", s("Seoul"), "districts", AttributeValue.fromL(List.of(s("mapo-gu"))))));
        DynamoDbClient counted = stack.dynamoDb(calls);
        String pool = stack.stack().userPoolId();
        handler = new MeHandler(RegistrationStorage.profiles(counted, stack.table()), RegistrationStorage.accounts(counted, stack.table()),
                new DynamoTenantDirectory(counted, stack.table()),
                new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(),
                        kr.seoullearn.local.aws.LocalAws.credentials())), pool, CLOCK, null, null,
                () -> new Corrections(RegistrationStorage.corrections(counted, stack.table()), LaptopsStorage.ledger(counted, stack.table()),
                        new DynamoTenantDirectory(counted, stack.table()), CLOCK), null);
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void atTheStart() {
        now.set(NOW);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    /** A new district of the tenant with {@code units} in stock. */
    private static String district(int units) {
        String d = "gu-" + districts.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        laptops.openDistrict(SEOUL, d, "model", units, NOW);
        dynamo.updateItem(r -> r.tableName(stack.table()).key(Map.of(Keys.PK, s(Keys.TENANTS), Keys.SK, s("seoul")))
                .updateExpression("SET districts = list_append(districts, :d)")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromL(List.of(s(d))))));
        return d;
    }

    /** An approved middle-school learner of {@code district}, at version 3; {@code guardian}: registered under 14. */
    private static String learner(String district, boolean guardian, String status) {
        String sub = "sub-" + UUID.randomUUID();
        Map<String, AttributeValue> item = new HashMap<>(Map.of(Keys.PK, s(Keys.user(SEOUL, sub)), Keys.SK, s("PROFILE"),
                "tenant", s("seoul"), "userId", s(sub), "username", s(sub), "status", s(status), "version", n(3),
                "displayName", s("김민준"), "district", s(district), "language", s("ko")));
        item.put("schoolLevel", s("MIDDLE"));
        item.put("grade", n(2));
        item.put("createdAt", s(NOW.minusSeconds(86_400 * 30).toString()));
        if (guardian) {
            item.put("guardianName", s("김보호"));
            item.put("guardianContact", s("010-1111-2222"));
            item.put("guardianConsentAt", s(NOW.minusSeconds(86_400 * 30).toString()));
        }
        dynamo.putItem(r -> r.tableName(stack.table()).item(item));
        return sub;
    }

    private static String learner(String district) {
        return learner(district, false, "APPROVED");
    }

    private static Map<String, AttributeValue> profile(String sub) {
        return dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true)
                .key(Map.of(Keys.PK, s(Keys.user(SEOUL, sub)), Keys.SK, s("PROFILE")))).item();
    }

    private static APIGatewayV2HTTPResponse patch(String sub, Map<String, Object> body, String... groups) {
        return patch(sub, Json.write(body), groups);
    }

    private static APIGatewayV2HTTPResponse patch(String sub, String body, String... groups) {
        String[] roles = groups.length == 0 ? new String[] {"learners"} : groups;
        return handler.handleRequest(Events.http("PATCH /api/me/profile", Events.claims(sub, "seoul", roles), body, "ko"), null);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static LaptopRequest requestIn(String sub, String district) {
        return laptops.request(new LaptopLedger.NewRequest(SEOUL, sub, district, UUID.randomUUID().toString(), "ACDEFG", null,
                now.get())).request();
    }

    private static List<Map<String, AttributeValue>> waiting(String district) {
        return dynamo.query(r -> r.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :w)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(SEOUL, "DISTRICT", district)), ":w", s("WAIT#")))).items();
    }

    private static StockCounts stock(String district) {
        return laptops.stock(SEOUL, district).orElseThrow();
    }

    private static void receive(String district, int units) {
        laptops.changeStock(SEOUL, district, StockChange.RECEIVED, units, "model", null, new Actor("officer", Actor.Kind.OFFICER), now.get());
    }

    // ---------------------------------------------------------------- district and the laptop queue

    @Test
    void aWaitingRequestMovesToTheEndOfTheNewDistrictsLineAndIsServedThereInTurn() {
        String from = district(0);
        String to = district(0);
        String already = learner(to);
        LaptopRequest theirs = requestIn(already, to);
        String me = learner(from);
        LaptopRequest mine = requestIn(me, from);
        assertThat(mine.status()).isEqualTo(LaptopStatus.REQUESTED);

        calls.reset();
        APIGatewayV2HTTPResponse r = patch(me, body("version", 3, "district", to));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        Map<String, Object> answer = Json.readObject(r.getBody());
        assertThat(answer).containsEntry("district", to).containsEntry("version", 4);
        assertThat(answer.get("laptopRequest")).isEqualTo(Map.of("requestId", mine.requestId(), "district", to,
                "status", "REQUESTED", "position", 2));
        assertThat(calls.count("Scan")).isZero();
        // the profile and the move in one transaction: a first try finds no unit free in the new district
        // (cancelled, nothing written), a ticket is taken there, the second try joins its line
        assertThat(calls.count("TransactWriteItems")).isEqualTo(2);
        assertThat(calls.count("UpdateItem")).as("the new district's ticket").isEqualTo(1);
        // the old line no longer holds it, the new one holds it once, behind who was already there
        assertThat(waiting(from)).isEmpty();
        assertThat(stock(from).waiting()).isZero();
        assertThat(waiting(to)).extracting(i -> i.get("requestId").s()).containsExactly(theirs.requestId(), mine.requestId());
        assertThat(stock(to).waiting()).isEqualTo(2);
        LaptopRequest moved = laptops.find(SEOUL, mine.requestId()).orElseThrow();
        assertThat(moved.district()).isEqualTo(to);
        assertThat(moved.status()).isEqualTo(LaptopStatus.REQUESTED);
        assertThat(moved.requestedAt()).isEqualTo(mine.requestedAt());
        assertThat(profile(me).get("district").s()).isEqualTo(to);
        // both districts' officers see it in their lists and trails
        assertThat(laptops.requests(SEOUL, to, true, null, 10).items()).extracting(LaptopRequest::requestId).contains(mine.requestId());
        assertThat(laptops.requests(SEOUL, from, true, null, 10).items()).isEmpty();
        assertThat(laptops.districtAudit(SEOUL, from, null, 10).items()).extracting(AuditEntry::change).contains("DISTRICT_CHANGED");
        assertThat(laptops.requestAudit(SEOUL, to, mine.requestId())).extracting(AuditEntry::change).contains("DISTRICT_CHANGED");

        // units arriving in the new district approve the line in its order: theirs first, then the moved one
        receive(to, 1);
        assertThat(laptops.find(SEOUL, theirs.requestId()).orElseThrow().status()).isEqualTo(LaptopStatus.APPROVED);
        assertThat(laptops.find(SEOUL, mine.requestId()).orElseThrow().status()).isEqualTo(LaptopStatus.REQUESTED);
        receive(to, 1);
        LaptopRequest approved = laptops.find(SEOUL, mine.requestId()).orElseThrow();
        assertThat(approved.status()).isEqualTo(LaptopStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(3);
        assertThat(stock(to)).extracting(StockCounts::waiting, StockCounts::reserved, StockCounts::inStock).containsExactly(0L, 2L, 0L);
    }

    @Test
    void aFreeUnitInTheNewDistrictWithNobodyWaitingApprovesTheMovedRequestAtOnce() {
        String from = district(0);
        String to = district(1);
        String me = learner(from);
        LaptopRequest mine = requestIn(me, from);

        APIGatewayV2HTTPResponse r = patch(me, body("version", 3, "district", to));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(Json.readObject(r.getBody()).get("laptopRequest")).isEqualTo(Map.of("requestId", mine.requestId(), "district", to,
                "status", "APPROVED", "position", 0));
        assertThat(stock(to)).extracting(StockCounts::inStock, StockCounts::reserved, StockCounts::waiting).containsExactly(0L, 1L, 0L);
        assertThat(stock(from).waiting()).isZero();
        assertThat(laptops.find(SEOUL, mine.requestId()).orElseThrow().status()).isEqualTo(LaptopStatus.APPROVED);
    }

    @Test
    void aLaptopOnLoanOrKeptForPickupRefusesTheChangeWithNothingChanged() {
        String from = district(1);
        String to = district(5);
        String me = learner(from);
        LaptopRequest approved = requestIn(me, from);
        Actor officer = new Actor("officer", Actor.Kind.OFFICER);
        LaptopRequest ready = laptops.change(approved, approved.version(), LaptopStatus.READY_FOR_PICKUP, officer, null, null, NOW);

        APIGatewayV2HTTPResponse pickup = patch(me, body("version", 3, "district", to));
        assertThat(pickup.getStatusCode()).as(pickup.getBody()).isEqualTo(409);
        assertThat(Json.readObject(pickup.getBody())).containsEntry("code", "district-change-pickup-pending")
                .containsEntry("requestId", approved.requestId());

        laptops.change(ready, ready.version(), LaptopStatus.LOANED, officer, null, LocalDate.of(2028, 2, 20), NOW);
        APIGatewayV2HTTPResponse loan = patch(me, body("version", 3, "district", to, "preferredLanguage", "en"));
        assertThat(loan.getStatusCode()).as(loan.getBody()).isEqualTo(409);
        Map<String, Object> problem = Json.readObject(loan.getBody());
        assertThat(problem).containsEntry("code", "district-change-loan-active");
        assertThat((String) problem.get("title")).isEqualTo("먼저 노트북을 반납해 주세요");
        assertThat(loan.getHeaders().get("content-type")).startsWith("application/problem+json");
        // nothing changed: not the district, not the language sent with it
        assertThat(profile(me).get("district").s()).isEqualTo(from);
        assertThat(profile(me).get("language").s()).isEqualTo("ko");
        assertThat(profile(me).get("version").n()).isEqualTo("3");
        assertThat(stock(to).inStock()).isEqualTo(5);
    }

    @Test
    void withoutAnActiveRequestOnlyTheProfileChanges() {
        String from = district(0);
        String to = district(0);
        String me = learner(from);

        APIGatewayV2HTTPResponse r = patch(me, body("version", 3, "district", to, "preferredLanguage", "vi"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(Json.readObject(r.getBody())).containsEntry("district", to).containsEntry("preferredLanguage", "vi")
                .doesNotContainKey("laptopRequest");
        assertThat(profile(me).get("correctedAt").s()).isEqualTo(NOW.toString());
        // a laptop request now goes to the new district
        assertThat(stock(to).waiting()).isZero();
    }

    // ---------------------------------------------------------------- school level, language, contact

    @Test
    void theSchoolLevelChangesOnceASchoolYearAndAgainAfterTheFirstOfMarch() {
        String me = learner(district(0));
        // 20 February 2027: still the school year 2026
        APIGatewayV2HTTPResponse first = patch(me, body("version", 3, "schoolLevel", "MIDDLE", "grade", 3));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(profile(me).get("levelChangedYear").n()).isEqualTo("2026");

        APIGatewayV2HTTPResponse second = patch(me, body("version", 4, "schoolLevel", "HIGH", "grade", 1));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(409);
        assertThat(Json.readObject(second.getBody())).containsEntry("code", "level-change-used");
        assertThat(profile(me).get("schoolLevel").s()).isEqualTo("MIDDLE");

        // the same level and grade again changes nothing and uses nothing
        APIGatewayV2HTTPResponse same = patch(me, body("version", 4, "schoolLevel", "MIDDLE", "grade", 3));
        assertThat(same.getStatusCode()).as(same.getBody()).isEqualTo(200);
        assertThat(profile(me).get("version").n()).isEqualTo("4");

        // 1 March 2027, 00:30 in Seoul: the new school year
        now.set(Instant.parse("2027-02-28T15:30:00Z"));
        APIGatewayV2HTTPResponse next = patch(me, body("version", 4, "schoolLevel", "HIGH", "grade", 1));
        assertThat(next.getStatusCode()).as(next.getBody()).isEqualTo(200);
        assertThat(profile(me)).extracting(p -> p.get("schoolLevel").s(), p -> p.get("grade").n(), p -> p.get("levelChangedYear").n())
                .containsExactly("HIGH", "1", "2027");
    }

    @Test
    void aGuardiansContactIsCorrectedOnlyWhereAGuardianIsOnRecord() {
        String child = learner(district(0), true, "APPROVED");
        APIGatewayV2HTTPResponse r = patch(child, body("version", 3, "guardianContact", " guardian@example.org "));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(profile(child).get("guardianContact").s()).isEqualTo("guardian@example.org");

        String older = learner(district(0));
        APIGatewayV2HTTPResponse none = patch(older, body("version", 3, "guardianContact", "010-2222-3333"));
        assertThat(none.getStatusCode()).as(none.getBody()).isEqualTo(422);
        assertThat(Json.readObject(none.getBody())).containsEntry("code", "no-guardian-on-record");
        assertThat(profile(older)).doesNotContainKey("guardianContact");
    }

    // ---------------------------------------------------------------- refusals: 4xx problems, nothing written

    @Test
    void badInputWrongRoleAndStaleVersionsAreProblemsAndWriteNothing() {
        String me = learner(district(0));
        String notYet = learner(district(0), false, "SUBMITTED");
        record Case(String name, APIGatewayV2HTTPResponse response, int status, String code) {}
        List<Case> cases = List.of(
                new Case("an applicant", patch(me, body("version", 3, "preferredLanguage", "en"), "applicants"), 403, "forbidden"),
                new Case("a mentor", patch(me, body("version", 3, "preferredLanguage", "en"), "mentors"), 403, "forbidden"),
                new Case("a reviewer", patch(me, body("version", 3, "preferredLanguage", "en"), "reviewers"), 403, "forbidden"),
                new Case("not approved", patch(notYet, body("version", 3, "preferredLanguage", "en")), 409, "profile-not-correctable"),
                new Case("stale version", patch(me, body("version", 2, "preferredLanguage", "en")), 409, "version-conflict"),
                new Case("another tenant's district", patch(me, body("version", 3, "district", "cheongju-si")), 422, "district-not-in-tenant"),
                new Case("nothing to change", patch(me, body("version", 3)), 400, "nothing-to-correct"),
                new Case("no version", patch(me, body("preferredLanguage", "en")), 400, "validation-failed"),
                new Case("unknown field", patch(me, body("version", 3, "name", "다른 이름")), 400, "validation-failed"),
                new Case("unknown language", patch(me, body("version", 3, "preferredLanguage", "fr")), 400, "validation-failed"),
                new Case("district of the wrong shape", patch(me, body("version", 3, "district", "Mapo Gu")), 400, "validation-failed"),
                new Case("grade beyond the level", patch(me, body("version", 3, "schoolLevel", "HIGH", "grade", 5)), 400, "validation-failed"),
                new Case("grade without level", patch(me, body("version", 3, "grade", 2)), 400, "validation-failed"),
                new Case("level without its grade", patch(me, body("version", 3, "schoolLevel", "HIGH")), 400, "validation-failed"),
                new Case("a number for a district", patch(me, body("version", 3, "district", 12)), 400, "validation-failed"),
                new Case("not JSON", patch(me, "{\"version\":"), 400, null),
                new Case("an array", patch(me, "[1,2]"), 400, null));
        for (Case c : cases) {
            assertThat(c.response().getStatusCode()).as(c.name() + ": " + c.response().getBody()).isEqualTo(c.status());
            assertThat(c.response().getHeaders().get("content-type")).as(c.name()).startsWith("application/problem+json");
            Map<String, Object> problem = Json.readObject(c.response().getBody());
            if (c.code() != null) {
                assertThat(problem).as(c.name()).containsEntry("code", c.code());
            }
            assertThat((String) problem.get("title")).as(c.name()).isNotBlank();
        }
        assertThat(profile(me).get("version").n()).isEqualTo("3");
        assertThat(profile(me).get("language").s()).isEqualTo("ko");
        assertThat(profile(notYet).get("version").n()).isEqualTo("3");

        // no token's tenant: someone who has not chosen where they live
        APIGatewayV2HTTPResponse noTenant = handler.handleRequest(Events.http("PATCH /api/me/profile",
                Events.claims(me, null, "learners"), Json.write(body("version", 3, "preferredLanguage", "en")), "en"), null);
        assertThat(noTenant.getStatusCode()).isEqualTo(403);
        // a learner of another tenant finds no profile here (the tenant is the token's)
        APIGatewayV2HTTPResponse otherTenant = handler.handleRequest(Events.http("PATCH /api/me/profile",
                Events.claims(me, "chungbuk", "learners"), Json.write(body("version", 3, "preferredLanguage", "en")), "en"), null);
        assertThat(otherTenant.getStatusCode()).isEqualTo(404);
        assertThat(profile(me).get("language").s()).isEqualTo("ko");
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * A learner first in line in a district with no unit; a unit arrives (the queue's promotion)
     * while the learner changes district, at the same moment, many times over. Either the
     * promotion wins (the request is approved in the old district and the change is refused,
     * nothing changed) or the move wins (the request waits in the new district and the unit stays
     * on the old district's shelf): never both, never neither, and every count matches its items.
     */
    @Test
    void aDistrictChangeRacingTheOldDistrictsPromotionNeverLosesOrDuplicatesTheRequest() throws Exception {
        int moved = 0;
        int promoted = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                String from = district(0);
                String to = district(0);
                String me = learner(from);
                LaptopRequest mine = requestIn(me, from);
                CountDownLatch start = new CountDownLatch(1);
                Callable<APIGatewayV2HTTPResponse> change = () -> {
                    start.await();
                    return patch(me, body("version", 3, "district", to));
                };
                // the unit arrives a little later each round (the correction reads before it writes, so
                // at 0 ms the promotion wins, later the move does, and in between they meet)
                long delay = round * 150L;
                Callable<Integer> promotion = () -> {
                    start.await();
                    Thread.sleep(delay);
                    receive(from, 1);
                    return 0;
                };
                Future<APIGatewayV2HTTPResponse> changed = pool.submit(change);
                Future<Integer> served = pool.submit(promotion);
                start.countDown();
                APIGatewayV2HTTPResponse answer = changed.get();
                served.get();

                LaptopRequest after = laptops.find(SEOUL, mine.requestId()).orElseThrow();
                List<String> inOld = waiting(from).stream().map(i -> i.get("requestId").s()).toList();
                List<String> inNew = waiting(to).stream().map(i -> i.get("requestId").s()).toList();
                StockCounts old = stock(from);
                StockCounts target = stock(to);
                assertThat(old.waiting()).as("old counter = entries").isEqualTo(inOld.size());
                assertThat(target.waiting()).as("new counter = entries").isEqualTo(inNew.size());
                assertThat(inOld).as("never in the old line after the race").isEmpty();
                if (answer.getStatusCode() == 200) {
                    moved++;
                    assertThat(after.district()).isEqualTo(to);
                    assertThat(after.status()).isEqualTo(LaptopStatus.REQUESTED);
                    assertThat(inNew).containsExactly(mine.requestId());
                    assertThat(old).extracting(StockCounts::inStock, StockCounts::reserved).containsExactly(1L, 0L);
                    assertThat(profile(me).get("district").s()).isEqualTo(to);
                } else {
                    promoted++;
                    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(409);
                    assertThat(Json.readObject(answer.getBody())).containsEntry("code", "district-change-pickup-pending");
                    assertThat(after.district()).isEqualTo(from);
                    assertThat(after.status()).isEqualTo(LaptopStatus.APPROVED);
                    assertThat(inNew).isEmpty();
                    assertThat(old).extracting(StockCounts::inStock, StockCounts::reserved).containsExactly(0L, 1L);
                    assertThat(profile(me).get("district").s()).isEqualTo(from);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("district change vs promotion, 12 rounds: moved %d, promoted first %d%n", moved, promoted);
        assertThat(moved + promoted).isEqualTo(12);
        assertThat(moved).as("rounds the move won").isPositive();
        assertThat(promoted).as("rounds the promotion won").isPositive();
    }
}

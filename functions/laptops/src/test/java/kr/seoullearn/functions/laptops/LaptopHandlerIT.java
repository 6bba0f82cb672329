package kr.seoullearn.functions.laptops;

import static kr.seoullearn.functions.laptops.LaptopFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The laptop routes against the template's table on the emulator, through real API Gateway events. */
class LaptopHandlerIT {
    private static LaptopFixture f;
    private static String nowonOfficer;
    private static String gangseoOfficer;
    private static String chungbukOfficer;
    private static final String ADMIN = "admin-1";
    private static final String CHUNGBUK_ADMIN = "admin-cb";

    @BeforeAll
    static void provision() {
        f = new LaptopFixture("laptops");
        f.district("seoul", "nowon-gu", 10);
        f.district("seoul", "gangseo-gu", 0);
        f.district("seoul", "guro-gu", 3);
        f.district("chungbuk", "cheongju-si", 5);
        nowonOfficer = f.officer("seoul", "nowon-gu");
        gangseoOfficer = f.officer("seoul", "gangseo-gu");
        chungbukOfficer = f.officer("chungbuk", "cheongju-si");
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    private static void assertProblem(APIGatewayV2HTTPResponse r, int status, String code) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(r)).containsEntry("code", code);
        assertThat((String) json(r).get("title")).isNotBlank();
    }

    // ------------------------------------------------------------------ the journey

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerRequestsTheOfficerMarksItReadyHandsOverAUnitByItsSerialAndChecksItAtReturn() {
        String learner = f.learner("seoul", "nowon-gu");
        long inStock = f.number(f.stockItem("seoul", "nowon-gu"), "inStock");
        long loanedBefore = f.number(f.stockItem("seoul", "nowon-gu"), "loaned");
        long reservedBefore = f.number(f.stockItem("seoul", "nowon-gu"), "reserved");

        f.counter.reset();
        var requested = f.request(learner, "seoul");
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(201);
        assertThat(f.counter.snapshot()).as("1 GetItem of the application + 1 transaction")
                .isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        Map<String, Object> r = json(requested);
        String id = (String) r.get("requestId");
        assertThat(r).containsEntry("status", "APPROVED").containsEntry("district", "nowon-gu").containsEntry("version", 1)
                .doesNotContainKey("learnerId").doesNotContainKey("position");
        assertThat((String) r.get("pickupCode")).matches("[A-Z0-9]{6}");
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "inStock")).isEqualTo(inStock - 1);

        f.counter.reset();
        var mine = f.call("GET /api/laptops/mine", learner, "seoul", null, null, "learners");
        assertThat(mine.getStatusCode()).isEqualTo(200);
        assertThat((Map<String, Object>) json(mine).get("request")).containsEntry("requestId", id).containsEntry("status", "APPROVED");
        assertThat(f.counter.snapshot()).as("marker + request").isEqualTo(Map.of("GetItem", 2));

        f.counter.reset();
        var ready = f.status(nowonOfficer, "seoul", id, "READY_FOR_PICKUP", 1, null, "district-officers");
        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
        assertThat(json(ready)).containsEntry("status", "READY_FOR_PICKUP").containsEntry("learnerId", learner).containsEntry("version", 2);
        assertThat(f.counter.snapshot()).as("request + officer's districts + 1 transaction")
                .isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1));

        String serial = "JOURNEY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        var unit = f.registerUnit(nowonOfficer, "seoul", "nowon-gu", serial.toLowerCase(java.util.Locale.ROOT), "SL-" + serial,
                "district-officers");
        assertThat(unit.getStatusCode()).as(unit.getBody()).isEqualTo(201);
        assertThat(json(unit)).containsEntry("serial", serial).containsEntry("status", "AVAILABLE");
        inStock++;
        assertProblem(f.status(learner, "seoul", id, "LOANED", 2, null, "learners"), 409, "laptop-status-change-not-allowed");
        assertProblem(f.pickup(nowonOfficer, "seoul", id, 2, null, "district-officers"), 400, "validation-failed");
        assertProblem(f.pickup(nowonOfficer, "seoul", id, 2, "NO-SUCH-UNIT", "district-officers"), 409, "laptop-unit-unavailable");
        var received = f.pickup(nowonOfficer, "seoul", id, 2, serial, "district-officers");
        assertThat(received.getStatusCode()).as(received.getBody()).isEqualTo(200);
        assertThat(json(received)).containsEntry("status", "LOANED").containsEntry("dueOn", "2027-11-28")
                .containsEntry("serial", serial).containsEntry("assetTag", "SL-" + serial);
        var mineLoaned = json(f.call("GET /api/laptops/mine", learner, "seoul", null, null, "learners"));
        assertThat((Map<String, Object>) mineLoaned.get("request")).containsEntry("serial", serial);
        Map<String, AttributeValue> stock = f.stockItem("seoul", "nowon-gu");
        assertThat(f.number(stock, "loaned")).isEqualTo(loanedBefore + 1);
        assertThat(f.number(stock, "reserved")).isEqualTo(reservedBefore);

        var again = f.request(learner, "seoul");
        assertProblem(again, 409, "laptop-request-active");
        assertThat(json(again)).containsEntry("requestId", id).containsEntry("requestStatus", "LOANED")
                .containsEntry("title", "You already have a laptop request");

        assertProblem(f.giveBack(nowonOfficer, "seoul", id, 3, null, "district-officers"), 400, "validation-failed");
        assertProblem(f.giveBack(nowonOfficer, "seoul", id, 3, "WRONG-1234", "district-officers"), 409, "laptop-serial-mismatch");
        var returned = f.giveBack(nowonOfficer, "seoul", id, 3, serial, "district-officers");
        assertThat(returned.getStatusCode()).as(returned.getBody()).isEqualTo(200);
        var units = json(f.call("GET /api/laptops/districts/{district}/units", nowonOfficer, "seoul", Map.of("district", "nowon-gu"),
                null, "district-officers"));
        assertThat((List<Map<String, Object>>) units.get("units")).filteredOn(u -> serial.equals(u.get("serial")))
                .singleElement().satisfies(u -> assertThat(u).containsEntry("status", "AVAILABLE").doesNotContainKey("requestId"));
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "inStock")).isEqualTo(inStock);
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "loaned")).isEqualTo(loanedBefore);

        f.counter.reset();
        var trail = f.call("GET /api/laptops/requests/{requestId}", nowonOfficer, "seoul", Map.of("requestId", id), null,
                "district-officers");
        assertThat(trail.getStatusCode()).isEqualTo(200);
        List<Map<String, Object>> audit = (List<Map<String, Object>>) json(trail).get("audit");
        assertThat(audit).extracting(e -> e.get("from") + ">" + e.get("to"))
                .containsExactly("null>REQUESTED", "REQUESTED>APPROVED", "APPROVED>READY_FOR_PICKUP", "READY_FOR_PICKUP>LOANED",
                        "LOANED>RETURNED");
        assertThat(audit).extracting(e -> ((Map<String, Object>) e.get("actor")).get("kind"))
                .containsExactly("LEARNER", "SYSTEM", "OFFICER", "OFFICER", "OFFICER");
        assertThat(audit.get(2)).extracting(e -> ((Map<String, Object>) e.get("actor")).get("id")).isEqualTo(nowonOfficer);
        assertThat(f.counter.snapshot()).as("request + officer's districts + 1 Query of the trail")
                .isEqualTo(Map.of("GetItem", 2, "Query", 1));

        // after the return the learner may ask again
        assertThat(f.request(learner, "seoul").getStatusCode()).isEqualTo(201);
    }

    @Test
    void withNoStockTheRequestQueuesAndIsApprovedWhenUnitsArrive() {
        String first = f.learner("seoul", "gangseo-gu");
        String second = f.learner("seoul", "gangseo-gu");
        f.counter.reset();
        var a = f.request(first, "seoul");
        assertThat(a.getStatusCode()).as(a.getBody()).isEqualTo(202);
        assertThat(json(a)).containsEntry("status", "REQUESTED").containsEntry("position", 1);
        assertThat(f.counter.snapshot()).as("application, a failed transaction, a ticket, the transaction, the position")
                .isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 2, "UpdateItem", 1, "Query", 1));
        var b = f.request(second, "seoul");
        assertThat(json(b)).containsEntry("status", "REQUESTED").containsEntry("position", 2);

        var list = f.call("GET /api/laptops/districts/{district}/requests", gangseoOfficer, "seoul", Map.of("district", "gangseo-gu"),
                null, "district-officers");
        assertThat(list.getStatusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) json(list).get("requests");
        assertThat(requests).extracting(m -> m.get("requestId") + "@" + m.get("position"))
                .containsExactlyInAnyOrder(json(a).get("requestId") + "@1", json(b).get("requestId") + "@2");

        var stock = f.stockChange(gangseoOfficer, "seoul", "gangseo-gu", "RECEIVED", 1, "district-officers");
        assertThat(stock.getStatusCode()).as(stock.getBody()).isEqualTo(200);
        assertThat(json(stock)).containsEntry("approved", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> mineFirst = (Map<String, Object>) json(f.call("GET /api/laptops/mine", first, "seoul", null, null,
                "learners")).get("request");
        assertThat(mineFirst).containsEntry("status", "APPROVED").doesNotContainKey("position");
        @SuppressWarnings("unchecked")
        Map<String, Object> mineSecond = (Map<String, Object>) json(f.call("GET /api/laptops/mine", second, "seoul", null, null,
                "learners")).get("request");
        assertThat(mineSecond).containsEntry("status", "REQUESTED").containsEntry("position", 1);

        // rejecting the approved one gives its unit to the next in line
        var rejected = f.status(gangseoOfficer, "seoul", (String) json(a).get("requestId"), "REJECTED", 2,
                "Already lent a laptop by the school", "district-officers");
        assertThat(rejected.getStatusCode()).as(rejected.getBody()).isEqualTo(200);
        assertThat(json(rejected)).containsEntry("status", "REJECTED").containsEntry("reason", "Already lent a laptop by the school");
        @SuppressWarnings("unchecked")
        Map<String, Object> promoted = (Map<String, Object>) json(f.call("GET /api/laptops/mine", second, "seoul", null, null,
                "learners")).get("request");
        assertThat(promoted).containsEntry("status", "APPROVED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stockChangesAreImmutableEntriesAndAWriteOffNeverGoesBelowZero() {
        f.district("seoul", "stock-gu", 4);
        String officer = f.officer("seoul", "stock-gu");
        var off = f.stockChange(officer, "seoul", "stock-gu", "WRITTEN_OFF", 3, "district-officers");
        assertThat(off.getStatusCode()).as(off.getBody()).isEqualTo(200);
        assertThat((Map<String, Object>) json(off).get("district")).containsEntry("inStock", 1);
        f.counter.reset();
        var tooMany = f.stockChange(officer, "seoul", "stock-gu", "WRITTEN_OFF", 2, "district-officers");
        assertProblem(tooMany, 409, "laptop-stock-too-low");
        assertThat(json(tooMany)).containsEntry("inStock", 1);
        assertThat(f.writes()).as("a refused write-off writes nothing").isZero();
        assertThat(f.number(f.stockItem("seoul", "stock-gu"), "inStock")).isEqualTo(1);

        var audit = f.call("GET /api/laptops/districts/{district}/audit", officer, "seoul", Map.of("district", "stock-gu"), null,
                "district-officers");
        assertThat(audit.getStatusCode()).isEqualTo(200);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json(audit).get("entries");
        assertThat(entries).extracting(e -> e.get("change") + ":" + e.get("from") + ">" + e.get("to"))
                .containsExactly("WRITTEN_OFF:4>1", "RECEIVED:0>4");
        assertThat(entries.get(0)).containsEntry("units", 3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void officersSeeTheirDistrictsAndAdminsEveryDistrictOfTheirTenant() {
        f.counter.reset();
        var mine = f.call("GET /api/laptops/districts", nowonOfficer, "seoul", null, null, "district-officers");
        assertThat(mine.getStatusCode()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) json(mine).get("districts")).extracting(d -> d.get("district")).containsExactly("nowon-gu");
        assertThat(json(mine)).containsEntry("scope", "assigned");
        assertThat(f.counter.snapshot()).isEqualTo(Map.of("GetItem", 1, "BatchGetItem", 1));

        f.counter.reset();
        var all = f.call("GET /api/laptops/districts", ADMIN, "seoul", null, null, "admins");
        assertThat(all.getStatusCode()).isEqualTo(200);
        List<Map<String, Object>> districts = (List<Map<String, Object>>) json(all).get("districts");
        assertThat(districts).extracting(d -> d.get("district")).contains("nowon-gu", "gangseo-gu", "guro-gu")
                .doesNotContain("cheongju-si");
        assertThat(districts.get(0)).containsKeys("inStock", "reserved", "loaned", "waiting", "requested");
        assertThat(f.counter.snapshot()).isEqualTo(Map.of("Query", 1));

        var chungbuk = f.call("GET /api/laptops/districts", CHUNGBUK_ADMIN, "chungbuk", null, null, "admins");
        assertThat((List<Map<String, Object>>) json(chungbuk).get("districts")).extracting(d -> d.get("district"))
                .containsExactly("cheongju-si");

        var none = f.call("GET /api/laptops/districts", "officer-without-districts", "seoul", null, null, "district-officers");
        assertThat((List<?>) json(none).get("districts")).isEmpty();
    }

    // ------------------------------------------------------------------ another learner, district, tenant

    @Test
    void anotherLearnersRequestIsNotFoundAndUnchanged() {
        String owner = f.learner("seoul", "guro-gu");
        String other = f.learner("seoul", "guro-gu");
        String id = (String) json(f.request(owner, "seoul")).get("requestId");
        f.counter.reset();
        assertProblem(f.status(other, "seoul", id, "CANCELLED", 1, null, "learners"), 404, "laptop-request-not-found");
        assertThat(f.writes()).isZero();
        assertProblem(f.call("GET /api/laptops/requests/{requestId}", other, "seoul", Map.of("requestId", id), null, "learners"),
                403, "forbidden");
        assertThat(f.ledger.find(new kr.seoullearn.platform.tenant.TenantId("seoul"), id).orElseThrow().status().name())
                .isEqualTo("APPROVED");
        // the owner cancels; the unit goes back on the shelf
        var cancelled = f.status(owner, "seoul", id, "CANCELLED", 1, null, "learners");
        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(f.learnerLaptopItems("seoul", owner).get(0).get("active").bool()).isFalse();
    }

    @Test
    void anotherDistrictsOfficerCannotSeeOrActOnARequest() {
        String learner = f.learner("seoul", "nowon-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        f.counter.reset();
        assertProblem(f.status(gangseoOfficer, "seoul", id, "READY_FOR_PICKUP", 1, null, "district-officers"), 404,
                "laptop-request-not-found");
        assertProblem(f.status(gangseoOfficer, "seoul", id, "REJECTED", 1, "no", "district-officers"), 404,
                "laptop-request-not-found");
        assertProblem(f.call("GET /api/laptops/requests/{requestId}", gangseoOfficer, "seoul", Map.of("requestId", id), null,
                "district-officers"), 404, "laptop-request-not-found");
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        assertProblem(f.call("GET /api/laptops/districts/{district}/requests", gangseoOfficer, "seoul", nowon, null,
                "district-officers"), 403, "forbidden");
        assertProblem(f.call("GET /api/laptops/districts/{district}/audit", gangseoOfficer, "seoul", nowon, null,
                "district-officers"), 403, "forbidden");
        assertProblem(f.stockChange(gangseoOfficer, "seoul", "nowon-gu", "RECEIVED", 5, "district-officers"), 403, "forbidden");
        assertThat(f.writes()).as("nothing written for another district's officer").isZero();
        // an admin of the tenant may act on any district
        var ready = f.status(ADMIN, "seoul", id, "READY_FOR_PICKUP", 1, null, "admins");
        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
    }

    @Test
    void anotherTenantsRecordsAreUnreachable() {
        String learner = f.learner("seoul", "nowon-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        String cbLearner = f.learner("chungbuk", "cheongju-si");
        String cbId = (String) json(f.request(cbLearner, "chungbuk")).get("requestId");
        f.counter.reset();
        // a Chungbuk officer or admin naming a Seoul request or district
        assertProblem(f.status(chungbukOfficer, "chungbuk", id, "READY_FOR_PICKUP", 1, null, "district-officers"), 404,
                "laptop-request-not-found");
        assertProblem(f.status(CHUNGBUK_ADMIN, "chungbuk", id, "REJECTED", 1, "x", "admins"), 404, "laptop-request-not-found");
        assertProblem(f.call("GET /api/laptops/requests/{requestId}", CHUNGBUK_ADMIN, "chungbuk", Map.of("requestId", id), null,
                "admins"), 404, "laptop-request-not-found");
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        assertProblem(f.call("GET /api/laptops/districts/{district}/requests", CHUNGBUK_ADMIN, "chungbuk", nowon, null, "admins"),
                404, "district-not-found");
        assertProblem(f.call("GET /api/laptops/districts/{district}/audit", CHUNGBUK_ADMIN, "chungbuk", nowon, null, "admins"),
                404, "district-not-found");
        assertProblem(f.stockChange(CHUNGBUK_ADMIN, "chungbuk", "nowon-gu", "RECEIVED", 5, "admins"), 404, "district-not-found");
        // a Seoul learner naming a Chungbuk request
        assertProblem(f.status(learner, "seoul", cbId, "CANCELLED", 1, null, "learners"), 404, "laptop-request-not-found");
        // a Seoul admin naming Chungbuk's district and request
        assertProblem(f.call("GET /api/laptops/districts/{district}/requests", ADMIN, "seoul", Map.of("district", "cheongju-si"),
                null, "admins"), 404, "district-not-found");
        assertProblem(f.call("GET /api/laptops/requests/{requestId}", ADMIN, "seoul", Map.of("requestId", cbId), null, "admins"),
                404, "laptop-request-not-found");
        assertThat(f.writes()).isZero();
    }

    @Test
    void aLearnerWhoseDistrictLendsNoLaptopsIsToldSoAndNothingIsWritten() {
        String learner = f.learner("seoul", "nowhere-gu");
        f.counter.reset();
        assertProblem(f.request(learner, "seoul"), 404, "district-not-found");
        assertThat(f.learnerLaptopItems("seoul", learner)).isEmpty();
    }

    // ------------------------------------------------------------------ status rules

    @Test
    void stepsThatDoNotFollowAndStaleVersionsAreRefusedWithTheCurrentStatus() {
        String learner = f.learner("seoul", "nowon-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        f.counter.reset();
        var early = f.status(learner, "seoul", id, "LOANED", 1, null, "learners");
        assertProblem(early, 409, "laptop-status-change-not-allowed");
        assertThat(json(early)).containsEntry("requestStatus", "APPROVED");
        assertProblem(f.status(nowonOfficer, "seoul", id, "RETURNED", 1, null, "district-officers"), 409,
                "laptop-status-change-not-allowed");
        assertProblem(f.status(learner, "seoul", id, "READY_FOR_PICKUP", 1, null, "learners"), 409,
                "laptop-status-change-not-allowed");
        var stale = f.status(nowonOfficer, "seoul", id, "READY_FOR_PICKUP", 7, null, "district-officers");
        assertProblem(stale, 409, "version-conflict");
        assertThat(json(stale)).containsEntry("version", 1);
        assertThat(f.writes()).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstRequest() {
        String learner = f.learner("seoul", "nowon-gu");
        APIGatewayV2HTTPEvent event = Events.http("POST /api/laptops/requests", Events.claims(learner, "seoul", "learners"),
                "{\"agreeToLoanTerms\":true}", "en");
        event.getHeaders().put("Idempotency-Key", "retry-" + UUID.randomUUID());
        var first = f.handler.handleRequest(event, null);
        var retry = f.handler.handleRequest(event, null);
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(200);
        assertThat(json(retry).get("requestId")).isEqualTo(json(first).get("requestId"));
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "requested")).as("counted once")
                .isEqualTo(f.districtItems("seoul", "nowon-gu").stream()
                        .filter(i -> i.get("SK").s().startsWith("AUDIT#") && "REQUESTED".equals(attr(i, "to"))
                                && attr(i, "from") == null).count());
    }

    private static APIGatewayV2HTTPResponse stockWithKey(String officer, String district, String key, String body) {
        APIGatewayV2HTTPEvent event = Events.http("POST /api/laptops/districts/{district}/stock",
                Events.claims(officer, "seoul", "district-officers"), body, "en");
        event.setPathParameters(Map.of("district", district));
        Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return f.handler.handleRequest(event, null);
    }

    @Test
    void aDeliveryRecordedAgainWithItsIdempotencyKeyCountsItsUnitsOnceAndApprovesTheWaitingLearnerOnce() throws Exception {
        f.district("seoul", "dobong-gu", 0);
        String officer = f.officer("seoul", "dobong-gu");
        String waiting = f.learner("seoul", "dobong-gu");
        assertThat(f.call("POST /api/laptops/requests", waiting, "seoul", Map.of(), "{\"agreeToLoanTerms\":true}", "learners")
                .getStatusCode()).as("queued: no laptop in the district yet").isEqualTo(202);
        String key = "delivery-" + UUID.randomUUID();
        String body = "{\"change\":\"RECEIVED\",\"units\":2,\"note\":\"box 17\"}";

        var first = stockWithKey(officer, "dobong-gu", key, body);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(json(first)).containsEntry("approved", 1);
        // the officer's tablet lost the answer and sends it again, twice, and then four times at once
        assertThat(stockWithKey(officer, "dobong-gu", key, body).getStatusCode()).isEqualTo(200);
        assertThat(stockWithKey(officer, "dobong-gu", key, body).getStatusCode()).isEqualTo(200);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<APIGatewayV2HTTPResponse>>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> stockWithKey(officer, "dobong-gu", key, body)));
            }
            for (var answer : answers) {
                assertThat(answer.get().getStatusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        var items = f.districtItems("seoul", "dobong-gu");
        assertThat(items).filteredOn(i -> i.get("SK").s().startsWith("AUDIT#") && "RECEIVED".equals(attr(i, "change"))
                && "OFFICER".equals(attr(i, "actorKind"))).as("one delivery entry besides the opening one").hasSize(1);
        var stock = f.stockItem("seoul", "dobong-gu");
        assertThat(f.number(stock, "inStock") + f.number(stock, "reserved")).as("two units, counted once").isEqualTo(2);
        assertThat(f.number(stock, "reserved")).as("the one waiting learner approved once").isEqualTo(1);
        assertThat(items).filteredOn(i -> i.get("SK").s().startsWith("STOCKKEY#")).singleElement()
                .satisfies(marker -> assertThat(marker).containsKey("expiresAt"));

        // the same key for another change is refused, and nothing changes
        var reused = stockWithKey(officer, "dobong-gu", key, body.replace("2", "3"));
        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(f.number(f.stockItem("seoul", "dobong-gu"), "inStock")).isEqualTo(f.number(stock, "inStock"));
        // without a key, each call is a delivery of its own (as before)
        assertThat(f.call("POST /api/laptops/districts/{district}/stock", officer, "seoul", Map.of("district", "dobong-gu"),
                "{\"change\":\"RECEIVED\",\"units\":1}", "district-officers").getStatusCode()).isEqualTo(200);
        assertThat(f.number(f.stockItem("seoul", "dobong-gu"), "inStock")).isEqualTo(f.number(stock, "inStock") + 1);
    }

    private static String attr(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    // ------------------------------------------------------------------ bad input and wrong roles on every route

    @Test
    void badInputOnEveryRouteIsAClear400AndWritesNothing() {
        String learner = f.learner("seoul", "nowon-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        Map<String, String> rid = Map.of("requestId", id);
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        f.counter.reset();
        Map<String, String> requestBodies = new LinkedHashMap<>();
        requestBodies.put("{}", "required");
        requestBodies.put("{\"agreeToLoanTerms\":false}", "must-be-true");
        requestBodies.put("{\"agreeToLoanTerms\":\"yes\"}", "invalid-value");
        requestBodies.put("{\"agreeToLoanTerms\":true,\"district\":\"gangnam-gu\"}", "unknown-field");
        for (var b : requestBodies.entrySet()) {
            var r = f.call("POST /api/laptops/requests", learner, "seoul", null, b.getKey(), "learners");
            assertProblem(r, 400, "validation-failed");
            assertThat(r.getBody()).as(b.getKey()).contains(b.getValue());
        }
        assertProblem(f.call("POST /api/laptops/requests", learner, "seoul", null, "{not json", "learners"), 400, "malformed-json");
        assertProblem(f.call("POST /api/laptops/requests", learner, "seoul", null, "[1]", "learners"), 400, "not-an-object");
        assertProblem(f.call("POST /api/laptops/requests", learner, "seoul", null, null, "learners"), 400, "body-missing");
        assertProblem(f.call("POST /api/laptops/requests", learner, "seoul", null, "{\"x\":\"" + "a".repeat(70_000) + "\"}",
                "learners"), 413, "body-too-large");

        Map<String, String> statusBodies = new LinkedHashMap<>();
        statusBodies.put("{\"version\":1}", "\"status\"");
        statusBodies.put("{\"status\":\"LOST\",\"version\":1}", "invalid-value");
        statusBodies.put("{\"status\":\"APPROVED\",\"version\":1}", "invalid-value");
        statusBodies.put("{\"status\":\"CANCELLED\"}", "\"version\"");
        statusBodies.put("{\"status\":\"CANCELLED\",\"version\":\"1\"}", "\"version\"");
        statusBodies.put("{\"status\":\"REJECTED\",\"version\":1}", "\"reason\"");
        statusBodies.put("{\"status\":\"REJECTED\",\"version\":1,\"reason\":\"" + "a".repeat(301) + "\"}", "too-long");
        statusBodies.put("{\"status\":\"CANCELLED\",\"version\":1,\"extra\":1}", "unknown-field");
        for (var b : statusBodies.entrySet()) {
            var r = f.call("POST /api/laptops/requests/{requestId}/status", nowonOfficer, "seoul", rid, b.getKey(), "district-officers");
            assertProblem(r, 400, "validation-failed");
            assertThat(r.getBody()).as(b.getKey()).contains(b.getValue());
        }
        assertProblem(f.call("POST /api/laptops/requests/{requestId}/status", learner, "seoul", rid, "nope", "learners"), 400,
                "malformed-json");
        assertProblem(f.status(learner, "seoul", "not-a-uuid", "CANCELLED", 1, null, "learners"), 404, "laptop-request-not-found");
        assertProblem(f.status(learner, "seoul", UUID.randomUUID().toString(), "CANCELLED", 1, null, "learners"), 404,
                "laptop-request-not-found");
        assertProblem(f.call("GET /api/laptops/requests/{requestId}", nowonOfficer, "seoul", Map.of("requestId", "../x"), null,
                "district-officers"), 404, "laptop-request-not-found");

        Map<String, String> stockBodies = new LinkedHashMap<>();
        stockBodies.put("{\"units\":1}", "\"change\"");
        stockBodies.put("{\"change\":\"STOLEN\",\"units\":1}", "invalid-value");
        stockBodies.put("{\"change\":\"RECEIVED\"}", "\"units\"");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":0}", "out-of-range");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":-3}", "out-of-range");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":1.5}", "invalid-value");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":\"2\"}", "invalid-value");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":10001}", "out-of-range");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":1,\"model\":\"" + "m".repeat(81) + "\"}", "too-long");
        stockBodies.put("{\"change\":\"RECEIVED\",\"units\":1,\"inStock\":99}", "unknown-field");
        for (var b : stockBodies.entrySet()) {
            var r = f.call("POST /api/laptops/districts/{district}/stock", nowonOfficer, "seoul", nowon, b.getKey(), "district-officers");
            assertProblem(r, 400, "validation-failed");
            assertThat(r.getBody()).as(b.getKey()).contains(b.getValue());
        }
        assertProblem(f.call("POST /api/laptops/districts/{district}/stock", ADMIN, "seoul", Map.of("district", "Nowon Gu"),
                "{\"change\":\"RECEIVED\",\"units\":1}", "admins"), 404, "district-not-found");
        assertProblem(f.callQuery("GET /api/laptops/districts/{district}/requests", nowonOfficer, "seoul", nowon, Map.of("state", "all"),
                null, "district-officers"), 400, "validation-failed");
        assertProblem(f.callQuery("GET /api/laptops/districts/{district}/requests", nowonOfficer, "seoul", nowon, Map.of("cursor", "garbage"),
                null, "district-officers"), 400, "validation-failed");
        assertProblem(f.callQuery("GET /api/laptops/districts/{district}/audit", nowonOfficer, "seoul", nowon, Map.of("cursor", "garbage"),
                null, "district-officers"), 400, "validation-failed");
        assertProblem(f.call("GET /api/laptops/districts/{district}/audit", ADMIN, "seoul", Map.of("district", "x"), null, "admins"),
                404, "district-not-found");
        assertThat(f.writes()).as("no bad request wrote anything").isZero();
    }

    @Test
    void wrongRolesAndNoTokenAreRefusedOnEveryRouteAndWriteNothing() {
        String learner = f.learner("seoul", "nowon-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        Map<String, String> rid = Map.of("requestId", id);
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        String statusBody = "{\"status\":\"READY_FOR_PICKUP\",\"version\":1}";
        String stockBody = "{\"change\":\"RECEIVED\",\"units\":1}";
        record Route(String key, Map<String, String> path, String body, List<String> allowed) {}
        List<Route> routes = List.of(
                new Route("GET /api/laptops/mine", null, null, List.of("learners")),
                new Route("POST /api/laptops/requests", null, "{\"agreeToLoanTerms\":true}", List.of("learners")),
                new Route("POST /api/laptops/requests/{requestId}/status", rid, statusBody,
                        List.of("learners", "district-officers", "admins")),
                new Route("GET /api/laptops/requests/{requestId}", rid, null, List.of("district-officers", "admins")),
                new Route("GET /api/laptops/districts", null, null, List.of("district-officers", "admins")),
                new Route("GET /api/laptops/districts/{district}/requests", nowon, null, List.of("district-officers", "admins")),
                new Route("POST /api/laptops/districts/{district}/stock", nowon, stockBody, List.of("district-officers", "admins")),
                new Route("GET /api/laptops/districts/{district}/audit", nowon, null, List.of("district-officers", "admins")),
                new Route("PUT /api/laptops/officers/{userId}/districts", Map.of("userId", nowonOfficer),
                        "{\"districts\":[\"gangseo-gu\"]}", List.of("admins")));
        f.counter.reset();
        for (Route route : routes) {
            for (String group : List.of("applicants", "learners", "mentors", "reviewers", "district-officers", "admins")) {
                if (route.allowed().contains(group)) {
                    continue;
                }
                var r = f.call(route.key(), "someone-" + group, "seoul", route.path(), route.body(), group);
                assertThat(r.getStatusCode()).as(route.key() + " as " + group).isEqualTo(403);
                assertThat(json(r)).as(route.key() + " as " + group).containsEntry("code", "forbidden");
            }
            var anonymous = f.call(route.key(), null, "seoul", route.path(), route.body(), (String[]) null);
            assertThat(anonymous.getStatusCode()).as(route.key() + " without a token").isEqualTo(401);
        }
        assertThat(f.writes()).as("no refused caller wrote anything").isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSetsAnOfficersDistrictsWithinTheTenantAndItTakesEffectAtOnce() {
        String officer = f.officer("seoul", "nowon-gu");
        Map<String, String> path = Map.of("userId", officer);
        f.counter.reset();
        var set = f.call("PUT /api/laptops/officers/{userId}/districts", ADMIN, "seoul", path,
                "{\"districts\":[\"guro-gu\",\"gangseo-gu\"]}", "admins");
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(200);
        assertThat((List<String>) json(set).get("districts")).containsExactly("gangseo-gu", "guro-gu");
        // the assignment as read, then one transaction of the change and its audit entry (ADR 31)
        assertThat(f.counter.snapshot()).isEqualTo(Map.of("BatchGetItem", 1, "GetItem", 1, "TransactWriteItems", 1));
        var mine = f.call("GET /api/laptops/districts", officer, "seoul", null, null, "district-officers");
        assertThat((List<Map<String, Object>>) json(mine).get("districts")).extracting(d -> d.get("district"))
                .containsExactly("gangseo-gu", "guro-gu");
        assertProblem(f.call("GET /api/laptops/districts/{district}/requests", officer, "seoul", Map.of("district", "nowon-gu"), null,
                "district-officers"), 403, "forbidden");

        f.counter.reset();
        // bad input, another tenant's district, an unknown one: refused, nothing written
        for (String body : List.of("{}", "{\"districts\":\"guro-gu\"}", "{\"districts\":[\"guro-gu\",\"guro-gu\"]}",
                "{\"districts\":[\"Guro\"]}", "{\"districts\":[1]}", "{\"districts\":[],\"admin\":true}")) {
            assertProblem(f.call("PUT /api/laptops/officers/{userId}/districts", ADMIN, "seoul", path, body, "admins"), 400,
                    "validation-failed");
        }
        assertProblem(f.call("PUT /api/laptops/officers/{userId}/districts", ADMIN, "seoul", path,
                "{\"districts\":[\"cheongju-si\"]}", "admins"), 404, "district-not-found");
        assertProblem(f.call("PUT /api/laptops/officers/{userId}/districts", ADMIN, "seoul", Map.of("userId", "a#b"),
                "{\"districts\":[]}", "admins"), 404, "not-found");
        assertProblem(f.call("PUT /api/laptops/officers/{userId}/districts", CHUNGBUK_ADMIN, "chungbuk", path,
                "{\"districts\":[\"guro-gu\"]}", "admins"), 404, "district-not-found");
        assertThat(f.writes()).isZero();
        // Chungbuk's admin assigning the same account in Chungbuk changes nothing in Seoul
        assertThat(f.call("PUT /api/laptops/officers/{userId}/districts", CHUNGBUK_ADMIN, "chungbuk", path,
                "{\"districts\":[\"cheongju-si\"]}", "admins").getStatusCode()).isEqualTo(200);
        assertThat(f.officers.of(new kr.seoullearn.platform.tenant.TenantId("seoul"), officer)).containsExactlyInAnyOrder("gangseo-gu", "guro-gu");

        // an empty list takes every district away
        assertThat(f.call("PUT /api/laptops/officers/{userId}/districts", ADMIN, "seoul", path, "{\"districts\":[]}", "admins")
                .getStatusCode()).isEqualTo(200);
        assertThat((List<?>) json(f.call("GET /api/laptops/districts", officer, "seoul", null, null, "district-officers"))
                .get("districts")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictsTrailIsReadPageByPageNewestFirstWithoutRepeats() {
        f.district("seoul", "paged-gu", 1);
        String officer = f.officer("seoul", "paged-gu");
        for (int i = 0; i < Laptops.PAGE; i++) {
            assertThat(f.stockChange(officer, "seoul", "paged-gu", "RECEIVED", 1, "district-officers").getStatusCode()).isEqualTo(200);
        }
        Map<String, String> paged = Map.of("district", "paged-gu");
        var first = f.call("GET /api/laptops/districts/{district}/audit", officer, "seoul", paged, null, "district-officers");
        List<Map<String, Object>> page1 = (List<Map<String, Object>>) json(first).get("entries");
        assertThat(page1).hasSize(Laptops.PAGE);
        assertThat(page1.get(0)).containsEntry("from", "50").containsEntry("to", "51");
        String next = (String) json(first).get("next");
        assertThat(next).isNotBlank();
        var second = f.callQuery("GET /api/laptops/districts/{district}/audit", officer, "seoul", paged, Map.of("cursor", next), null,
                "district-officers");
        List<Map<String, Object>> page2 = (List<Map<String, Object>>) json(second).get("entries");
        assertThat(page2).extracting(e -> e.get("change") + ":" + e.get("from") + ">" + e.get("to")).containsExactly("RECEIVED:0>1");
        assertThat(page1).extracting(e -> e.get("entryId")).doesNotContain(page2.get(0).get("entryId"));
        // a cursor only ever points inside the district it is used with: elsewhere it reads that district's trail
        var elsewhere = f.callQuery("GET /api/laptops/districts/{district}/audit", ADMIN, "seoul", Map.of("district", "guro-gu"),
                Map.of("cursor", next), null, "admins");
        assertThat(elsewhere.getStatusCode()).isEqualTo(200);
        assertThat(elsewhere.getBody()).doesNotContain("paged-gu");
    }

    @Test
    void learnersSeeTheirOwnRequestOnlyAndNoAccountIds() {
        String learner = f.learner("seoul", "guro-gu");
        var nothing = f.call("GET /api/laptops/mine", learner, "seoul", null, null, "learners");
        assertThat(nothing.getStatusCode()).isEqualTo(200);
        assertThat(nothing.getBody()).isEqualTo("{}");
        f.request(learner, "seoul");
        var mine = f.call("GET /api/laptops/mine", learner, "seoul", null, null, "learners");
        assertThat(mine.getBody()).doesNotContain(learner).doesNotContain("learnerId");
        // the same account id in another tenant sees nothing of it
        var elsewhere = f.call("GET /api/laptops/mine", learner, "chungbuk", null, null, "learners");
        assertThat(elsewhere.getBody()).isEqualTo("{}");
    }

    @Test
    void aRequestForAnUnapprovedOrUnregisteredLearnerIsRefused() {
        assertProblem(f.request("never-registered", "seoul"), 404, "profile-not-found");
        assertThat(f.learnerLaptopItems("seoul", "never-registered")).isEmpty();
    }

    @Test
    void closedRequestsAreListedNewestFirst() {
        String officer = f.officer("seoul", "closed-gu");
        f.district("seoul", "closed-gu", 2);
        String learner = f.learner("seoul", "closed-gu");
        String id = (String) json(f.request(learner, "seoul")).get("requestId");
        f.status(learner, "seoul", id, "CANCELLED", 1, "found one", "learners");
        var closed = f.callQuery("GET /api/laptops/districts/{district}/requests", officer, "seoul", Map.of("district", "closed-gu"),
                Map.of("state", "closed"), null, "district-officers");
        assertThat(closed.getStatusCode()).isEqualTo(200);
        assertThat(closed.getBody()).contains(id).contains("CANCELLED");
        var active = f.call("GET /api/laptops/districts/{district}/requests", officer, "seoul", Map.of("district", "closed-gu"),
                null, "district-officers");
        assertThat(active.getBody()).doesNotContain(id);
    }
}

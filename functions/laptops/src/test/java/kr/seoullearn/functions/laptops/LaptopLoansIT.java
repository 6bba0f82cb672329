package kr.seoullearn.functions.laptops;

import static kr.seoullearn.functions.laptops.LaptopFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Units with serial numbers, pickups and returns by serial, the overdue lists with their
 * escalation (on an injected clock), loan extensions within the programme's limit, and the
 * officers' list — through the handler with real payload-2.0 events, against the emulator.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaptopLoansIT {
    private static LaptopFixture f;
    private static String nowonOfficer;
    private static String gangseoOfficer;
    private static String admin;

    @BeforeAll
    static void provision() {
        f = new LaptopFixture("laptop-loans");
        f.district("seoul", "nowon-gu", 0);
        f.district("seoul", "gangseo-gu", 0);
        f.district("chungbuk", "cheongju-si", 0);
        nowonOfficer = f.officer("seoul", "nowon-gu");
        gangseoOfficer = f.officer("seoul", "gangseo-gu");
        admin = "admin-" + UUID.randomUUID();
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

    private static String serial() {
        return "SN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A learner of the district whose request is READY_FOR_PICKUP (a unit registered for it first); answers its id. */
    private static String readyRequest(String learner, String district, String officer) {
        assertThat(f.registerUnit(officer, "seoul", district, serial(), "TAG-" + UUID.randomUUID().toString().substring(0, 6),
                "district-officers").getStatusCode()).isEqualTo(201);
        var requested = f.request(learner, "seoul");
        assertThat(requested.getStatusCode()).as(requested.getBody()).isEqualTo(201);
        String id = (String) json(requested).get("requestId");
        assertThat(f.status(officer, "seoul", id, "READY_FOR_PICKUP", 1, null, "district-officers").getStatusCode()).isEqualTo(200);
        return id;
    }

    private static long version(String id, String officer) {
        var r = f.call("GET /api/laptops/requests/{requestId}", officer, "seoul", Map.of("requestId", id), null, "district-officers");
        return ((Number) json(r).get("version")).longValue();
    }

    // ------------------------------------------------------------------ units

    @Test
    @Order(1)
    void unitsAreRegisteredIntoTheDistrictsStockOncePerTenantByTheirOfficersAndAdmins() {
        String serial = serial();
        long before = f.number(f.stockItem("seoul", "nowon-gu"), "inStock");
        var made = f.registerUnit(nowonOfficer, "seoul", "nowon-gu", serial, "SL-0001", "district-officers");
        assertThat(made.getStatusCode()).as(made.getBody()).isEqualTo(201);
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "inStock")).isEqualTo(before + 1);

        int writes = f.writes();
        assertProblem(f.registerUnit(admin, "seoul", "gangseo-gu", serial, "SL-0002", "admins"), 409, "laptop-unit-exists");
        assertProblem(f.registerUnit(gangseoOfficer, "seoul", "nowon-gu", serial(), "SL-3", "district-officers"), 403, "forbidden");
        assertProblem(f.registerUnit(admin, "seoul", "cheongju-si", serial(), "SL-4", "admins"), 404, "district-not-found");
        assertProblem(f.registerUnit(nowonOfficer, "seoul", "nowon-gu", "SN#1", "SL-5", "district-officers"), 400, "validation-failed");
        assertProblem(f.registerUnit("x", "seoul", "nowon-gu", serial(), "SL-6", "learners"), 403, "forbidden");
        assertProblem(f.call("POST /api/laptops/districts/{district}/units", nowonOfficer, "seoul", Map.of("district", "nowon-gu"),
                "{\"serial\":\"AB-123\",\"assetTag\":\"T-1\",\"x\":1}", "district-officers"), 400, "validation-failed");
        assertThat(f.writes() - writes).as("a refused unit writes nothing but a cancelled transaction").isLessThanOrEqualTo(1);
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "inStock")).isEqualTo(before + 1);
        assertThat(f.number(f.stockItem("seoul", "gangseo-gu"), "inStock")).isZero();

        var list = f.call("GET /api/laptops/districts/{district}/units", gangseoOfficer, "seoul", Map.of("district", "nowon-gu"),
                null, "district-officers");
        assertProblem(list, 403, "forbidden");
        var mine = json(f.call("GET /api/laptops/districts/{district}/units", nowonOfficer, "seoul", Map.of("district", "nowon-gu"),
                null, "district-officers"));
        assertThat(Json.write(mine)).contains(serial);
    }

    // ------------------------------------------------------------------ pickup: one unit, one loan

    @Test
    @Order(2)
    void twoOfficersHandingTheSameUnitToTwoLearnersAtOnceLendItOnlyOnce() throws Exception {
        String a = f.learner("seoul", "nowon-gu");
        String b = f.learner("seoul", "nowon-gu");
        String idA = readyRequest(a, "nowon-gu", nowonOfficer);
        String idB = readyRequest(b, "nowon-gu", nowonOfficer);
        String contested = serial();
        assertThat(f.registerUnit(nowonOfficer, "seoul", "nowon-gu", contested, "TAG-C", "district-officers").getStatusCode())
                .isEqualTo(201);
        long loanedBefore = f.number(f.stockItem("seoul", "nowon-gu"), "loaned");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
        for (String id : List.of(idA, idB)) {
            answers.add(pool.submit(() -> {
                start.await();
                return f.pickup(nowonOfficer, "seoul", id, 2, contested, "district-officers");
            }));
        }
        start.countDown();
        List<APIGatewayV2HTTPResponse> done = new ArrayList<>();
        for (var answer : answers) {
            done.add(answer.get());
        }
        pool.shutdown();
        assertThat(done).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactlyInAnyOrder(200, 409);
        APIGatewayV2HTTPResponse lost = done.stream().filter(r -> r.getStatusCode() == 409).findFirst().orElseThrow();
        assertThat(json(lost)).containsEntry("code", "laptop-unit-unavailable");
        String winner = (String) json(done.stream().filter(r -> r.getStatusCode() == 200).findFirst().orElseThrow()).get("requestId");
        var units = json(f.call("GET /api/laptops/districts/{district}/units", nowonOfficer, "seoul", Map.of("district", "nowon-gu"),
                null, "district-officers"));
        @SuppressWarnings("unchecked")
        var unit = ((List<Map<String, Object>>) units.get("units")).stream().filter(u -> contested.equals(u.get("serial")))
                .findFirst().orElseThrow();
        assertThat(unit).containsEntry("status", "ON_LOAN").containsEntry("requestId", winner);
        assertThat(f.number(f.stockItem("seoul", "nowon-gu"), "loaned")).isEqualTo(loanedBefore + 1);

        String loser = winner.equals(idA) ? idB : idA;
        assertProblem(f.pickup(gangseoOfficer, "seoul", loser, 2, contested, "district-officers"), 404, "laptop-request-not-found");
        var gangseoUnit = serial();
        assertThat(f.registerUnit(gangseoOfficer, "seoul", "gangseo-gu", gangseoUnit, "TAG-G", "district-officers").getStatusCode())
                .isEqualTo(201);
        assertProblem(f.pickup(nowonOfficer, "seoul", loser, 2, gangseoUnit, "district-officers"), 409, "laptop-unit-unavailable");
    }

    // ------------------------------------------------------------------ extensions

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aBorrowerAsksForMoreDaysWithinTheProgrammesLimitAndTheDistrictsOfficerDecides() {
        String learner = f.learner("seoul", "nowon-gu");
        String other = f.learner("seoul", "nowon-gu");
        String id = readyRequest(learner, "nowon-gu", nowonOfficer);
        String unit = serial();
        f.registerUnit(nowonOfficer, "seoul", "nowon-gu", unit, "TAG-E", "district-officers");
        var loaned = json(f.pickup(nowonOfficer, "seoul", id, 2, unit, "district-officers"));
        String dueOn = (String) loaned.get("dueOn");
        var path = Map.of("requestId", id);
        String route = "POST /api/laptops/requests/{requestId}/extension";

        assertProblem(f.call(route, learner, "seoul", path, "{\"days\":0,\"version\":3}", "learners"), 400, "validation-failed");
        assertProblem(f.call(route, learner, "seoul", path, "{\"days\":\"x\",\"version\":3}", "learners"), 400, "validation-failed");
        assertProblem(f.call(route, other, "seoul", path, "{\"days\":10,\"version\":3}", "learners"), 404, "laptop-request-not-found");
        assertProblem(f.call(route, learner, "chungbuk", path, "{\"days\":10,\"version\":3}", "learners"), 404,
                "laptop-request-not-found");
        assertProblem(f.call(route, nowonOfficer, "seoul", path, "{\"days\":10,\"version\":3}", "district-officers"), 403, "forbidden");
        var tooMany = f.call(route, learner, "seoul", path, "{\"days\":" + (LaptopFixture.LOAN_EXTENSION_DAYS + 1) + ",\"version\":3}",
                "learners");
        assertProblem(tooMany, 409, "laptop-extension-not-allowed");
        assertThat(json(tooMany)).containsEntry("extensionDaysLeft", LaptopFixture.LOAN_EXTENSION_DAYS);

        var asked = f.call(route, learner, "seoul", path, "{\"days\":20,\"reason\":\"exams\",\"version\":3}", "learners");
        assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(200);
        assertThat((Map<String, Object>) json(asked).get("extension")).containsEntry("days", 20);
        assertProblem(f.call(route, learner, "seoul", path, "{\"days\":5,\"version\":4}", "learners"), 409,
                "laptop-extension-not-allowed");

        String decide = "POST /api/laptops/requests/{requestId}/extension/decision";
        assertProblem(f.call(decide, gangseoOfficer, "seoul", path, "{\"decision\":\"APPROVED\",\"version\":4}", "district-officers"),
                404, "laptop-request-not-found");
        assertProblem(f.call(decide, learner, "seoul", path, "{\"decision\":\"APPROVED\",\"version\":4}", "learners"), 403, "forbidden");
        assertProblem(f.call(decide, nowonOfficer, "seoul", path, "{\"decision\":\"REFUSED\",\"version\":4}", "district-officers"),
                400, "validation-failed");
        assertProblem(f.call(decide, nowonOfficer, "seoul", path, "{\"decision\":\"MAYBE\",\"version\":4}", "district-officers"),
                400, "validation-failed");
        assertProblem(f.call(decide, nowonOfficer, "seoul", path, "{\"decision\":\"APPROVED\",\"version\":3}", "district-officers"),
                409, "version-conflict");
        var approved = f.call(decide, nowonOfficer, "seoul", path, "{\"decision\":\"APPROVED\",\"version\":4}", "district-officers");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(200);
        assertThat(json(approved)).containsEntry("dueOn", java.time.LocalDate.parse(dueOn).plusDays(20).toString())
                .containsEntry("extendedDays", 20).doesNotContainKey("extension");
        assertProblem(f.call(decide, nowonOfficer, "seoul", path, "{\"decision\":\"APPROVED\",\"version\":5}", "district-officers"),
                409, "laptop-extension-not-pending");

        var second = f.call(route, learner, "seoul", path, "{\"days\":11,\"version\":5}", "learners");
        assertProblem(second, 409, "laptop-extension-not-allowed");
        assertThat(json(second)).containsEntry("extensionDaysLeft", 10);
        f.call(route, learner, "seoul", path, "{\"days\":10,\"version\":5}", "learners");
        var refused = f.call(decide, admin, "seoul", path, "{\"decision\":\"REFUSED\",\"reason\":\"needed back\",\"version\":6}", "admins");
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(200);
        assertThat(json(refused)).containsEntry("extendedDays", 20).doesNotContainKey("extension");

        var trail = json(f.call("GET /api/laptops/requests/{requestId}", nowonOfficer, "seoul", path, null, "district-officers"));
        assertThat((List<Map<String, Object>>) trail.get("audit")).extracting(e -> e.get("change"))
                .contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENSION_REFUSED");
    }

    // ------------------------------------------------------------------ overdue

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void overdueLoansAppearOnTheirDistrictsListAndTheAdminsAndEscalateWithTheDays() {
        String learner = f.learner("seoul", "gangseo-gu");
        String id = readyRequest(learner, "gangseo-gu", gangseoOfficer);
        String unit = serial();
        f.registerUnit(gangseoOfficer, "seoul", "gangseo-gu", unit, "TAG-O", "district-officers");
        var loan = json(f.pickup(gangseoOfficer, "seoul", id, 2, unit, "district-officers"));
        String district = "GET /api/laptops/districts/{district}/overdue";
        var path = Map.of("district", "gangseo-gu");

        assertThat((List<?>) json(f.call(district, gangseoOfficer, "seoul", path, null, "district-officers")).get("loans")).isEmpty();
        java.time.LocalDate dueOn = java.time.LocalDate.parse((String) loan.get("dueOn"));
        f.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2026, 11, 28), dueOn)));
        assertThat((List<?>) json(f.call(district, gangseoOfficer, "seoul", path, null, "district-officers")).get("loans"))
                .as("due today is not overdue").isEmpty();

        f.advance(Duration.ofDays(1));
        var list = json(f.call(district, gangseoOfficer, "seoul", path, null, "district-officers"));
        assertThat((List<Map<String, Object>>) list.get("loans")).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("requestId", id).containsEntry("serial", unit).containsEntry("daysOverdue", 1)
                .containsEntry("escalation", "REMINDER"));
        assertProblem(f.call(district, nowonOfficer, "seoul", path, null, "district-officers"), 403, "forbidden");
        assertProblem(f.call(district, learner, "seoul", path, null, "learners"), 403, "forbidden");
        assertProblem(f.call(district, admin, "chungbuk", path, null, "admins"), 404, "district-not-found");
        assertProblem(f.callQuery(district, gangseoOfficer, "seoul", path, Map.of("cursor", "bm90IGEgY3Vyc29y"), null,
                "district-officers"), 400, "validation-failed");

        f.advance(Duration.ofDays(6));
        assertThat((List<Map<String, Object>>) json(f.call(district, gangseoOfficer, "seoul", path, null, "district-officers"))
                .get("loans")).singleElement().satisfies(l -> assertThat(l).containsEntry("escalation", "OFFICER"));
        f.advance(Duration.ofDays(23));
        var all = json(f.call("GET /api/laptops/overdue", admin, "seoul", null, null, "admins"));
        assertThat((List<Map<String, Object>>) all.get("loans")).filteredOn(l -> id.equals(l.get("requestId"))).singleElement()
                .satisfies(l -> assertThat(l).containsEntry("escalation", "ADMIN").containsEntry("daysOverdue", 30));
        assertThat((List<?>) json(f.call("GET /api/laptops/overdue", admin, "chungbuk", null, null, "admins")).get("loans"))
                .as("another tenant's admin").isEmpty();
        assertProblem(f.call("GET /api/laptops/overdue", gangseoOfficer, "seoul", null, null, "district-officers"), 403, "forbidden");

        var back = f.giveBack(gangseoOfficer, "seoul", id, 3, unit, "district-officers");
        assertThat(back.getStatusCode()).as(back.getBody()).isEqualTo(200);
        assertThat((List<?>) json(f.call(district, gangseoOfficer, "seoul", path, null, "district-officers")).get("loans")).isEmpty();
    }

    // ------------------------------------------------------------------ officers

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void adminsSeeTheirTenantsOfficersAndTheirDistricts() {
        var list = f.call("GET /api/laptops/officers", admin, "seoul", null, null, "admins");
        assertThat(list.getStatusCode()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) json(list).get("officers")).extracting(o -> o.get("userId"))
                .contains(nowonOfficer, gangseoOfficer);
        assertThat((List<?>) json(f.call("GET /api/laptops/officers", admin, "chungbuk", null, null, "admins")).get("officers"))
                .extracting(o -> ((Map<String, Object>) o).get("userId")).doesNotContain(nowonOfficer);
        assertProblem(f.call("GET /api/laptops/officers", nowonOfficer, "seoul", null, null, "district-officers"), 403, "forbidden");
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Laptops through the running local cloud, as the web app drives it: the demo learner of
 * Nowon-gu asks for a laptop, Nowon-gu's officer marks it ready, hands a unit over by its serial
 * number, the learner asks for more days, the officer approves, and records the return with the
 * serial (a wrong one refused); Gangseo-gu's officer and Chungbuk's cannot see or act on
 * it. Leaves the learner without an active request, so it can run again on the same cloud.
 */
class LaptopsE2E {
    private static LocalCloudClient cloud;
    private static String learner;
    private static String officer;
    private static String otherOfficer;
    private static String chungbukOfficer;
    private static String admin;

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
        learner = cloud.signIn("learner@seoul-learn.local").idToken();
        officer = cloud.signIn("officer@seoul-learn.local").idToken();
        otherOfficer = cloud.signIn("officer.gangseo@seoul-learn.local").idToken();
        chungbukOfficer = cloud.signIn("officer@chungbuk.seoul-learn.local").idToken();
        admin = cloud.signIn("admin@seoul-learn.local").idToken();
        closeWhatIsOpen();
    }

    private static HttpResponse<String> get(String path, String token) {
        return cloud.send("GET", path, null, null, token);
    }

    private static HttpResponse<String> post(String path, String body, String token, String... headers) {
        return cloud.send("POST", path, body, "application/json", token, headers);
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        return Json.readObject(r.body());
    }

    private static HttpResponse<String> status(String id, String status, Object version, String token) {
        return post("/api/laptops/requests/" + id + "/status", "{\"status\":\"" + status + "\",\"version\":" + version + "}", token);
    }

    /** A request left open by an earlier run on the same cloud is closed first. */
    @SuppressWarnings("unchecked")
    private static void closeWhatIsOpen() {
        Map<String, Object> mine = json(get("/api/laptops/mine", learner));
        if (!(mine.get("request") instanceof Map<?, ?> open)) {
            return;
        }
        Map<String, Object> r = (Map<String, Object>) open;
        String id = (String) r.get("requestId");
        switch ((String) r.get("status")) {
            case "REQUESTED", "APPROVED", "READY_FOR_PICKUP" -> status(id, "CANCELLED", r.get("version"), learner);
            case "LOANED" -> post("/api/laptops/requests/" + id + "/status", "{\"status\":\"RETURNED\",\"version\":"
                    + r.get("version") + ",\"serial\":\"" + r.get("serial") + "\"}", officer);
            default -> { }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerGetsALaptopFromTheirDistrictAndAnotherDistrictsOfficerCannotTouchIt() {
        // GIVEN the learner of Nowon-gu, WHEN they ask for a laptop
        var requested = post("/api/laptops/requests", "{\"agreeToLoanTerms\":true}", learner,
                "Idempotency-Key", "e2e-" + System.nanoTime());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        Map<String, Object> r = json(requested);
        String id = (String) r.get("requestId");
        assertThat(r).containsEntry("status", "APPROVED").containsEntry("district", "nowon-gu");

        // THEN a second request is refused with the reason, in the learner's language
        var second = cloud.send("POST", "/api/laptops/requests", "{\"agreeToLoanTerms\":true}", "application/json", learner,
                "Accept-Language", "ko");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(json(second)).containsEntry("code", "laptop-request-active").containsEntry("requestId", id)
                .containsEntry("title", "이미 노트북을 신청했습니다");

        // Gangseo-gu's officer and Chungbuk's officer can neither see nor act on it
        assertThat(status(id, "READY_FOR_PICKUP", 1, otherOfficer).statusCode()).isEqualTo(404);
        assertThat(get("/api/laptops/requests/" + id, otherOfficer).statusCode()).isEqualTo(404);
        assertThat(get("/api/laptops/districts/nowon-gu/requests", otherOfficer).statusCode()).isEqualTo(403);
        assertThat(post("/api/laptops/districts/nowon-gu/stock", "{\"change\":\"WRITTEN_OFF\",\"units\":1}", otherOfficer)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/laptops/requests/" + id + "/status", "{\"status\":\"REJECTED\",\"version\":1,\"reason\":\"x\"}",
                chungbukOfficer).statusCode()).isEqualTo(404);
        assertThat(get("/api/laptops/districts/nowon-gu/requests", chungbukOfficer).statusCode()).isEqualTo(403);
        Map<String, Object> gangseo = json(get("/api/laptops/districts", otherOfficer));
        assertThat((List<Map<String, Object>>) gangseo.get("districts")).extracting(d -> d.get("district"))
                .containsExactly("gangseo-gu");

        // the officer of Nowon-gu sees it in the district's list and marks it ready
        var list = get("/api/laptops/districts/nowon-gu/requests", officer);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) json(list).get("requests")).extracting(x -> x.get("requestId")).contains(id);
        var ready = status(id, "READY_FOR_PICKUP", 1, officer);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        // the officer hands a free unit of the district over and records its serial number: the loan starts
        assertThat(status(id, "LOANED", 2, learner).statusCode()).as("the hand-over is the officer's").isEqualTo(409);
        var units = (List<Map<String, Object>>) json(get("/api/laptops/districts/nowon-gu/units", officer)).get("units");
        String serial = (String) units.stream().filter(u -> "AVAILABLE".equals(u.get("status"))).findFirst().orElseThrow()
                .get("serial");
        assertThat(get("/api/laptops/districts/nowon-gu/units", otherOfficer).statusCode()).isEqualTo(403);
        var loaned = post("/api/laptops/requests/" + id + "/status",
                "{\"status\":\"LOANED\",\"version\":2,\"serial\":\"" + serial.toLowerCase(java.util.Locale.ROOT) + "\"}", officer);
        assertThat(loaned.statusCode()).as(loaned.body()).isEqualTo(200);
        assertThat(json(loaned)).containsEntry("status", "LOANED").containsEntry("serial", serial).containsKey("dueOn");
        Map<String, Object> mine = (Map<String, Object>) json(get("/api/laptops/mine", learner)).get("request");
        assertThat(mine).containsEntry("status", "LOANED").containsEntry("dueOn", json(loaned).get("dueOn"));

        // the learner asks for 14 more days (the programme allows 90); the officer approves
        var asked = post("/api/laptops/requests/" + id + "/extension", "{\"days\":14,\"reason\":\"exams\",\"version\":3}", learner);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(post("/api/laptops/requests/" + id + "/extension/decision", "{\"decision\":\"APPROVED\",\"version\":4}",
                otherOfficer).statusCode()).isEqualTo(404);
        var approved = post("/api/laptops/requests/" + id + "/extension/decision", "{\"decision\":\"APPROVED\",\"version\":4}",
                officer);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved)).containsEntry("dueOn",
                java.time.LocalDate.parse((String) json(loaned).get("dueOn")).plusDays(14).toString());
        // not overdue today: on neither list
        assertThat((List<Map<String, Object>>) json(get("/api/laptops/districts/nowon-gu/overdue", officer)).get("loans"))
                .extracting(l -> l.get("requestId")).doesNotContain(id);
        assertThat(get("/api/laptops/overdue", officer).statusCode()).isEqualTo(403);
        assertThat(get("/api/laptops/overdue", admin).statusCode()).isEqualTo(200);

        // the officer records the return with the unit's serial (another is refused); the trail says who did what, in order
        var wrong = post("/api/laptops/requests/" + id + "/status", "{\"status\":\"RETURNED\",\"version\":5,\"serial\":\"NOT-THIS-ONE\"}",
                officer);
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(json(wrong)).containsEntry("code", "laptop-serial-mismatch");
        assertThat(post("/api/laptops/requests/" + id + "/status", "{\"status\":\"RETURNED\",\"version\":5,\"serial\":\"" + serial
                + "\"}", officer).statusCode()).isEqualTo(200);
        var trail = get("/api/laptops/requests/" + id, officer);
        assertThat((List<Map<String, Object>>) json(trail).get("audit")).extracting(e -> e.get("change") + ":" + e.get("to"))
                .containsExactly("STATUS:REQUESTED", "STATUS:APPROVED", "STATUS:READY_FOR_PICKUP", "STATUS:LOANED",
                        "EXTENSION_REQUESTED:" + json(approved).get("dueOn"), "EXTENSION_APPROVED:" + json(approved).get("dueOn"),
                        "STATUS:RETURNED");
        // the tenant's audit trail (GET /api/admin/audit) has each of the officer's steps once, before → after
        List<Map<String, Object>> staff = (List<Map<String, Object>>) json(get("/api/admin/audit?limit=100&subject=" + id, admin)).get("items");
        String officerId = (String) json(get("/api/me", officer)).get("userId");
        assertThat(staff).extracting(e -> e.get("action")).containsExactlyInAnyOrder("laptops.ready", "laptops.hand-over",
                "laptops.extension-approve", "laptops.return");
        assertThat(staff).allSatisfy(e -> {
            assertThat(e).containsEntry("actor", officerId).containsEntry("subjectType", "laptop-request");
            assertThat((Map<String, Object>) e.get("before")).isNotEmpty();
            assertThat((Map<String, Object>) e.get("after")).isNotEmpty();
        });
        assertThat(staff).filteredOn(e -> "laptops.hand-over".equals(e.get("action"))).singleElement().satisfies(e -> {
            assertThat((Map<String, Object>) e.get("before")).containsEntry("status", "READY_FOR_PICKUP");
            assertThat((Map<String, Object>) e.get("after")).containsEntry("status", "LOANED").containsEntry("serial", serial);
        });
        assertThat(get("/api/admin/audit?subject=" + id, officer).statusCode()).isEqualTo(403);
        // the admin of Seoul sees every district; the district audit shows the return
        Map<String, Object> all = json(get("/api/laptops/districts", admin));
        assertThat((List<Map<String, Object>>) all.get("districts")).hasSize(25);
        var audit = json(get("/api/laptops/districts/nowon-gu/audit", admin));
        assertThat((List<Map<String, Object>>) audit.get("entries")).first().satisfies(e ->
                assertThat(e).containsEntry("requestId", id).containsEntry("to", "RETURNED"));

        // the function's logs (as the local cloud keeps them) hold no personal data, nor the pickup code
        Path log = TestStack.repositoryRoot().resolve(".local/logs/cloud-" + URI.create(cloud.base()).getPort()
                + "/LaptopsFunction.log");
        if (Files.isRegularFile(log)) {
            String logged = readLog(log);
            assertThat(logged).contains("laptop request changed")
                    .doesNotContain("learner@seoul-learn.local", "김민준", "최유진", (String) r.get("pickupCode"));
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutATokenTheGatewayRefusesEveryLaptopRoute() {
        for (String path : List.of("/api/laptops/mine", "/api/laptops/districts", "/api/laptops/districts/nowon-gu/audit")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(post("/api/laptops/requests", "{\"agreeToLoanTerms\":true}", null).statusCode()).isEqualTo(401);
    }
}

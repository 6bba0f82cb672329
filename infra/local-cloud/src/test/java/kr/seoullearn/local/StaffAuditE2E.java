package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every staff action through the running local cloud, as the pages drive it, each sent with its
 * own correlation id; then Seoul's admin reads {@code GET /api/admin/audit} filtered by the
 * action's subject and action code and finds the action exactly once (by its correlation id),
 * with who did it, before and after. The catalogue operator belongs to no tenant: their changes
 * to the shared catalogue are in every tenant's trail. (Laptop loans, mentor changes and
 * recruitment decisions are checked in LaptopsE2E, MentorOperationsIT and RecruitmentE2E.)
 * Leaves Seoul's seats, switches and officers as it found them.
 */
class StaffAuditE2E {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static LocalCloudClient cloud;
    private static String admin;
    private static String adminId;
    private static String operator;
    private static String operatorId;
    private static String officer;
    private static String officerId;
    private static String reviewer;
    private static String reviewerId;
    private static int sent;

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
        admin = cloud.signIn("admin@seoul-learn.local").idToken();
        operator = cloud.signIn("catalogue@seoul-learn.local").idToken();
        officer = cloud.signIn("officer@seoul-learn.local").idToken();
        reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        adminId = (String) json(cloud.send("GET", "/api/me", null, null, admin)).get("userId");
        operatorId = (String) json(cloud.send("GET", "/api/me", null, null, operator)).get("userId");
        officerId = (String) json(cloud.send("GET", "/api/me", null, null, officer)).get("userId");
        reviewerId = (String) json(cloud.send("GET", "/api/me", null, null, reviewer)).get("userId");
    }

    private static Map<String, Object> json(HttpResponse<String> r) {
        return Json.readObject(r.body());
    }

    /** Sends one staff action with a correlation id of its own; answers that id. */
    private static String act(String method, String path, String body, String token, int status) {
        String correlation = "staff-audit-" + RUN + "-" + (++sent);
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token,
                "x-correlation-id", correlation);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return correlation;
    }

    /** The action is in the admin's trail exactly once, by the actor, with its before and after. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> once(String correlation, String action, String subject, String actor) {
        String query = "/api/admin/audit?limit=100&action=" + action + "&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&from=" + LocalDate.now(ZoneId.of("Asia/Seoul")).minusDays(1);
        HttpResponse<String> r = cloud.send("GET", query, null, null, admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> mine = ((List<Map<String, Object>>) json(r).get("items")).stream()
                .filter(e -> correlation.equals(e.get("correlationId"))).toList();
        assertThat(mine).as(action + " on " + subject).hasSize(1);
        Map<String, Object> entry = mine.get(0);
        assertThat(entry).containsEntry("action", action).containsEntry("subjectId", subject).containsEntry("actor", actor)
                .containsKey("at");
        assertThat((Map<String, Object>) entry.get("before")).as("before of " + action).isNotEmpty();
        assertThat((Map<String, Object>) entry.get("after")).as("after of " + action).isNotEmpty();
        return entry;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminsSeatsAndSwitchesAreEachInTheTrailOnce() {
        List<Map<String, Object>> providers = (List<Map<String, Object>>) json(cloud.send("GET", "/api/admin/providers", null, null, admin))
                .get("items");
        Map<String, Object> etoos = providers.stream().filter(p -> "etoos".equals(p.get("providerId"))).findFirst()
                .orElse(providers.get(0));
        String id = (String) etoos.get("providerId");
        int seats = ((Number) etoos.get("seats")).intValue();
        String raised = act("PUT", "/api/admin/providers/" + id + "/seats", "{\"seats\":" + (seats + 1) + "}", admin, 200);
        String restored = act("PUT", "/api/admin/providers/" + id + "/seats", "{\"seats\":" + seats + "}", admin, 200);
        Map<String, Object> up = once(raised, "seats.set", id, adminId);
        assertThat((Map<String, Object>) up.get("before")).containsEntry("seats", Integer.toString(seats));
        assertThat((Map<String, Object>) up.get("after")).containsEntry("seats", Integer.toString(seats + 1));
        assertThat((Map<String, Object>) once(restored, "seats.set", id, adminId).get("after")).containsEntry("seats", Integer.toString(seats));
        // a refused change (below the seats in use is impossible to make here; a malformed one) writes nothing
        String refused = act("PUT", "/api/admin/providers/" + id + "/seats", "{\"seats\":-1}", admin, 400);
        HttpResponse<String> none = cloud.send("GET", "/api/admin/audit?limit=100&action=seats.set&subject=" + id, null, null, admin);
        assertThat(none.body()).doesNotContain(refused);

        Map<String, Object> switches = json(cloud.send("GET", "/api/admin/reminders", null, null, admin));
        List<String> off = (List<String>) switches.get("off");
        String saved = act("PUT", "/api/admin/reminders", "{\"version\":" + switches.get("version") + ",\"off\":" + Json.write(off) + "}",
                admin, 200);
        Map<String, Object> entry = once(saved, "reminders.switches", "seoul", adminId);
        assertThat((Map<String, Object>) entry.get("after")).containsEntry("version",
                Long.toString(((Number) switches.get("version")).longValue() + 1));
    }

    @Test
    void anAdminAssigningAnOfficersDistrictsIsInTheTrail() {
        String someone = "staff-audit-" + RUN;
        String assigned = act("PUT", "/api/laptops/officers/" + someone + "/districts", "{\"districts\":[\"nowon-gu\",\"gangseo-gu\"]}",
                admin, 200);
        String cleared = act("PUT", "/api/laptops/officers/" + someone + "/districts", "{\"districts\":[]}", admin, 200);
        assertThat(once(assigned, "laptops.officer-districts", someone, adminId).get("after"))
                .isEqualTo(Map.of("districts", "gangseo-gu,nowon-gu"));
        assertThat(once(cleared, "laptops.officer-districts", someone, adminId).get("before"))
                .isEqualTo(Map.of("districts", "gangseo-gu,nowon-gu"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficersStockAndUnitsAreInTheTrail() {
        String received = act("POST", "/api/laptops/districts/nowon-gu/stock", "{\"change\":\"RECEIVED\",\"units\":1}", officer, 200);
        String writtenOff = act("POST", "/api/laptops/districts/nowon-gu/stock", "{\"change\":\"WRITTEN_OFF\",\"units\":1}", officer, 200);
        Map<String, Object> in = once(received, "laptops.stock-received", "nowon-gu", officerId);
        int before = Integer.parseInt((String) ((Map<String, Object>) in.get("before")).get("inStock"));
        assertThat((Map<String, Object>) in.get("after")).containsEntry("inStock", Integer.toString(before + 1));
        once(writtenOff, "laptops.stock-written-off", "nowon-gu", officerId);

        String serial = ("AUDIT-" + RUN).toUpperCase(java.util.Locale.ROOT);
        String registered = act("POST", "/api/laptops/districts/nowon-gu/units", "{\"serial\":\"" + serial + "\",\"assetTag\":\"SL-" + RUN + "\"}",
                officer, 201);
        assertThat((Map<String, Object>) once(registered, "laptops.unit-register", serial, officerId).get("after"))
                .containsEntry("district", "nowon-gu").containsEntry("unitStatus", "AVAILABLE");
        // the same serial again is refused and recorded nowhere
        String again = act("POST", "/api/laptops/districts/nowon-gu/units", "{\"serial\":\"" + serial + "\",\"assetTag\":\"SL-X\"}", officer, 409);
        assertThat(cloud.send("GET", "/api/admin/audit?limit=100&subject=" + serial, null, null, admin).body()).doesNotContain(again);
    }

    @Test
    void aReviewerOpeningARoundIsInTheTrail() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        HttpResponse<String> r = cloud.send("POST", "/api/recruitment/rounds", "{\"name\":\"Audit " + RUN + "\",\"opensOn\":\"" + today.plusDays(200)
                        + "\",\"closesOn\":\"" + today.plusDays(230) + "\",\"target\":3,\"criteria\":[\"LONG_TERM\"]}", "application/json", reviewer,
                "x-correlation-id", "staff-audit-" + RUN + "-round", "Idempotency-Key", "staff-audit-" + RUN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String roundId = (String) json(r).get("roundId");
        assertThat(once("staff-audit-" + RUN + "-round", "recruitment.round-open", roundId, reviewerId).get("after"))
                .asString().contains("target=3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogueOperatorsChangesAreInEveryTenantsTrail() {
        String provider = "audit-" + RUN;
        String body = "{\"nameKo\":\"감사 " + RUN + "\",\"nameEn\":\"Audit " + RUN + "\",\"levels\":[\"HIGH\"],"
                + "\"accessUrlTemplate\":\"https://audit.example/{learnerRef}\"}";
        String created = act("PUT", "/api/admin/providers/" + provider, body, operator, 200);
        String changed = act("PUT", "/api/admin/providers/" + provider, body.replace("Audit " + RUN, "Audit two " + RUN), operator, 200);
        assertThat((Map<String, Object>) once(created, "providers.create", provider, operatorId).get("before")).containsEntry("status", "NONE");
        assertThat((Map<String, Object>) once(changed, "providers.change", provider, operatorId).get("after"))
                .containsEntry("nameEn", "Audit two " + RUN);

        String course = "audit-" + RUN;
        String courseBody = "{\"providerId\":\"" + provider + "\",\"level\":\"HIGH\",\"grade\":1,\"subject\":\"MATH\",\"titleKo\":\"고등 수학 감사\","
                + "\"titleEn\":\"High school maths audit\",\"minutes\":30,\"lessons\":2}";
        String added = act("PUT", "/api/admin/courses/" + course, courseBody, operator, 200);
        String removed = act("DELETE", "/api/admin/courses/" + course, null, operator, 204);
        assertThat((Map<String, Object>) once(added, "courses.create", course, operatorId).get("after")).containsEntry("providerId", provider);
        assertThat((Map<String, Object>) once(removed, "courses.delete", course, operatorId).get("before")).containsEntry("level", "HIGH");

        String grace = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(30).toString();
        String left = act("POST", "/api/admin/providers/" + provider + "/leave", "{\"graceUntil\":\"" + grace + "\"}", operator, 202);
        Map<String, Object> leaving = once(left, "providers.leave", provider, operatorId);
        assertThat((Map<String, Object>) leaving.get("before")).containsEntry("status", "ACTIVE");
        assertThat((Map<String, Object>) leaving.get("after")).containsEntry("status", "INACTIVE").containsEntry("graceUntil", grace);
        // the same leaving again (a retried request) is the same departure: no second entry
        cloud.send("POST", "/api/admin/providers/" + provider + "/leave", "{\"graceUntil\":\"" + grace + "\"}", "application/json", operator,
                "x-correlation-id", left);
        once(left, "providers.leave", provider, operatorId);
    }

    @Test
    void onlyAdminsReadTheTrailAndOnlyTheirTenants() {
        assertThat(cloud.send("GET", "/api/admin/audit", null, null, officer).statusCode()).isEqualTo(403);
        assertThat(cloud.send("GET", "/api/admin/audit", null, null, reviewer).statusCode()).isEqualTo(403);
        assertThat(cloud.send("GET", "/api/admin/audit?tenant=chungbuk", null, null, admin).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = cloud.send("GET", "/api/admin/audit?action=DROP%20TABLE", null, null, admin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type")).contains("application/problem+json");
    }
}

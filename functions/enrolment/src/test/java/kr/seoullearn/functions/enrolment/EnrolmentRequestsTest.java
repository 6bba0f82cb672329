package kr.seoullearn.functions.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import org.junit.jupiter.api.Test;

/**
 * GIVEN ports that fail when touched, WHEN a request is malformed or comes from the wrong role,
 * THEN it is a 4xx problem+json and storage was never asked (so nothing can have been written).
 * Plain Java: no emulator.
 */
class EnrolmentRequestsTest {
    private final List<String> touched = new ArrayList<>();
    private final EnrolmentHandler handler = new EnrolmentHandler(new Enrolments(port(ApplicationStore.class),
            port(ProgrammeCatalogue.class), port(Catalog.class), port(EnrolmentLedger.class), port(SeatActivity.class),
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC), () -> "ref"),
            new CatalogManagement(port(CatalogAdmin.class), port(kr.seoullearn.enrolment.port.ProviderDepartures.class),
                    Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC)),
            new CourseImport(port(CatalogAdmin.class), Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC)));

    private <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            touched.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError("storage asked: " + method.getName());
        }));
    }

    private APIGatewayV2HTTPResponse call(String route, String providerId, String body, String... groups) {
        return callIn("seoul", "application/json", route, providerId, body, groups);
    }

    /** A call from a tenant, with a content type; the path id goes to {providerId} or {courseId}, as the route names it. */
    private APIGatewayV2HTTPResponse callIn(String tenant, String contentType, String route, String id, String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims("learner-1", tenant, groups), body, "en");
        event.getHeaders().put("content-type", contentType);
        if (id != null) {
            event.setPathParameters(Map.of(route.contains("{courseId}") ? "courseId" : "providerId", id));
        }
        return handler.handleRequest(event, null);
    }

    private static final String COURSE = "{\"providerId\":\"mbest\",\"level\":\"MIDDLE\",\"grade\":2,\"subject\":\"MATH\","
            + "\"titleKo\":\"중학 수학 2\",\"titleEn\":\"Middle school maths 2\",\"minutes\":600,\"lessons\":20}";

    @Test
    void malformedUsageReportsAreRefusedBeforeAnyRead() {
        String route = "POST /api/admin/providers/{providerId}/activity";
        assertProblem(callIn("seoul", "application/json", route, "mbest", "{\"learnerRef\":\"x\"}", "admins"), 415,
                "unsupported-media-type", "JSON instead of CSV");
        assertProblem(callIn("seoul", "text/csv", route, "mbest", "learnerRef,lastActiveOn\nref-aaaaaaaa,2026-13-01\n", "admins"), 400,
                "validation-failed", "a wrong date");
        assertProblem(callIn("seoul", "text/csv", route, "mbest", "ref-aaaaaaaa,2026-11-01\n", "admins"), 400,
                "validation-failed", "no header");
        assertProblem(callIn("seoul", "text/csv", route, "mbest", null, "admins"), 400, "body-missing", "nothing sent");
        assertProblem(callIn("seoul", "text/csv", route, "mbest", "learnerRef,lastActiveOn\n" + "ref-aaaaaaaa,2026-11-01\n".repeat(30_000),
                "admins"), 413, "body-too-large", "over the size of one report");
        assertProblem(callIn("seoul", "text/csv", route, "MB!", "learnerRef,lastActiveOn\nref-aaaaaaaa,2026-11-01\n", "admins"), 404,
                "provider-not-found", "bad id");
    }

    @Test
    void courseImportsFromTheWrongRoleOrMalformedAreRefusedBeforeAnyRead() {
        String route = "POST /api/admin/courses/import";
        String header = "courseId,providerId,level,grade,subject,titleKo,titleEn,lecturerKo,lecturerEn,minutes,lessons\n";
        assertProblem(callIn("seoul", "text/csv", route, null, header, (String[]) null), 401, "unauthenticated", "no token");
        assertProblem(callIn("seoul", "text/csv", route, null, header + "a,mbest,MIDDLE,,MATH,가,b,,,1,1\n", "learners"), 403, "forbidden", "a learner");
        assertProblem(callIn("seoul", "text/csv", route, null, header + "a,mbest,MIDDLE,,MATH,가,b,,,1,1\n", "admins"), 403,
                "catalogue-operator-only", "a tenant's admin");
        assertProblem(callIn(null, "application/json", route, null, "{\"courseId\":\"a\"}", "catalogue-operators"), 415,
                "unsupported-media-type", "JSON instead of CSV");
        assertProblem(callIn(null, "text/csv", route, null, null, "catalogue-operators"), 400, "body-missing", "nothing sent");
        assertProblem(callIn(null, "text/csv", route, null, "courseId,title\na,b\n", "catalogue-operators"), 400, "validation-failed",
                "the wrong header");
        assertProblem(callIn(null, "text/csv", route, null, header + "a,\"b\n", "catalogue-operators"), 400, "validation-failed", "a quote never closed");
        assertProblem(callIn(null, "text/csv", route, null, header, "catalogue-operators"), 400, "validation-failed", "no course lines");
        assertProblem(callIn(null, "text/csv", route, null, header + "a,mbest,MIDDLE,,MATH,가,b,,,1,1\n".repeat(CourseImport.MAX_ROWS + 1),
                "catalogue-operators"), 400, "validation-failed", "too many lines");
        assertProblem(callIn(null, "text/csv", route, null, header + "x".repeat(CourseImport.MAX_BYTES), "catalogue-operators"), 413,
                "body-too-large", "over the size of one file");
        assertThat(touched).isEmpty();
    }

    @Test
    void malformedCatalogueChangesAreRefusedBeforeAnyRead() {
        Map<String, String> providers = new java.util.LinkedHashMap<>();
        providers.put("{}", "validation-failed");
        providers.put("{\"nameKo\":\"엠베스트\",\"nameEn\":\"Mbest\",\"levels\":[\"MIDDLE\"],\"accessUrlTemplate\":\"http://x.example/{learnerRef}\"}",
                "validation-failed");
        providers.put("{\"nameKo\":\"엠베스트\",\"nameEn\":\"Mbest\",\"levels\":[],\"accessUrlTemplate\":\"https://x.example/{learnerRef}\"}",
                "validation-failed");
        providers.put("{\"nameKo\":\"엠베스트\",\"nameEn\":\"Mbest\",\"levels\":[\"COLLEGE\"],\"accessUrlTemplate\":\"https://x.example/{learnerRef}\"}",
                "validation-failed");
        providers.put("{\"nameKo\":\"" + "가".repeat(61) + "\",\"nameEn\":\"Mbest\",\"levels\":[\"MIDDLE\"],\"accessUrlTemplate\":\"https://x.example/{learnerRef}\"}",
                "validation-failed");
        providers.put("{\"nameKo\":\"엠베스트\",\"nameEn\":\"Mbest\",\"levels\":[\"MIDDLE\"],\"accessUrlTemplate\":\"https://x.example/\",\"status\":\"ACTIVE\"}",
                "validation-failed");
        providers.forEach((body, code) -> assertProblem(call("PUT /api/admin/providers/{providerId}", "mbest", body, "catalogue-operators"), 400, code, body));
        for (String body : List.of("{}", "{\"graceUntil\":\"soon\"}", "{\"graceUntil\":\"2020-01-01\"}", "{\"graceUntil\":\"2030-01-01\"}",
                "{\"graceUntil\":\"2027-01-31\",\"why\":\"x\"}")) {
            assertProblem(call("POST /api/admin/providers/{providerId}/leave", "mbest", body, "catalogue-operators"), 400, "validation-failed", body);
        }
        Map<String, String> courses = new java.util.LinkedHashMap<>();
        courses.put("{}", "validation-failed");
        courses.put(COURSE.replace("\"grade\":2", "\"grade\":4"), "validation-failed");
        courses.put(COURSE.replace("MATH", "ALCHEMY"), "validation-failed");
        courses.put(COURSE.replace("600", "0"), "validation-failed");
        courses.put(COURSE.replace("\"중학 수학 2\"", "\"\""), "validation-failed");
        courses.put(COURSE.replace("\"중학 수학 2\"", "\"" + "가".repeat(121) + "\""), "validation-failed");
        courses.put(COURSE.replace("}", ",\"courseId\":\"c1\"}"), "validation-failed");
        courses.forEach((body, code) -> assertProblem(call("PUT /api/admin/courses/{courseId}", "c-new-1", body, "catalogue-operators"), 400, code, body));
        assertProblem(call("PUT /api/admin/courses/{courseId}", "C NEW", COURSE, "catalogue-operators"), 400, "validation-failed", "bad id");
        assertProblem(call("DELETE /api/admin/courses/{courseId}", "../x", null, "catalogue-operators"), 404, "course-not-found", "bad id");
    }

    @Test
    void onlyTheOperatorsAdminsChangeTheSharedCatalogue() {
        String provider = "{\"nameKo\":\"엠베스트\",\"nameEn\":\"Mbest\",\"levels\":[\"MIDDLE\"],\"accessUrlTemplate\":\"https://x.example/{learnerRef}\"}";
        Map<String, String[]> routes = new java.util.LinkedHashMap<>();
        routes.put("PUT /api/admin/providers/{providerId}", new String[] {"mbest", provider});
        routes.put("POST /api/admin/providers/{providerId}/leave", new String[] {"mbest", "{\"graceUntil\":\"2027-01-31\"}"});
        routes.put("PUT /api/admin/courses/{courseId}", new String[] {"c-new-1", COURSE});
        routes.put("DELETE /api/admin/courses/{courseId}", new String[] {"c-new-1", null});
        routes.forEach((route, args) -> {
            assertProblem(callIn("chungbuk", "application/json", route, args[0], args[1], "admins"), 403, "catalogue-operator-only",
                    route + " by another tenant's admin");
            for (String group : List.of("applicants", "learners", "reviewers", "mentors", "district-officers")) {
                assertProblem(call(route, args[0], args[1], group), 403, "forbidden", route + " as " + group);
            }
            assertProblem(call(route, args[0], args[1], (String[]) null), 401, "unauthenticated", route + " anonymous");
        });
        for (String group : List.of("applicants", "learners", "reviewers", "mentors", "district-officers")) {
            assertProblem(call("GET /api/admin/providers", null, null, group), 403, "forbidden", "the overview as " + group);
            assertProblem(callIn("seoul", "text/csv", "POST /api/admin/providers/{providerId}/activity", "mbest",
                    "learnerRef,lastActiveOn\nref-aaaaaaaa,2026-11-01\n", group), 403, "forbidden", "a usage report from " + group);
        }
    }

    private void assertProblem(APIGatewayV2HTTPResponse r, int status, String code, String what) {
        assertThat(r.getStatusCode()).as(what).isEqualTo(status);
        assertThat(r.getHeaders()).as(what).containsEntry("content-type", "application/problem+json");
        assertThat(Json.readObject(r.getBody())).as(what).containsEntry("code", code);
        assertThat(touched).as(what + ": storage untouched").isEmpty();
    }

    @Test
    void malformedEnrolmentsAreRefusedBeforeAnyRead() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{not json", "malformed-json");
        bodies.put("[\"mbest\"]", "not-an-object");
        bodies.put("{}", "validation-failed");
        bodies.put("{\"providerId\":42}", "validation-failed");
        bodies.put("{\"providerId\":\"MBEST\"}", "validation-failed");
        bodies.put("{\"providerId\":\"../x\"}", "validation-failed");
        bodies.put("{\"providerId\":\"" + "m".repeat(40) + "\"}", "validation-failed");
        bodies.put("{\"providerId\":\"mbest\",\"seats\":1}", "validation-failed");
        bodies.put("{\"providerId\":null}", "validation-failed");
        bodies.put("{\"providerId\":\"mbest\",\"providerId\":\"etoos\"}", "malformed-json");
        bodies.forEach((body, code) -> assertProblem(call("POST /api/enrolments", null, body, "learners"), 400, code, body));
        assertProblem(call("POST /api/enrolments", null, null, "learners"), 400, "body-missing", "no body");
        assertProblem(call("POST /api/enrolments", null, "{\"providerId\":\"" + "x".repeat(70_000) + "\"}", "learners"),
                413, "body-too-large", "oversize");
    }

    @Test
    void malformedSeatChangesAreRefusedBeforeAnyRead() {
        for (String body : List.of("{}", "{\"seats\":-1}", "{\"seats\":1000001}", "{\"seats\":2.5}", "{\"seats\":\"10\"}",
                "{\"seats\":true}", "{\"seats\":10,\"used\":0}", "{\"seats\":99999999999999999999}")) {
            assertProblem(call("PUT /api/admin/providers/{providerId}/seats", "mbest", body, "admins"), 400, "validation-failed", body);
        }
        assertProblem(call("PUT /api/admin/providers/{providerId}/seats", "MB!", "{\"seats\":1}", "admins"), 404, "provider-not-found", "bad id");
        assertProblem(call("GET /api/admin/providers/{providerId}/usage", "../../x", null, "admins"), 404, "provider-not-found", "bad id");
        assertProblem(call("DELETE /api/enrolments/{providerId}", "%2e%2e", null, "learners"), 404, "enrolment-not-found", "bad id");
        assertProblem(call("DELETE /api/enrolments/{providerId}", null, null, "learners"), 404, "enrolment-not-found", "no id");
    }

    @Test
    void everyRouteRefusesTheWrongRolesAndAnonymousCallers() {
        Map<String, String> learnerRoutes = Map.of("GET /api/enrolments", "", "POST /api/enrolments", "{\"providerId\":\"mbest\"}",
                "DELETE /api/enrolments/{providerId}", "");
        Map<String, String> adminRoutes = Map.of("PUT /api/admin/providers/{providerId}/seats", "{\"seats\":5}",
                "GET /api/admin/providers/{providerId}/usage", "");
        for (var route : learnerRoutes.entrySet()) {
            for (String group : List.of("applicants", "reviewers", "mentors", "district-officers", "admins")) {
                assertProblem(call(route.getKey(), "mbest", route.getValue().isEmpty() ? null : route.getValue(), group), 403, "forbidden",
                        route.getKey() + " as " + group);
            }
            assertProblem(call(route.getKey(), "mbest", route.getValue(), (String[]) null), 401, "unauthenticated", route.getKey() + " anonymous");
        }
        for (var route : adminRoutes.entrySet()) {
            for (String group : List.of("applicants", "learners", "reviewers", "mentors", "district-officers")) {
                assertProblem(call(route.getKey(), "mbest", route.getValue().isEmpty() ? null : route.getValue(), group), 403, "forbidden",
                        route.getKey() + " as " + group);
            }
            assertProblem(call(route.getKey(), "mbest", route.getValue(), (String[]) null), 401, "unauthenticated", route.getKey() + " anonymous");
        }
    }
}

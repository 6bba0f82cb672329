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
import kr.seoullearn.shared.application.ApplicationStore;
import kr.seoullearn.shared.catalog.Catalogue;
import kr.seoullearn.shared.enrolment.EnrolmentLedger;
import kr.seoullearn.shared.http.Json;
import kr.seoullearn.shared.programme.ProgrammeCatalogue;
import org.junit.jupiter.api.Test;

/**
 * GIVEN ports that fail when touched, WHEN a request is malformed or comes from the wrong role,
 * THEN it is a 4xx problem+json and storage was never asked (so nothing can have been written).
 * Plain Java: no emulator.
 */
class EnrolmentRequestsTest {
    private final List<String> touched = new ArrayList<>();
    private final EnrolmentHandler handler = new EnrolmentHandler(new Enrolments(port(ApplicationStore.class),
            port(ProgrammeCatalogue.class), port(Catalogue.class), port(EnrolmentLedger.class),
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC), () -> "ref"));

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
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims("learner-1", "seoul", groups), body, "en");
        if (providerId != null) {
            event.setPathParameters(Map.of("providerId", providerId));
        }
        return handler.handleRequest(event, null);
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

package kr.seoullearn.functions.laptops;

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
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import org.junit.jupiter.api.Test;

/**
 * GIVEN ports that fail when touched, WHEN a request is malformed or comes from the wrong role,
 * THEN it is a 4xx problem+json and storage was never asked (so nothing can have been written).
 * Plain Java: no emulator.
 */
class LaptopRequestsTest {
    private static final String REQUEST_ID = "0b9f1c0e-3c4d-4a8e-9f2a-1d2c3b4a5e6f";
    private final List<String> touched = new ArrayList<>();
    private final LaptopsHandler handler = new LaptopsHandler(new Laptops(port(ApplicationStore.class),
            port(kr.seoullearn.registration.port.ProgrammeCatalogue.class), port(LaptopLedger.class),
            port(OfficerDistricts.class), Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC)));

    private <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            touched.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError("storage asked: " + method.getName());
        }));
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims("user-1", "seoul", groups), body, "vi");
        if (path != null) {
            event.setPathParameters(path);
        }
        return handler.handleRequest(event, null);
    }

    private void assertProblem(APIGatewayV2HTTPResponse r, int status, String code, String what) {
        assertThat(r.getStatusCode()).as(what).isEqualTo(status);
        assertThat(r.getHeaders()).as(what).containsEntry("content-type", "application/problem+json")
                .containsEntry("content-language", "vi");
        assertThat(Json.readObject(r.getBody())).as(what).containsEntry("code", code);
        assertThat(touched).as(what + ": storage untouched").isEmpty();
    }

    @Test
    void malformedBodiesAreRefusedBeforeAnyRead() {
        Map<String, String> rid = Map.of("requestId", REQUEST_ID);
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        assertProblem(call("POST /api/laptops/requests", null, "{\"agreeToLoanTerms\":1}", "learners"), 400, "validation-failed", "number");
        assertProblem(call("POST /api/laptops/requests", null, "\"yes\"", "learners"), 400, "not-an-object", "string body");
        assertProblem(call("POST /api/laptops/requests/{requestId}/status", rid, "{\"status\":\"RETURNED\",\"version\":-1}",
                "district-officers"), 400, "validation-failed", "negative version");
        assertProblem(call("POST /api/laptops/requests/{requestId}/status", rid, "{\"status\":null,\"version\":1}",
                "learners"), 400, "validation-failed", "null status");
        assertProblem(call("POST /api/laptops/requests/{requestId}/status", rid, "{\"status\":\"REJECTED\",\"version\":1,\"reason\":7}",
                "admins"), 400, "validation-failed", "reason not text");
        assertProblem(call("POST /api/laptops/districts/{district}/stock", nowon, "{\"change\":\"RECEIVED\",\"units\":1e3}",
                "admins"), 400, "validation-failed", "units as a float");
        assertProblem(call("POST /api/laptops/districts/{district}/stock", nowon, "{\"change\":\"RECEIVED\",\"units\":1,\"units\":2}",
                "admins"), 400, "malformed-json", "duplicate key");
    }

    @Test
    void theWrongRoleIsRefusedBeforeTheBodyIsRead() {
        Map<String, String> rid = Map.of("requestId", REQUEST_ID);
        Map<String, String> nowon = Map.of("district", "nowon-gu");
        assertProblem(call("POST /api/laptops/requests", null, "{broken", "district-officers"), 403, "forbidden", "officer requests");
        assertProblem(call("POST /api/laptops/requests/{requestId}/status", rid, "{broken", "mentors"), 403, "forbidden", "mentor");
        assertProblem(call("POST /api/laptops/districts/{district}/stock", nowon, "{broken", "learners"), 403, "forbidden", "learner");
        assertProblem(call("GET /api/laptops/districts", null, null, "reviewers"), 403, "forbidden", "reviewer");
        assertProblem(call("GET /api/laptops/mine", null, null, "admins"), 403, "forbidden", "admin");
        assertProblem(call("GET /api/laptops/mine", null, null, (String[]) null), 401, "unauthenticated", "no token");
    }

    @Test
    void idsThatCannotExistAreNotFoundWithoutARead() {
        assertProblem(call("GET /api/laptops/requests/{requestId}", Map.of("requestId", "T#seoul#x"), null, "admins"), 404,
                "laptop-request-not-found", "a key fragment as id");
        assertProblem(call("GET /api/laptops/districts/{district}/audit", Map.of("district", "NOWON"), null, "admins"), 404,
                "district-not-found", "an upper-case district");
        assertProblem(call("GET /api/laptops/districts/{district}/requests", Map.of("district", "a#b"), null, "admins"), 404,
                "district-not-found", "a district with #");
    }
}

package kr.seoullearn.functions.laptops;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.http.IdempotencyKey;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;

/** The routes of template.yaml's LaptopsFunction. */
public class LaptopsHandler extends ApiFunction {
    private final Laptops laptops;

    public LaptopsHandler() {
        this(new Laptops(Beans.get(ApplicationStore.class), Beans.get(ProgrammeCatalogue.class), Beans.get(LaptopLedger.class),
                Beans.get(OfficerDistricts.class), Clock.systemUTC()));
    }

    public LaptopsHandler(Laptops laptops) {
        this.laptops = laptops;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes = new HashMap<>();
        routes.put("GET /api/laptops/mine", r -> ApiResponses.json(200, laptops.mine(r.caller())));
        routes.put("POST /api/laptops/requests", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER); // before reading the body: the wrong role learns nothing from a 400
            var answer = laptops.request(caller, r.jsonObject(), r.header("idempotency-key").orElse(null));
            return ApiResponses.json(answer.status(), answer.body());
        });
        routes.put("POST /api/laptops/requests/{requestId}/status", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER, Role.DISTRICT_OFFICER, Role.ADMIN);
            return ApiResponses.json(200, laptops.changeStatus(caller, id(r), r.jsonObject()));
        });
        routes.put("GET /api/laptops/requests/{requestId}", r -> ApiResponses.json(200,
                laptops.desk().requestWithTrail(r.caller(), id(r))));
        routes.put("POST /api/laptops/requests/{requestId}/extension", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER);
            return ApiResponses.json(200, laptops.loans().requestExtension(caller, id(r), r.jsonObject()));
        });
        routes.put("POST /api/laptops/requests/{requestId}/extension/decision", r -> {
            var caller = r.caller();
            caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
            return ApiResponses.json(200, laptops.loans().decideExtension(caller, id(r), r.jsonObject()));
        });
        routes.put("GET /api/laptops/districts", r -> ApiResponses.json(200, laptops.desk().districts(r.caller())));
        routes.put("GET /api/laptops/districts/{district}/requests", r -> ApiResponses.json(200,
                laptops.desk().districtRequests(r.caller(), district(r), r.queryParameter("state").orElse(null), cursor(r))));
        routes.put("POST /api/laptops/districts/{district}/stock", r -> {
            var caller = r.caller();
            caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
            return ApiResponses.json(200, laptops.desk().changeStock(caller, district(r), r.jsonObject(),
                    IdempotencyKey.of(r)));
        });
        routes.put("GET /api/laptops/districts/{district}/audit", r -> ApiResponses.json(200,
                laptops.desk().districtAudit(r.caller(), district(r), cursor(r))));
        routes.put("GET /api/laptops/districts/{district}/units", r -> ApiResponses.json(200,
                laptops.loans().units(r.caller(), district(r), cursor(r))));
        routes.put("POST /api/laptops/districts/{district}/units", r -> {
            var caller = r.caller();
            caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
            laptops.desk().managed(caller, district(r)); // another district's is 403 (another tenant's 404) before the body is read
            return ApiResponses.json(201, laptops.loans().registerUnit(caller, district(r), r.jsonObject()));
        });
        routes.put("GET /api/laptops/districts/{district}/overdue", r -> ApiResponses.json(200,
                laptops.loans().districtOverdue(r.caller(), district(r), cursor(r))));
        routes.put("GET /api/laptops/overdue", r -> ApiResponses.json(200, laptops.loans().tenantOverdue(r.caller(), cursor(r))));
        routes.put("GET /api/laptops/officers", r -> ApiResponses.json(200, laptops.loans().officers(r.caller())));
        routes.put("PUT /api/laptops/officers/{userId}/districts", r -> {
            var caller = r.caller();
            caller.require(Role.ADMIN);
            return ApiResponses.json(200, laptops.desk().assignOfficer(caller, r.pathParameter("userId").orElse(null),
                    r.jsonObject()));
        });
        return Map.copyOf(routes);
    }

    private static String id(ApiRequest r) {
        return r.pathParameter("requestId").orElse(null);
    }

    private static String district(ApiRequest r) {
        return r.pathParameter("district").orElse(null);
    }

    private static String cursor(ApiRequest r) {
        return r.queryParameter("cursor").orElse(null);
    }
}

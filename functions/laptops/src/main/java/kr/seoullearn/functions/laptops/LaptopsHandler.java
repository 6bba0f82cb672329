package kr.seoullearn.functions.laptops;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;

/** The routes of template.yaml's LaptopsFunction. */
public class LaptopsHandler extends ApiFunction {
    private final Laptops laptops;

    public LaptopsHandler() {
        this(new Laptops(Beans.get(ApplicationStore.class), Beans.get(LaptopLedger.class), Beans.get(OfficerDistricts.class),
                Clock.systemUTC()));
    }

    public LaptopsHandler(Laptops laptops) {
        this.laptops = laptops;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/laptops/mine", r -> ApiResponses.json(200, laptops.mine(r.caller())),
                "POST /api/laptops/requests", r -> {
                    var caller = r.caller();
                    caller.require(Role.LEARNER); // before reading the body: the wrong role learns nothing from a 400
                    var answer = laptops.request(caller, r.jsonObject(), r.header("idempotency-key").orElse(null));
                    return ApiResponses.json(answer.status(), answer.body());
                },
                "POST /api/laptops/requests/{requestId}/status", r -> {
                    var caller = r.caller();
                    caller.require(Role.LEARNER, Role.DISTRICT_OFFICER, Role.ADMIN);
                    return ApiResponses.json(200, laptops.changeStatus(caller, r.pathParameter("requestId").orElse(null),
                            r.jsonObject()));
                },
                "GET /api/laptops/requests/{requestId}", r -> ApiResponses.json(200,
                        laptops.desk().requestWithTrail(r.caller(), r.pathParameter("requestId").orElse(null))),
                "GET /api/laptops/districts", r -> ApiResponses.json(200, laptops.desk().districts(r.caller())),
                "GET /api/laptops/districts/{district}/requests", r -> ApiResponses.json(200,
                        laptops.desk().districtRequests(r.caller(), r.pathParameter("district").orElse(null),
                                r.queryParameter("state").orElse(null), r.queryParameter("cursor").orElse(null))),
                "POST /api/laptops/districts/{district}/stock", r -> {
                    var caller = r.caller();
                    caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
                    return ApiResponses.json(200, laptops.desk().changeStock(caller, r.pathParameter("district").orElse(null),
                            r.jsonObject()));
                },
                "GET /api/laptops/districts/{district}/audit", r -> ApiResponses.json(200,
                        laptops.desk().districtAudit(r.caller(), r.pathParameter("district").orElse(null),
                                r.queryParameter("cursor").orElse(null))),
                "PUT /api/laptops/officers/{userId}/districts", r -> {
                    var caller = r.caller();
                    caller.require(Role.ADMIN);
                    return ApiResponses.json(200, laptops.desk().assignOfficer(caller, r.pathParameter("userId").orElse(null),
                            r.jsonObject()));
                });
    }
}

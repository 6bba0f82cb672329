package kr.seoullearn.functions.enrolment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.shared.Beans;
import kr.seoullearn.shared.application.ApplicationStore;
import kr.seoullearn.shared.catalog.Catalogue;
import kr.seoullearn.shared.enrolment.EnrolmentLedger;
import kr.seoullearn.shared.http.ApiFunction;
import kr.seoullearn.shared.http.ApiRequest;
import kr.seoullearn.shared.http.ApiResponses;
import kr.seoullearn.shared.identity.Role;
import kr.seoullearn.shared.programme.ProgrammeCatalogue;

/** The routes of template.yaml's EnrolmentFunction. */
public class EnrolmentHandler extends ApiFunction {
    private final Enrolments enrolments;

    public EnrolmentHandler() {
        this(new Enrolments(Beans.get(ApplicationStore.class), Beans.get(ProgrammeCatalogue.class), Beans.get(Catalogue.class),
                Beans.get(EnrolmentLedger.class), Clock.systemUTC()));
    }

    public EnrolmentHandler(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/enrolments", r -> ApiResponses.json(200, enrolments.mine(r.caller())),
                "POST /api/enrolments", r -> {
                    var caller = r.caller();
                    caller.require(Role.LEARNER); // before reading the body: the wrong role learns nothing from a 400
                    var answer = enrolments.enrol(caller, r.jsonObject());
                    return ApiResponses.json(answer.status(), answer.body());
                },
                "DELETE /api/enrolments/{providerId}", r -> {
                    enrolments.withdraw(r.caller(), r.pathParameter("providerId").orElse(null));
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                            .withHeaders(Map.of("cache-control", "no-store")).build();
                },
                "PUT /api/admin/providers/{providerId}/seats", r -> {
                    var caller = r.caller();
                    caller.require(Role.ADMIN);
                    return ApiResponses.json(200, enrolments.setSeats(caller, r.pathParameter("providerId").orElse(null),
                            r.jsonObject()));
                },
                "GET /api/admin/providers/{providerId}/usage", r -> ApiResponses.json(200,
                        enrolments.usage(r.caller(), r.pathParameter("providerId").orElse(null))));
    }
}

package kr.seoullearn.functions.review;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;

/** The routes of template.yaml's ReviewFunction. */
public class ReviewHandler extends ApiFunction {
    private static final String[] LIST_FILTERS = {"list", "reference", "status", "category", "district", "schoolLevel",
        "minAge", "maxAge", "waitingDays", "cursor", "limit"};
    private final Review review;
    private final ReviewTools tools;

    public ReviewHandler() {
        this(new Review(Beans.get(ApplicationStore.class), Beans.get(GroupMembership.class),
                Beans.get(DocumentRetention.class), Beans.get(kr.seoullearn.registration.port.RetentionDue.class),
                Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"),
                Clock.systemUTC()), new ReviewTools(Beans.get(ApplicationStore.class), Clock.systemUTC()));
    }

    public ReviewHandler(Review review, ReviewTools tools) {
        this.review = review;
        this.tools = tools;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/review/applications", r -> ApiResponses.json(200, tools.list(r.caller(), filters(r))),
                "POST /api/review/applications/{userId}/document-request", r -> {
                    var caller = r.caller();
                    caller.require(Role.REVIEWER);
                    return ApiResponses.json(200, tools.requestDocuments(caller, r.pathParameter("userId").orElse(null), r.jsonObject()));
                },
                "GET /api/review/applications/{userId}", r -> ApiResponses.json(200,
                        review.application(r.caller(), r.pathParameter("userId").orElse(null))),
                "POST /api/review/applications/{userId}/appeal-decision", r -> {
                    var caller = r.caller();
                    caller.require(Role.REVIEWER);
                    return ApiResponses.json(200, review.decideAppeal(caller, r.pathParameter("userId").orElse(null), r.jsonObject()));
                },
                "POST /api/review/applications/{userId}/decision", r -> {
                    var caller = r.caller();
                    caller.require(Role.REVIEWER); // before reading the body: the wrong role learns nothing from a 400
                    return ApiResponses.json(200, review.decide(caller, r.pathParameter("userId").orElse(null), r.jsonObject()));
                });
    }

    private static Map<String, String> filters(ApiRequest r) {
        Map<String, String> filters = new java.util.HashMap<>();
        for (String name : LIST_FILTERS) {
            r.queryParameter(name).ifPresent(v -> filters.put(name, v));
        }
        return filters;
    }
}

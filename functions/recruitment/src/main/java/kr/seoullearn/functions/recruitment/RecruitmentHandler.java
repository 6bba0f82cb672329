package kr.seoullearn.functions.recruitment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/** The routes of template.yaml's RecruitmentFunction (docs/adr/0014). Roles are checked before bodies are read. */
public class RecruitmentHandler extends ApiFunction {
    private final Recruitment recruitment;

    public RecruitmentHandler() {
        this(new Recruitment(Beans.get(RecruitmentLedger.class), Beans.get(MentorOnboarding.class), Beans.get(GroupMembership.class),
                Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"), Clock.systemUTC(),
                Beans.get(FunctionEnvironment.class).optional("WEB_ORIGIN", "")));
    }

    public RecruitmentHandler(Recruitment recruitment) {
        this.recruitment = recruitment;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes = new LinkedHashMap<>();
        routes.put("GET /api/recruitment/rounds", r -> ApiResponses.json(200, recruitment.rounds(r.caller())));
        routes.put("POST /api/recruitment/rounds", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER, Role.ADMIN);
            var key = kr.seoullearn.platform.http.IdempotencyKey.of(r);
            return ApiResponses.json(201, recruitment.createRound(caller, r.jsonObject(), key));
        });
        routes.put("POST /api/recruitment/nominations/import", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER, Role.ADMIN);
            return ApiResponses.json(200, recruitment.importNominations(caller, r.header("content-type").orElse(null),
                    r.body(NominationImport.MAX_BYTES), r.language()));
        });
        routes.put("POST /api/recruitment/eligibility", r -> {
            var caller = r.caller();
            caller.require(Role.APPLICANT, Role.LEARNER);
            return ApiResponses.json(200, recruitment.checkEligibility(caller, r.jsonObject(), r.language()));
        });
        routes.put("POST /api/recruitment/rounds/{roundId}/applications", r -> {
            var caller = r.caller();
            caller.require(Role.APPLICANT, Role.LEARNER);
            return ApiResponses.json(201, recruitment.apply(caller, r.pathParameter("roundId").orElse(null), r.jsonObject(),
                    r.language()));
        });
        routes.put("GET /api/recruitment/applications/mine", r -> ApiResponses.json(200, recruitment.mine(r.caller())));
        routes.put("GET /api/recruitment/rounds/{roundId}/applications", r -> ApiResponses.json(200,
                recruitment.roundApplications(r.caller(), r.pathParameter("roundId").orElse(null))));
        routes.put("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, recruitment.score(caller, r.pathParameter("roundId").orElse(null),
                    r.pathParameter("userId").orElse(null), r.jsonObject()));
        });
        routes.put("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, recruitment.decide(caller, r.pathParameter("roundId").orElse(null),
                    r.pathParameter("userId").orElse(null), r.jsonObject()));
        });
        routes.put("POST /api/recruitment/renewal", r -> ApiResponses.json(201, recruitment.requestRenewal(r.caller())));
        routes.put("GET /api/recruitment/renewals", r -> ApiResponses.json(200, recruitment.pendingRenewals(r.caller())));
        routes.put("POST /api/recruitment/renewals/{mentorId}/decision", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, recruitment.decideRenewal(caller, r.pathParameter("mentorId").orElse(null),
                    r.jsonObject()));
        });
        return routes;
    }
}

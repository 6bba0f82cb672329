package kr.seoullearn.functions.signup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.EligibilityRegistry;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.RecordsCheckLimits;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;

/** The registration routes of template.yaml's RegistrationFunction. */
public class RegistrationHandler extends ApiFunction {
    private final Registration registration;

    public RegistrationHandler() {
        this(new Registration(Beans.get(ApplicationStore.class), Beans.get(ProgrammeCatalogue.class),
                Beans.get(EligibilityRegistry.class), Beans.get(GroupMembership.class),
                Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"), Clock.systemUTC(),
                Beans.get(RecordsCheckLimits.class), new SecretsManagerIdentityKey(Beans.get(FunctionEnvironment.class)),
                Beans.get(kr.seoullearn.privacy.port.ConsentRecords.class)));
    }

    public RegistrationHandler(Registration registration) {
        this.registration = registration;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/programmes/{tenant}/current", r -> ApiResponses.json(200,
                        registration.currentProgramme(r.pathParameter("tenant").orElse(""))),
                "GET /api/registration", r -> ApiResponses.json(200, registration.view(r.caller())),
                "PUT /api/registration", r -> ApiResponses.json(200, registration.save(applicant(r), r.jsonObject())),
                "POST /api/registration/records-check", r -> ApiResponses.json(200, registration.recordsCheck(applicant(r), r.jsonObject())),
                "POST /api/registration/submit", r -> ApiResponses.json(200, registration.submit(applicant(r), r.jsonObject())),
                "POST /api/registration/resubmit", r -> ApiResponses.json(200, registration.resubmit(applicant(r), r.jsonObject())),
                "POST /api/registration/appeal", r -> ApiResponses.json(200, registration.appeal(applicant(r), r.jsonObject())));
    }

    /** The caller, when an applicant: checked before the body is read, so another role learns nothing from a 400. */
    private static kr.seoullearn.platform.identity.Caller applicant(ApiRequest r) {
        var caller = r.caller();
        caller.require(Role.APPLICANT);
        return caller;
    }
}

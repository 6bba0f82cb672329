package kr.seoullearn.functions.me;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.registration.port.ProfileRepository;

/**
 * {@code GET /api/me}: who the caller is — user id, tenant, groups — and where their
 * registration stands. One GetItem.
 */
public class MeHandler extends ApiFunction {
    /** Registration status of a signed-in user who has no profile (yet). */
    static final String NOT_REGISTERED = "NOT_REGISTERED";

    private final ProfileRepository profiles;

    public MeHandler() {
        this(Beans.get(ProfileRepository.class));
    }

    public MeHandler(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of("GET /api/me", this::me);
    }

    private APIGatewayV2HTTPResponse me(ApiRequest request) {
        Caller caller = request.caller();
        var profile = profiles.find(caller.tenant(), caller.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", caller.userId());
        body.put("tenant", caller.tenant().value());
        body.put("groups", caller.groups());
        body.put("registrationStatus", profile.map(p -> p.status().name()).orElse(NOT_REGISTERED));
        profile.ifPresent(p -> {
            if (p.displayName() != null) {
                body.put("displayName", p.displayName());
            }
            body.put("preferredLanguage", p.preferredLanguage().tag());
        });
        return ApiResponses.json(200, body);
    }
}

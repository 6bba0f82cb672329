package kr.seoullearn.functions.health;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;

/**
 * {@code GET /api/health} (public): liveness of the API for load balancers, uptime checks and
 * the local cloud's readiness probe. It touches no data store, so it needs no permissions.
 */
public class HealthHandler extends ApiFunction {
    private final String version;

    public HealthHandler() {
        this(System.getenv().getOrDefault("APP_VERSION", "dev"));
    }

    public HealthHandler(String version) {
        this.version = version;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of("GET /api/health", request -> ApiResponses.json(200, Map.of("status", "UP", "version", version)));
    }
}

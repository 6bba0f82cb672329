package kr.seoullearn.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A thin HTTP API handler: dispatches on the route key the template declares, turns
 * {@link ProblemException}s into problem+json in the caller's language and never lets an
 * exception escape as a 5xx without a body. Logs carry the request id, never personal data.
 */
public abstract class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(ApiFunction.class);

    static {
        // SnapStart: prime JSON and the SDK request path before the snapshot (docs/adr/0018).
        Priming.register();
    }

    /** Route key ("GET /api/me") → what answers it. */
    protected abstract Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes();

    /** A caller's correlation id is taken as it is only when it looks like one; else API Gateway's request id. */
    private static final java.util.regex.Pattern CORRELATION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    public static final String CORRELATION_HEADER = "x-correlation-id";

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        String correlationId = request.header(CORRELATION_HEADER).filter(id -> CORRELATION_ID.matcher(id).matches())
                .orElseGet(() -> request.requestId() != null ? request.requestId() : java.util.UUID.randomUUID().toString());
        Log.correlate(correlationId);
        try {
            return withCorrelation(handle(request, event), correlationId);
        } finally {
            Log.correlate(null);
        }
    }

    /** The response carries the correlation id its log lines carry, so a caller can quote it to operators. */
    private static APIGatewayV2HTTPResponse withCorrelation(APIGatewayV2HTTPResponse response, String correlationId) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        headers.put(CORRELATION_HEADER, correlationId);
        response.setHeaders(headers);
        return response;
    }

    private APIGatewayV2HTTPResponse handle(ApiRequest request, APIGatewayV2HTTPEvent event) {
        try {
            var route = routes().get(event.getRouteKey());
            if (route == null) {
                throw new ProblemException(Problem.ROUTE_NOT_FOUND);
            }
            APIGatewayV2HTTPResponse response = route.apply(request);
            LOG.info("handled", "route", event.getRouteKey(), "status", response.getStatusCode(),
                    "requestId", request.requestId());
            return response;
        } catch (ProblemException e) {
            LOG.info("refused", "route", event.getRouteKey(), "status", e.problem().status(),
                    "code", e.problem().code(), "requestId", request.requestId());
            return ApiResponses.problem(e.problem(), request.language(), e.extensions());
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException
                 | TransactionConflictException | SdkClientException e) {
            LOG.warn("dependency unavailable", "route", event.getRouteKey(),
                    "exception", e.getClass().getSimpleName(), "requestId", request.requestId());
            return ApiResponses.problem(Problem.SERVICE_UNAVAILABLE, request.language(), Map.of());
        } catch (RuntimeException e) {
            // The exception's message may quote input; log its type and where it happened only.
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.error("failed", "route", event.getRouteKey(), "exception", e.getClass().getName(),
                    "at", where, "requestId", request.requestId());
            return ApiResponses.problem(Problem.INTERNAL, request.language(), Map.of());
        }
    }
}

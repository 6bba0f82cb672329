package kr.seoullearn.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds HTTP API responses: JSON bodies and RFC 9457 problem details. */
public final class ApiResponses {
    /** A problem's extension, in seconds, that also becomes its Retry-After header. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json", "cache-control", "no-store"))
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse problem(Refusal problem, Language language, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://seoul-learn.kr/problems/" + problem.code());
        body.put("code", problem.code());
        body.put("title", ProblemMessages.title(problem, language));
        body.put("status", problem.status());
        body.put("detail", ProblemMessages.detail(problem, language));
        extensions.forEach(body::putIfAbsent);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/problem+json");
        headers.put("content-language", language.tag());
        headers.put("cache-control", "no-store");
        if (problem.status() == 503) {
            headers.put("retry-after", "5");
        }
        if (extensions.get(RETRY_AFTER_SECONDS) instanceof Number seconds) {
            // a limit that lifts at a known time says when, in the header and in the body (RFC 9110 Retry-After)
            headers.put("retry-after", Long.toString(Math.max(1, seconds.longValue())));
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }
}

package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiFunctionTest {
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private final ApiFunction function = new ApiFunction() {
        @Override
        protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
            return Map.of(
                    "POST /api/echo", request -> ApiResponses.json(200, request.jsonObject()),
                    "GET /api/boom", request -> {
                        throw new IllegalStateException("secret input kim@example.org");
                    });
        }
    };

    {
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        Log.redirect(System.out);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String body, String language) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withHeaders(language == null ? Map.of() : Map.of("Accept-Language", language))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build())
                .build();
    }

    @Test
    void malformedJsonIsA400ProblemInTheCallersLanguage() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("POST /api/echo", "{not json", "vi"), null);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(response.getBody()).contains("\"code\":\"malformed-json\"").contains("Không đọc được yêu cầu");
    }

    @Test
    void aJsonArrayOrAnEmptyBodyIsRefused() {
        assertThat(function.handleRequest(event("POST /api/echo", "[1,2]", "en"), null).getBody()).contains("not-an-object");
        assertThat(function.handleRequest(event("POST /api/echo", "", "en"), null).getBody()).contains("body-missing");
    }

    private static APIGatewayV2HTTPEvent base64Event(byte[] body) {
        APIGatewayV2HTTPEvent e = event("POST /api/echo", java.util.Base64.getEncoder().encodeToString(body), "en");
        e.setIsBase64Encoded(true);
        return e;
    }

    @Test
    void aBodyOfBytesThatAreNotUtf8IsA400ProblemNamingTheBody() {
        // GIVEN {"name":"<0xC3 0x28>"}: a two-byte lead followed by an ASCII byte, and a lone continuation byte
        for (byte[] bad : new byte[][] {
                {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                {'{', '"', 'n', '"', ':', '"', (byte) 0x80, '"', '}'},
                {'{', '"', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) { // an encoded surrogate
            APIGatewayV2HTTPResponse response = function.handleRequest(base64Event(bad), null);
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).contains("\"code\":\"body-not-utf8\"").contains("request body");
        }
    }

    @Test
    void aTextBodyThatAGatewayDecodedLossilyIsRefusedToo() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("POST /api/echo", "{\"n\":\"a\uFFFDb\"}", "ko"), null);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("body-not-utf8");
    }

    @Test
    void wellFormedUtf8InAnyScriptPassesAsItWas() {
        String text = "{\"n\":\"김민지 Nguyễn 王小明 \\ufffd\"}"; // an escaped U+FFFD is the sender's own choice
        APIGatewayV2HTTPResponse response = function.handleRequest(base64Event(text.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("김민지 Nguyễn 王小明");
    }

    @Test
    void anOversizeBodyIs413() {
        String big = "{\"a\":\"" + "x".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";
        APIGatewayV2HTTPResponse response = function.handleRequest(event("POST /api/echo", big, "en"), null);
        assertThat(response.getStatusCode()).isEqualTo(413);
    }

    @Test
    void anUnknownRouteIs404Problem() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("GET /api/nothing", null, null), null);
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("route-not-found").contains("찾을 수 없습니다");
    }

    @Test
    void anUnexpectedErrorIs500ProblemAndTheLogCarriesNoInput() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("GET /api/boom", null, "en"), null);
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("\"code\":\"internal\"").doesNotContain("kim@example.org");
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("IllegalStateException").contains("req-1").doesNotContain("kim@example.org");
    }

    @Test
    void aGoodRequestPassesThrough() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("POST /api/echo", "{\"a\":1}", "en"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"a\":1}");
    }

    @Test
    void givenNoCorrelationIdThenTheRequestIdIsTheCorrelationIdOfTheLogAndTheResponse() {
        APIGatewayV2HTTPResponse response = function.handleRequest(event("GET /api/nothing", null, null), null);
        assertThat(response.getHeaders()).containsEntry("x-correlation-id", "req-1");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"correlationId\":\"req-1\"");
        assertThat(Log.correlationId()).as("cleared after the request").isNull();
    }

    @Test
    void givenTheCallersCorrelationIdThenEveryLineAndTheResponseCarryIt() {
        APIGatewayV2HTTPEvent event = event("POST /api/echo", "{\"a\":1}", "en");
        event.setHeaders(Map.of("X-Correlation-Id", "web-3f2a9c41"));
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        assertThat(response.getHeaders()).containsEntry("x-correlation-id", "web-3f2a9c41")
                .containsEntry("content-type", "application/json");
        assertThat(logs.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()))
                .allSatisfy(line -> assertThat(line).contains("\"correlationId\":\"web-3f2a9c41\""));
    }

    @Test
    void givenACorrelationIdThatIsNotOneThenTheRequestIdIsUsed() {
        APIGatewayV2HTTPEvent event = event("POST /api/echo", "{\"a\":1}", "en");
        event.setHeaders(Map.of("X-Correlation-Id", "kim@example.org"));
        APIGatewayV2HTTPResponse response = function.handleRequest(event, null);
        assertThat(response.getHeaders()).containsEntry("x-correlation-id", "req-1");
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("kim@example.org");
    }
}

package kr.seoullearn.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.identity.Caller;

/** One HTTP API (payload 2.0) request as a handler sees it. */
public final class ApiRequest {
    /** Bodies above this are refused before parsing (413). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final APIGatewayV2HTTPEvent event;
    private final Language language;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        this.language = Language.fromAcceptLanguage(header("accept-language").orElse(null));
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    public Language language() {
        return language;
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(entry.getValue());
            }
        }
        return Optional.empty();
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(p -> p.get(name));
    }

    /** The caller as the JWT authorizer verified them; 401 on a route without a token. */
    public Caller caller() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            throw new ProblemException(Problem.UNAUTHENTICATED);
        }
        return Caller.fromClaims(context.getAuthorizer().getJwt().getClaims());
    }

    public String body() {
        return body(MAX_BODY_BYTES);
    }

    /** The body as text, refused (413) above {@code maxBytes} (a route that takes files takes more than JSON). */
    public String body(int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        if (event.getIsBase64Encoded()) {
            if (body.length() > maxBytes * 4L / 3 + 4) {
                throw new ProblemException(Problem.BAD_REQUEST_TOO_LARGE);
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problem.BAD_REQUEST_MALFORMED_JSON);
            }
            body = strictUtf8(bytes);
        } else if (body.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            // A gateway that decoded bytes which were not UTF-8 leaves U+FFFD where they were:
            // storing that would keep a silently damaged text, so it is refused like the bytes.
            throw new ProblemException(Problem.BODY_NOT_UTF8);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ProblemException(Problem.BAD_REQUEST_TOO_LARGE);
        }
        return body;
    }

    /** The bytes as UTF-8 text, refused (400 body-not-utf8) unless they are well-formed UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.BODY_NOT_UTF8);
        }
    }

    public Map<String, Object> jsonObject() {
        return Json.readObject(body());
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null ? null : context.getRequestId();
    }
}

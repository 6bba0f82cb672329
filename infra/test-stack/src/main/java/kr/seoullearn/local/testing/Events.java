package kr.seoullearn.local.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda events for tests, read from JSON fixtures with the serialisers the managed runtime
 * uses, or built for a route and a caller's claims (shaped as the JWT authorizer shapes them).
 */
public final class Events {
    private Events() {}

    /** Loads a fixture from the test classpath, e.g. "/events/me.json". */
    @SuppressWarnings("unchecked")
    public static <T> T load(String resource, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        try (InputStream in = Events.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API request to a route by a signed-in caller. */
    public static APIGatewayV2HTTPEvent http(String routeKey, Map<String, String> claims, String body, String language) {
        String[] parts = routeKey.split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (language != null) {
            headers.put("accept-language", language);
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("test-" + System.nanoTime())
                .withRouteKey(routeKey)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(parts[0]).withPath(parts[1]).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(parts[1])
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
    }

    /** The groups whose tokens carry the second-factor claim (the staff roles, platform.identity.Role.STAFF). */
    private static final java.util.Set<String> STAFF_GROUPS = java.util.Set.of("reviewers", "district-officers", "admins",
            "catalogue-operators");

    /**
     * Claims of a caller as API Gateway passes them: groups as "[a b]"; a null tenant leaves
     * {@code custom:tenant} out (a person who has not chosen one). A staff caller's token is one
     * issued after the TOTP step, so it carries the trigger's second-factor claim.
     */
    public static Map<String, String> claims(String sub, String tenant, String... groups) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        if (tenant != null) {
            claims.put("custom:tenant", tenant);
        }
        claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        claims.put("token_use", "id");
        for (String group : groups) {
            if (STAFF_GROUPS.contains(group)) {
                claims.put("seoullearn:mfa", "totp");
            }
        }
        return claims;
    }
}

package kr.seoullearn.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.local.aws.LocalAws;

/**
 * The HTTP API's payload-2.0 event for a request, as API Gateway builds it: headers in lower
 * case with cookies apart, query and path parameters, the request context with the JWT
 * authorizer's claims, and the body as text or base64 by content type.
 */
final class ApiEvent {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern TEXTUAL = Pattern.compile(
            "^(text/.*|application/(json|.*\\+json|xml|.*\\+xml|x-www-form-urlencoded|javascript))(;.*)?$");

    private ApiEvent() {}

    static Map<String, Object> of(HttpExchange exchange, Routes.Match match, byte[] body, Map<String, String> claims, Clock clock) {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String c : h.getValue()) {
                    for (String part : c.split(";")) {
                        if (!part.isBlank()) {
                            cookies.add(part.strip());
                        }
                    }
                }
                continue;
            }
            headers.put(name, String.join(",", h.getValue()));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        Map<String, String> query = Exchanges.query(uri.getRawQuery());
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!match.pathParameters().isEmpty()) {
            event.put("pathParameters", match.pathParameters());
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", LocalAws.ACCOUNT_ID);
        context.put("apiId", "local");
        if (claims != null) {
            Map<String, Object> jwt = new LinkedHashMap<>();
            jwt.put("claims", claims);
            jwt.put("scopes", claims.containsKey("scope") ? List.of(claims.get("scope").split(" ")) : null);
            context.put("authorizer", Map.of("jwt", jwt));
        }
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", "localhost");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(clock.instant()));
        context.put("timeEpoch", clock.millis());
        event.put("requestContext", context);
        if (body.length > 0) {
            String contentType = headers.getOrDefault("content-type", "");
            boolean text = TEXTUAL.matcher(contentType.toLowerCase(Locale.ROOT)).matches();
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }
}

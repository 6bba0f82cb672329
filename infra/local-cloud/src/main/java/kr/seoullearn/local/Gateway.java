package kr.seoullearn.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.template.Template;

/**
 * The local HTTP API: maps the template's routes to their functions with payload-2.0 events,
 * runs the JWT authorizer before a protected function, serves web/ at {@code /} and the web
 * app's {@code /config.json}, the hosted-login stand-in and the local operations endpoints.
 */
final class Gateway implements AutoCloseable {
    /** API Gateway's limit on a request body. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern TEXTUAL = Pattern.compile(
            "^(text/.*|application/(json|.*\\+json|xml|.*\\+xml|x-www-form-urlencoded|javascript))(;.*)?$");

    private final List<CompiledRoute> routes = new ArrayList<>();
    private final Map<String, FunctionHost> functions;
    private final JwtAuthorizer authorizer;
    private final HostedLogin login;
    private final Path web;
    private final String configJson;
    private final LocalScheduler scheduler;
    private final Clock clock;
    private HttpServer server;

    Gateway(List<Template.Route> templateRoutes, Map<String, FunctionHost> functions, JwtAuthorizer authorizer,
            HostedLogin login, Path web, String configJson, LocalScheduler scheduler, Clock clock) {
        for (Template.Route r : templateRoutes) {
            routes.add(new CompiledRoute(r, r.path().split("/")));
        }
        this.functions = functions;
        this.authorizer = authorizer;
        this.login = login;
        this.web = web.toAbsolutePath().normalize();
        this.configJson = configJson;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/api/") || path.equals("/api")) {
                api(exchange);
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", configJson.getBytes(StandardCharsets.UTF_8), Map.of("cache-control", "no-store"));
            } else if (path.startsWith("/oauth2/") || path.equals("/logout") || path.equals("/signup")) {
                hostedLogin(exchange, path);
            } else if (path.startsWith("/_local/")) {
                operations(exchange, path);
            } else {
                staticFile(exchange, path);
            }
        } catch (RuntimeException e) {
            byte[] body = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);
            System.err.println("[local-cloud] gateway error: " + e);
            send(exchange, 500, "application/json", body, Map.of());
        }
    }

    // ------------------------------------------------------------------ the HTTP API

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        Match match = match(method, rawPath);
        if (match == null) {
            sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            sendJson(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        Map<String, String> claims = null;
        if (match.route().authorized()) {
            Optional<Map<String, String>> verified = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            if (verified.isEmpty()) {
                exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                sendJson(exchange, 401, "{\"message\":\"Unauthorized\"}");
                return;
            }
            claims = verified.get();
        }
        String event = JsonText.write(event(exchange, match, body, claims));
        FunctionHost function = functions.get(match.route().functionId());
        FunctionHost.Invocation result;
        try {
            result = function.invoke(event);
        } catch (IOException e) {
            System.err.println("[local-cloud] " + function.name() + ": " + e.getMessage());
            sendJson(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendJson(exchange, 503, "{\"message\":\"Service Unavailable\"}");
            return;
        }
        if (!result.ok()) {
            // What API Gateway answers when the function fails.
            sendJson(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        respond(exchange, result.payload());
    }

    private Map<String, Object> event(HttpExchange exchange, Match match, byte[] body, Map<String, String> claims) {
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
        Map<String, String> query = query(uri.getRawQuery());
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

    private void respond(HttpExchange exchange, String payload) throws IOException {
        Map<String, Object> response = JsonText.readObject(payload);
        int status = response.get("statusCode") instanceof Number n ? n.intValue() : 200;
        Headers out = exchange.getResponseHeaders();
        Map<String, Object> headers = Template.map(response.get("headers"));
        headers.forEach((k, v) -> out.set(k, String.valueOf(v)));
        Map<String, Object> multi = Template.map(response.get("multiValueHeaders"));
        multi.forEach((k, v) -> {
            if (v instanceof List<?> values) {
                values.forEach(x -> out.add(k, String.valueOf(x)));
            }
        });
        if (response.get("cookies") instanceof List<?> setCookies) {
            setCookies.forEach(c -> out.add("set-cookie", String.valueOf(c)));
        }
        Object body = response.get("body");
        byte[] bytes = body == null ? new byte[0]
                : Boolean.TRUE.equals(response.get("isBase64Encoded")) ? Base64.getDecoder().decode(String.valueOf(body))
                : String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        String contentType = out.getFirst("content-type");
        send(exchange, status, contentType == null ? "application/json" : contentType, bytes, Map.of());
    }

    private Match match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        Match best = null;
        for (CompiledRoute route : routes) {
            if (!route.route().method().equals(method) && !route.route().method().equals("ANY")) {
                continue;
            }
            Map<String, String> params = route.match(segments);
            if (params != null && (best == null || route.literalCount() > best.literalCount())) {
                best = new Match(route.route(), params, route.literalCount());
            }
        }
        return best;
    }

    private record Match(Template.Route route, Map<String, String> pathParameters, int literalCount) {}

    private record CompiledRoute(Template.Route route, String[] pattern) {
        int literalCount() {
            int n = 0;
            for (String p : pattern) {
                if (!p.startsWith("{")) {
                    n++;
                }
            }
            return n;
        }

        Map<String, String> match(String[] segments) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                String p = pattern[i];
                if (p.startsWith("{") && p.endsWith("+}")) {
                    if (i >= segments.length) {
                        return null;
                    }
                    params.put(p.substring(1, p.length() - 2), decode(String.join("/", List.of(segments).subList(i, segments.length))));
                    return params;
                }
                if (i >= segments.length) {
                    return null;
                }
                if (p.startsWith("{") && p.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    params.put(p.substring(1, p.length() - 1), decode(segments[i]));
                } else if (!p.equals(segments[i])) {
                    return null;
                }
            }
            return segments.length == pattern.length ? params : null;
        }
    }

    // ------------------------------------------------------------------ login, web, operations

    private void hostedLogin(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String acceptLanguage = exchange.getRequestHeaders().getFirst("Accept-Language");
        HostedLogin.Answer answer;
        if (path.equals("/oauth2/authorize") && method.equals("GET")) {
            answer = login.authorizeForm(query(exchange.getRequestURI().getRawQuery()), acceptLanguage);
        } else if (path.equals("/oauth2/authorize") && method.equals("POST")) {
            answer = login.authorizeSubmit(form(exchange), acceptLanguage);
        } else if (path.equals("/oauth2/token") && method.equals("POST")) {
            answer = login.token(form(exchange));
        } else if (path.equals("/signup") && method.equals("GET")) {
            answer = login.signUpForm(query(exchange.getRequestURI().getRawQuery()), acceptLanguage);
        } else if (path.equals("/signup") && method.equals("POST")) {
            answer = login.signUpSubmit(form(exchange), acceptLanguage);
        } else if (path.equals("/logout") && method.equals("GET")) {
            answer = login.logout(query(exchange.getRequestURI().getRawQuery()));
        } else {
            answer = HostedLogin.Answer.json(404, "{\"error\":\"not_found\"}");
        }
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("location", answer.location());
        }
        send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8),
                Map.of("cache-control", "no-store"));
    }

    private void operations(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/_local/health")) {
            sendJson(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/_local/schedules") && exchange.getRequestMethod().equals("GET")) {
            sendJson(exchange, 200, JsonText.write(scheduler.describe()));
        } else if (path.startsWith("/_local/schedules/") && exchange.getRequestMethod().equals("POST")) {
            String name = path.substring("/_local/schedules/".length());
            // ?at=<ISO instant>: run as if scheduled then (tests' injected clock)
            java.time.Instant at = null;
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("at=")) {
                try {
                    at = java.time.Instant.parse(java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8));
                } catch (java.time.format.DateTimeParseException e) {
                    sendJson(exchange, 400, "{\"message\":\"at must be an ISO instant\"}");
                    return;
                }
            }
            Optional<String> answer = scheduler.fire(name, at);
            if (answer.isEmpty()) {
                sendJson(exchange, 404, "{\"message\":\"no schedule " + name.replaceAll("[^A-Za-z0-9.-]", "") + "\"}");
            } else {
                sendJson(exchange, 200, answer.get());
            }
        } else {
            sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private void staticFile(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "text/plain", "Method Not Allowed".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        String path = decode(rawPath);
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        Path file = web.resolve(path.substring(1)).normalize();
        // web/tests holds the browser tests, not the site; it is not deployed either
        if (!file.startsWith(web) || file.startsWith(web.resolve("tests")) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        String type = contentType(file);
        byte[] body = Files.readAllBytes(file);
        String accepted = exchange.getRequestHeaders().getFirst("accept-encoding");
        if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip") && compressible(type)) {
            // as CloudFront does for the site (template: Compress: true), so page weights measured here are real
            send(exchange, 200, type, gzip(body), Map.of("cache-control", "no-cache", "content-encoding", "gzip", "vary", "accept-encoding"));
        } else {
            send(exchange, 200, type, body, Map.of("cache-control", "no-cache", "vary", "accept-encoding"));
        }
    }

    static boolean compressible(String contentType) {
        return contentType.startsWith("text/") || contentType.startsWith("application/json") || contentType.startsWith("image/svg")
                || contentType.startsWith("application/manifest");
    }

    static byte[] gzip(byte[] body) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return switch (dot < 0 ? "" : name.substring(dot + 1)) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "webmanifest" -> "application/manifest+json";
            default -> "application/octet-stream";
        };
    }

    // ------------------------------------------------------------------ plumbing

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
        return query(new String(body, StandardCharsets.UTF_8));
    }

    /** Query or form parameters; repeated names are joined with commas, as API Gateway does. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            params.merge(name, value, (a, b) -> a + "," + b);
        }
        return params;
    }

    private static String decodeForm(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String decode(String s) {
        return decodeForm(s.replace("+", "%2B"));
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                             Map<String, String> extra) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("content-type", contentType);
        headers.set("x-content-type-options", "nosniff");
        extra.forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

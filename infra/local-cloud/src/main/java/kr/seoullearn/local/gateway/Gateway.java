package kr.seoullearn.local.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import kr.seoullearn.local.auth.HostedLogin;
import kr.seoullearn.local.auth.JwtAuthorizer;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.scheduling.LocalScheduler;
import kr.seoullearn.local.template.Template;

import static kr.seoullearn.local.gateway.Exchanges.form;
import static kr.seoullearn.local.gateway.Exchanges.query;
import static kr.seoullearn.local.gateway.Exchanges.send;
import static kr.seoullearn.local.gateway.Exchanges.sendJson;

/**
 * The local HTTP API: maps the template's routes to their functions with payload-2.0 events,
 * runs the JWT authorizer before a protected function, serves web/ at {@code /} and the web
 * app's {@code /config.json}, the hosted-login stand-in and the local operations endpoints.
 */
public final class Gateway implements AutoCloseable {
    /** API Gateway's limit on a request body. */
    static final int MAX_BODY = 10 * 1024 * 1024;

    private final Routes routes;
    private final Map<String, FunctionHost> functions;
    private final JwtAuthorizer authorizer;
    private final HostedLogin login;
    private kr.seoullearn.local.auth.CognitoTriggers triggers;
    private kr.seoullearn.local.auth.IdentityApi identityApi;
    private final StaticSite site;
    private final String configJson;
    private final LocalScheduler scheduler;
    private final Clock clock;
    private HttpServer server;

    /** The stand-in for Cognito's user-pools JSON API actions the web app calls (TOTP set-up), at {@value #IDENTITY_API_PATH}. */
    public void useIdentityApi(kr.seoullearn.local.auth.IdentityApi api) {
        this.identityApi = api;
    }

    /** Where the local cloud serves the user-pools JSON API stand-in (config.json identityApiUrl). */
    public static final String IDENTITY_API_PATH = "/cognito-idp/";

    /** The user pool's triggers, for the local test switches under /_local/triggers/. */
    public void useTriggers(kr.seoullearn.local.auth.CognitoTriggers triggers) {
        this.triggers = triggers;
    }

    public Gateway(List<Template.Route> templateRoutes, Map<String, FunctionHost> functions, JwtAuthorizer authorizer,
                   HostedLogin login, Path web, String contentSecurityPolicy, String configJson, LocalScheduler scheduler, Clock clock) {
        this.routes = new Routes(templateRoutes);
        this.functions = functions;
        this.authorizer = authorizer;
        this.login = login;
        this.site = new StaticSite(web, contentSecurityPolicy);
        this.configJson = configJson;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
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
                send(exchange, 200, "application/json", configJson.getBytes(StandardCharsets.UTF_8), site.headers(Map.of("cache-control", "no-store")));
            } else if (path.equals(IDENTITY_API_PATH) && identityApi != null) {
                identityApi(exchange);
            } else if (path.startsWith("/oauth2/") || path.equals("/logout") || path.equals("/signup")) {
                hostedLogin(exchange, path);
            } else if (path.startsWith("/_local/")) {
                operations(exchange, path);
            } else {
                site.serve(exchange, path);
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
        Routes.Match match = routes.match(method, rawPath);
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
        String event = JsonText.write(ApiEvent.of(exchange, match, body, claims, clock));
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

    // ------------------------------------------------------------------ login, web, operations

    private void hostedLogin(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        HostedLogin.Answer answer;
        if (path.equals("/oauth2/authorize") && method.equals("GET")) {
            answer = login.authorizeForm(query(exchange.getRequestURI().getRawQuery()));
        } else if (path.equals("/oauth2/authorize") && method.equals("POST")) {
            answer = login.authorizeSubmit(form(exchange));
        } else if (path.equals("/oauth2/token") && method.equals("POST")) {
            answer = login.token(form(exchange));
        } else if (path.equals("/signup") && method.equals("GET")) {
            answer = login.signUpForm(query(exchange.getRequestURI().getRawQuery()));
        } else if (path.equals("/signup") && method.equals("POST")) {
            answer = login.signUpSubmit(form(exchange));
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

    /** POST with X-Amz-Target, as Cognito's JSON API; anything else is not an action. */
    private void identityApi(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            sendJson(exchange, 404, "{\"__type\":\"UnknownOperationException\"}");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
        HostedLogin.Answer answer = identityApi.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8));
        send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8),
                Map.of("cache-control", "no-store"));
    }

    private void operations(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/_local/health")) {
            sendJson(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/_local/schedules") && exchange.getRequestMethod().equals("GET")) {
            sendJson(exchange, 200, JsonText.write(scheduler.describe()));
        } else if (path.equals("/_local/triggers/PostConfirmation/fail-next") && exchange.getRequestMethod().equals("POST")
                && triggers != null) {
            // test switch: the next confirmed sign-up's trigger fails, as a throttled one would
            triggers.failNextPostConfirmation();
            sendJson(exchange, 200, "{\"failNext\":\"PostConfirmation\"}");
        } else if (path.startsWith("/_local/schedules/") && exchange.getRequestMethod().equals("POST")) {
            String name = path.substring("/_local/schedules/".length());
            // ?at=<ISO instant>: run as if scheduled then (tests' injected clock)
            // &tenant=<id>: the payload also names a tenant, as an operator's invocation by hand does
            Instant at = null;
            String tenant = null;
            String query = exchange.getRequestURI().getRawQuery();
            for (String part : query == null ? new String[0] : query.split("&")) {
                if (part.startsWith("at=")) {
                    try {
                        at = Instant.parse(URLDecoder.decode(part.substring(3), StandardCharsets.UTF_8));
                    } catch (DateTimeParseException e) {
                        sendJson(exchange, 400, "{\"message\":\"at must be an ISO instant\"}");
                        return;
                    }
                } else if (part.startsWith("tenant=")) {
                    tenant = URLDecoder.decode(part.substring(7), StandardCharsets.UTF_8);
                    if (!tenant.matches("[a-z0-9-]{1,40}")) {
                        sendJson(exchange, 400, "{\"message\":\"tenant must be a tenant id\"}");
                        return;
                    }
                }
            }
            Optional<String> answer = scheduler.fire(name, at, tenant);
            if (answer.isEmpty()) {
                sendJson(exchange, 404, "{\"message\":\"no schedule " + name.replaceAll("[^A-Za-z0-9.-]", "") + "\"}");
            } else {
                sendJson(exchange, 200, answer.get());
            }
        } else {
            sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}

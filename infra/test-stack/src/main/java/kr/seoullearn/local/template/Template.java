package kr.seoullearn.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** template.yaml as the local cloud needs it: resources, functions, routes, schedules, the authorizer. */
public final class Template {
    private final Map<String, Object> raw;
    private final Path file;

    private Template(Path file, Map<String, Object> raw) {
        this.file = file;
        this.raw = raw;
    }

    public static Template load(Path file) throws IOException {
        return new Template(file, CfnYaml.load(file));
    }

    public Path file() {
        return file;
    }

    /** The directory the template's CodeUri paths are relative to. */
    public Path root() {
        return file.toAbsolutePath().getParent();
    }

    public Map<String, Map<String, Object>> resources() {
        return mapOfMaps(raw.get("Resources"));
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    public Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in " + file);
        }
        return map(resource.get("Properties"));
    }

    /** Parameter name → default value. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        mapOfMaps(raw.get("Parameters")).forEach((name, p) -> {
            Object d = p.get("Default");
            if (d != null) {
                defaults.put(name, String.valueOf(d));
            }
        });
        return defaults;
    }

    public List<Function> functions() {
        Map<String, Object> globals = map(map(raw.get("Globals")).get("Function"));
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            Map<String, Object> props = map(resource.get("Properties"));
            Map<String, Object> env = new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
            env.putAll(map(map(props.get("Environment")).get("Variables")));
            List<Route> routes = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            mapOfMaps(props.get("Events")).forEach((eventId, event) -> {
                Map<String, Object> ep = map(event.get("Properties"));
                String type = String.valueOf(event.get("Type"));
                switch (type) {
                    case "HttpApi" -> {
                        Object authorizer = map(ep.get("Auth")).get("Authorizer");
                        routes.add(new Route(id, eventId,
                                String.valueOf(ep.get("Method")).toUpperCase(Locale.ROOT),
                                String.valueOf(ep.get("Path")),
                                !"NONE".equals(authorizer)));
                    }
                    case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(id, eventId,
                            String.valueOf(ep.get("ScheduleExpression")),
                            ep.get("ScheduleExpressionTimezone") == null ? "UTC" : String.valueOf(ep.get("ScheduleExpressionTimezone")),
                            !Boolean.FALSE.equals(ep.get("Enabled")) && !"DISABLED".equals(ep.get("State")),
                            ep.get("Input") == null ? null : String.valueOf(ep.get("Input"))));
                    default -> { }
                }
            });
            functions.add(new Function(id,
                    String.valueOf(props.get("Handler")),
                    String.valueOf(props.get("CodeUri")),
                    env,
                    String.valueOf(props.getOrDefault("Runtime", globals.get("Runtime"))),
                    stringOrNull(map(globals.get("Environment")).get("Variables") == null ? null
                            : map(map(globals.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS")),
                    routes, schedules));
        });
        return functions;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Function f : functions()) {
            routes.addAll(f.routes());
        }
        return routes;
    }

    /** The HTTP API's default JWT authorizer: issuer and audience, unresolved. */
    public Authorizer authorizer() {
        for (var entry : resourcesOfType("AWS::Serverless::HttpApi").entrySet()) {
            Map<String, Object> auth = map(map(entry.getValue().get("Properties")).get("Auth"));
            String defaultName = String.valueOf(auth.get("DefaultAuthorizer"));
            Map<String, Object> authorizer = map(map(auth.get("Authorizers")).get(defaultName));
            Map<String, Object> jwt = map(authorizer.get("JwtConfiguration"));
            Object audience = jwt.get("audience");
            List<Object> audiences = audience instanceof List<?> list ? new ArrayList<>(list) : List.of(audience);
            return new Authorizer(defaultName, jwt.get("issuer"), audiences,
                    String.valueOf(authorizer.getOrDefault("IdentitySource", "$request.header.Authorization")));
        }
        throw new IllegalStateException("template.yaml has no AWS::Serverless::HttpApi with a default authorizer");
    }

    /**
     * The Content-Security-Policy of the site's response headers policy, as the format string of
     * its Fn::Sub with the origins left as {@code ${Name}} variables (each place serves it with its
     * own origins); empty when the template sets none.
     */
    public java.util.Optional<String> contentSecurityPolicy() {
        for (Map<String, Object> policy : resourcesOfType("AWS::CloudFront::ResponseHeadersPolicy").values()) {
            Map<String, Object> config = map(map(policy.get("Properties")).get("ResponseHeadersPolicyConfig"));
            Object csp = map(map(map(config.get("SecurityHeadersConfig")).get("ContentSecurityPolicy"))).get("ContentSecurityPolicy");
            Object sub = csp instanceof Map<?, ?> m ? m.get("Fn::Sub") : csp;
            Object format = sub instanceof List<?> list && !list.isEmpty() ? list.get(0) : sub;
            if (format instanceof String text) {
                return java.util.Optional.of(text);
            }
        }
        return java.util.Optional.empty();
    }

    public record Function(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                           String runtime, String javaToolOptions, List<Route> routes, List<Schedule> schedules) {}

    /** A route of the HTTP API: "GET /api/me", and whether the JWT authorizer guards it. */
    public record Route(String functionId, String eventId, String method, String path, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    public record Schedule(String functionId, String eventId, String expression, String timezone,
                           boolean enabled, String input) {}

    public record Authorizer(String name, Object issuer, List<Object> audience, String identitySource) {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), (Map<String, Object>) v));
        }
        return result;
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}

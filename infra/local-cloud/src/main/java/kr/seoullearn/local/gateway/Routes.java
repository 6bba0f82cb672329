package kr.seoullearn.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.template.Template;

/**
 * The template's HTTP API routes, matched as API Gateway matches them: the method (or ANY), then
 * the path with {@code {name}} and greedy {@code {name+}} parameters; among several matches the
 * one with the most literal segments wins.
 */
final class Routes {
    private final List<CompiledRoute> routes = new ArrayList<>();

    Routes(List<Template.Route> templateRoutes) {
        for (Template.Route r : templateRoutes) {
            routes.add(new CompiledRoute(r, r.path().split("/")));
        }
    }

    /** The route for a request and its path parameters (decoded), or null when none matches. */
    Match match(String method, String rawPath) {
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

    record Match(Template.Route route, Map<String, String> pathParameters, int literalCount) {}

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
                    params.put(p.substring(1, p.length() - 2), Exchanges.decode(String.join("/", List.of(segments).subList(i, segments.length))));
                    return params;
                }
                if (i >= segments.length) {
                    return null;
                }
                if (p.startsWith("{") && p.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    params.put(p.substring(1, p.length() - 1), Exchanges.decode(segments[i]));
                } else if (!p.equals(segments[i])) {
                    return null;
                }
            }
            return segments.length == pattern.length ? params : null;
        }
    }
}

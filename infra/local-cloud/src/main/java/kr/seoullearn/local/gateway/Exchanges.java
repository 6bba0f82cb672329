package kr.seoullearn.local.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server, the way API Gateway decodes and answers. */
final class Exchanges {
    private Exchanges() {}

    static Map<String, String> form(HttpExchange exchange) throws IOException {
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

    static String decode(String s) {
        return decodeForm(s.replace("+", "%2B"));
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body,
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

package kr.seoullearn.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web app from web/ at {@code /}, as CloudFront serves the site: gzip where it compresses,
 * and the template's Content-Security-Policy with the local origins, so the browser tests fail
 * on anything the deployed policy would block.
 */
final class StaticSite {
    private final Path web;
    private final Map<String, String> securityHeaders;

    StaticSite(Path web, String contentSecurityPolicy) {
        this.web = web.toAbsolutePath().normalize();
        this.securityHeaders = securityHeaders(contentSecurityPolicy);
    }

    /** The headers of the template's response headers policy that a browser acts on. */
    static Map<String, String> securityHeaders(String contentSecurityPolicy) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (contentSecurityPolicy != null) {
            headers.put("content-security-policy", contentSecurityPolicy);
        }
        headers.put("x-content-type-options", "nosniff");
        headers.put("x-frame-options", "DENY");
        headers.put("referrer-policy", "strict-origin-when-cross-origin");
        return Map.copyOf(headers);
    }

    Map<String, String> headers(Map<String, String> own) {
        Map<String, String> all = new java.util.LinkedHashMap<>(own);
        all.putAll(securityHeaders);
        return all;
    }

    void serve(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            Exchanges.send(exchange, 405, "text/plain", "Method Not Allowed".getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        String path = Exchanges.decode(rawPath);
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        Path file = web.resolve(path.substring(1)).normalize();
        // web/tests holds the browser tests, not the site; it is not deployed either
        if (!file.startsWith(web) || file.startsWith(web.resolve("tests")) || !Files.isRegularFile(file)) {
            Exchanges.send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8), headers(Map.of()));
            return;
        }
        String type = contentType(file);
        byte[] body = Files.readAllBytes(file);
        String accepted = exchange.getRequestHeaders().getFirst("accept-encoding");
        if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip") && compressible(type)) {
            // as CloudFront does for the site (template: Compress: true), so page weights measured here are real
            Exchanges.send(exchange, 200, type, gzip(body),
                    headers(Map.of("cache-control", "no-cache", "content-encoding", "gzip", "vary", "accept-encoding")));
        } else {
            Exchanges.send(exchange, 200, type, body, headers(Map.of("cache-control", "no-cache", "vary", "accept-encoding")));
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
}

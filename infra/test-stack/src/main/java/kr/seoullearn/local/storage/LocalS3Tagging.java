package kr.seoullearn.local.storage;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Object tagging for S3Proxy, which answers 501 to it: {@code GET/PUT/DELETE ?tagging} on an
 * object, and the tag set of a PUT's {@code x-amz-tagging} header (kept once S3Proxy has
 * accepted the upload, signature checked). A PUT without the header clears the tags and a
 * DELETE forgets them, as in S3. Tags live in memory, like the transient blob store.
 *
 * <p>Path-style requests only ({@code /bucket/key}), which is what the SDK sends to an IP
 * endpoint. The {@code ?tagging} calls must be signed, but their signature is not verified
 * here (S3Proxy does not route them); the presigned uploads that matter are.
 */
final class LocalS3Tagging implements Filter {
    private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private final BlobStore blobs;
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    LocalS3Tagging(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String[] object = bucketAndKey(request.getRequestURI());
        Map<String, String> query = query(request.getQueryString());
        if (object == null) {
            chain.doFilter(req, res);
            return;
        }
        String id = object[0] + "/" + object[1];
        String method = request.getMethod();
        if (query.containsKey("tagging")) {
            tagging(request, response, object, id, method, query);
            return;
        }
        String copySource = request.getHeader("x-amz-copy-source");
        chain.doFilter(req, res);
        int status = response.getStatus();
        if ("PUT".equals(method) && copySource != null && status == 200) {
            // a copy takes the source's tags, or the request's with x-amz-tagging-directive: REPLACE
            if ("REPLACE".equalsIgnoreCase(request.getHeader("x-amz-tagging-directive"))) {
                Map<String, String> set = parseTagHeader(request.getHeader("x-amz-tagging"));
                if (set.isEmpty()) {
                    tags.remove(id);
                } else {
                    tags.put(id, set);
                }
            } else {
                String source = java.net.URLDecoder.decode(copySource.split("\\?")[0], StandardCharsets.UTF_8);
                source = source.startsWith("/") ? source.substring(1) : source;
                Map<String, String> sourceTags = tags.get(source);
                if (sourceTags == null) {
                    tags.remove(id);
                } else {
                    tags.put(id, Map.copyOf(sourceTags));
                }
            }
        }
        boolean plainPut = "PUT".equals(method) && !query.containsKey("uploadId") && !query.containsKey("partNumber")
                && request.getHeader("x-amz-copy-source") == null;
        if (plainPut && status == 200) {
            Map<String, String> set = parseTagHeader(request.getHeader("x-amz-tagging"));
            if (set.isEmpty()) {
                tags.remove(id);
            } else {
                tags.put(id, set);
            }
        } else if ("DELETE".equals(method) && status / 100 == 2) {
            tags.remove(id);
        }
    }

    private void tagging(HttpServletRequest request, HttpServletResponse response, String[] object, String id, String method,
                         Map<String, String> query) throws IOException {
        if (request.getHeader("Authorization") == null && !query.containsKey("X-Amz-Signature")) {
            error(response, 403, "AccessDenied", "Anonymous tagging requests are refused");
            return;
        }
        if (!exists(object[0], object[1])) {
            error(response, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        switch (method) {
            case "GET" -> {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Tagging xmlns=\"")
                        .append(XMLNS).append("\"><TagSet>");
                tags.getOrDefault(id, Map.of()).forEach((k, v) -> xml.append("<Tag><Key>").append(escape(k))
                        .append("</Key><Value>").append(escape(v)).append("</Value></Tag>"));
                xml.append("</TagSet></Tagging>");
                byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType("application/xml");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
            case "PUT" -> {
                Map<String, String> set;
                try (InputStream in = request.getInputStream()) {
                    set = parseTagXml(in);
                } catch (Exception e) {
                    error(response, 400, "MalformedXML", "The XML you provided was not well-formed");
                    return;
                }
                tags.put(id, set);
                response.setStatus(200);
                response.setContentLength(0);
            }
            case "DELETE" -> {
                tags.remove(id);
                response.setStatus(204);
            }
            default -> error(response, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    private boolean exists(String bucket, String key) {
        try {
            return blobs.blobExists(bucket, key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** "/bucket/some/key" → [bucket, some/key]; null for the service or a bucket. */
    static String[] bucketAndKey(String rawPath) {
        if (rawPath == null || rawPath.length() < 2) {
            return null;
        }
        String path = URI.create("http://local" + rawPath.replace(" ", "%20")).getPath().substring(1);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            return null;
        }
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }

    static Map<String, String> query(String queryString) {
        Map<String, String> query = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return query;
        }
        for (String part : queryString.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** The header's form: "state=unsubmitted&other=x" (URL-encoded). */
    static Map<String, String> parseTagHeader(String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(query(header));
    }

    static Map<String, String> parseTagXml(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(false);
        NodeList tagNodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("Tag");
        Map<String, String> set = new LinkedHashMap<>();
        for (int i = 0; i < tagNodes.getLength(); i++) {
            Element tag = (Element) tagNodes.item(i);
            String key = text(tag, "Key");
            if (key != null) {
                set.put(key, text(tag, "Value") == null ? "" : text(tag, "Value"));
            }
        }
        return Collections.unmodifiableMap(set);
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + escape(message) + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/xml");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

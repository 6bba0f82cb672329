package kr.seoullearn.platform.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * One bucket through S3's REST API (SignedHttp), for the object calls our functions make —
 * presigned PUT and GET, HeadObject, a ranged GetObject, PutObject, DeleteObject, the object's
 * tags, and the copy onto itself that restarts its lifecycle — instead of the SDK's S3 client,
 * whose model is about 3.7 MB in a jar (docs/adr/0036-slim-aws-calls.md). Path-style addressing
 * at AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) locally; virtual-hosted
 * {@code https://<bucket>.s3.<region>.amazonaws.com} in AWS. Failures are {@link AwsCallFailed}
 * with S3's error code (e.g. {@code NoSuchKey}) or {@code status-<n>} for a HEAD, which has no body.
 */
public final class S3Objects {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]+)</Code>");
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final Pattern TAG = Pattern.compile("<Tag>\\s*<Key>([^<]*)</Key>\\s*<Value>([^<]*)</Value>\\s*</Tag>");

    private final SignedHttp http;
    private final URI base;
    private final Clock clock;

    public S3Objects(SignedHttp http, URI base, Clock clock) {
        this.http = http;
        this.base = base;
        this.clock = clock;
    }

    /** The bucket from the function's environment (region, credentials, endpoint variables). */
    public static S3Objects of(FunctionEnvironment env, String bucket) {
        String endpoint = env.optional("AWS_ENDPOINT_URL_S3", env.optional("AWS_ENDPOINT_URL", null));
        return new S3Objects(SignedHttp.of(env), base(bucket, env.region(), endpoint == null ? null : URI.create(endpoint)), Clock.systemUTC());
    }

    /** At an explicit endpoint (tests against the local S3). */
    public static S3Objects at(URI endpoint, String region, AwsCredentialsProvider credentials, String bucket) {
        return at(endpoint, region, credentials, bucket, AwsClients.httpClient());
    }

    /** The same, sending through {@code http} (a test that counts what goes out). */
    public static S3Objects at(URI endpoint, String region, AwsCredentialsProvider credentials, String bucket,
                               software.amazon.awssdk.http.SdkHttpClient http) {
        return new S3Objects(new SignedHttp(http, credentials, region, Clock.systemUTC()), base(bucket, region, endpoint), Clock.systemUTC());
    }

    static URI base(String bucket, String region, URI endpoint) {
        return endpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com")
                : URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket);
    }

    /** A presigned request: the URL, the headers the caller must send exactly as signed, and when it stops working. */
    public record Presigned(URI url, Map<String, String> headers, Instant expires) {}

    /**
     * A presigned PUT binding content type, length and tags; {@code createOnly} adds
     * {@code If-None-Match: *} so that once anything is at the key the URL gets 412.
     */
    public Presigned presignPut(String key, String contentType, long length, Map<String, String> tags, boolean createOnly, Duration ttl) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", contentType);
        if (createOnly) {
            headers.put("if-none-match", "*");
        }
        if (!tags.isEmpty()) {
            headers.put("x-amz-tagging", tagging(tags));
        }
        SdkHttpFullRequest.Builder put = request(SdkHttpMethod.PUT, key).putHeader("Content-Length", Long.toString(length));
        headers.forEach(put::putHeader);
        // the browser sets host and content-length itself; the rest it must send as signed
        return new Presigned(http.presign("s3", put.build(), ttl), headers, clock.instant().plus(ttl));
    }

    /** A presigned GET of one version (null: the current one), answered with this content type and disposition. */
    public Presigned presignGet(String key, String versionId, String contentType, String contentDisposition, Duration ttl) {
        SdkHttpFullRequest.Builder get = request(SdkHttpMethod.GET, key);
        version(get, versionId);
        get.putRawQueryParameter("response-content-type", contentType)
                .putRawQueryParameter("response-content-disposition", contentDisposition);
        return new Presigned(http.presign("s3", get.build(), ttl), Map.of(), clock.instant().plus(ttl));
    }

    /** What HeadObject says of the current version. */
    public record Head(long length, String versionId) {}

    public Optional<Head> head(String key) {
        SignedHttp.Answer answer = http.send("s3", request(SdkHttpMethod.HEAD, key), null, true);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        ok(answer, "HeadObject");
        String length = answer.header("Content-Length");
        return Optional.of(new Head(length == null ? 0 : Long.parseLong(length), answer.header("x-amz-version-id")));
    }

    /** The first {@code count} bytes of a version; none for an empty object (S3 answers 416 to its range). */
    public byte[] firstBytes(String key, String versionId, int count) {
        SdkHttpFullRequest.Builder get = request(SdkHttpMethod.GET, key).putHeader("Range", "bytes=0-" + (count - 1));
        version(get, versionId);
        SignedHttp.Answer answer = http.send("s3", get, null, true);
        if (answer.status() == 416) {
            return new byte[0];
        }
        ok(answer, "GetObject");
        byte[] body = answer.body();
        return body.length > count ? java.util.Arrays.copyOf(body, count) : body;
    }

    /** PutObject of small bytes; the new version's id. */
    public String put(String key, String contentType, Map<String, String> tags, byte[] body) {
        SdkHttpFullRequest.Builder put = request(SdkHttpMethod.PUT, key).putHeader("Content-Type", contentType);
        if (!tags.isEmpty()) {
            put.putHeader("x-amz-tagging", tagging(tags));
        }
        SignedHttp.Answer answer = http.send("s3", put, body, true);
        ok(answer, "PutObject");
        return answer.header("x-amz-version-id");
    }

    /** DeleteObject of one version (null: a delete marker on the current one); a missing key is not an error, as in S3. */
    public void delete(String key, String versionId) {
        SdkHttpFullRequest.Builder delete = request(SdkHttpMethod.DELETE, key);
        version(delete, versionId);
        ok(http.send("s3", delete, null, true), "DeleteObject");
    }

    /** GetObjectTagging of one version, in S3's order. */
    public Map<String, String> tags(String key, String versionId) {
        SdkHttpFullRequest.Builder get = request(SdkHttpMethod.GET, key).putRawQueryParameter("tagging", (String) null);
        version(get, versionId);
        SignedHttp.Answer answer = http.send("s3", get, null, true);
        ok(answer, "GetObjectTagging");
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = TAG.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            tags.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return tags;
    }

    /** PutObjectTagging of one version: its whole tag set becomes {@code tags}. */
    public void putTags(String key, String versionId, Map<String, String> tags) {
        StringBuilder xml = new StringBuilder("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>");
        tags.forEach((k, v) -> xml.append("<Tag><Key>").append(escape(k)).append("</Key><Value>").append(escape(v)).append("</Value></Tag>"));
        byte[] body = xml.append("</TagSet></Tagging>").toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder put = request(SdkHttpMethod.PUT, key).putRawQueryParameter("tagging", (String) null)
                .putHeader("Content-Type", "application/xml")
                .putHeader("Content-MD5", java.util.Base64.getEncoder().encodeToString(md5(body)));
        version(put, versionId);
        ok(http.send("s3", put, body, true), "PutObjectTagging");
    }

    /**
     * CopyObject of a version onto its own key with new tags and content type (the new version
     * starts the bucket's lifecycle clock again); the new version's id, or empty when the source
     * is gone ({@code NoSuchKey}).
     */
    public Optional<String> copyOntoItself(String key, String versionId, String contentType, Map<String, String> tags) {
        String source = "/" + base.getRawPath().replaceAll("^/+", "") + encodedKey(key);
        if (base.getRawPath().isEmpty() || base.getRawPath().equals("/")) {
            // virtual-hosted: the bucket is the host's first label
            source = "/" + base.getHost().substring(0, base.getHost().indexOf(".s3.")) + encodedKey(key);
        }
        SdkHttpFullRequest.Builder copy = request(SdkHttpMethod.PUT, key)
                .putHeader("x-amz-copy-source", source + (versionId == null ? "" : "?versionId=" + SdkHttpUtils.urlEncode(versionId)))
                .putHeader("x-amz-metadata-directive", "REPLACE").putHeader("Content-Type", contentType)
                .putHeader("x-amz-tagging-directive", "REPLACE").putHeader("x-amz-tagging", tagging(tags));
        SignedHttp.Answer answer = http.send("s3", copy, null, true);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() == 404 && "NoSuchKey".equals(code(body))) {
            return Optional.empty();
        }
        ok(answer, "CopyObject");
        // S3 may answer 200 and still fail a copy, with an Error document
        if (body.contains("<Error>")) {
            throw new AwsCallFailed("s3", code(body), 200, true, null);
        }
        return Optional.ofNullable(answer.header("x-amz-version-id"));
    }

    /** One object version or delete marker, as ListObjectVersions names it. */
    public record Version(String key, String versionId) {}

    private static final Pattern VERSION_ENTRY = Pattern.compile("<(Version|DeleteMarker)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern ENTRY_KEY = Pattern.compile("<Key>([^<]*)</Key>");
    private static final Pattern ENTRY_VERSION = Pattern.compile("<VersionId>([^<]*)</VersionId>");
    private static final Pattern NEXT_KEY = Pattern.compile("<NextKeyMarker>([^<]*)</NextKeyMarker>");
    private static final Pattern NEXT_VERSION = Pattern.compile("<NextVersionIdMarker>([^<]*)</NextVersionIdMarker>");

    /** ListObjectVersions under {@code prefix}, every page: each version and delete marker. */
    public java.util.List<Version> versions(String prefix) {
        java.util.List<Version> all = new java.util.ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            SdkHttpFullRequest.Builder list = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol(base.getScheme())
                    .host(base.getHost()).port(base.getPort() < 0 ? null : base.getPort())
                    .encodedPath(base.getRawPath().isEmpty() ? "/" : base.getRawPath())
                    .putRawQueryParameter("versions", (String) null).putRawQueryParameter("prefix", prefix);
            if (keyMarker != null) {
                list.putRawQueryParameter("key-marker", keyMarker);
            }
            if (versionMarker != null) {
                list.putRawQueryParameter("version-id-marker", versionMarker);
            }
            SignedHttp.Answer answer = http.send("s3", list, null, true);
            ok(answer, "ListObjectVersions");
            String xml = new String(answer.body(), StandardCharsets.UTF_8);
            Matcher entry = VERSION_ENTRY.matcher(xml);
            while (entry.find()) {
                Matcher k = ENTRY_KEY.matcher(entry.group(2));
                Matcher v = ENTRY_VERSION.matcher(entry.group(2));
                if (k.find()) {
                    String version = v.find() ? unescape(v.group(1)) : null;
                    all.add(new Version(unescape(k.group(1)), version == null || version.equals("null") ? null : version));
                }
            }
            if (!xml.contains("<IsTruncated>true</IsTruncated>")) {
                return all;
            }
            Matcher nk = NEXT_KEY.matcher(xml);
            Matcher nv = NEXT_VERSION.matcher(xml);
            keyMarker = nk.find() ? unescape(nk.group(1)) : null;
            versionMarker = nv.find() ? unescape(nv.group(1)) : null;
            if (keyMarker == null) {
                return all;
            }
        }
    }

    /** CreateMultipartUpload: the upload's id. */
    public String startMultipart(String key, String contentType) {
        SignedHttp.Answer answer = http.send("s3", request(SdkHttpMethod.POST, key).putRawQueryParameter("uploads", (String) null)
                .putHeader("Content-Type", contentType), null, true);
        ok(answer, "CreateMultipartUpload");
        Matcher id = UPLOAD_ID.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new AwsCallFailed("s3", "no-upload-id", answer.status(), true, null);
        }
        return id.group(1);
    }

    /** UploadPart of the first {@code length} bytes of {@code bytes} (not copied): the part's ETag. */
    public String uploadPart(String key, String uploadId, int partNumber, byte[] bytes, int length) {
        SignedHttp.Answer answer = http.send("s3", request(SdkHttpMethod.PUT, key)
                .putRawQueryParameter("partNumber", Integer.toString(partNumber))
                .putRawQueryParameter("uploadId", uploadId), bytes, length, true);
        ok(answer, "UploadPart");
        String etag = answer.header("ETag");
        if (etag == null) {
            throw new AwsCallFailed("s3", "no-etag", answer.status(), true, null);
        }
        return etag;
    }

    /** CompleteMultipartUpload of the parts' ETags in order (S3 may answer 200 with an Error document: a failure too). */
    public void completeMultipart(String key, String uploadId, java.util.List<String> etags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(escape(etags.get(i)))
                    .append("</ETag></Part>");
        }
        byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        SignedHttp.Answer answer = http.send("s3", request(SdkHttpMethod.POST, key).putRawQueryParameter("uploadId", uploadId)
                .putHeader("Content-Type", "application/xml"), body, true);
        ok(answer, "CompleteMultipartUpload");
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (text.contains("<Error>")) {
            throw new AwsCallFailed("s3", code(text), answer.status(), true, null);
        }
    }

    /** AbortMultipartUpload: the parts sent are deleted. */
    public void abortMultipart(String key, String uploadId) {
        ok(http.send("s3", request(SdkHttpMethod.DELETE, key).putRawQueryParameter("uploadId", uploadId), null, true),
                "AbortMultipartUpload");
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String key) {
        return SdkHttpFullRequest.builder().method(method).protocol(base.getScheme()).host(base.getHost())
                .port(base.getPort() < 0 ? null : base.getPort()).encodedPath(base.getRawPath() + encodedKey(key));
    }

    private static String encodedKey(String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            path.append('/').append(SdkHttpUtils.urlEncode(segment));
        }
        return path.toString();
    }

    private static void version(SdkHttpFullRequest.Builder request, String versionId) {
        if (versionId != null) {
            request.putRawQueryParameter("versionId", versionId);
        }
    }

    private static void ok(SignedHttp.Answer answer, String operation) {
        if (answer.status() / 100 != 2) {
            String code = code(new String(answer.body(), StandardCharsets.UTF_8));
            throw new AwsCallFailed("s3", code.isEmpty() ? "status-" + answer.status() : code, answer.status(), true, null);
        }
    }

    private static String code(String xml) {
        Matcher m = CODE.matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    /** The {@code x-amz-tagging} form: URL-encoded {@code key=value} pairs joined by {@code &}. */
    static String tagging(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e -> SdkHttpUtils.urlEncode(e.getKey()) + "=" + SdkHttpUtils.urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static byte[] md5(byte[] body) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "S3Objects[" + base.getHost().toLowerCase(Locale.ROOT) + "]";
    }
}

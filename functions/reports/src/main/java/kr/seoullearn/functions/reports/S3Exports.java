package kr.seoullearn.functions.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Exports in S3 through its REST API, signed with the SDK's own SigV4 signer and sent with the
 * URLConnection client the function already has: CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload, AbortMultipartUpload and a presigned GetObject. Not the SDK's S3
 * client: it would add about 4 MB to a jar that needs five calls of it (docs/adr/0022).
 * Path-style addressing at AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) locally; virtual-hosted
 * {@code https://<bucket>.s3.<region>.amazonaws.com} in AWS.
 */
public final class S3Exports implements ExportStorage {
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    /** The bucket's base URI, ending without a slash: keys follow as {@code /<key>}. */
    private final URI base;
    private final Clock clock;

    S3Exports(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI base, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.base = base;
        this.clock = clock;
    }

    /** From the function's environment: EXPORTS_BUCKET, the region and, locally, the endpoint variables. */
    public static S3Exports of(FunctionEnvironment env) {
        String bucket = env.required("EXPORTS_BUCKET");
        String endpoint = env.optional("AWS_ENDPOINT_URL_S3", env.optional("AWS_ENDPOINT_URL", null));
        return of(bucket, env.region(), endpoint == null ? null : URI.create(endpoint), AwsClients.httpClient(),
                EnvironmentVariableCredentialsProvider.create());
    }

    /** {@code endpoint} null: AWS itself. */
    public static S3Exports of(String bucket, String region, URI endpoint, SdkHttpClient http, AwsCredentialsProvider credentials) {
        URI base = endpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com")
                : URI.create(endpoint.toString().replaceAll("/+$", "") + "/" + bucket);
        return new S3Exports(http, credentials, region, base, Clock.systemUTC());
    }

    @Override
    public Upload start(String key, String contentType) {
        SdkHttpFullRequest.Builder create = request(SdkHttpMethod.POST, key).putRawQueryParameter("uploads", (String) null)
                .putHeader("Content-Type", contentType);
        String body = send(create, new byte[0], 0, 200);
        Matcher id = UPLOAD_ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("CreateMultipartUpload answered without an UploadId");
        }
        return new MultipartUpload(key, id.group(1));
    }

    @Override
    public DownloadUrl presign(String key, String contentType, String fileName, Duration ttl) {
        SdkHttpFullRequest get = request(SdkHttpMethod.GET, key)
                .putRawQueryParameter("response-content-type", contentType)
                .putRawQueryParameter("response-content-disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(get)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return new DownloadUrl(signed.request().getUri(), clock.instant().plus(ttl));
    }

    private final class MultipartUpload implements Upload {
        private final String key;
        private final String uploadId;
        private final List<String> etags = new ArrayList<>();

        MultipartUpload(String key, String uploadId) {
            this.key = key;
            this.uploadId = uploadId;
        }

        @Override
        public void part(byte[] bytes, int length) {
            SdkHttpFullRequest.Builder put = request(SdkHttpMethod.PUT, key)
                    .putRawQueryParameter("partNumber", Integer.toString(etags.size() + 1))
                    .putRawQueryParameter("uploadId", uploadId);
            etags.add(sendForEtag(put, bytes, length));
        }

        @Override
        public void complete() {
            StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
            for (int i = 0; i < etags.size(); i++) {
                xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                        .append(etags.get(i).replace("&", "&amp;").replace("\"", "&quot;")).append("</ETag></Part>");
            }
            byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
            String answer = send(request(SdkHttpMethod.POST, key).putRawQueryParameter("uploadId", uploadId)
                    .putHeader("Content-Type", "application/xml"), body, body.length, 200);
            // S3 may answer 200 and still fail the completion, with an Error document
            if (answer.contains("<Error>")) {
                throw new IllegalStateException("CompleteMultipartUpload failed: " + errorCode(answer));
            }
        }

        @Override
        public void abort() {
            send(request(SdkHttpMethod.DELETE, key).putRawQueryParameter("uploadId", uploadId), new byte[0], 0, 204);
        }
    }

    private SdkHttpFullRequest.Builder request(SdkHttpMethod method, String key) {
        StringBuilder path = new StringBuilder(base.getRawPath());
        for (String segment : key.split("/")) {
            path.append('/').append(SdkHttpUtils.urlEncode(segment));
        }
        return SdkHttpFullRequest.builder().method(method).protocol(base.getScheme()).host(base.getHost())
                .port(base.getPort() < 0 ? null : base.getPort()).encodedPath(path.toString());
    }

    private String send(SdkHttpFullRequest.Builder request, byte[] body, int length, int expected) {
        try (InputStream in = execute(request, body, length, expected).responseBody().orElse(null)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sendForEtag(SdkHttpFullRequest.Builder request, byte[] body, int length) {
        HttpExecuteResponse response = execute(request, body, length, 200);
        try (InputStream in = response.responseBody().orElse(null)) {
            if (in != null) {
                in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.httpResponse().firstMatchingHeader("ETag")
                .orElseThrow(() -> new IllegalStateException("UploadPart answered without an ETag"));
    }

    private HttpExecuteResponse execute(SdkHttpFullRequest.Builder request, byte[] body, int length, int expected) {
        request.putHeader("x-amz-content-sha256", length == 0 ? EMPTY_SHA256 : sha256(body, length))
                .putHeader("Content-Length", Integer.toString(length));
        // the part's bytes as they are in the buffer: never copied
        ContentStreamProvider payload = () -> new java.io.ByteArrayInputStream(body, 0, length);
        SdkHttpFullRequest unsigned = request.build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned).payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(payload)).build()).call();
            int status = response.httpResponse().statusCode();
            if (status != expected && !(expected == 204 && status == 200)) {
                String answer = "";
                try (InputStream in = response.responseBody().orElse(null)) {
                    answer = in == null ? "" : new String(in.readNBytes(2048), StandardCharsets.UTF_8);
                }
                throw new IllegalStateException("S3 answered " + status + " " + errorCode(answer) + " to " + unsigned.method());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String errorCode(String xml) {
        Matcher code = Pattern.compile("<Code>([^<]+)</Code>").matcher(xml);
        return code.find() ? code.group(1) : "";
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

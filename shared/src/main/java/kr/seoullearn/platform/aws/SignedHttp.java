package kr.seoullearn.platform.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

/**
 * One signed HTTP exchange with an AWS service: SigV4 by the SDK's own signer, sent with the
 * function's URLConnection client. For the services whose SDK client model would outweigh the
 * few calls a function makes of it (Cognito, SES, Secrets Manager, S3: docs/adr/0022 and
 * docs/adr/0036-slim-aws-calls.md). The caller builds
 * the request of the service's own protocol; this class signs, sends and reads the answer whole.
 */
public final class SignedHttp {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** Answers are small (JSON documents, S3 XML listings); a larger one is cut, never buffered whole. */
    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    private final Clock clock;

    public SignedHttp(SdkHttpClient http, AwsCredentialsProvider credentials, String region, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /** With the function's region, its environment's credentials and the shared URLConnection client. */
    public static SignedHttp of(FunctionEnvironment env) {
        return new SignedHttp(AwsClients.httpClient(), EnvironmentVariableCredentialsProvider.create(), env.region(), Clock.systemUTC());
    }

    public String region() {
        return region;
    }

    /** What the service answered: status, headers and body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * Signs (header authorisation, payload hash) and sends; an I/O failure (no answer: the call may
     * or may not have happened) is an {@link AwsCallFailed} with {@code answered == false}.
     * {@code s3} adds the {@code x-amz-content-sha256} header S3 requires and signs S3's way
     * (no double URL encoding, no path normalisation).
     */
    public Answer send(String signingName, SdkHttpFullRequest.Builder request, byte[] body, boolean s3) {
        return send(signingName, request, body, body == null ? 0 : body.length, s3);
    }

    /** As above, with the first {@code length} bytes of {@code body} as they are in the buffer (a large part is never copied). */
    public Answer send(String signingName, SdkHttpFullRequest.Builder request, byte[] body, int length, boolean s3) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (s3) {
            request.putHeader("x-amz-content-sha256", length == 0 ? EMPTY_SHA256 : sha256(bytes, length));
        }
        // GET, HEAD and DELETE go without a body: given one, URLConnection would turn them into a POST
        boolean withBody = length > 0 || request.method() == SdkHttpMethod.PUT || request.method() == SdkHttpMethod.POST;
        if (withBody) {
            request.putHeader("Content-Length", Integer.toString(length));
        }
        ContentStreamProvider payload = () -> new ByteArrayInputStream(bytes, 0, length);
        SdkHttpFullRequest unsigned = request.build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned).payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        try {
            HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed.request());
            if (withBody) {
                execute.contentStreamProvider(signed.payload().orElse(payload));
            }
            HttpExecuteResponse response = http.prepareRequest(execute.build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElse(null)) {
                answer = in == null ? new byte[0] : in.readNBytes(MAX_ANSWER_BYTES);
            }
            return new Answer(response.httpResponse().statusCode(), response.httpResponse().headers(), answer);
        } catch (IOException | UncheckedIOException e) {
            throw new AwsCallFailed(signingName, "no-answer", 0, false, e);
        }
    }

    /** A presigned URL (query-string authorisation, unsigned payload) valid for {@code ttl}: S3's way. */
    public URI presign(String signingName, SdkHttpFullRequest request, Duration ttl) {
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri();
    }

    static String sha256(byte[] bytes) {
        return sha256(bytes, bytes.length);
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

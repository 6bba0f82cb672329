package kr.seoullearn.platform.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * An AWS service spoken in its JSON protocols — "awsJson1_1" (one POST to {@code /} with an
 * {@code X-Amz-Target} header: Cognito user pools, Secrets Manager) or REST-JSON (SESv2) — with
 * {@link SignedHttp}, instead of the service's SDK client: those carry the whole service model
 * (Cognito's is about 3.5 MB in a jar) for the two or three operations a function calls
 * (docs/adr/0036-slim-aws-calls.md). Requests and answers are plain maps (jackson-jr, as the API
 * bodies are). Throttling and server errors are tried again up to three times with jittered
 * exponential pauses, as the SDK's standard retry mode does.
 *
 * <p>Where it goes: {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL} when set (the
 * local cloud, LocalStack), else the service's regional endpoint — the same variables the SDK
 * reads, so a function behaves alike with either.
 */
public final class AwsJson {
    static final int ATTEMPTS = 3;
    private static final JSON CODEC = JSON.builder().disable(JSON.Feature.WRITE_NULL_PROPERTIES).build();

    private final SignedHttp http;
    private final URI endpoint;
    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final Pause pause;

    /** How a pause between tries is taken; tests count pauses instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    AwsJson(SignedHttp http, URI endpoint, String signingName, String targetPrefix, String contentType, Pause pause) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.contentType = contentType;
        this.pause = pause;
    }

    /** Cognito user pools ("cognito-idp", awsJson1_1). */
    public static AwsJson cognito(FunctionEnvironment env, SignedHttp http) {
        return new AwsJson(http, endpoint(env, "COGNITO_IDENTITY_PROVIDER", "https://cognito-idp." + http.region() + ".amazonaws.com"),
                "cognito-idp", "AWSCognitoIdentityProviderService.", "application/x-amz-json-1.1", Thread::sleep);
    }

    /** Secrets Manager (awsJson1_1). */
    public static AwsJson secretsManager(FunctionEnvironment env, SignedHttp http) {
        return new AwsJson(http, endpoint(env, "SECRETS_MANAGER", "https://secretsmanager." + http.region() + ".amazonaws.com"),
                "secretsmanager", "secretsmanager.", "application/x-amz-json-1.1", Thread::sleep);
    }

    /** SES API v2 (REST-JSON, signed as "ses"). */
    public static AwsJson sesV2(FunctionEnvironment env, SignedHttp http) {
        return new AwsJson(http, endpoint(env, "SESV2", "https://email." + http.region() + ".amazonaws.com"),
                "ses", null, "application/json", Thread::sleep);
    }

    /**
     * SESv2 SendEmail of one UTF-8 plain-text message (simple content), never sent again on no
     * answer (that could be a second e-mail); the message id SES gives it.
     */
    public String sendEmail(String from, String to, String subject, String text) {
        Map<String, Object> email = Map.of("FromEmailAddress", from, "Destination", Map.of("ToAddresses", java.util.List.of(to)),
                "Content", Map.of("Simple", Map.of("Subject", Map.of("Data", subject, "Charset", "UTF-8"),
                        "Body", Map.of("Text", Map.of("Data", text, "Charset", "UTF-8")))));
        Object id = rest(SdkHttpMethod.POST, "/v2/email/outbound-emails", email, false).get("MessageId");
        return id == null ? "" : id.toString();
    }

    /** For tests: the same service with counted pauses. */
    public AwsJson withPause(Pause other) {
        return new AwsJson(http, endpoint, signingName, targetPrefix, contentType, other);
    }

    static URI endpoint(FunctionEnvironment env, String serviceVariable, String aws) {
        String url = env.optional("AWS_ENDPOINT_URL_" + serviceVariable, env.optional("AWS_ENDPOINT_URL", aws));
        return URI.create(url.replaceAll("/+$", ""));
    }

    /**
     * One awsJson1_1 operation, e.g. {@code call("AdminGetUser", Map.of(...))}. {@code idempotent}:
     * may be sent again when no answer came (reads, group membership), never for a send.
     */
    public Map<String, Object> call(String operation, Map<String, Object> body, boolean idempotent) {
        if (targetPrefix == null) {
            throw new IllegalStateException(signingName + " is a REST-JSON service: use rest(...)");
        }
        return exchange(SdkHttpMethod.POST, "/", Map.of("X-Amz-Target", targetPrefix + operation), body, idempotent);
    }

    /** One REST-JSON operation, e.g. SESv2 {@code rest(POST, "/v2/email/outbound-emails", body, false)}. */
    public Map<String, Object> rest(SdkHttpMethod method, String path, Map<String, Object> body, boolean idempotent) {
        return exchange(method, path, Map.of(), body, idempotent);
    }

    private Map<String, Object> exchange(SdkHttpMethod method, String path, Map<String, String> headers,
                                         Map<String, Object> body, boolean idempotent) {
        byte[] bytes = write(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, path, headers, bytes);
            } catch (AwsCallFailed e) {
                boolean again = e.retryable() || (!e.answered() && idempotent);
                if (!again || attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    // full jitter under a ceiling of 100 ms, 200 ms, … (the SDK's standard mode: base 100 ms)
                    pause.millis(ThreadLocalRandom.current().nextLong(1 + (100L << (attempt - 1))));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Map<String, Object> once(SdkHttpMethod method, String path, Map<String, String> headers, byte[] body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(method).uri(endpoint)
                .encodedPath(endpoint.getRawPath() + path).putHeader("Content-Type", contentType);
        headers.forEach(request::putHeader);
        SignedHttp.Answer answer = http.send(signingName, request, body, false);
        if (answer.status() / 100 == 2) {
            return read(answer.body());
        }
        throw new AwsCallFailed(signingName, errorCode(answer), answer.status(), true, null);
    }

    /** The error's code: the {@code x-amzn-ErrorType} header or the body's {@code __type}/{@code code}, without namespace. */
    static String errorCode(SignedHttp.Answer answer) {
        String type = answer.header("x-amzn-ErrorType");
        if (type == null) {
            Map<String, Object> body;
            try {
                body = read(answer.body());
            } catch (RuntimeException e) {
                body = Map.of();
            }
            Object t = body.containsKey("__type") ? body.get("__type") : body.get("code");
            type = t == null ? "status-" + answer.status() : t.toString();
        }
        type = type.substring(type.lastIndexOf('#') + 1);
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }

    private static byte[] write(Map<String, Object> body) {
        try {
            return CODEC.asString(body == null ? Map.of() : body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON-writable", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            Object parsed = CODEC.anyFrom(new String(body, StandardCharsets.UTF_8));
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON", e);
        }
    }
}

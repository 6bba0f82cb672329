package kr.seoullearn.platform.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * An AWS service spoken in its Query protocol (a form-encoded {@code POST /} with {@code Action}
 * and {@code Version}, an XML answer) with {@link SignedHttp}: SNS's Publish of an SMS, instead of
 * the SNS client and its model (docs/adr/0036-slim-aws-calls.md). Errors become
 * {@link AwsCallFailed} with the {@code <Code>} of the error document; nothing is tried again
 * here — the caller's run retries what it may (a text must not go out twice).
 */
public final class AwsQuery {
    private static final Pattern CODE = Pattern.compile("<Code>([^<]+)</Code>");

    private final SignedHttp http;
    private final URI endpoint;
    private final String signingName;
    private final String version;

    AwsQuery(SignedHttp http, URI endpoint, String signingName, String version) {
        this.http = http;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.version = version;
    }

    /** Amazon SNS (API version 2010-03-31). */
    public static AwsQuery sns(FunctionEnvironment env, SignedHttp http) {
        return new AwsQuery(http, AwsJson.endpoint(env, "SNS", "https://sns." + http.region() + ".amazonaws.com"), "sns", "2010-03-31");
    }

    /** One action with its parameters (already flattened, e.g. {@code MessageAttributes.entry.1.Name}); the answer's XML. */
    public String call(String action, Map<String, String> parameters) {
        StringBuilder form = new StringBuilder("Action=").append(SdkHttpUtils.urlEncode(action))
                .append("&Version=").append(SdkHttpUtils.urlEncode(version));
        form.append(parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "&" + SdkHttpUtils.urlEncode(e.getKey()) + "=" + SdkHttpUtils.urlEncode(e.getValue()))
                .collect(Collectors.joining()));
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath(endpoint.getRawPath() + "/").putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        SignedHttp.Answer answer = http.send(signingName, request, form.toString().getBytes(StandardCharsets.UTF_8), false);
        String xml = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() / 100 != 2) {
            Matcher code = CODE.matcher(xml);
            throw new AwsCallFailed(signingName, code.find() ? code.group(1) : "status-" + answer.status(), answer.status(), true, null);
        }
        return xml;
    }

    /** The text of the first {@code <name>} element of an answer, or null. */
    public static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}

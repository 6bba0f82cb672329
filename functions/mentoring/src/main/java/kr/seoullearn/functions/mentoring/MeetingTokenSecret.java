package kr.seoullearn.functions.mentoring;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SignedHttp;

/**
 * The Jitsi deployment's app secret (MEETING_PROVIDER=jitsi-jwt) from the Secrets Manager secret
 * MEETING_TOKEN_SECRET names, read once per execution environment when the first link is made —
 * never at init, so a SnapStart snapshot holds no secret (docs/adr/0018, 0026). GetSecretValue
 * through Secrets Manager's JSON API (docs/adr/0036-slim-aws-calls.md), as the identity key.
 */
final class MeetingTokenSecret implements Supplier<byte[]> {
    private final String secretId;
    private final FunctionEnvironment env;
    private volatile byte[] key;

    MeetingTokenSecret(FunctionEnvironment env) {
        this.env = env;
        this.secretId = env.required("MEETING_TOKEN_SECRET");
    }

    @Override
    public byte[] get() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    Object secret = AwsJson.secretsManager(env, SignedHttp.of(env))
                            .call("GetSecretValue", Map.of("SecretId", secretId), true).get("SecretString");
                    if (!(secret instanceof String text) || text.isEmpty()) {
                        throw new IllegalStateException("the meeting token secret has no SecretString");
                    }
                    key = text.getBytes(StandardCharsets.UTF_8);
                }
                k = key;
            }
        }
        return k;
    }
}

package kr.seoullearn.functions.signup;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SignedHttp;
import kr.seoullearn.registration.port.IdentityKey;

/**
 * The identity key from the Secrets Manager secret named by IDENTITY_KEY_SECRET, read once per
 * execution environment on first use — never at init, so a SnapStart snapshot holds no key
 * (docs/adr/0018, 0021). The key is the secret's string as UTF-8 bytes. GetSecretValue through
 * Secrets Manager's JSON API (docs/adr/0036-slim-aws-calls.md), not the SDK's client.
 */
final class SecretsManagerIdentityKey implements IdentityKey {
    private final String secretId;
    private final FunctionEnvironment env;
    private volatile byte[] key;

    SecretsManagerIdentityKey(FunctionEnvironment env) {
        this.env = env;
        this.secretId = env.required("IDENTITY_KEY_SECRET");
    }

    @Override
    public byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    Object secret = AwsJson.secretsManager(env, SignedHttp.of(env))
                            .call("GetSecretValue", Map.of("SecretId", secretId), true).get("SecretString");
                    if (!(secret instanceof String text) || text.isEmpty()) {
                        throw new IllegalStateException("the identity key secret has no SecretString");
                    }
                    key = text.getBytes(StandardCharsets.UTF_8);
                }
                k = key;
            }
        }
        return k;
    }
}

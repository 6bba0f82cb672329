package kr.seoullearn.platform.aws;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A key kept in a Secrets Manager secret that the template generates (GenerateSecretString), named
 * by an environment variable (its ARN): read once per execution environment on first use — never
 * at init, so a SnapStart snapshot holds no key (docs/adr/0018, 0021, 0037) — through Secrets
 * Manager's JSON API (docs/adr/0036-slim-aws-calls.md). The key is the secret's string as UTF-8
 * bytes. The variable too is read on first use: a function that never needs the key needs no
 * variable and no permission.
 */
public final class SecretsManagerSecret {
    private final FunctionEnvironment env;
    private final String variable;
    private volatile byte[] key;

    public SecretsManagerSecret(FunctionEnvironment env, String variable) {
        this.env = env;
        this.variable = variable;
    }

    public byte[] bytes() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    String secretId = env.required(variable);
                    Object secret = AwsJson.secretsManager(env, SignedHttp.of(env))
                            .call("GetSecretValue", Map.of("SecretId", secretId), true).get("SecretString");
                    if (!(secret instanceof String text) || text.isEmpty()) {
                        throw new IllegalStateException("the secret named by " + variable + " has no SecretString");
                    }
                    key = text.getBytes(StandardCharsets.UTF_8);
                }
                k = key;
            }
        }
        return k;
    }
}

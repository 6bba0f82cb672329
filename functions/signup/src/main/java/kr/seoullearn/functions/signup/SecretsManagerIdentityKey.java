package kr.seoullearn.functions.signup;

import java.nio.charset.StandardCharsets;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.registration.port.IdentityKey;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The identity key from the Secrets Manager secret named by IDENTITY_KEY_SECRET, read once per
 * execution environment on first use — never at init, so a SnapStart snapshot holds no key
 * (docs/adr/0018, 0021). The key is the secret's string as UTF-8 bytes.
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
                    try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                            .region(Region.of(env.region()))
                            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                            .httpClient(AwsClients.httpClient())
                            .build()) {
                        key = secrets.getSecretValue(r -> r.secretId(secretId)).secretString().getBytes(StandardCharsets.UTF_8);
                    }
                }
                k = key;
            }
        }
        return k;
    }
}

package kr.seoullearn.functions.signup;

import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SecretsManagerSecret;
import kr.seoullearn.registration.port.IdentityKey;

/**
 * The identity key from the Secrets Manager secret named by IDENTITY_KEY_SECRET, read once per
 * execution environment on first use — never at init, so a SnapStart snapshot holds no key
 * (docs/adr/0018, 0021; {@link SecretsManagerSecret}).
 */
final class SecretsManagerIdentityKey implements IdentityKey {
    private final SecretsManagerSecret secret;

    SecretsManagerIdentityKey(FunctionEnvironment env) {
        env.required("IDENTITY_KEY_SECRET");
        this.secret = new SecretsManagerSecret(env, "IDENTITY_KEY_SECRET");
    }

    @Override
    public byte[] bytes() {
        return secret.bytes();
    }
}

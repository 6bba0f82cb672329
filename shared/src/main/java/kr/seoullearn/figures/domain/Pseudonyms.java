package kr.seoullearn.figures.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The learner as the extracts and the kept laptop history name them (docs/adr/0037): {@code p} and
 * the first 20 hex digits of HMAC-SHA256 under a secret key of the deployment, of tenant and
 * account id. Stable for a person across months (the council can count people), holding nothing
 * that names them, and — unlike a plain hash — not recomputable by whoever knows an account id
 * but not the key. The key is asked for on the first pseudonym, never before (SnapStart
 * snapshots hold no key).
 */
public final class Pseudonyms {
    private static final String ALGORITHM = "HmacSHA256";
    private final Supplier<byte[]> key;

    public Pseudonyms(Supplier<byte[]> key) {
        this.key = key;
    }

    /**
     * A key made in this process and never stored: for code wired by hand (tests, the local
     * cloud's seeders), whose pseudonyms need only be stable within the process.
     */
    public static Pseudonyms ofThisProcess() {
        return ProcessKey.PSEUDONYMS;
    }

    public String of(TenantId tenant, String userId) {
        if (tenant == null || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a pseudonym needs a tenant and an account id");
        }
        byte[] secret = key.get();
        if (secret == null || secret.length < 16) {
            throw new IllegalStateException("the pseudonym key is missing or shorter than 16 bytes");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] hash = mac.doFinal(("seoul-learn-extract|" + tenant.value() + "|" + userId).getBytes(StandardCharsets.UTF_8));
            return "p" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ProcessKey {
        static final Pseudonyms PSEUDONYMS;

        static {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            PSEUDONYMS = new Pseudonyms(() -> random);
        }
    }
}

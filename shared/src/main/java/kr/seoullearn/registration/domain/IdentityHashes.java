package kr.seoullearn.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Keyed hashes (HMAC-SHA-256) of a claimed identity (docs/adr/0021): who a records check is
 * about, without keeping who it is. Names are compared as the registry compares them: Unicode
 * NFKC, no white space, lower case. The key is a secret of the deployment, so a hash cannot be
 * reversed by hashing guesses; the tenant is part of every hash, so the same person in two
 * tenants gives two unrelated values.
 */
public final class IdentityHashes {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public IdentityHashes(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("an identity key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The claimed child: what the per-identity limit on records checks counts, whatever household is guessed. */
    public String child(TenantId tenant, String name, LocalDate birthDate) {
        return hash("child", tenant.value(), normalise(name), birthDate.toString());
    }

    /** The child with their household, as the records verified them: what one approval per programme year claims. */
    public String household(TenantId tenant, String name, LocalDate birthDate, String headName, LocalDate headBirthDate) {
        return hash("household", tenant.value(), normalise(name), birthDate.toString(), normalise(headName),
                headBirthDate.toString());
    }

    /** The programme year a date is in: the Korean school year, 1 March to the end of February. */
    public static int programmeYear(LocalDate date) {
        return date.getMonthValue() >= 3 ? date.getYear() : date.getYear() - 1;
    }

    static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private String hash(String... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // unit separators keep ("ab","c") and ("a","bc") apart
            return HexFormat.of().formatHex(mac.doFinal(String.join("\u001F", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

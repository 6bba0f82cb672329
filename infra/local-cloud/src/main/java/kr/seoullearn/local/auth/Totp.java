package kr.seoullearn.local.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP as Cognito's software-token MFA checks it (RFC 6238: HMAC-SHA1, 6 digits, 30-second
 * steps, one step of clock drift either way), and the secrets the stand-in keeps per user, as
 * Cognito keeps them (the emulator accepts any code, so the hosted-login stand-in checks them).
 * Java's HMAC is enough for this; a library would add nothing but a dependency.
 */
public final class Totp {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** Keys associated (AssociateSoftwareToken) but not yet verified, one per user: a new association replaces it. */
    private final Map<String, String> associated = new ConcurrentHashMap<>();

    /** A new random secret in Base32, 160 bits as Cognito's AssociateSoftwareToken gives. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    /** Keeps a user's secret (enrolment done, or a seeded demo user). */
    public void keep(String username, String secret) {
        secrets.put(username.toLowerCase(Locale.ROOT), secret);
    }

    /** AssociateSoftwareToken: the user's new key, waiting for a code; the key in use (if any) stays until then. */
    void associate(String username, String secret) {
        associated.put(username.toLowerCase(Locale.ROOT), secret);
    }

    /**
     * VerifySoftwareToken: true when the code is the associated key's, which then replaces the
     * key in use (Cognito disassociates the old one once the new one is verified).
     */
    boolean verifyAssociated(String username, String code, Instant now) {
        String key = username.toLowerCase(Locale.ROOT);
        String secret = associated.get(key);
        if (secret == null || !matches(secret, code, now)) {
            return false;
        }
        associated.remove(key, secret);
        secrets.put(key, secret);
        return true;
    }

    boolean hasAssociated(String username) {
        return associated.containsKey(username.toLowerCase(Locale.ROOT));
    }

    public boolean enrolled(String username) {
        return secrets.containsKey(username.toLowerCase(Locale.ROOT));
    }

    /** True when the code is the user's current one (or one step either side). */
    public boolean verify(String username, String code, Instant now) {
        String secret = secrets.get(username.toLowerCase(Locale.ROOT));
        return secret != null && matches(secret, code, now);
    }

    public static boolean matches(String secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        long step = now.getEpochSecond() / 30;
        for (long s = step - 1; s <= step + 1; s++) {
            if (code(secret, s).equals(code.strip())) {
                return true;
            }
        }
        return false;
    }

    /** The 6-digit code of a 30-second step. */
    public static String code(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}

package kr.seoullearn.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One-time codes that prove a person can read texts sent to a number (docs/adr/0043): six digits
 * from {@link SecureRandom}, kept only as SHA-256 of a random 16-byte salt and the code, compared
 * in constant time ({@link MessageDigest#isEqual}). The limits are enforced by the store, inside DynamoDB.
 */
public final class SmsCodes {
    public static final Duration VALID_FOR = Duration.ofMinutes(10);
    public static final int MAX_ATTEMPTS = 5;
    public static final int MAX_CODES_PER_DAY = 5;
    public static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SmsCodes() {}

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    public static byte[] hash(byte[] salt, String code) {
        MessageDigest sha = sha256();
        sha.update(salt);
        sha.update(code.getBytes(StandardCharsets.US_ASCII));
        return sha.digest();
    }

    /** Constant time in the length of the stored hash, whatever the guess. */
    public static boolean matches(byte[] salt, byte[] stored, String guess) {
        return MessageDigest.isEqual(stored, hash(salt, guess));
    }

    /** A number's stand-in in keys and markers: hex SHA-256 of the E.164 number (not a secret: it only saves writing the number twice). */
    public static String numberKey(String e164) {
        return HexFormat.of().formatHex(sha256().digest(e164.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package kr.seoullearn.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An e-mail address as the system compares and keys it without storing it in a key: normalised
 * (no surrounding blanks, lower case: the domain is case-blind, and mailboxes are in practice),
 * then 64 hex digits of its SHA-256. A university's nomination is keyed this way (docs/adr/0042),
 * and the person's withdrawal and data export find it again from their verified address.
 */
public final class EmailKey {
    private EmailKey() {}

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static String of(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(email).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package kr.seoullearn.figures.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The de-identified row one state change adds to the month's extract: who (turned into a
 * pseudonym, never stored as the account id), what (event and status codes) and the level,
 * district, categories and provider it concerns where known — ids and codes only.
 */
public record FigureRow(TenantId tenant, Instant at, String userId, String event, String status,
                        String level, String district, Collection<String> categories, String provider) {

    public static FigureRow of(TenantId tenant, Instant at, String userId, String event, String status) {
        return new FigureRow(tenant, at, userId, event, status, null, null, null, null);
    }

    public FigureRow level(String value) {
        return new FigureRow(tenant, at, userId, event, status, value, district, categories, provider);
    }

    public FigureRow district(String value) {
        return new FigureRow(tenant, at, userId, event, status, level, value, categories, provider);
    }

    public FigureRow categories(Collection<String> value) {
        return new FigureRow(tenant, at, userId, event, status, level, district, value, provider);
    }

    public FigureRow provider(String value) {
        return new FigureRow(tenant, at, userId, event, status, level, district, categories, value);
    }

    /** The learner as the extracts name them: {@link #pseudonym(TenantId, String)}. */
    public String pseudonym() {
        return pseudonym(tenant, userId);
    }

    /**
     * A pseudonym for a learner in the extracts: a hash of tenant and account id. Stable across
     * months (the council can count people), not the account id and holding nothing that names
     * them; whoever holds the account ids could recompute it, so extracts stay with city staff.
     */
    public static String pseudonym(TenantId tenant, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("seoul-learn-extract|" + tenant.value() + "|" + userId).getBytes(StandardCharsets.UTF_8));
            return "p" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package kr.seoullearn.figures.domain;

import java.time.Instant;
import java.util.Collection;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The de-identified row one state change adds to the month's extract: who (turned into a
 * pseudonym, {@link Pseudonyms}, never stored as the account id), what (event and status codes) and the level,
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
}

package kr.seoullearn.registration.port;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Attempts at the records check, counted per account and per claimed child for one Seoul day
 * (docs/adr/0021), both in one conditional write: the attempt is taken only while both counts
 * are under the limit.
 */
public interface RecordsCheckLimits {

    /**
     * Takes one attempt, or throws {@code records-check-limit-reached} (429) when the account or the
     * child already had {@code limit} today; the counters expire with {@code expiresAt}.
     */
    void take(TenantId tenant, String userId, String childHash, LocalDate day, int limit, Instant retryAt);
}

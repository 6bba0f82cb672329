package kr.seoullearn.mentoring.port;

import java.time.Instant;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Private calendar feeds (docs/adr/0029-calendars.md): at most one per person, found by the
 * SHA-256 of its secret token (the token itself is never stored), replaced or revoked by its
 * owner; a replaced or revoked token finds nothing.
 */
public interface CalendarFeeds {

    /** Whose sessions a feed shows. */
    enum Kind { MENTEE, MENTOR }

    record Feed(TenantId tenant, String userId, Kind kind, Language language, String tokenHash, Instant createdAt) {}

    /** The feed a token's hash names, if it is the owner's current one. */
    Optional<Feed> byTokenHash(TenantId tenant, String tokenHash);

    /** The person's current feed, if any. */
    Optional<Feed> of(TenantId tenant, String userId);

    /**
     * Makes {@code feed} the person's one feed in one transaction: the previous token (the one
     * {@code previousHash} names, or none) stops working at the same moment; a concurrent change
     * since that read is a 409 version-conflict and writes nothing.
     */
    Feed replace(Feed feed, Optional<String> previousHash);

    /** Removes the person's feed (the token {@code tokenHash} names); nothing if there is none. */
    void revoke(TenantId tenant, String userId, String tokenHash);
}

package kr.seoullearn.registration.port;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.ProfileCorrection;

/**
 * Corrections of an approved application (docs/adr/0038): the profile changes only from the
 * version it was read at, only while APPROVED, and school level and grade only once a school year
 * — all conditions of the one write, judged inside DynamoDB. Another context's consequences (a
 * waiting laptop request moving to the new district's queue) go in the same transaction: this
 * port adds the profile's write to it ({@link #write}), or commits its own with the caller's
 * writes beside it ({@link #correct}).
 */
public interface ProfileCorrections {

    Optional<Application> find(TenantId tenant, String userId);

    /**
     * Adds the profile's update to {@code tx}; a failed condition refuses with version-conflict,
     * profile-not-correctable or level-change-used (judged from the item as it was).
     */
    void write(Transaction tx, Application current, ProfileCorrection.Changes changes, long expectedVersion, Instant now);

    /** Commits the profile's update with {@code alongside}'s writes (may be null) in one transaction; returns the application after it. */
    Application correct(Application current, ProfileCorrection.Changes changes, long expectedVersion, Instant now,
                        Consumer<Transaction> alongside);
}

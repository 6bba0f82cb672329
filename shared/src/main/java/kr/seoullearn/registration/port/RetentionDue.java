package kr.seoullearn.registration.port;

import java.time.Instant;
import java.util.List;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The documents of a decision still to be moved onto the bucket's 30-day rule (docs/adr/0038): an
 * item written in the decision's own transaction, so a decision never exists without it; removed
 * once every file of the person is retagged {@code state=decided}. A failed retag leaves it for
 * the scheduled run, which tries again at most {@link #MAX_ATTEMPTS} times; a file it never manages
 * keeps the backstop expiry of an undecided document (RetentionPeriods.UNDECIDED_DOCUMENTS).
 */
public interface RetentionDue {
    int MAX_ATTEMPTS = 8;

    /** One decision's documents to retag: whose, decided when, tried how often. */
    record Due(TenantId tenant, String userId, Instant decidedAt, int attempts, String sortKey) {}

    /** Adds the due item to the decision's transaction. */
    void plan(Transaction tx, TenantId tenant, String userId, Instant decidedAt);

    /** The oldest {@code limit} due items of a tenant. */
    List<Due> due(TenantId tenant, int limit);

    /** Done: the item goes (only if nobody else counted an attempt meanwhile). */
    void done(Due due);

    /** Failed again: one more attempt counted (false when another run changed it first). */
    boolean failed(Due due, String failure);
}

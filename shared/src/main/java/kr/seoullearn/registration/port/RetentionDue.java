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

    /**
     * One decision's documents to retag: whose, decided when, tried how often, and which files.
     * {@code documentIds} empty: a registration decision, every document of the application;
     * otherwise a mentor recruitment decision, exactly the files its application named (the person
     * has no registration profile, and documents of a later round are not this decision's).
     */
    record Due(TenantId tenant, String userId, Instant decidedAt, int attempts, String sortKey, List<String> documentIds) {
        public Due {
            documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        }

        public Due(TenantId tenant, String userId, Instant decidedAt, int attempts, String sortKey) {
            this(tenant, userId, decidedAt, attempts, sortKey, List.of());
        }

        /** A recruitment decision's (only the named files), not a registration decision's. */
        public boolean namedDocuments() {
            return !documentIds.isEmpty();
        }
    }

    /** Adds the due item to the decision's transaction. */
    void plan(Transaction tx, TenantId tenant, String userId, Instant decidedAt);

    /**
     * Adds the due item of a mentor recruitment decision (selected or not) to its transaction: the
     * files the application named go onto the 30-day rule like a registration decision's.
     */
    void planNamed(Transaction tx, TenantId tenant, String userId, Instant decidedAt, List<String> documentIds);

    /** The oldest {@code limit} due items of a tenant. */
    List<Due> due(TenantId tenant, int limit);

    /** Done: the item goes (only if nobody else counted an attempt meanwhile). */
    void done(Due due);

    /** Failed again: one more attempt counted (false when another run changed it first). */
    boolean failed(Due due, String failure);
}

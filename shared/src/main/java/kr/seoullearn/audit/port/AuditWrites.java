package kr.seoullearn.audit.port;

import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.platform.dynamo.Transaction;

/**
 * How a staff action is recorded: inside the very transaction of the change, so an entry exists
 * exactly when the change happened — a refused change writes none. One line per action:
 * {@code audit.record(tx, AuditEntry.of(tenant, actor, "seats.set", "provider", id, at, before, after))}.
 */
public interface AuditWrites {

    /** Adds the entry's writes (internal conditions only) to {@code tx}. */
    void record(Transaction tx, AuditEntry entry);

    /**
     * A change to what every tenant shares (the catalogue's providers and courses, run by the
     * catalogue operators, who belong to no tenant): one entry in each tenant's trail, so each
     * tenant's admins see it.
     */
    default void recordForEach(Transaction tx, java.util.Collection<kr.seoullearn.platform.tenant.TenantId> tenants,
                               java.util.function.Function<kr.seoullearn.platform.tenant.TenantId, AuditEntry> entry) {
        tenants.forEach(t -> record(tx, entry.apply(t)));
    }
}

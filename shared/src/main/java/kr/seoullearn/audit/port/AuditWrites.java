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
}

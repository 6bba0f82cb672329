package kr.seoullearn.laptops.dynamo;

import java.time.Instant;
import java.util.Map;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The tenant's audit trail (docs/adr/0031) for the staff's laptop actions: the entry goes into
 * the change's own transaction. Learners' own steps and the queue's (SYSTEM) are not staff
 * actions; they stay in the district's laptop trail only.
 */
final class StaffAudit {
    private StaffAudit() {
    }

    static boolean isStaff(Actor actor) {
        return actor.kind() == Actor.Kind.OFFICER || actor.kind() == Actor.Kind.ADMIN;
    }

    static void record(String table, Transaction tx, TenantId tenant, Actor actor, String action, String subjectType, String subjectId,
                       Instant at, Map<String, String> before, Map<String, String> after) {
        if (!isStaff(actor)) {
            return;
        }
        AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(tenant, actor.userId(), action, subjectType,
                subjectId, at, before, after));
    }
}

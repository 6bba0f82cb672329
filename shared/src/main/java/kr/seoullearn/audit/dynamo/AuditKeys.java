package kr.seoullearn.audit.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The audit trail's items (docs/data-model.md, docs/adr/0031). Each entry is written twice, so
 * that every filter is one Query of one partition, sorted by time ({@code <instant>#<id>}):
 * <ul>
 * <li>the tenant's trail {@code T#<t>#AUDIT}, with GSI1 {@code T#<t>#AUDIT#ACTOR#<actor>} (actor filter);</li>
 * <li>the subject's copy {@code T#<t>#AUDIT#SUBJECT#<subjectId>}, with GSI1
 * {@code T#<t>#AUDIT#ACTION#<action>} (subject and action filters).</li>
 * </ul>
 */
final class AuditKeys {
    private AuditKeys() {}

    static String trail(TenantId tenant) {
        return Keys.tenant(tenant, "AUDIT");
    }

    static String actor(TenantId tenant, String actor) {
        return Keys.tenant(tenant, "AUDIT", "ACTOR", actor);
    }

    static String subject(TenantId tenant, String subjectId) {
        return Keys.tenant(tenant, "AUDIT", "SUBJECT", subjectId);
    }

    static String action(TenantId tenant, String action) {
        return Keys.tenant(tenant, "AUDIT", "ACTION", action);
    }
}

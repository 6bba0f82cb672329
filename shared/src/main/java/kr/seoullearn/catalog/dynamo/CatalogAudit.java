package kr.seoullearn.catalog.dynamo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The catalogue operators' changes in the audit trail (docs/adr/0031): the catalogue is shared,
 * so the entry is written into every tenant's trail (one Query of the tenants; a handful), in
 * the change's own transaction. {@code by == null}: seed data and fixtures, not a staff action.
 */
final class CatalogAudit {
    private CatalogAudit() {
    }

    static void record(DynamoDbClient dynamo, String table, Transaction tx, String by, String action, String subjectType, String subjectId,
                       Instant at, Map<String, String> before, Map<String, String> after) {
        if (by == null) {
            return;
        }
        List<TenantId> tenants = new DynamoTenantDirectory(dynamo, table).listings().stream().map(TenantDirectory.Listing::id).toList();
        AuditStorage.writes(table).recordForEach(tx, tenants, t -> AuditEntry.of(t, by, action, subjectType, subjectId, at, before, after));
    }

    /** A provider as the trail shows it: names of a company (not personal), levels, status, grace date. */
    static Map<String, String> state(Provider p) {
        if (p == null) {
            return Map.of("status", "NONE");
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("nameEn", p.nameEn());
        s.put("levels", String.join(",", p.levels().stream().map(Enum::name).toList()));
        s.put("status", p.status().name());
        if (p.graceUntil() != null) {
            s.put("graceUntil", p.graceUntil().toString());
        }
        return s;
    }

    /** A course as the trail shows it: provider, level, grade, subject and the English title (never the lecturer). */
    static Map<String, String> state(Course c) {
        if (c == null) {
            return Map.of("status", "NONE");
        }
        Map<String, String> s = new LinkedHashMap<>();
        s.put("providerId", c.providerId());
        s.put("level", c.level().name());
        if (c.grade() != null) {
            s.put("grade", Integer.toString(c.grade()));
        }
        s.put("subject", c.subject().name());
        s.put("titleEn", c.titleEn());
        return s;
    }
}

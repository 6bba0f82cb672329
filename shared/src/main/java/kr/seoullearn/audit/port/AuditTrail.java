package kr.seoullearn.audit.port;

import java.util.List;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.domain.AuditQuery;
import kr.seoullearn.platform.tenant.TenantId;

/** Reading a tenant's audit trail: one Query per page (never a scan), newest first. */
public interface AuditTrail {

    Page page(TenantId tenant, AuditQuery query);

    record Page(List<AuditEntry> entries, String next) {}
}

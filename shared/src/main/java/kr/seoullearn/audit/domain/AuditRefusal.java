package kr.seoullearn.audit.domain;

import kr.seoullearn.platform.http.Refusal;

/** The refusals of reading the audit trail: codes and statuses are the wire contract (docs/api). */
public enum AuditRefusal implements Refusal {
    /** A filter that is not well formed: an unknown action shape, an id with odd characters, from after to. */
    AUDIT_FILTER_INVALID("audit-filter-invalid", 400);

    private final String code;
    private final int status;

    AuditRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}

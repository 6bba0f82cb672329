package kr.seoullearn.shared.aws;

import kr.seoullearn.shared.tenant.TenantId;

/**
 * The key design of the application table (docs/data-model.md). Every partition key starts
 * with the tenant, so a tenant's queries can never reach another tenant's items.
 */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String TTL = "expiresAt";

    private Keys() {}

    public static String user(TenantId tenant, String userId) {
        return "T#" + tenant.value() + "#U#" + userId;
    }

    public static final String PROFILE = "PROFILE";
    /** An applicant's document: {@code T#tenant#U#sub / DOC#<documentId>}. */
    public static final String DOCUMENT_PREFIX = "DOC#";
    /** Audit trail of a person's record: {@code T#tenant#U#sub / AUDIT#<ISO instant>#<uuid>}. */
    public static final String AUDIT_PREFIX = "AUDIT#";

    public static String document(String documentId) {
        return DOCUMENT_PREFIX + documentId;
    }

    /** Partition of a tenant's programmes (effective-dated). */
    public static String programmes(TenantId tenant) {
        return "T#" + tenant.value() + "#PROGRAMME";
    }

    /** GSI1 partition of a tenant's review queue, ordered by submission time. */
    public static String reviewQueue(TenantId tenant) {
        return "T#" + tenant.value() + "#QUEUE";
    }

    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** Partition of the tenant records: {@code TENANT / <tenant id>}. */
    public static final String TENANTS = "TENANT";
}

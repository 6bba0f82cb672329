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
    /** Partition of the tenant records: {@code TENANT / <tenant id>}. */
    public static final String TENANTS = "TENANT";
}

package kr.seoullearn.laptops.port;

import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port that says which districts an officer works for, in their tenant
 * (docs/adr/0010-laptop-queue-and-officer-districts.md). An officer with no assignment
 * manages nothing.
 */
public interface OfficerDistricts {

    Set<String> of(TenantId tenant, String userId);

    /** Every officer of the tenant with districts assigned: user id → districts, by user id (1 Query). */
    java.util.SortedMap<String, Set<String>> all(TenantId tenant);

    /** Replaces the officer's districts (seed data): not a staff action, no audit entry. */
    default void assign(TenantId tenant, String userId, Set<String> districts) {
        assign(tenant, userId, districts, null, java.time.Instant.now());
    }

    /**
     * An admin ({@code by}) replaces the officer's districts: the change and its audit entry
     * (before → after) in one transaction, on the assignment as read (else 409 version-conflict).
     */
    void assign(TenantId tenant, String userId, Set<String> districts, String by, java.time.Instant at);
}

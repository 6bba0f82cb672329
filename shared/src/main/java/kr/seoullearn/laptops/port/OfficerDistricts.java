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

    /** Replaces the officer's districts (seed data and admin tooling). */
    void assign(TenantId tenant, String userId, Set<String> districts);
}

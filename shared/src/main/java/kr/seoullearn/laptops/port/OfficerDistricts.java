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

    /** Replaces the officer's districts (seed data and admin tooling). */
    void assign(TenantId tenant, String userId, Set<String> districts);
}

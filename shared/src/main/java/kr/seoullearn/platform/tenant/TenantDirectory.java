package kr.seoullearn.platform.tenant;

import java.util.List;
import java.util.Optional;

/** The port that knows which local governments run a programme here. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    /** Every tenant (a handful: one Query), for jobs that run per tenant. */
    List<Tenant> all();

    record Tenant(TenantId id, String nameKo, String nameEn) {}
}

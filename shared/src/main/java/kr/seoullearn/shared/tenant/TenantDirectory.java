package kr.seoullearn.shared.tenant;

import java.util.Optional;

/** The port that knows which local governments run a programme here. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    record Tenant(TenantId id, String nameKo, String nameEn) {}
}

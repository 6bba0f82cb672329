package kr.seoullearn.platform.tenant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port that knows which local governments run a programme here. */
public interface TenantDirectory {

    Optional<Tenant> find(TenantId id);

    /** Every tenant (a handful: one Query), for jobs that run per tenant. */
    List<Tenant> all();

    /**
     * Every tenant as people choose it: its names by language code (ko, en, and vi, zh when
     * given) and its districts (codes). One Query; a directory without them answers the Korean
     * and English names and no districts.
     */
    default List<Listing> listings() {
        return all().stream().map(t -> new Listing(t.id(), Map.of("ko", t.nameKo(), "en", t.nameEn()), List.of())).toList();
    }

    record Tenant(TenantId id, String nameKo, String nameEn) {}

    /** A tenant's names by language code and its district codes. */
    record Listing(TenantId id, Map<String, String> names, List<String> districts) {
        public Listing {
            names = Map.copyOf(names);
            districts = List.copyOf(districts);
        }
    }
}

package kr.seoullearn.rules.port;

import java.time.Instant;
import java.util.Map;
import kr.seoullearn.rules.domain.PartnerArea;
import kr.seoullearn.rules.domain.PublishedRules;

/** Adding a partner area. */
public interface PartnerAreas {

    /**
     * In one transaction: the tenant item if no tenant has its id (409 tenant-exists), its first
     * programme, a seats item per provider if the provider is in the catalogue and active (422
     * seats-provider-unknown), and the audit entry in the new tenant's trail.
     */
    PublishedRules add(PartnerArea area, String programmeId, java.time.LocalDate programmeFrom, Map<String, Object> programme,
                       String actor, Instant at);
}

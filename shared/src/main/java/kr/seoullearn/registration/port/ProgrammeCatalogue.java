package kr.seoullearn.registration.port;

import kr.seoullearn.registration.domain.EligibilityProgramme;

import java.time.LocalDate;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;

/** The port to a tenant's programmes. */
public interface ProgrammeCatalogue {

    /** The programme in force on a date, if any. */
    Optional<EligibilityProgramme> inForce(TenantId tenant, LocalDate date);

    /** Adds or replaces a programme (admin and seed data). */
    void save(EligibilityProgramme programme);
}

package kr.seoullearn.mentoring.port;

import kr.seoullearn.mentoring.domain.MentoringRules;

import java.time.LocalDate;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;

/** The port to a tenant's effective-dated mentoring rules. */
public interface MentoringRulesCatalogue {

    /** The rules in force on a (Seoul) date, if any. */
    Optional<MentoringRules> inForce(TenantId tenant, LocalDate date);

    /** Adds or replaces rules (seed data, admin). */
    void save(MentoringRules rules);
}

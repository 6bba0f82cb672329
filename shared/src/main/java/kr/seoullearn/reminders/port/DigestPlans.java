package kr.seoullearn.reminders.port;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/** Which days' review digests have been planned, so a day is planned once (a parallel planner writes the same reminders). */
public interface DigestPlans {

    /** Whether the tenant's digest of this (Seoul) day has been planned. */
    boolean planned(TenantId tenant, LocalDate day);

    /** Records the day as planned, with what was found and written; a record already there stays. */
    void markPlanned(TenantId tenant, LocalDate day, int newApplications, int reminders, Instant now);
}

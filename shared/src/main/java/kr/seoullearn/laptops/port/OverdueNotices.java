package kr.seoullearn.laptops.port;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The daily escalation step of overdue loans (docs/adr/0034, 0027): each loan of the tenant past its
 * return date on the Seoul day {@code today} reaches the escalation stage its days overdue call
 * for (reminder, officer, admin); when it reaches a stage, the step records it on the loan's
 * due-date entry and writes the borrower's "laptop overdue" notice in the same transaction, so the
 * borrower is told once per stage however often the step runs. A returned loan (its entry gone) or
 * an extended one (its entry moved) is not told.
 */
public interface OverdueNotices {

    /** How a run went for one tenant: loans overdue, notices written now, loans already told of their stage. */
    record Outcome(int overdue, int told, int alreadyTold) {}

    /** {@code at}: the notice's time (the run's scheduled time, so a repeated run writes the same notice). */
    Outcome tell(TenantId tenant, LocalDate today, Instant at);
}

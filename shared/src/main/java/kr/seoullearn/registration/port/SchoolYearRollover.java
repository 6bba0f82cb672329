package kr.seoullearn.registration.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The school-year rollover of a tenant's approved learners (docs/adr/0041): on each Seoul day the
 * run walks them (never a Scan: the decided applications' index, a page at a time), takes each
 * learner's {@link kr.seoullearn.registration.domain.SchoolYearStep} with their notice in one
 * transaction, and keeps the day's run marker (the cursor, counts) so a run that stops resumes.
 */
public interface SchoolYearRollover {
    /** The counts a run keeps, in this order (counts only: no personal data). */
    List<String> COUNTS = List.of("seen", "movedUp", "levelChanged", "kept", "expired", "graduated", "ageNoticed",
            "agedOut", "unchanged", "failed");

    /**
     * A day's run: its counts, whether it walked every learner ({@code finishedAt}), and the
     * people whose participation ended in this call (their user names, for the group change:
     * never logged).
     */
    record Run(LocalDate day, Map<String, Integer> counts, Instant finishedAt, List<String> endedUsernames) {
        public Run {
            counts = new LinkedHashMap<>(counts);
            endedUsernames = List.copyOf(endedUsernames);
        }

        public boolean finished() {
            return finishedAt != null;
        }
    }

    /**
     * Runs (or resumes) the tenant's rollover of {@code today} as at {@code at}; between pages it
     * goes on while {@code timeLeft} says so. A day's run that finished is not run again.
     */
    Run run(TenantId tenant, LocalDate today, Instant at, BooleanSupplier timeLeft);

    /** The last finished run of the tenant, if any (for the admins' view). */
    Optional<Run> lastRun(TenantId tenant);
}

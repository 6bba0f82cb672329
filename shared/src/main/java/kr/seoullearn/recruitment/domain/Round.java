package kr.seoullearn.recruitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A recruitment round: open for applications from {@code opensOn} to {@code closesOn}
 * (Seoul dates), selecting at most {@code target} mentors ({@code selected} is the counter the
 * selection transaction raises under the condition {@code selected < target}).
 */
public record Round(TenantId tenant, String id, String name, LocalDate opensOn, LocalDate closesOn, int target, int selected,
                    Set<Criterion> criteria, String createdBy, Instant createdAt) {

    public Round {
        criteria = Set.copyOf(criteria);
    }

    /** Takes applications on this date: inside its dates and not yet at its target. */
    public boolean openOn(LocalDate date) {
        return !date.isBefore(opensOn) && !date.isAfter(closesOn) && selected < target;
    }

    public boolean full() {
        return selected >= target;
    }

    public String status(LocalDate date) {
        if (full()) {
            return "CLOSED";
        }
        if (date.isBefore(opensOn)) {
            return "UPCOMING";
        }
        return date.isAfter(closesOn) ? "REVIEWING" : "OPEN";
    }
}

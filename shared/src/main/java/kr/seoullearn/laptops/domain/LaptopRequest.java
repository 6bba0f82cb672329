package kr.seoullearn.laptops.domain;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A learner's request for a laptop in their district. {@code ticket} is its place in the
 * district's queue while REQUESTED; {@code pickupCode} is what the learner shows at pickup (so
 * the officer's console needs no name); {@code dueOn} is the Seoul date the loan ends.
 * {@code serial} and {@code assetTag} name the unit the officer handed over at pickup (null
 * before, and for loans made before units had serials); {@code extendedDays} the days the loan
 * has been extended by so far; {@code extension} a learner's extension request awaiting an
 * officer's decision (null when none).
 */
public record LaptopRequest(
        TenantId tenant,
        String requestId,
        String userId,
        String district,
        LaptopStatus status,
        Long ticket,
        String pickupCode,
        Instant requestedAt,
        Instant approvedAt,
        Instant readyAt,
        Instant loanedAt,
        LocalDate dueOn,
        Instant closedAt,
        String reason,
        long version,
        String serial,
        String assetTag,
        int extendedDays,
        Extension extension) {

    /** A learner's request to keep the laptop {@code days} longer, waiting for an officer's decision. */
    public record Extension(int days, String reason, Instant requestedAt) {}

    public boolean overdueOn(LocalDate today) {
        return status == LaptopStatus.LOANED && dueOn != null && dueOn.isBefore(today);
    }
}

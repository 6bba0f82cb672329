package kr.seoullearn.laptops.domain;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A learner's request for a laptop in their district. {@code ticket} is its place in the
 * district's queue while REQUESTED; {@code pickupCode} is what the learner shows at pickup (so
 * the officer's console needs no name); {@code dueOn} is the Seoul date the loan ends.
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
        long version) {
}

package kr.seoullearn.laptops.domain;

import java.time.Instant;

/**
 * One immutable line of a district's audit trail: a request's status change ({@code requestId},
 * {@code from} and {@code to} are statuses) or a stock change ({@code requestId} null, {@code
 * from} and {@code to} are the units in stock before and after, {@code change} says why).
 * Never edited; a correction is a new entry.
 */
public record AuditEntry(
        String entryId,
        Instant at,
        String district,
        String requestId,
        String change,
        String from,
        String to,
        Long units,
        Actor actor,
        String reason) {
}

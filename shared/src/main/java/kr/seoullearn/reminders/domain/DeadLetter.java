package kr.seoullearn.reminders.domain;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A reminder the runs gave up on, kept for an operator to look at (docs/runbook.md, "Reminders
 * that were given up"): what it was ({@code kind}, {@code subject}, the recipient's id — never an
 * address or a name), how often it was tried and the last failure's code. {@code kind} is null
 * for a due item that could not even be read ({@code subject} then holds its sort key).
 */
public record DeadLetter(TenantId tenant, ReminderKind kind, String subject, String recipientId, Instant dueAt,
                         int attempts, String failure, Instant at) {
}

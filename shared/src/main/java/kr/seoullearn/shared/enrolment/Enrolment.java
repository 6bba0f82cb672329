package kr.seoullearn.shared.enrolment;

import java.time.Instant;
import java.util.Objects;
import kr.seoullearn.shared.tenant.TenantId;

/**
 * A learner's hold on a provider: a seat ({@link Status#ENROLLED}) or a place in its waitlist
 * ({@link Status#WAITLISTED}, with the ticket that orders the waitlist). Both count toward the
 * pick limit.
 *
 * @param learnerRef  the opaque reference the provider's access link carries (random, never
 *                    derived from personal data; one per enrolment)
 * @param queuedAt    when the learner joined the waitlist (null when they got a seat at once)
 * @param enrolledAt  when the learner got the seat (null while waiting)
 * @param ticket      the waitlist ticket, 1, 2, 3… per provider and tenant in arrival order (null once enrolled)
 */
public record Enrolment(TenantId tenant, String userId, String providerId, Status status, String learnerRef,
                        Instant queuedAt, Instant enrolledAt, Long ticket) {

    public enum Status { ENROLLED, WAITLISTED }

    public Enrolment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(learnerRef, "learnerRef");
        if (status == Status.WAITLISTED && ticket == null) {
            throw new IllegalArgumentException("a waitlist entry has a ticket");
        }
        if (status == Status.ENROLLED && enrolledAt == null) {
            throw new IllegalArgumentException("an enrolment has the time it began");
        }
    }

    public boolean enrolled() {
        return status == Status.ENROLLED;
    }

    /** When the current status began: the seat, or the place in the waitlist. */
    public Instant since() {
        return enrolled() ? enrolledAt : queuedAt;
    }
}

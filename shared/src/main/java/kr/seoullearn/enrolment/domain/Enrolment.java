package kr.seoullearn.enrolment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import kr.seoullearn.platform.tenant.TenantId;

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
                        Instant queuedAt, Instant enrolledAt, Long ticket, Activity activity) {

    public enum Status { ENROLLED, WAITLISTED }

    /**
     * What the inactivity reclaim goes by (a seat only): the last day the provider reported
     * activity (the day of enrolment until a report comes), and the reminders sent since.
     */
    public record Activity(LocalDate lastActiveOn, int reminders, LocalDate lastRemindedOn) {
        public Activity {
            java.util.Objects.requireNonNull(lastActiveOn, "lastActiveOn");
            if (reminders < 0) {
                throw new IllegalArgumentException("reminders < 0");
            }
        }

        public static Activity since(LocalDate day) {
            return new Activity(day, 0, null);
        }
    }

    /** An enrolment as written before any activity was recorded. */
    public Enrolment(TenantId tenant, String userId, String providerId, Status status, String learnerRef,
                     Instant queuedAt, Instant enrolledAt, Long ticket) {
        this(tenant, userId, providerId, status, learnerRef, queuedAt, enrolledAt, ticket, null);
    }

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

package kr.seoullearn.enrolment.port;

import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.domain.SeatCounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port that keeps enrolments, seats and waitlists. Every invariant is checked by the
 * store as part of the write (conditions, transactions), never by reading first:
 * {@code 0 <= used <= seats}; a learner holds at most the pick limit of providers (enrolled
 * or waiting, see {@link EnrolmentRules}); one enrolment per learner and provider; a
 * newcomer gets a seat only when nobody is waiting; waitlist tickets are handed out in arrival
 * order (an atomic counter), and a freed seat goes to the lowest ticket in line.
 * Refusals are thrown as {@code ProblemException}s (already-enrolled, pick-limit-reached,
 * provider-inactive, seats-below-used; service-unavailable when contention did not settle).
 */
public interface EnrolmentLedger {

    /** A learner asks for a seat with a provider; {@code learnerRef} goes into their access link. */
    record Request(TenantId tenant, String userId, String providerId, int pickLimit, String learnerRef, Instant now) {}

    /** What a request got: a seat, or a place in the waitlist (position 1 is the next to get a seat). */
    sealed interface Admission permits Enrolled, Waitlisted {
        Enrolment enrolment();
    }

    record Enrolled(Enrolment enrolment) implements Admission {}

    record Waitlisted(Enrolment enrolment, int position) implements Admission {}

    /** One learner waiting, as an admin sees the head of a waitlist. */
    record WaitingLearner(String userId, long ticket, int position, Instant queuedAt) {}

    /** A provider's seats in a tenant and the first learners in its waitlist. */
    record Usage(SeatCounts counts, List<WaitingLearner> head) {}

    Admission admit(Request request);

    /** The learner's enrolments and waitlist entries. */
    List<Enrolment> enrolments(TenantId tenant, String userId);

    Optional<Enrolment> find(TenantId tenant, String userId, String providerId);

    /** The current position of a waitlist entry (1 = first in line). */
    int position(TenantId tenant, String providerId, long ticket);

    /**
     * Gives up a seat (the seat is freed; call {@link #fillFreeSeats} to hand it to the
     * waitlist) or leaves the waitlist. Throws enrolment-not-found when it is already gone.
     * Returns what was given up: a waitlist entry may have become a seat since it was read.
     */
    Enrolment withdraw(Enrolment enrolment);

    /**
     * Moves the first in line into free seats, in ticket order, while seats are free and
     * learners wait (never for an inactive provider). Returns how many were promoted.
     */
    default int fillFreeSeats(TenantId tenant, String providerId, Instant now) {
        return fillFreeSeats(tenant, providerId, null, now);
    }

    /** As {@link #fillFreeSeats(TenantId, String, Instant)}, starting from counts just read or written (null: read them). */
    int fillFreeSeats(TenantId tenant, String providerId, SeatCounts known, Instant now);

    /**
     * An admin ({@code by}) sets the seats a provider gives a tenant; never below the seats in use.
     * The change and its audit entry (before → after) are one transaction. Returns the counts after.
     */
    SeatCounts setSeats(TenantId tenant, String providerId, int seats, String by, Instant at);

    Usage usage(TenantId tenant, String providerId, int headSize);
}

package kr.seoullearn.enrolment.port;

import kr.seoullearn.enrolment.domain.Enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port behind inactivity reclaim (docs/product.md, "Catalogue and provider access"): providers'
 * usage reports record when a seat was last used; idle seats are found by an index of last
 * activity (never a scan), reminded twice and then reclaimed. Like the {@link EnrolmentLedger},
 * every change is conditional on what was read, so activity that arrives while a reminder or
 * a reclaim is under way always wins; and what the learner must be told is written as a
 * {@link Notice} in the same transaction.
 */
public interface SeatActivity {

    /** One line of a provider's usage report: the access link's reference and the last day it was used. */
    record Report(String learnerRef, LocalDate lastActiveOn) {}

    /**
     * What a report changed: seats whose last activity moved forward, lines that changed
     * nothing (older than what is known, or a waitlist place), and references that are not a
     * current enrolment of this provider in this tenant (withdrawn, reclaimed, another provider's).
     */
    record ImportOutcome(int updated, int unchanged, int unknown) {}

    /** Something a learner is told (delivered by the reminders, docs/adr/0013; listed with their enrolments). */
    record Notice(Kind kind, String providerId, LocalDate date, Instant at) {
        public enum Kind {
            /** No activity: the seat can be reclaimed from {@code date} on. */
            INACTIVITY_REMINDER,
            /** The seat went to the next in line for want of activity. */
            SEAT_RECLAIMED,
            /** The provider leaves: access until {@code date} (inclusive). */
            PROVIDER_LEAVING,
            /** The provider left: the waitlist place is gone (the pick is free again). */
            WAITLIST_CLOSED
        }
    }

    ImportOutcome record(TenantId tenant, String providerId, List<Report> lines);

    /** Calls {@code each} for every seat of the provider in the tenant whose last activity is before {@code before}. */
    void idleSeats(TenantId tenant, String providerId, LocalDate before, Consumer<Enrolment> each);

    /**
     * Records reminder number {@code seat.activity().reminders() + 1} and its notice, unless the
     * seat changed since it was read (new activity, withdrawn). Returns whether it was recorded.
     */
    boolean remind(Enrolment seat, LocalDate today, LocalDate reclaimFrom, Instant now);

    /**
     * Takes the seat back (the enrolment goes, the pick and the seat are freed) and tells the
     * learner, unless it changed since it was read. Hand the seat on with
     * {@link EnrolmentLedger#fillFreeSeats}. Returns whether it was taken.
     */
    boolean reclaim(Enrolment seat, Instant now);

    /** Tells a learner something outside a reclaim. */
    void tell(TenantId tenant, String userId, Notice notice);

    /**
     * Tells a learner once: the notice (and its e-mail) is written under {@code noticeId}, made
     * from the event it tells of, only if no notice of that id exists. Returns whether it was
     * written now (false: told before).
     */
    boolean tellOnce(TenantId tenant, String userId, Notice notice, String noticeId);

    /** A page of a provider's seats in a tenant; {@code next} is the cursor of the following page, null after the last. */
    record SeatPage(List<Enrolment> seats, String next) {}

    /** The seats (ENROLLED enrolments) of a provider in a tenant, a page at a time, from {@code cursor} (null: the first). */
    SeatPage seats(TenantId tenant, String providerId, String cursor, int limit);

    /** The learner's latest notices, newest first. */
    List<Notice> notices(TenantId tenant, String userId, int limit);
}

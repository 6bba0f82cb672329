package kr.seoullearn.enrolment.domain;

import java.time.LocalDate;
import java.util.Optional;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * Who may enrol with which provider, and what an enrolled learner may still open
 * (docs/product.md, "Catalogue and provider access").
 *
 * <p><b>Waitlist entries count toward the pick limit.</b> A learner holds at most
 * {@code pickLimit} providers at a time, enrolled or waiting. Otherwise a learner with a pick
 * limit of 1 could queue for every provider of their level: they would keep places in several
 * queues that others need, and promotion — which must hand a freed seat to the first in line
 * at once, in one transaction — would either break the limit or have to skip them. Counting
 * waiting entries keeps the invariant "held ≤ pick limit" true at every moment, so promotion
 * never has to look at the learner. A learner who would rather wait elsewhere leaves the
 * waitlist first.
 */
public final class EnrolmentRules {
    private EnrolmentRules() {}

    /** Why this learner may not enrol with this provider, if they may not; the seats are the ledger's business. */
    public static Optional<EnrolmentRefusal> refusal(Provider provider, SchoolLevel learnerLevel) {
        if (learnerLevel == null || !provider.serves(learnerLevel)) {
            return Optional.of(EnrolmentRefusal.PROVIDER_NOT_FOR_LEVEL);
        }
        if (!provider.takesNewLearners()) {
            return Optional.of(EnrolmentRefusal.PROVIDER_INACTIVE);
        }
        return Optional.empty();
    }

    /** Whether a learner who holds {@code held} providers (enrolled or waiting) may take one more. */
    public static boolean mayHoldAnother(int held, int pickLimit) {
        return held < pickLimit;
    }

    /**
     * What an enrolled learner may open: everything while the provider is active; after it left,
     * its lectures until the end of its grace period ({@code until}, inclusive), then nothing.
     */
    public record Access(boolean open, LocalDate until) {
        public static final Access CLOSED = new Access(false, null);
    }

    public static Access access(Provider provider, LocalDate today) {
        if (provider == null) {
            return Access.CLOSED;
        }
        if (provider.takesNewLearners()) {
            return new Access(true, null);
        }
        return new Access(provider.accessOpenOn(today), provider.graceUntil());
    }

    /** What the inactivity reclaim does with a seat today. */
    public enum InactivityStep { NONE, REMIND, RECLAIM }

    /**
     * The inactivity rule of the programme in force (null: off) applied to a seat: nothing while
     * the learner was active within {@code afterDays}; then a reminder, a second one
     * {@code reminderIntervalDays} later, and the seat goes {@code reminderIntervalDays} after
     * the second. New activity resets the reminders (the ledger does that when it records it).
     */
    public static InactivityStep inactivityStep(EligibilityProgramme.Inactivity rule, Enrolment.Activity a, LocalDate today) {
        if (rule == null || a == null || a.lastActiveOn().plusDays(rule.afterDays()).isAfter(today)) {
            return InactivityStep.NONE;
        }
        if (a.reminders() == 0) {
            return InactivityStep.REMIND;
        }
        if (a.lastRemindedOn() != null && a.lastRemindedOn().plusDays(rule.reminderIntervalDays()).isAfter(today)) {
            return InactivityStep.NONE;
        }
        return a.reminders() < EligibilityProgramme.Inactivity.REMINDERS ? InactivityStep.REMIND : InactivityStep.RECLAIM;
    }

    /**
     * The first day the seat can be reclaimed if no activity comes (what a reminder tells the
     * learner); null when the rule is off.
     */
    public static LocalDate reclaimFrom(EligibilityProgramme.Inactivity rule, Enrolment.Activity a) {
        if (rule == null || a == null) {
            return null;
        }
        int interval = rule.reminderIntervalDays();
        int left = EligibilityProgramme.Inactivity.REMINDERS - a.reminders();
        if (a.reminders() == 0 || a.lastRemindedOn() == null) {
            return a.lastActiveOn().plusDays(rule.afterDays() + (long) interval * EligibilityProgramme.Inactivity.REMINDERS);
        }
        return a.lastRemindedOn().plusDays((long) interval * (Math.max(left, 0) + 1));
    }

    /** A waitlist entry's position: 1 for the first in line. */
    public static int position(int waitingAhead) {
        if (waitingAhead < 0) {
            throw new IllegalArgumentException("waitingAhead < 0");
        }
        return waitingAhead + 1;
    }
}

package kr.seoullearn.enrolment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A provider's leaving as one event (docs/adr/0023): the provider and the grace date name it, so a
 * retried request is the same event, and every learner's notice of it has an id made from the event
 * (never a random one): telling a learner twice writes the same notice, which is refused, so each
 * learner hears of it once. The fan-out's progress is saved after every page — tenants done, the
 * tenant under way, its phase (seats, then the waitlist) and the page cursor — so a worker that
 * stops (timeout, crash, a throttled call) is resumed by the next run where it stopped.
 */
public record Departure(String providerId, LocalDate graceUntil, Instant at, boolean done, List<String> tenantsDone,
                        String tenant, Phase phase, String cursor, int learnersTold, int waitlistClosed, long version) {

    /** Within a tenant: first its seats are told, then its waitlist is closed. */
    public enum Phase { SEATS, WAITLIST }

    public Departure {
        Objects.requireNonNull(providerId);
        Objects.requireNonNull(graceUntil);
        Objects.requireNonNull(at);
        tenantsDone = List.copyOf(tenantsDone);
        phase = phase == null ? Phase.SEATS : phase;
    }

    /** A departure just recorded, nothing told yet. */
    public static Departure begin(String providerId, LocalDate graceUntil, Instant at) {
        return new Departure(providerId, graceUntil, at, false, List.of(), null, Phase.SEATS, null, 0, 0, 0);
    }

    /** The event's id: {@code <providerId>@<graceUntil>} (no '#': it goes into keys and reminder subjects). */
    public String id() {
        return id(providerId, graceUntil);
    }

    public static String id(String providerId, LocalDate graceUntil) {
        return providerId + "@" + graceUntil;
    }

    /** The id of a seated learner's notice of this event (the learner's partition makes it theirs; no '.', so it never reads as an address). */
    public String leavingNoticeId() {
        return id() + "-leaving";
    }

    /** The id of a waiting learner's notice that the waitlist closed. */
    public String closedNoticeId() {
        return id() + "-closed";
    }

    /** Work on {@code tenantId} begins (or goes on, if it is the tenant under way). */
    public Departure working(String tenantId) {
        if (tenantId.equals(tenant)) {
            return this;
        }
        return new Departure(providerId, graceUntil, at, done, tenantsDone, tenantId, Phase.SEATS, null, learnersTold, waitlistClosed, version);
    }

    /** A page of seats told: {@code next} is where the next page starts (null: the seats are done, the waitlist is next). */
    public Departure seatsTold(int told, String next) {
        return new Departure(providerId, graceUntil, at, done, tenantsDone, tenant, next == null ? Phase.WAITLIST : Phase.SEATS, next,
                learnersTold + told, waitlistClosed, version + 1);
    }

    /** Waiting learners told and taken off the waitlist. */
    public Departure waitlistClosed(int closed) {
        return new Departure(providerId, graceUntil, at, done, tenantsDone, tenant, Phase.WAITLIST, null, learnersTold,
                waitlistClosed + closed, version + 1);
    }

    /** The tenant under way is done. */
    public Departure tenantDone() {
        List<String> doneNow = new ArrayList<>(tenantsDone);
        if (tenant != null && !doneNow.contains(tenant)) {
            doneNow.add(tenant);
        }
        return new Departure(providerId, graceUntil, at, done, doneNow, null, Phase.SEATS, null, learnersTold, waitlistClosed, version + 1);
    }

    /** Every tenant is done. */
    public Departure finished() {
        return new Departure(providerId, graceUntil, at, true, tenantsDone, null, Phase.SEATS, null, learnersTold, waitlistClosed, version + 1);
    }
}

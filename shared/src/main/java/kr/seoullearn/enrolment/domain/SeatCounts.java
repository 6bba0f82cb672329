package kr.seoullearn.enrolment.domain;

/**
 * A provider's seats in one tenant as one read of its seats item saw them: the seats donated,
 * those taken, the learners waiting, and the last waitlist ticket handed out. The rules of
 * who gets a seat live here, as plain functions of these numbers; the ledger makes DynamoDB
 * check the same rules as conditions.
 *
 * @param exists     whether the seats item exists (a provider with no seats in a tenant has none)
 * @param lastTicket the last waitlist ticket given (0 before the first); tickets are never reused
 */
public record SeatCounts(boolean exists, int seats, int used, int waiting, long lastTicket) {
    public static final SeatCounts NONE = new SeatCounts(false, 0, 0, 0, 0);

    public SeatCounts {
        if (seats < 0 || used < 0 || waiting < 0 || lastTicket < 0) {
            throw new IllegalArgumentException("seat counts are never negative");
        }
    }

    /** Seats nobody holds (0 when more are used than donated). */
    public int free() {
        return Math.max(0, seats - used);
    }

    /**
     * A newcomer takes a seat only when one is free and nobody is waiting: a seat freed while
     * others wait is theirs, so no newcomer can pass the queue.
     */
    public boolean seatForNewcomer() {
        return exists && used < seats && waiting == 0;
    }

    /** How many waiting learners can be given a seat now, first in line first. */
    public int promotable() {
        return Math.min(free(), waiting);
    }

    /** The ticket the next learner to join the waitlist gets (tickets are never reused). */
    public long nextTicket() {
        return lastTicket + 1;
    }

    public SeatCounts afterEnrolling() {
        return new SeatCounts(true, seats, used + 1, waiting, lastTicket);
    }

    public SeatCounts afterQueueing() {
        return new SeatCounts(true, seats, used, waiting + 1, lastTicket + 1);
    }

    /** {@code n} learners moved from the waitlist into seats. */
    public SeatCounts afterPromoting(int n) {
        if (n > promotable()) {
            throw new IllegalArgumentException("only " + promotable() + " can be promoted");
        }
        return new SeatCounts(true, seats, used + n, waiting - n, lastTicket);
    }

    /** Whether the seats may be set to {@code newSeats}: never below the seats in use. */
    public boolean canSetSeats(int newSeats) {
        return newSeats >= used;
    }
}

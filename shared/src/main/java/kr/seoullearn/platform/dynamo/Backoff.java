package kr.seoullearn.platform.dynamo;

import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;

/**
 * The one pause after losing a race in DynamoDB (a cancelled transaction with
 * {@code TransactionConflict}, or a conditional write refused while a transaction holds the
 * item): exponential back-off with full jitter, so that in a burst the losers spread out instead
 * of all trying again at once and all but one losing again.
 */
public final class Backoff {
    /** Tries of an operation that keeps losing races before the caller gets a 503 with a retry hint. */
    public static final int CONFLICT_RETRIES = 8;
    static final long FIRST_PAUSE_MILLIS = 4;
    static final long MAX_PAUSE_MILLIS = 250;

    /** How a pause is taken; tests count pauses instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public static final Backoff DEFAULT = new Backoff(Thread::sleep);

    private final Sleeper sleeper;

    public Backoff(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** The longest pause after the {@code losses}-th lost race (1, 2, …). */
    static long ceiling(int losses) {
        return Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(Math.max(losses, 0), 10));
    }

    /** Pauses after the {@code losses}-th lost race; an interrupt ends the request with a 503. */
    public void pause(int losses) {
        try {
            sleeper.sleep(ThreadLocalRandom.current().nextLong(1 + ceiling(losses)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }
}

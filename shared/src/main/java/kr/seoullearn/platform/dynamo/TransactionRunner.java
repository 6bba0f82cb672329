package kr.seoullearn.platform.dynamo;

import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.log.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs TransactWriteItems the one way every context needs: a transaction that loses a race
 * ({@code TransactionConflict}) is tried again after {@link Backoff}; one cancelled by a failed
 * condition becomes the refusal of the first such write (in the order they were added); a
 * retried write that had in fact committed is recognised (ClientRequestToken, or the
 * transaction's witness); anything else is a 503 with a retry hint, and nothing was written.
 */
public final class TransactionRunner {
    private static final Log LOG = Log.of(TransactionRunner.class);

    private final DynamoDbClient dynamo;
    private final Backoff backoff;

    public TransactionRunner(DynamoDbClient dynamo) {
        this(dynamo, Backoff.DEFAULT);
    }

    public TransactionRunner(DynamoDbClient dynamo, Backoff backoff) {
        this.dynamo = dynamo;
        this.backoff = backoff;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Commits, or throws the refusal of the first failed condition; lost races are tried again. */
    public void commit(Transaction tx) {
        Outcome outcome = attempt(tx);
        if (outcome.committed()) {
            return;
        }
        throw refusalOf(tx, outcome);
    }

    /**
     * Commits, or answers how it was cancelled, for callers that act on a failed condition
     * themselves (a queue that takes a ticket when no place is free). Lost races are tried again
     * first; when they keep being lost the request ends with a 503.
     */
    public Outcome attempt(Transaction tx) {
        for (int losses = 0; ; losses++) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(tx.items()));
                return Outcome.COMMITTED;
            } catch (TransactionCanceledException e) {
                Outcome outcome = new Outcome(e.hasCancellationReasons() ? e.cancellationReasons() : List.of());
                int witness = tx.witnessPosition();
                if (witness >= 0 && outcome.failed(witness)) {
                    LOG.info("transaction found applied by an earlier attempt", "operation", tx.operation());
                    return Outcome.COMMITTED;
                }
                if (outcome.anyFailed() || !outcome.conflicted()) {
                    return outcome;
                }
                if (losses >= Backoff.CONFLICT_RETRIES) {
                    LOG.warn("transaction kept losing races", "operation", tx.operation(), "tries", losses + 1);
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                backoff.pause(losses + 1);
            }
        }
    }

    /** The refusal a cancelled transaction means to the caller (503 when no condition of theirs failed). */
    public ProblemException refusalOf(Transaction tx, Outcome outcome) {
        for (int i = 0; i < outcome.reasons.size() && i < tx.size(); i++) {
            if (outcome.failed(i)) {
                Refusal refusal = tx.refusal(i, outcome.item(i));
                if (refusal != null) {
                    return new ProblemException(refusal);
                }
                LOG.warn("transaction refused by an internal condition", "operation", tx.operation(), "item", i);
                return new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
        }
        LOG.warn("transaction cancelled", "operation", tx.operation(), "reasons", outcome.codes().toString());
        return new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    /** How a transaction ended: committed, or cancelled with DynamoDB's reason per write. */
    public static final class Outcome {
        static final Outcome COMMITTED = new Outcome(null);
        private final List<CancellationReason> reasons;

        Outcome(List<CancellationReason> reasons) {
            this.reasons = reasons;
        }

        public boolean committed() {
            return reasons == null;
        }

        /** The condition of the write at {@code position} failed. */
        public boolean failed(int position) {
            return reasons != null && position >= 0 && position < reasons.size()
                    && "ConditionalCheckFailed".equals(reasons.get(position).code());
        }

        boolean anyFailed() {
            return reasons != null && reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
        }

        boolean conflicted() {
            return reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        }

        /** The item at {@code position} as it was when its condition failed (empty unless ALL_OLD was asked for). */
        public Map<String, AttributeValue> item(int position) {
            if (reasons == null || position < 0 || position >= reasons.size() || !reasons.get(position).hasItem()) {
                return Map.of();
            }
            return reasons.get(position).item();
        }

        public List<String> codes() {
            return reasons == null ? List.of() : reasons.stream().map(CancellationReason::code).toList();
        }
    }
}

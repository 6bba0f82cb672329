package kr.seoullearn.registration.dynamo;

import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.port.QuotaPlaces;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A quota place is noted on the application ({@code quotaPlace}: the sort key of the programme
 * whose {@code admitted} counter it took). Giving it back removes the note on the condition that
 * it is still the one read, and lowers that counter, in one transaction: two callers racing give
 * it back once.
 */
final class ApplicationQuotaPlaces implements QuotaPlaces {
    private static final Log LOG = Log.of(ApplicationQuotaPlaces.class);
    private static final int TRIES = 4;

    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;

    ApplicationQuotaPlaces(String table, TransactionRunner runner, ApplicationReads reads) {
        this.table = table;
        this.runner = runner;
        this.reads = reads;
    }

    /**
     * The programme counter's part of taking a place, only while {@code admitted < quota}: a
     * submission's ({@link ApplicationSubmission}) and an approval on appeal's ({@link ApplicationAppeals}).
     */
    static TransactWriteItem counterTaken(String table, ItemKey programme) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(programme.attributes())
                .updateExpression("SET admitted = admitted + :one")
                .conditionExpression("admitted < quota")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    /** The programme counter's part of giving a place back (also a rejection's, {@link ApplicationDecisions}). */
    static TransactWriteItem counterGivenBack(String table, TenantId tenant, String programmeSortKey) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(ItemKey.of(RegistrationKeys.programmes(tenant), programmeSortKey).attributes())
                .updateExpression("SET admitted = admitted - :one")
                .conditionExpression("admitted > :zero")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0")))).build();
    }

    @Override
    public boolean release(TenantId tenant, String userId) {
        for (int tries = 0; tries < TRIES; tries++) {
            Optional<String> place = reads.quotaPlace(tenant, userId);
            if (place.isEmpty()) {
                return false;
            }
            Transaction tx = Transaction.named("release-quota-place");
            int application = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(RegistrationKeys.profile(tenant, userId).attributes())
                    .updateExpression("REMOVE quotaPlace")
                    .conditionExpression("quotaPlace = :place")
                    .expressionAttributeValues(Map.of(":place", AttributeValue.fromS(place.get())))).build());
            tx.add(counterGivenBack(table, tenant, place.get()));
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                LOG.info("quota place given back", "tenant", tenant.value(), "programme", place.get());
                return true;
            }
            if (!outcome.failed(application)) {
                throw runner.refusalOf(tx, outcome);
            }
            // a decision or another release changed the application in between: read it again
            runner.backoff().pause(tries + 1);
        }
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }
}

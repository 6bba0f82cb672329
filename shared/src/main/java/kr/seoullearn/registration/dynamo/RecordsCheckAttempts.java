package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.RecordsCheckLimits;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The day's records-check counters (docs/data-model.md): {@code T#<tenant>#RECORDS_CHECKS#U#<sub> /
 * RECORDS_CHECKS#<day>} for the account (its own partition: a dossier's Query never reads it) and {@code T#<tenant>#CHILD#<hash> / RECORDS_CHECKS#<day>}
 * for the claimed child, each {@code attempts} under the limit, both raised in one transaction,
 * so parallel attempts cannot pass the limit and a refused one counts nowhere. They expire a day
 * after their day ends (TTL {@code expiresAt}).
 */
final class RecordsCheckAttempts implements RecordsCheckLimits {
    private static final String DAY_PREFIX = "RECORDS_CHECKS#";
    private final String table;
    private final TransactionRunner runner;
    private final java.time.Clock clock;

    RecordsCheckAttempts(String table, TransactionRunner runner, java.time.Clock clock) {
        this.table = table;
        this.runner = runner;
        this.clock = clock;
    }

    static ItemKey account(TenantId tenant, String userId, LocalDate day) {
        return ItemKey.of(kr.seoullearn.platform.dynamo.Keys.tenant(tenant, "RECORDS_CHECKS", "U", userId), DAY_PREFIX + day);
    }

    static ItemKey child(TenantId tenant, String childHash, LocalDate day) {
        return ItemKey.of(kr.seoullearn.platform.dynamo.Keys.tenant(tenant, "CHILD", childHash), DAY_PREFIX + day);
    }

    @Override
    public void take(TenantId tenant, String userId, String childHash, LocalDate day, int limit, Instant retryAt) {
        long expiresAt = retryAt.plus(1, ChronoUnit.DAYS).getEpochSecond();
        Transaction tx = Transaction.named("records-check-attempt");
        int byAccount = tx.add(counter(account(tenant, userId, day), limit, expiresAt));
        int byChild = tx.add(counter(child(tenant, childHash, day), limit, expiresAt));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return;
        }
        if (outcome.failed(byAccount) || outcome.failed(byChild)) {
            long seconds = Math.max(1, java.time.Duration.between(clock.instant(), retryAt).toSeconds());
            throw new ProblemException(RegistrationRefusal.RECORDS_CHECK_LIMIT_REACHED, Map.of(
                    "limit", limit,
                    "retryAt", retryAt.toString(),
                    ApiResponses.RETRY_AFTER_SECONDS, seconds));
        }
        throw runner.refusalOf(tx, outcome);
    }

    private TransactWriteItem counter(ItemKey key, int limit, long expiresAt) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key.attributes())
                .updateExpression("SET attempts = if_not_exists(attempts, :zero) + :one, expiresAt = :expires, #type = :type")
                .conditionExpression("attribute_not_exists(attempts) OR attempts < :limit")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(
                        ":zero", AttributeValue.fromN("0"),
                        ":one", AttributeValue.fromN("1"),
                        ":limit", AttributeValue.fromN(Integer.toString(limit)),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt)),
                        ":type", AttributeValue.fromS("RECORDS_CHECKS")))).build();
    }
}

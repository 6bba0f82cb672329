package kr.seoullearn.platform.dynamo;

import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one transaction runner against the emulator, on the template's table. */
class TransactionRunnerIT {
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static String table;
    private static TransactionRunner runner;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("transaction-runner");
        dynamo = stack.aws().dynamoDb();
        table = stack.table();
        runner = new TransactionRunner(dynamo);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    @Test
    void aTransactionWhoseConditionsHoldCommitsEveryWrite() {
        String a = fresh();
        String b = fresh();

        Transaction tx = Transaction.named("test.commit");
        tx.add(putNew(a), Problem.VERSION_CONFLICT);
        tx.add(putNew(b));
        runner.commit(tx);

        assertThat(exists(a)).isTrue();
        assertThat(exists(b)).isTrue();
    }

    @Test
    void aFailedConditionIsTheCallersRefusalAndNothingIsWritten() {
        String taken = fresh();
        String other = fresh();
        dynamo.putItem(p -> p.tableName(table).item(item(taken)));

        Transaction tx = Transaction.named("test.refused");
        tx.add(putNew(other));
        tx.add(putNew(taken), Problem.VERSION_CONFLICT);

        assertThatThrownBy(() -> runner.commit(tx))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.VERSION_CONFLICT));
        assertThat(exists(other)).isFalse();
    }

    @Test
    void aFailedInternalConditionIsA503AndNothingIsWritten() {
        String taken = fresh();
        String other = fresh();
        dynamo.putItem(p -> p.tableName(table).item(item(taken)));

        Transaction tx = Transaction.named("test.internal");
        tx.add(putNew(other), Problem.VERSION_CONFLICT);
        tx.add(putNew(taken));

        assertThatThrownBy(() -> runner.commit(tx))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.SERVICE_UNAVAILABLE);
                    assertThat(e.problem().status()).isEqualTo(503);
                });
        assertThat(exists(other)).isFalse();
    }

    @Test
    void aWitnessThatAlreadyExistsMeansAnEarlierAttemptCommitted() {
        String witness = fresh();
        String other = fresh();
        // the earlier attempt committed (its answer lost): its witness is there
        dynamo.putItem(p -> p.tableName(table).item(item(witness)));

        Transaction tx = Transaction.named("test.witness");
        tx.add(putNew(other), Problem.VERSION_CONFLICT);
        tx.witness(putNew(witness));

        assertThat(runner.attempt(tx).committed()).isTrue();
        runner.commit(tx);
        // this attempt itself wrote nothing (it was cancelled); the earlier one had
        assertThat(exists(other)).isFalse();
    }

    private static String fresh() {
        return "TEST#" + UUID.randomUUID();
    }

    private static Map<String, AttributeValue> item(String pk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("ITEM"));
    }

    private static TransactWriteItem putNew(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(pk))
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    private static boolean exists(String pk) {
        return dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(item(pk))).hasItem();
    }
}

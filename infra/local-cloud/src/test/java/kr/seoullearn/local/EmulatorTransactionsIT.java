package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The emulator behaves as DynamoDB where our invariants rely on it (infra/moto_server.py): a
 * TransactWriteItems sent again with the same ClientRequestToken — what the SDK does when it
 * retries after a timeout — is not run a second time; a new token runs (and meets its conditions).
 */
class EmulatorTransactionsIT {

    @Test
    void aRetriedTransactionWithTheSameTokenIsNotRunTwice() {
        try (TestStack stack = TestStack.create("emulator-tx"); var dynamo = stack.aws().dynamoDb()) {
            Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("X#once"), "SK", AttributeValue.fromS("ONCE"));
            List<TransactWriteItem> once = List.of(TransactWriteItem.builder().put(p -> p.tableName(stack.table()).item(key)
                    .conditionExpression("attribute_not_exists(PK)")).build());
            String token = UUID.randomUUID().toString();
            dynamo.transactWriteItems(t -> t.transactItems(once).clientRequestToken(token));
            // the same call again, as the SDK retries it: success, nothing run
            dynamo.transactWriteItems(t -> t.transactItems(once).clientRequestToken(token));
            // another call: its condition fails, the item exists once
            assertThatThrownBy(() -> dynamo.transactWriteItems(t -> t.transactItems(once).clientRequestToken(UUID.randomUUID().toString())))
                    .isInstanceOf(TransactionCanceledException.class);
            assertThat(dynamo.getItem(g -> g.tableName(stack.table()).key(key).consistentRead(true)).item()).isNotEmpty();
        }
    }
}

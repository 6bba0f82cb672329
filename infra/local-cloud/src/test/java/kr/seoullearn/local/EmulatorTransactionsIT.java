package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The emulator behaves as DynamoDB where our invariants rely on it (infra/moto_server.py): a
 * TransactWriteItems sent again with the same ClientRequestToken — what the SDK does when it
 * retries after a timeout — is not run a second time; a new token runs (and meets its conditions).
 * A cancelled transaction leaves every item it touched as it was, and the GSI with it (the
 * emulator puts back only the written items, not a copy of the whole table).
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

    @Test
    void aCancelledTransactionLeavesEveryItemItTouchedAsItWasAndTheGsiWithIt() {
        try (TestStack stack = TestStack.create("emulator-rollback"); var dynamo = stack.aws().dynamoDb()) {
            String table = stack.table();
            String run = UUID.randomUUID().toString();
            String pk = "X#rollback#" + run;
            String gsi = "G#rollback#" + run;
            Function<String, Map<String, AttributeValue>> key = sk -> Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
            Map<String, AttributeValue> indexed = Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("INDEXED"),
                    "GSI1PK", AttributeValue.fromS(gsi), "GSI1SK", AttributeValue.fromS("1"), "state", AttributeValue.fromS("open"));
            Map<String, AttributeValue> toDelete = Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("DELETED"),
                    "GSI1PK", AttributeValue.fromS(gsi), "GSI1SK", AttributeValue.fromS("2"));
            Map<String, AttributeValue> counter = Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("COUNTER"),
                    "n", AttributeValue.fromN("1"));
            Map<String, AttributeValue> replaced = Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("REPLACED"),
                    "tags", AttributeValue.fromSs(List.of("a", "b")), "nested", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("7"))));
            for (Map<String, AttributeValue> item : List.of(indexed, toDelete, counter, replaced)) {
                dynamo.putItem(p -> p.tableName(table).item(item));
            }

            List<TransactWriteItem> writes = List.of(
                    // 1. a new item with GSI attributes
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS(pk),
                            "SK", AttributeValue.fromS("NEW"), "GSI1PK", AttributeValue.fromS(gsi), "GSI1SK", AttributeValue.fromS("0")))
                            .conditionExpression("attribute_not_exists(PK)")).build(),
                    // 2. an existing item with GSI attributes: its attribute and its GSI sort key change
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key.apply("INDEXED"))
                            .updateExpression("SET #s = :closed, GSI1SK = :last")
                            .expressionAttributeNames(Map.of("#s", "state"))
                            .expressionAttributeValues(Map.of(":closed", AttributeValue.fromS("closed"), ":last", AttributeValue.fromS("9")))).build(),
                    // 3. the condition that fails
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key.apply("COUNTER"))
                            .updateExpression("SET n = n + :one").conditionExpression("n = :two")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":two", AttributeValue.fromN("2")))).build(),
                    // 4.-6. after it: a delete, an update that would create an item, a put over an existing item
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(key.apply("DELETED"))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key.apply("UPSERTED"))
                            .updateExpression("SET GSI1PK = :g, GSI1SK = :s")
                            .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(gsi), ":s", AttributeValue.fromS("5")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS(pk),
                            "SK", AttributeValue.fromS("REPLACED"), "GSI1PK", AttributeValue.fromS(gsi), "GSI1SK", AttributeValue.fromS("6")))).build());

            assertThatThrownBy(() -> dynamo.transactWriteItems(t -> t.transactItems(writes)))
                    .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code)
                            .containsExactly("None", "None", "ConditionalCheckFailed", "None", "None", "None"));

            Function<String, Map<String, AttributeValue>> read = sk ->
                    dynamo.getItem(g -> g.tableName(table).key(key.apply(sk)).consistentRead(true)).item();
            assertThat(read.apply("NEW")).isEmpty();
            assertThat(read.apply("UPSERTED")).isEmpty();
            assertThat(read.apply("INDEXED")).isEqualTo(indexed);
            assertThat(read.apply("DELETED")).isEqualTo(toDelete);
            assertThat(read.apply("COUNTER")).isEqualTo(counter);
            assertThat(read.apply("REPLACED")).isEqualTo(replaced);
            assertThat(dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).consistentRead(true)).items())
                    .containsExactlyInAnyOrder(indexed, toDelete, counter, replaced);
            // the GSI shows no trace of the cancelled writes: the two items it held, with their old keys
            assertThat(dynamo.query(q -> q.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(gsi)))).items())
                    .containsExactly(indexed, toDelete);

            // and the same writes without the failing condition do commit
            dynamo.transactWriteItems(t -> t.transactItems(writes.stream().filter(w -> w != writes.get(2)).toList()));
            assertThat(dynamo.query(q -> q.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(gsi)))).items())
                    .extracting(i -> i.get("SK").s())
                    .containsExactly("NEW", "UPSERTED", "REPLACED", "INDEXED");
        }
    }
}

package kr.seoullearn.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The one ticket queue against the emulator, on the template's table: arrivals, positions, promotions. */
class TicketQueueIT {
    private static final TicketQueue.Spec PLACES = new TicketQueue.Spec(new Places.Used("places", "used"), "waiting", "lastTicket",
            null, null);
    private static final TicketQueue.Spec MUST_EXIST = new TicketQueue.Spec(new Places.Free("free", "taken"), "waiting",
            "lastTicket", "arrivals", Problem.NOT_FOUND);
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static String table;
    private static TransactionRunner runner;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("ticket-queue");
        dynamo = stack.aws().dynamoDb();
        table = stack.table();
        runner = new TransactionRunner(dynamo);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    /** A queue whose arrivals write a member item and whose promotions mark it placed. */
    private static TicketQueue queue(TicketQueue.Spec spec, ItemKey capacity) {
        return new TicketQueue(dynamo, runner, table, spec, capacity, Map.of("type", s("TEST_CAPACITY")), new TicketQueue.Promotion() {
            public String operation() {
                return "test.promote";
            }

            public List<TransactWriteItem> guards() {
                return List.of();
            }

            public void promote(Transaction tx, TicketQueue.Entry entry) {
                tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(member(capacity, entry.string("who")).attributes())
                        .updateExpression("SET placed = :yes").conditionExpression("attribute_exists(PK)")
                        .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true)))).build());
            }

            public void promoted(Transaction tx, int count) {}
        });
    }

    private static ItemKey member(ItemKey capacity, String who) {
        return ItemKey.of(capacity.pk(), "MEMBER#" + who);
    }

    /** Arrives as {@code who}: 0 for a place, else the ticket. */
    private static long arrive(TicketQueue queue, ItemKey capacity, String who) {
        return queue.admit("test.arrive", new TicketQueue.Arrival<Long>() {
            public void writes(Transaction tx, Long ticket) {
                Map<String, AttributeValue> item = new java.util.HashMap<>(member(capacity, who).attributes());
                item.put("placed", AttributeValue.fromBool(ticket == null));
                tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(PK)")).build(), Problem.VERSION_CONFLICT);
            }

            public Map<String, AttributeValue> entry(long ticket) {
                return Map.of("who", s(who));
            }

            public Long admitted(Long ticket) {
                return ticket == null ? 0L : ticket;
            }
        });
    }

    private static ItemKey fresh() {
        return ItemKey.of("TEST#" + UUID.randomUUID(), "CAPACITY");
    }

    private static void give(ItemKey capacity, int places) {
        dynamo.updateItem(u -> u.tableName(table).key(capacity.attributes())
                .updateExpression("SET places = :p, used = if_not_exists(used, :zero)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromN(Integer.toString(places)), ":zero", AttributeValue.fromN("0"))));
    }

    private static boolean placed(ItemKey capacity, String who) {
        return dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(member(capacity, who).attributes())).item()
                .get("placed").bool();
    }

    @Test
    void theFirstTicketCreatesTheCapacityItemAndANewcomerNeverPassesTheLine() {
        ItemKey capacity = fresh();
        TicketQueue queue = queue(PLACES, capacity);
        assertThat(arrive(queue, capacity, "a")).as("no capacity item yet: a ticket, and the item").isEqualTo(1);
        give(capacity, 2);
        assertThat(arrive(queue, capacity, "b")).as("the free place goes to the first in line, then b takes the other").isZero();
        assertThat(placed(capacity, "a")).isTrue();
        assertThat(queue.read().waiting()).isZero();
        assertThat(queue.head(10)).isEmpty();
        assertThat(arrive(queue, capacity, "c")).as("no place free: the next ticket").isEqualTo(2);
        assertThat(queue.ahead(2)).isZero();
        assertThat(queue.promote()).as("nothing free").isZero();
        assertThatThrownBy(() -> arrive(queue, capacity, "c")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem()).isEqualTo(Problem.VERSION_CONFLICT);
    }

    @Test
    void aBurstOfNewcomersFillsThePlacesAndQueuesTheRestUnderDistinctTicketsAndPromotionsTakeTheLowestFirst() throws Exception {
        ItemKey capacity = fresh();
        give(capacity, 5);
        TicketQueue queue = queue(PLACES, capacity);
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(10)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String who = "m" + i;
                all.add(pool.submit(() -> answers.add(arrive(queue, capacity, who))));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        assertThat(answers.stream().filter(t -> t == 0)).hasSize(5);
        List<Long> tickets = answers.stream().filter(t -> t > 0).sorted().toList();
        assertThat(tickets).hasSize(15).doesNotHaveDuplicates();
        var counts = queue.read();
        assertThat(counts.free()).isZero();
        assertThat(counts.waiting()).isEqualTo(15);
        List<TicketQueue.Entry> line = queue.head(100);
        assertThat(line).extracting(TicketQueue.Entry::ticket).containsExactlyElementsOf(tickets);

        give(capacity, 8);
        assertThat(queue.promote()).isEqualTo(3);
        for (TicketQueue.Entry first : line.subList(0, 3)) {
            assertThat(placed(capacity, first.string("who"))).isTrue();
        }
        assertThat(placed(capacity, line.get(3).string("who"))).isFalse();
        assertThat(queue.ahead(line.get(3).ticket())).as("now first in line").isZero();
        assertThat(queue.read().waiting()).isEqualTo(12);
    }

    @Test
    void aPlaceLeftFreeWhileOthersWaitGoesToTheFirstInLineBeforeTheNewcomerWaits() {
        ItemKey capacity = fresh();
        TicketQueue queue = queue(PLACES, capacity);
        assertThat(arrive(queue, capacity, "first")).isEqualTo(1);
        give(capacity, 1); // a place came free and nobody served the line
        assertThat(arrive(queue, capacity, "second")).isEqualTo(2);
        assertThat(placed(capacity, "first")).isTrue();
        assertThat(queue.ahead(2)).isZero();
    }

    @Test
    void aQueueWhoseCapacityItemMustExistRefusesANewcomerWhenItDoesNot() {
        ItemKey capacity = fresh();
        TicketQueue queue = queue(MUST_EXIST, capacity);
        assertThatThrownBy(() -> arrive(queue, capacity, "x")).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem()).isEqualTo(Problem.NOT_FOUND);
        dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", s(capacity.pk()), "SK", s(capacity.sk()),
                "free", AttributeValue.fromN("1"), "taken", AttributeValue.fromN("0"), "waiting", AttributeValue.fromN("0"),
                "arrivals", AttributeValue.fromN("0"), "lastTicket", AttributeValue.fromN("0"))));
        assertThat(arrive(queue, capacity, "y")).isZero();
        assertThat(arrive(queue, capacity, "z")).isEqualTo(1);
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(capacity.attributes())).item();
        assertThat(item.get("arrivals").n()).isEqualTo("2");
        assertThat(item.get("taken").n()).isEqualTo("1");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

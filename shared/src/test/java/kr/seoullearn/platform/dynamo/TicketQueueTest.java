package kr.seoullearn.platform.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Refusal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The queue's pure parts: keys, counts and the expressions that make DynamoDB keep its rules. */
class TicketQueueTest {
    private static final Refusal MISSING = new Refusal() {
        public String code() {
            return "missing";
        }

        public int status() {
            return 404;
        }
    };
    private static final TicketQueue.Spec SEATS = new TicketQueue.Spec(new Places.Used("seats", "used"), "waiting", "lastTicket",
            null, null);
    private static final TicketQueue.Spec STOCK = new TicketQueue.Spec(new Places.Free("inStock", "reserved"), "waiting",
            "lastTicket", "requested", MISSING);
    private static final ItemKey CAPACITY = ItemKey.of("T#seoul#PROVIDER#mirae", "SEATS");

    private static TicketQueue queue(TicketQueue.Spec spec) {
        return new TicketQueue(null, null, "table", spec, CAPACITY, Map.of("type", AttributeValue.fromS("SEATS")), null);
    }

    private static CapacityWrites writes(TicketQueue.Spec spec) {
        return new CapacityWrites("table", spec, CAPACITY, Map.of("type", AttributeValue.fromS("SEATS")));
    }

    private static Map<String, AttributeValue> item(Object... pairs) {
        var map = new java.util.HashMap<String, AttributeValue>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], AttributeValue.fromN(pairs[i + 1].toString()));
        }
        return map;
    }

    @Test
    void entriesSortByTicketAsNumbersInTheCapacityItemsPartition() {
        assertThat(TicketQueue.sortKey(7)).isEqualTo("WAIT#000000000007");
        assertThat(TicketQueue.sortKey(10)).isGreaterThan(TicketQueue.sortKey(9));
        assertThat(queue(SEATS).entryKey(12)).isEqualTo(ItemKey.of("T#seoul#PROVIDER#mirae", "WAIT#000000000012"));
    }

    @Test
    void freePlacesAreCapacityLessUsedOrTheFreeCount() {
        var seats = queue(SEATS).counts(item("seats", 5, "used", 3, "waiting", 4));
        assertThat(seats.free()).isEqualTo(2);
        assertThat(seats.promotable()).as("the first two in line").isEqualTo(2);
        assertThat(queue(SEATS).counts(item("seats", 2, "used", 3)).free()).as("more used than given").isZero();
        var stock = queue(STOCK).counts(item("inStock", 3, "reserved", 9, "waiting", 1));
        assertThat(stock.free()).isEqualTo(3);
        assertThat(stock.promotable()).isEqualTo(1);
        assertThat(queue(STOCK).counts(Map.of()).exists()).isFalse();
        assertThat(queue(STOCK).counts(null).promotable()).isZero();
    }

    @Test
    void aNewcomerTakesAPlaceOnlyWhenOneIsFreeAndNobodyWaits() {
        Update seat = writes(SEATS).takePlace().update();
        assertThat(seat.updateExpression()).isEqualTo("SET #used = #used + :one");
        assertThat(seat.conditionExpression()).isEqualTo("#used < #capacity AND (attribute_not_exists(#waiting) OR #waiting = :zero)");
        assertThat(seat.expressionAttributeNames()).isEqualTo(Map.of("#used", "used", "#capacity", "seats", "#waiting", "waiting"));
        Update unit = writes(STOCK).takePlace().update();
        assertThat(unit.updateExpression()).isEqualTo("SET #free = #free - :one, #taken = #taken + :one, #arrivals = #arrivals + :one");
        assertThat(unit.conditionExpression()).startsWith("attribute_exists(PK) AND #free > :zero");
        assertThat(unit.expressionAttributeNames()).containsEntry("#taken", "reserved").containsEntry("#arrivals", "requested");
        assertThat(unit.returnValuesOnConditionCheckFailureAsString()).isEqualTo("ALL_OLD");
    }

    @Test
    void aNewcomerJoinsOnlyWhileNoPlaceIsFreeForThem() {
        Update join = writes(SEATS).join().update();
        assertThat(join.updateExpression()).isEqualTo("SET #waiting = if_not_exists(#waiting, :zero) + :one");
        assertThat(join.conditionExpression())
                .isEqualTo("(attribute_not_exists(#capacity) OR attribute_not_exists(#used) OR #used >= #capacity OR #waiting > :zero)");
        assertThat(join.expressionAttributeValues()).containsOnlyKeys(":zero", ":one");
        Update queued = writes(STOCK).join().update();
        assertThat(queued.conditionExpression())
                .isEqualTo("attribute_exists(PK) AND (attribute_not_exists(#free) OR #free <= :zero OR #waiting > :zero)");
        assertThat(queued.expressionAttributeNames()).doesNotContainKey("#taken").containsEntry("#arrivals", "requested");
    }

    @Test
    void aPromotionTakesPlacesAsReadWithUsedOfCapacityAndAsAvailableWithAFreeCount() {
        var seats = queue(SEATS);
        Update promote = writes(SEATS).takeForLine(seats.counts(item("seats", 5, "used", 3, "waiting", 4)), 2).update();
        assertThat(promote.updateExpression()).isEqualTo("SET #used = :usedAfter, #waiting = #waiting - :n");
        assertThat(promote.conditionExpression()).isEqualTo("#capacity = :capacity AND #used = :used AND #waiting >= :n");
        assertThat(promote.expressionAttributeValues()).isEqualTo(Map.of(":capacity", AttributeValue.fromN("5"),
                ":used", AttributeValue.fromN("3"), ":usedAfter", AttributeValue.fromN("5"), ":n", AttributeValue.fromN("2")));
        var stock = queue(STOCK);
        Update approve = writes(STOCK).takeForLine(stock.counts(item("inStock", 3, "waiting", 4)), 3).update();
        assertThat(approve.updateExpression()).isEqualTo("SET #free = #free - :n, #taken = #taken + :n, #waiting = #waiting - :n");
        assertThat(approve.conditionExpression()).isEqualTo("#free >= :n AND #waiting >= :n");
        assertThat(approve.expressionAttributeValues()).containsOnlyKeys(":n");
    }

    @Test
    void aTicketIsTakenOnlyWhileNoPlaceIsFreeForANewcomerAndMayCreateTheCapacityItem() {
        var seats = writes(SEATS).ticket();
        assertThat(seats.updateExpression())
                .isEqualTo("SET #c0 = :c0, #capacity = if_not_exists(#capacity, :zero), #used = if_not_exists(#used, :zero) ADD #last :one");
        assertThat(seats.expressionAttributeNames()).containsEntry("#c0", "type").containsEntry("#last", "lastTicket");
        assertThat(seats.returnValuesAsString()).isEqualTo("UPDATED_NEW");
        var stock = writes(STOCK).ticket();
        assertThat(stock.updateExpression()).as("a district's stock must exist").isEqualTo("ADD #last :one");
        assertThat(stock.conditionExpression()).startsWith("attribute_exists(PK) AND (");
    }

    @Test
    void anEntryLeavesOnlyIfItIsStillThere() {
        TransactWriteItem leave = queue(SEATS).leave(3);
        assertThat(leave.delete().key()).isEqualTo(ItemKey.of("T#seoul#PROVIDER#mirae", "WAIT#000000000003").attributes());
        assertThat(leave.delete().conditionExpression()).isEqualTo("attribute_exists(PK)");
    }

    @Test
    void onlyTheNamesAndValuesAnExpressionUsesAreSent() {
        var used = CapacityWrites.used(Map.of(":used", 1, ":usedAfter", 2, ":n", 3), "SET #used = :usedAfter", "#n = :n");
        assertThat(used).containsOnlyKeys(":usedAfter", ":n");
        assertThat(CapacityWrites.used(Map.of("#waiting", "w"), List.of("x").toArray(String[]::new))).isEmpty();
    }
}

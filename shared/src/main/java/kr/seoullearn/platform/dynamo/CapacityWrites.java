package kr.seoullearn.platform.dynamo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The {@link TicketQueue}'s writes of its capacity item: the queue's rules as DynamoDB conditions. */
final class CapacityWrites {
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final String table;
    private final TicketQueue.Spec spec;
    private final ItemKey capacity;
    private final Map<String, AttributeValue> created;

    CapacityWrites(String table, TicketQueue.Spec spec, ItemKey capacity, Map<String, AttributeValue> created) {
        this.table = table;
        this.spec = spec;
        this.capacity = capacity;
        this.created = created;
    }

    private String exists() {
        return spec.missing() != null ? "attribute_exists(PK) AND " : "";
    }

    /** A place for a newcomer: one is free and nobody waits (so nobody is passed). */
    TransactWriteItem takePlace() {
        Places places = spec.places();
        String update = "SET " + places.takeOne() + (spec.arrivals() != null ? ", #arrivals = #arrivals + :one" : "");
        String condition = exists() + places.oneFree() + " AND (attribute_not_exists(#waiting) OR #waiting = :zero)";
        return update(update, condition, Map.of());
    }

    /** One more in line, as long as there is still no place for a newcomer. */
    TransactWriteItem join() {
        String update = "SET #waiting = if_not_exists(#waiting, :zero) + :one"
                + (spec.arrivals() != null ? ", #arrivals = #arrivals + :one" : "");
        return update(update, noPlaceForNewcomer(), Map.of());
    }

    /** No place for a newcomer: none free, or someone waits. */
    String noPlaceForNewcomer() {
        return exists() + "(" + spec.places().noneFree() + " OR #waiting > :zero)";
    }

    /** {@code n} places taken by the first in line, given the capacity item as read. */
    TransactWriteItem takeForLine(TicketQueue.Counts before, long n) {
        Places places = spec.places();
        Map<String, AttributeValue> values = new HashMap<>(places.takeNValues(before.item(), n));
        values.put(":n", AttributeValue.fromN(Long.toString(n)));
        // newcomers may join behind meanwhile: the line only needs n entries
        return update("SET " + places.takeN() + ", #waiting = #waiting - :n", places.nFree() + " AND #waiting >= :n", values);
    }

    private TransactWriteItem update(String update, String condition, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":zero", ZERO);
        values.put(":one", ONE);
        Map<String, String> names = used(allNames(), update, condition);
        Map<String, AttributeValue> used = used(values, update, condition);
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(capacity.attributes())
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(used.isEmpty() ? null : used)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    private Map<String, String> allNames() {
        Map<String, String> names = new HashMap<>(spec.places().names());
        names.put("#waiting", spec.waiting());
        names.put("#last", spec.lastTicket());
        if (spec.arrivals() != null) {
            names.put("#arrivals", spec.arrivals());
        }
        return names;
    }

    /** Only the names and values the expressions use: DynamoDB refuses any other. */
    static <V> Map<String, V> used(Map<String, V> all, String... expressions) {
        Map<String, V> used = new LinkedHashMap<>();
        all.forEach((token, value) -> {
            Pattern p = Pattern.compile(Pattern.quote(token) + "(?![A-Za-z0-9_])");
            for (String e : expressions) {
                if (e != null && p.matcher(e).find()) {
                    used.put(token, value);
                    return;
                }
            }
        });
        return used;
    }

    /**
     * The next ticket's UpdateItem: {@code lastTicket} + 1, only while there is no place for a
     * newcomer; it creates the capacity item (no places) where the queue allows it.
     */
    UpdateItemRequest ticket() {
        StringBuilder set = new StringBuilder();
        Map<String, String> names = new HashMap<>(allNames());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":zero", ZERO, ":one", ONE));
        if (spec.missing() == null) {
            int i = 0;
            for (var a : created.entrySet()) {
                set.append(i == 0 ? "SET " : ", ").append("#c").append(i).append(" = :c").append(i);
                names.put("#c" + i, a.getKey());
                values.put(":c" + i, a.getValue());
                i++;
            }
            set.append(i == 0 ? "SET " : ", ").append(spec.places().initialise()).append(' ');
        }
        String update = set + "ADD #last :one";
        String condition = noPlaceForNewcomer();
        return UpdateItemRequest.builder().tableName(table).key(capacity.attributes())
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(used(names, update, condition)).expressionAttributeValues(used(values, update, condition))
                .returnValues(ReturnValue.UPDATED_NEW).build();
    }
}

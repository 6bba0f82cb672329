package kr.seoullearn.platform.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a capacity item counts its places, as DynamoDB expressions over its attributes. Condition
 * expressions have no arithmetic, so the two ways of counting test "a place is free" differently.
 */
public sealed interface Places {

    /** Places given ({@code capacity}) and taken ({@code used}): free = capacity − used (a provider's seats). */
    record Used(String capacity, String used) implements Places {}

    /** Free places kept as a count ({@code free}) that moves to {@code taken} when one is taken (a district's laptops). */
    record Free(String free, String taken) implements Places {}

    /** Free places on an item as read (0 for an item or attributes that are not there). */
    default long free(Map<String, AttributeValue> item) {
        return switch (this) {
            case Used u -> Math.max(0, number(item, u.capacity()) - number(item, u.used()));
            case Free f -> Math.max(0, number(item, f.free()));
        };
    }

    /** Condition: at least one place is free. */
    default String oneFree() {
        return switch (this) {
            case Used u -> "#used < #capacity";
            case Free f -> "#free > :zero";
        };
    }

    /** Condition: no place is free (also when the counts are not there yet). */
    default String noneFree() {
        return switch (this) {
            case Used u -> "attribute_not_exists(#capacity) OR attribute_not_exists(#used) OR #used >= #capacity";
            case Free f -> "attribute_not_exists(#free) OR #free <= :zero";
        };
    }

    /** Update: one place taken. */
    default String takeOne() {
        return switch (this) {
            case Used u -> "#used = #used + :one";
            case Free f -> "#free = #free - :one, #taken = #taken + :one";
        };
    }

    /**
     * Update and condition of {@code :n} places taken, given the item as read: with used of
     * capacity, that the capacity and used are still what was read (so used + n stays within
     * the capacity); with a free count, that at least n are free.
     */
    default String takeN() {
        return switch (this) {
            case Used u -> "#used = :usedAfter";
            case Free f -> "#free = #free - :n, #taken = #taken + :n";
        };
    }

    default String nFree() {
        return switch (this) {
            case Used u -> "#capacity = :capacity AND #used = :used";
            case Free f -> "#free >= :n";
        };
    }

    /** The values {@link #takeN} and {@link #nFree} need, for {@code n} places taken from {@code item} as read. */
    default Map<String, AttributeValue> takeNValues(Map<String, AttributeValue> item, long n) {
        return switch (this) {
            case Used u -> Map.of(":capacity", AttributeValue.fromN(Long.toString(number(item, u.capacity()))),
                    ":used", AttributeValue.fromN(Long.toString(number(item, u.used()))),
                    ":usedAfter", AttributeValue.fromN(Long.toString(number(item, u.used()) + n)));
            case Free f -> Map.of();
        };
    }

    /** The attribute names behind {@code #capacity}/{@code #used} or {@code #free}/{@code #taken}. */
    default Map<String, String> names() {
        return switch (this) {
            case Used u -> Map.of("#capacity", u.capacity(), "#used", u.used());
            case Free f -> Map.of("#free", f.free(), "#taken", f.taken());
        };
    }

    /** Sets the counters to 0 where they are not there yet (a capacity item created by a ticket). */
    default String initialise() {
        return switch (this) {
            case Used u -> "#capacity = if_not_exists(#capacity, :zero), #used = if_not_exists(#used, :zero)";
            case Free f -> "#free = if_not_exists(#free, :zero), #taken = if_not_exists(#taken, :zero)";
        };
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}

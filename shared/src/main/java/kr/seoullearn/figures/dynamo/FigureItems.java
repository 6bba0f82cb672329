package kr.seoullearn.figures.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The writes a state change adds to its own transaction (docs/adr/0015): {@code ADD} on the
 * day's figures, and the change's de-identified extract row. A retried or repeated request
 * whose own condition fails cancels the transaction, so it counts nothing.
 */
final class FigureItems {
    /**
     * A day's figures are spread over this many items, one picked at random per transaction, so
     * that a busy tenant's transactions do not all conflict on one item.
     */
    static final int SHARDS = 4;
    static final String TYPE = "FIGURES";

    private FigureItems() {}

    /** The update of one of the day's figure items: {@code ADD} each figure of the delta. */
    static TransactWriteItem count(String table, TenantId tenant, Instant at, FigureDelta delta) {
        if (delta.isEmpty()) {
            throw new IllegalArgumentException("nothing to count");
        }
        LocalDate day = at.atZone(Figure.DAY_ZONE).toLocalDate();
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var e : delta.adds().entrySet()) {
            names.put("#f" + i, e.getKey());
            values.put(":f" + i, AttributeValue.fromN(Long.toString(e.getValue())));
            adds.add("#f" + i + " :f" + i);
            i++;
        }
        names.put("#type", "type");
        names.put("#day", "day");
        values.put(":type", AttributeValue.fromS(TYPE));
        values.put(":day", AttributeValue.fromS(day.toString()));
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(FiguresKeys.day(tenant, day, shard).attributes())
                .updateExpression("SET #type = :type, #day = :day ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    /** The put of a change's de-identified row: ids and codes only, the learner as a pseudonym. */
    static TransactWriteItem row(String table, FigureRow r, String pseudonym) {
        LocalDate day = r.at().atZone(Figure.DAY_ZONE).toLocalDate();
        Map<String, AttributeValue> item = new HashMap<>(
                FiguresKeys.row(r.tenant(), day, r.at(), pseudonym, UUID.randomUUID().toString().substring(0, 8)).attributes());
        item.put("type", AttributeValue.fromS("EXTRACT_ROW"));
        item.put("date", AttributeValue.fromS(day.toString()));
        item.put("pseudonym", AttributeValue.fromS(pseudonym));
        item.put("event", AttributeValue.fromS(r.event()));
        item.put("status", AttributeValue.fromS(r.status()));
        putIf(item, "level", r.level());
        putIf(item, "district", r.district());
        putIf(item, "categories", r.categories() == null || r.categories().isEmpty() ? null : String.join(";", r.categories()));
        putIf(item, "provider", r.provider());
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static void putIf(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isBlank()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}

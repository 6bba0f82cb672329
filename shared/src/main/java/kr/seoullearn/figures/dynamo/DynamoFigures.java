package kr.seoullearn.figures.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The programme's figures per tenant and day (docs/adr/0015). Every ledger adds
 * {@link #count} to the TransactWriteItems that changes the state it counts, as the last item,
 * so a retried or repeated request whose condition fails counts nothing. A day's figures are
 * spread over {@link #SHARDS} items so that busy days do not make every transaction of a tenant
 * conflict on one item; reading a month is one Query of its partition.
 *
 * <p>Item: {@code T#<tenant>#FIG#<yyyy-MM> / <yyyy-MM-dd>#<shard>}, one number attribute per
 * figure name.
 */
@Singleton
public class DynamoFigures implements ProgrammeFigures {
    /** Days are Seoul days: what city staff call "the 3rd" (FACTS: Asia/Seoul). */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Seoul");
    public static final int SHARDS = 4;
    static final String TYPE = "FIGURES";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFigures(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String partition(TenantId tenant, YearMonth month) {
        return "T#" + tenant.value() + "#FIG#" + month;
    }

    /** The update to add to a state change's transaction: {@code ADD} each figure of the delta on the day of {@code at}. */
    public static TransactWriteItem count(String table, TenantId tenant, Instant at, FigureDelta delta) {
        if (delta.isEmpty()) {
            throw new IllegalArgumentException("nothing to count");
        }
        LocalDate day = at.atZone(DAY_ZONE).toLocalDate();
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
        values.put(":type", AttributeValue.fromS(TYPE));
        values.put(":day", AttributeValue.fromS(day.toString()));
        String expression = "SET #type = :type, #day = :day ADD " + String.join(", ", adds);
        names.put("#day", "day");
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(partition(tenant, YearMonth.from(day))),
                        Keys.SK, AttributeValue.fromS(day + "#" + shard)))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    /**
     * The figures of each day from {@code from} to {@code to} (inclusive) that has any: one
     * Query per calendar month in the range (more only past 1 MB of figures in a month).
     */
    @Override
    public Map<LocalDate, Map<String, Long>> days(TenantId tenant, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            String pk = partition(tenant, month);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                var page = dynamo.query(q -> q.tableName(table)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                                ":from", AttributeValue.fromS(from.toString()),
                                ":to", AttributeValue.fromS(to + "#\uffff")))
                        .exclusiveStartKey(exclusiveStart));
                for (var item : page.items()) {
                    LocalDate day = LocalDate.parse(item.get("day").s());
                    Map<String, Long> figures = days.computeIfAbsent(day, d -> new TreeMap<>());
                    item.forEach((name, value) -> {
                        if (value.n() != null && name.contains(".")) {
                            figures.merge(name, Long.parseLong(value.n()), Long::sum);
                        }
                    });
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return days;
    }

    /** Writes a delta on its own (seeding and benchmarks; features count inside their transactions). */
    public void add(TenantId tenant, Instant at, FigureDelta delta) {
        dynamo.transactWriteItems(t -> t.transactItems(count(table, tenant, at, delta)));
    }

    // ------------------------------------------------------------------ de-identified rows

    public static String rowsPartition(TenantId tenant, YearMonth month) {
        return "T#" + tenant.value() + "#ROWS#" + month;
    }

    /**
     * A pseudonym for a learner in the extracts: a hash of tenant and account id. Stable across
     * months (the council can count people), not the account id and holding nothing that names
     * them; whoever holds the account ids could recompute it, so extracts stay with city staff.
     */
    public static String pseudonym(TenantId tenant, String userId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("seoul-learn-extract|" + tenant.value() + "|" + userId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "p" + java.util.HexFormat.of().formatHex(hash, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The de-identified row of one state change, to put in the same transaction as the change:
     * {@code T#<tenant>#ROWS#<yyyy-MM> / <instant>#<pseudonym>#<random>}. Values are ids and codes only.
     */
    public static TransactWriteItem row(String table, TenantId tenant, Instant at, String userId, String event, String status,
                                        String level, String district, java.util.Collection<String> categories, String provider) {
        LocalDate day = at.atZone(DAY_ZONE).toLocalDate();
        String pseudonym = pseudonym(tenant, userId);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(rowsPartition(tenant, YearMonth.from(day))));
        item.put(Keys.SK, AttributeValue.fromS(at + "#" + pseudonym + "#" + java.util.UUID.randomUUID().toString().substring(0, 8)));
        item.put("type", AttributeValue.fromS("EXTRACT_ROW"));
        item.put("date", AttributeValue.fromS(day.toString()));
        item.put("pseudonym", AttributeValue.fromS(pseudonym));
        item.put("event", AttributeValue.fromS(event));
        item.put("status", AttributeValue.fromS(status));
        putIf(item, "level", level);
        putIf(item, "district", district);
        putIf(item, "categories", categories == null || categories.isEmpty() ? null : String.join(";", categories));
        putIf(item, "provider", provider);
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static void putIf(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isBlank()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    @Override
    public List<ExtractRow> rows(TenantId tenant, YearMonth month) {
        List<ExtractRow> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(rowsPartition(tenant, month))))
                    .exclusiveStartKey(exclusiveStart));
            for (var item : page.items()) {
                rows.add(new ExtractRow(text(item, "date"), text(item, "pseudonym"), text(item, "event"), text(item, "status"),
                        text(item, "level"), text(item, "district"), text(item, "categories"), text(item, "provider")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    // ------------------------------------------------------------------ gauges: the ledgers' own counters

    @Override
    public List<ProviderSeatsNow> seats(TenantId tenant) {
        List<Map<String, AttributeValue>> providers = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.PROVIDERS)))
                    .exclusiveStartKey(exclusiveStart));
            providers.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        Map<String, Map<String, AttributeValue>> seats = new HashMap<>();
        for (int i = 0; i < providers.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = providers.subList(i, Math.min(providers.size(), i + 100)).stream()
                    .map(p -> Keys.seats(tenant, p.get("providerId").s()).attributes()).toList();
            Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> request =
                    Map.of(table, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(keys).build());
            while (request != null && !request.isEmpty()) {
                var requested = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(requested));
                response.responses().getOrDefault(table, List.of()).forEach(item -> seats.put(text(item, "providerId"), item));
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : null;
            }
        }
        List<ProviderSeatsNow> result = new ArrayList<>();
        for (var p : providers) {
            String id = p.get("providerId").s();
            var s = seats.get(id);
            if (s != null) {
                result.add(new ProviderSeatsNow(id, text(p, "nameKo"), text(p, "nameEn"), number(s, "seats"), number(s, "used"),
                        number(s, "waiting")));
            }
        }
        return result;
    }

    @Override
    public List<DistrictLaptopsNow> laptops(TenantId tenant) {
        List<DistrictLaptopsNow> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.districts(tenant))))
                    .exclusiveStartKey(exclusiveStart));
            for (var i : page.items()) {
                result.add(new DistrictLaptopsNow(text(i, "district"), number(i, "inStock"), number(i, "reserved"), number(i, "loaned"),
                        number(i, "waiting"), number(i, "requested")));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        result.sort(java.util.Comparator.comparing(DistrictLaptopsNow::district));
        return result;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}

package kr.seoullearn.figures.dynamo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import kr.seoullearn.catalog.port.DonatedSeats;
import kr.seoullearn.laptops.port.DistrictStock;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.figures.port.ProgrammeFigures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What the dashboard and the reports read (docs/adr/0015): the day's figures of a month (one
 * Query), the extract rows of a month (paged, handed on page by page), and the gauges, which are the ledgers' own
 * counters, read through their contexts' ports — each provider's seats in the tenant (the
 * catalogue's DonatedSeats) and each district's laptop stock (the laptops' DistrictStock). Nothing grows with the
 * number of learners.
 */
final class DynamoProgrammeFigures implements ProgrammeFigures {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DonatedSeats donated;
    private final DistrictStock laptops;

    DynamoProgrammeFigures(DynamoDbClient dynamo, String table, DonatedSeats donated, DistrictStock laptops) {
        this.dynamo = dynamo;
        this.table = table;
        this.donated = donated;
        this.laptops = laptops;
    }

    /** One Query per calendar month in the range (more only past 1 MB of figures in a month). */
    @Override
    public Map<LocalDate, Map<String, Long>> days(TenantId tenant, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            QueryRequest query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FiguresKeys.month(tenant, month)),
                            ":from", AttributeValue.fromS(from.toString()),
                            ":to", AttributeValue.fromS(FiguresKeys.afterDay(to))))
                    .build();
            Queries.each(dynamo, query, item -> {
                Map<String, Long> figures = days.computeIfAbsent(LocalDate.parse(item.get("day").s()), d -> new TreeMap<>());
                item.forEach((name, value) -> {
                    if (value.n() != null && name.contains(".")) {
                        figures.merge(name, Long.parseLong(value.n()), Long::sum);
                    }
                });
            });
        }
        return days;
    }

    /** One Query page after another (at most {@link #ROWS_PER_PAGE} items each), each row handed on as it is read. */
    @Override
    public void eachRow(TenantId tenant, YearMonth month, Consumer<ExtractRow> each) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FiguresKeys.rows(tenant, month))))
                .limit(ROWS_PER_PAGE)
                .build();
        Queries.each(dynamo, query, item -> each.accept(new ExtractRow(text(item, "date"), text(item, "pseudonym"),
                text(item, "event"), text(item, "status"), text(item, "level"), text(item, "district"),
                text(item, "categories"), text(item, "provider"))));
    }

    /** The providers that donated seats to the tenant, with the counts of their seats item: 1 Query + 1 BatchGetItem. */
    @Override
    public List<ProviderSeatsNow> seats(TenantId tenant) {
        return donated.of(tenant).stream()
                .map(d -> new ProviderSeatsNow(d.provider().id(), d.provider().nameKo(), d.provider().nameEn(),
                        d.seats().seats(), d.seats().used(), d.seats().waiting()))
                .toList();
    }

    @Override
    public List<DistrictLaptopsNow> laptops(TenantId tenant) {
        return laptops.districts(tenant).stream()
                .map(d -> new DistrictLaptopsNow(d.district(), d.inStock(), d.reserved(), d.loaned(), d.waiting(), d.requested()))
                .sorted(Comparator.comparing(DistrictLaptopsNow::district))
                .toList();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}

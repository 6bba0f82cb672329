package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.SchoolYearStep;
import kr.seoullearn.registration.port.SchoolYearRollover;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The rollover's walk (docs/adr/0041). The learners: GSI1 {@code T#<tenant>#DECIDED} (every decided
 * application, by decision time), filtered to APPROVED, {@value #PAGE} evaluated a page — never a
 * Scan. The day's run marker {@code T#<tenant>#ROLLOVER / RUN#<Seoul date>} holds the cursor (the
 * last evaluated key's sort key and partition), the counts, {@code pages} (the cursor's version:
 * a run that finds the marker moved on by another stops) and {@code finishedAt}; a finished run
 * is copied to {@code T#<tenant>#ROLLOVER / LAST}, which the admins' view reads. The marker expires
 * after {@value #KEEP_DAYS} days (TTL).
 */
final class DynamoSchoolYearRollover implements SchoolYearRollover {
    static final int PAGE = 100;
    static final int KEEP_DAYS = 400;
    private static final Log LOG = Log.of(DynamoSchoolYearRollover.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final RolloverSteps steps;
    private final int page;

    DynamoSchoolYearRollover(DynamoDbClient dynamo, String table, NoticeWrites notices, FigureWrites figures, int page) {
        this.dynamo = dynamo;
        this.table = table;
        this.steps = new RolloverSteps(dynamo, table, notices, figures);
        this.page = page;
    }

    static String partition(TenantId tenant) {
        return Keys.tenant(tenant, "ROLLOVER");
    }

    private ItemKey marker(TenantId tenant, LocalDate day) {
        return ItemKey.of(partition(tenant), "RUN#" + day);
    }

    @Override
    public Run run(TenantId tenant, LocalDate today, Instant at, BooleanSupplier timeLeft) {
        Map<String, AttributeValue> marker = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(marker(tenant, today).attributes())).item();
        if (marker.containsKey("finishedAt")) {
            return run(today, marker, List.of());
        }
        Map<String, SchoolYearStep.Terms> terms = terms(tenant);
        long pages = marker.containsKey("pages") ? Long.parseLong(marker.get("pages").n()) : 0;
        Map<String, AttributeValue> start = cursor(tenant, marker);
        List<String> ended = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk")
                    .filterExpression("#status = :approved")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pk", str(RegistrationKeys.decided(tenant)),
                            ":approved", str(RegistrationStatus.APPROVED.name())))
                    .exclusiveStartKey(from)
                    .limit(page));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Map<String, AttributeValue> learner : r.items()) {
                counts.merge("seen", 1, Integer::sum);
                String count;
                try {
                    RolloverSteps.Done done = steps.take(tenant, learner, terms, today, at);
                    count = done.count();
                    if (done.endedUsername() != null) {
                        ended.add(done.endedUsername());
                    }
                } catch (RuntimeException e) {
                    // one learner's trouble is theirs: the next run takes them again
                    count = "failed";
                    LOG.warn("rollover step failed", "tenant", tenant.value(), "failure", e.getClass().getSimpleName());
                }
                counts.merge(count, 1, Integer::sum);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (!advance(tenant, today, pages, start, at, counts)) {
                // another run walked this page first: the steps this one took still count, what it saw does not
                counts.remove("seen");
                counts.remove("unchanged");
                advance(tenant, today, -1, null, at, counts);
                LOG.info("rollover run met another", "tenant", tenant.value());
                break;
            }
            pages++;
        } while (start != null && timeLeft.getAsBoolean());
        Map<String, AttributeValue> now = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(marker(tenant, today).attributes())).item();
        if (now.containsKey("finishedAt")) {
            Map<String, AttributeValue> last = new HashMap<>(now);
            last.putAll(ItemKey.of(partition(tenant), "LAST").attributes());
            last.remove(Keys.TTL);
            dynamo.putItem(p -> p.tableName(table).item(last));
        }
        return run(today, now, ended);
    }

    @Override
    public Optional<Run> lastRun(TenantId tenant) {
        Map<String, AttributeValue> last = dynamo.getItem(g -> g.tableName(table)
                .key(ItemKey.of(partition(tenant), "LAST").attributes())).item();
        return last.isEmpty() ? Optional.empty() : Optional.of(run(LocalDate.parse(last.get("day").s()), last, List.of()));
    }

    /**
     * Adds a page's counts to the day's marker and moves the cursor on from the one read
     * ({@code pages}); false when another run moved it first. {@code pages} -1: only the counts.
     */
    private boolean advance(TenantId tenant, LocalDate day, long pages, Map<String, AttributeValue> next, Instant at,
                            Map<String, Integer> counts) {
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#day", "day", "#type", "type", "#ttl", Keys.TTL));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":day", str(day.toString()), ":type", str("ROLLOVER_RUN"),
                ":ttl", num(at.plusSeconds(KEEP_DAYS * 86_400L).getEpochSecond())));
        for (String c : COUNTS) {
            if (counts.containsKey(c)) {
                adds.add("#" + c + " :" + c);
                names.put("#" + c, c);
                values.put(":" + c, num(counts.get(c)));
            }
        }
        List<String> set = new ArrayList<>(List.of("#day = :day", "#type = :type", "#ttl = if_not_exists(#ttl, :ttl)"));
        String remove = "";
        String condition = null;
        if (pages >= 0) {
            values.put(":read", num(pages));
            values.put(":next", num(pages + 1));
            set.add("pages = :next");
            if (next == null) {
                set.add("finishedAt = :at");
                values.put(":at", str(at.toString()));
                remove = " REMOVE cursorSk, cursorPk";
            } else {
                set.add("cursorSk = :sk");
                set.add("cursorPk = :cpk");
                values.put(":sk", next.get(Keys.GSI1SK));
                values.put(":cpk", next.get(Keys.PK));
            }
            condition = (pages == 0 ? "(attribute_not_exists(pages) OR pages = :read)" : "pages = :read")
                    + " AND attribute_not_exists(finishedAt)";
        }
        String update = "SET " + String.join(", ", set) + (adds.isEmpty() ? "" : " ADD " + String.join(", ", adds)) + remove;
        String conditionExpression = condition;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(marker(tenant, day).attributes())
                    .updateExpression(update)
                    .conditionExpression(conditionExpression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> cursor(TenantId tenant, Map<String, AttributeValue> marker) {
        if (!marker.containsKey("cursorSk")) {
            return null;
        }
        return Map.of(Keys.GSI1PK, str(RegistrationKeys.decided(tenant)), Keys.GSI1SK, marker.get("cursorSk"),
                Keys.PK, marker.get("cursorPk"), Keys.SK, str(Keys.PROFILE));
    }

    /**
     * The tenant's programmes as the rollover needs them: each one's last day is its
     * {@code effectiveUntil}, else the day before the next programme takes effect (a published
     * successor ends it), else none.
     */
    private Map<String, SchoolYearStep.Terms> terms(TenantId tenant) {
        List<EligibilityProgramme> programmes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", str(RegistrationKeys.programmes(tenant))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                if (item.containsKey("definition")) {
                    programmes.add(ProgrammeJson.fromMap(Json.readObject(item.get("definition").s())));
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        programmes.sort(Comparator.comparing(EligibilityProgramme::effectiveFrom));
        Map<String, SchoolYearStep.Terms> terms = new HashMap<>();
        for (int i = 0; i < programmes.size(); i++) {
            EligibilityProgramme p = programmes.get(i);
            LocalDate ends = p.effectiveUntil();
            if (ends == null && i + 1 < programmes.size()) {
                ends = programmes.get(i + 1).effectiveFrom().minusDays(1);
            }
            terms.put(p.id(), new SchoolYearStep.Terms(ends, p.maxAge()));
        }
        return terms;
    }

    private static Run run(LocalDate day, Map<String, AttributeValue> item, List<String> ended) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : COUNTS) {
            counts.put(c, item.containsKey(c) ? Integer.parseInt(item.get(c).n()) : 0);
        }
        return new Run(day, counts, item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null, ended);
    }
}

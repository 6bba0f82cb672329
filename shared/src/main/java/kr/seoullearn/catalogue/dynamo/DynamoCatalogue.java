package kr.seoullearn.catalogue.dynamo;

import kr.seoullearn.platform.dynamo.Keys;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kr.seoullearn.catalogue.port.CatalogueAdmin;
import kr.seoullearn.catalogue.port.Catalogue;
import kr.seoullearn.catalogue.domain.Course;
import kr.seoullearn.catalogue.domain.Provider;
import kr.seoullearn.catalogue.domain.ProviderSeats;
import kr.seoullearn.catalogue.domain.SearchTerms;
import kr.seoullearn.catalogue.domain.Subject;
import kr.seoullearn.catalogue.domain.TitleWords;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The catalogue in the application table (docs/data-model.md, docs/adr/0008): providers, seats
 * per tenant, and every course several times over — in its provider's partition, its level's,
 * its level and grade's, and the partition of each word of its titles (an inverted index whose
 * postings carry what a result shows, so a page is one Query). Reads are Query and BatchGetItem only,
 * never Scan, and a page costs at most {@link #MAX_QUERIES_PER_PAGE} Queries (plus one
 * BatchGetItem of word counts on the first page of a search of several words).
 */
@Singleton
public class DynamoCatalogue implements Catalogue, CatalogueAdmin {
    /** Queries one page may cost at most. */
    public static final int MAX_QUERIES_PER_PAGE = 3;
    /** Items one Query with a filter reads at most (DynamoDB's Limit counts items read, not returned). */
    public static final int FILTERED_READ_PER_QUERY = 100;
    /** Tries of a batch call whose items DynamoDB left unprocessed. */
    static final int BATCH_TRIES = 8;
    static final int BATCH_WRITE_SIZE = 25;
    static final int BATCH_GET_SIZE = 100;
    /** DynamoDB's most items in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    /** The lowest sort key of a posting (levels are upper-case names; counts sort before, under "#"). */
    private static final String FIRST_LEVEL = "A";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCatalogue(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ providers and seats

    @Override
    public List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.PROVIDERS)))
                    .exclusiveStartKey(from));
            r.items().forEach(item -> providers.add(provider(item)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return providers;
    }

    @Override
    public Optional<Map<String, ProviderSeats>> seats(TenantId tenant, List<String> providerIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS), Keys.SK, AttributeValue.fromS(tenant.value())));
        for (String id : providerIds) {
            keys.add(seatsKey(tenant, id));
        }
        boolean tenantFound = false;
        Map<String, ProviderSeats> seats = new TreeMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            String pk = item.get(Keys.PK).s();
            if (pk.equals(Keys.TENANTS)) {
                tenantFound = true;
            } else {
                seats.put(item.get("providerId").s(), new ProviderSeats(tenant, item.get("providerId").s(),
                        number(item, "seats"), number(item, "used")));
            }
        }
        return tenantFound ? Optional.of(seats) : Optional.empty();
    }

    /** Creates or replaces a provider. */
    public void saveProvider(Provider p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.PROVIDERS));
        item.put(Keys.SK, AttributeValue.fromS(p.id()));
        item.put("type", AttributeValue.fromS("PROVIDER"));
        item.put("providerId", AttributeValue.fromS(p.id()));
        item.put("nameKo", AttributeValue.fromS(p.nameKo()));
        item.put("nameEn", AttributeValue.fromS(p.nameEn()));
        item.put("levels", AttributeValue.fromL(p.levels().stream().map(l -> AttributeValue.fromS(l.name())).toList()));
        item.put("accessUrlTemplate", AttributeValue.fromS(p.accessUrlTemplate()));
        item.put("status", AttributeValue.fromS(p.status().name()));
        if (p.graceUntil() != null) {
            item.put("graceUntil", AttributeValue.fromS(p.graceUntil().toString()));
        }
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** Sets the seats a provider donated to a tenant; the count of used seats is kept (0 when new). */
    public void saveSeats(ProviderSeats s) {
        dynamo.updateItem(r -> r.tableName(table).key(seatsKey(s.tenant(), s.providerId()))
                .updateExpression("SET #type = :type, tenant = :tenant, providerId = :provider, seats = :seats, used = if_not_exists(used, :zero)")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(
                        ":type", AttributeValue.fromS("SEATS"),
                        ":tenant", AttributeValue.fromS(s.tenant().value()),
                        ":provider", AttributeValue.fromS(s.providerId()),
                        ":seats", AttributeValue.fromN(Integer.toString(s.seats())),
                        ":zero", AttributeValue.fromN("0"))));
    }

    /** The key of a provider's seats item in a tenant (enrolment takes and frees seats there, with conditions). */
    public static Map<String, AttributeValue> seatsKey(TenantId tenant, String providerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.providerSeats(tenant, providerId)), Keys.SK, AttributeValue.fromS(Keys.SEATS));
    }

    // ------------------------------------------------------------------ browse

    @Override
    public CoursePage browse(BrowseFilter f, String cursor, int limit) {
        Plan plan = browsePlan(f);
        Map<String, AttributeValue> start = cursor == null ? null : plan.start(CatalogueCursor.decode(cursor, plan.fingerprint));
        return run(plan, start, limit, 0, 0);
    }

    /**
     * Chooses the partition to read: the level's (sort key subject, grade, provider), the level and
     * grade's (subject, provider) or the provider's (level, subject, grade) — whichever leaves the
     * fewest filters that are no key prefix, then the narrower partition. The rest become a filter
     * expression. Without a level, a provider's subject or grade is such a filter: the web app sends
     * the level with the provider (the providers route lists their levels).
     */
    static Plan browsePlan(BrowseFilter f) {
        if (f.level() == null && f.providerId() == null) {
            throw new IllegalArgumentException("browse needs a level or a provider");
        }
        String fingerprint = CatalogueCursor.fingerprint("B|" + f.level() + "|" + f.subject() + "|" + f.providerId() + "|" + f.grade());
        Component level = new Component("level", f.level() == null ? null : f.level().name(), AttributeValue::fromS);
        Component subject = new Component("subject", f.subject() == null ? null : f.subject().name(), AttributeValue::fromS);
        Component grade = new Component("grade", f.grade() == null ? null : grade(f.grade()),
                g -> AttributeValue.fromN(Integer.toString(Integer.parseInt(g))));
        Component provider = new Component("providerId", f.providerId(), AttributeValue::fromS);
        List<Plan> candidates = new ArrayList<>();
        if (f.level() != null && f.grade() != null) {
            candidates.add(plan(Keys.levelGradeCourses(f.level(), f.grade()), fingerprint, List.of(subject, provider)));
        }
        if (f.providerId() != null) {
            candidates.add(plan(Keys.providerCourses(f.providerId()), fingerprint, List.of(level, subject, grade)));
        }
        if (f.level() != null) {
            candidates.add(plan(Keys.levelCourses(f.level()), fingerprint, List.of(subject, grade, provider)));
        }
        Plan best = candidates.get(0);
        for (Plan p : candidates) {
            if (p.filter().size() < best.filter().size()) {
                best = p;
            }
        }
        return best;
    }

    /** One part of a listing's sort key, and the attribute that filters on it when it cannot be a prefix. */
    private record Component(String attribute, String value, java.util.function.Function<String, AttributeValue> typed) {}

    /** A plan over a partition whose sort key is made of these components, in order. */
    private static Plan plan(String partition, String fingerprint, List<Component> order) {
        List<String> prefix = new ArrayList<>();
        Filter filter = new Filter();
        boolean inPrefix = true;
        for (Component c : order) {
            if (c.value() == null) {
                inPrefix = false;
            } else if (inPrefix) {
                prefix.add(c.value());
            } else {
                filter.equal(c.attribute(), c.typed().apply(c.value()));
            }
        }
        return new Plan(partition, prefix(prefix), null, filter, fingerprint);
    }

    private static String prefix(List<String> parts) {
        return parts.isEmpty() ? "" : String.join("#", parts) + "#";
    }

    // ------------------------------------------------------------------ search

    @Override
    public CoursePage search(SearchTerms terms, String cursor, int limit) {
        if (terms.words().isEmpty()) {
            // only a level (and grade) was named: that is browsing the level
            return terms.level() == null ? CoursePage.empty(0, 0)
                    : browse(new BrowseFilter(terms.level(), null, null, terms.grade()), cursor, limit);
        }
        String fingerprint = CatalogueCursor.fingerprint("S|" + String.join(" ", new TreeSet<>(terms.words()))
                + "|" + terms.level() + "|" + terms.grade());
        int calls = 0;
        int read = 0;
        String word;
        CatalogueCursor.Position position = null;
        if (cursor != null) {
            position = CatalogueCursor.decode(cursor, fingerprint);
            String partition = position.partition();
            word = terms.words().stream().filter(w -> Keys.word(w).equals(partition)).findFirst()
                    .orElseThrow(CatalogueCursor::invalid);
        } else if (terms.words().size() == 1) {
            word = terms.words().get(0);
        } else {
            // the rarest word drives the Query; the others are checked on the items it reads
            Map<String, Integer> counts = wordCounts(terms.words(), terms.level());
            calls++;
            read += counts.size();
            word = null;
            int fewest = Integer.MAX_VALUE;
            for (String w : terms.words()) {
                int n = counts.getOrDefault(w, 0);
                if (n == 0) {
                    return CoursePage.empty(calls, read);
                }
                if (n < fewest) {
                    fewest = n;
                    word = w;
                }
            }
        }
        Filter filter = new Filter();
        for (String other : terms.words()) {
            if (!other.equals(word)) {
                filter.contains("words", AttributeValue.fromS(other));
            }
        }
        if (terms.grade() != null) {
            filter.equal("grade", AttributeValue.fromN(terms.grade().toString()));
        }
        Plan plan = terms.level() == null
                ? new Plan(Keys.word(word), "", FIRST_LEVEL, filter, fingerprint)
                : new Plan(Keys.word(word), terms.level().name() + "#", null, filter, fingerprint);
        return run(plan, position == null ? null : plan.start(position), limit, calls, read);
    }

    private Map<String, Integer> wordCounts(List<String> words, SchoolLevel level) {
        List<Map<String, AttributeValue>> keys = words.stream()
                .map(w -> Map.of(Keys.PK, AttributeValue.fromS(Keys.word(w)), Keys.SK, AttributeValue.fromS(Keys.WORD_STATS)))
                .toList();
        String attribute = level == null ? "n" : "n_" + level.name();
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            counts.put(item.get(Keys.PK).s().substring(Keys.word("").length()), item.containsKey(attribute) ? number(item, attribute) : 0);
        }
        return counts;
    }

    // ------------------------------------------------------------------ paging

    /** One Query plan: a partition, a key range (prefix or lower bound), a filter, and the fingerprint of its cursors. */
    record Plan(String partition, String prefix, String from, Filter filter, String fingerprint) {
        /** The start key of a cursor, if it lies inside this plan's partition and range. */
        Map<String, AttributeValue> start(CatalogueCursor.Position p) {
            if (!p.partition().equals(partition) || !p.sortKey().startsWith(prefix) || p.sortKey().length() > 1024
                    || (from != null && p.sortKey().compareTo(from) < 0)) {
                throw CatalogueCursor.invalid();
            }
            return p.key();
        }
    }

    private CoursePage run(Plan plan, Map<String, AttributeValue> start, int limit, int calls, int read) {
        List<Course> courses = new ArrayList<>();
        Map<String, AttributeValue> lastTaken = null;
        Map<String, AttributeValue> resume = start;
        boolean overflow = false;
        int queries = 0;
        while (true) {
            int wanted = limit - courses.size();
            QueryResponse r = dynamo.query(request(plan, resume, plan.filter.isEmpty() ? wanted + 1 : FILTERED_READ_PER_QUERY));
            queries++;
            calls++;
            read += r.scannedCount() == null ? r.items().size() : r.scannedCount();
            for (Map<String, AttributeValue> item : r.items()) {
                if (courses.size() == limit) {
                    overflow = true;
                    break;
                }
                courses.add(course(item));
                lastTaken = item;
            }
            resume = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (overflow || resume == null || courses.size() == limit || queries == MAX_QUERIES_PER_PAGE) {
                break;
            }
        }
        Map<String, AttributeValue> next = overflow ? Map.of(Keys.PK, lastTaken.get(Keys.PK), Keys.SK, lastTaken.get(Keys.SK)) : resume;
        return new CoursePage(courses, next == null ? null : CatalogueCursor.encode(plan.fingerprint, next), calls, read);
    }

    private QueryRequest request(Plan plan, Map<String, AttributeValue> start, int limit) {
        Map<String, String> names = new HashMap<>(plan.filter.names);
        Map<String, AttributeValue> values = new HashMap<>(plan.filter.values);
        values.put(":pk", AttributeValue.fromS(plan.partition));
        String condition = "PK = :pk";
        if (!plan.prefix.isEmpty()) {
            condition += " AND begins_with(SK, :prefix)";
            values.put(":prefix", AttributeValue.fromS(plan.prefix));
        } else if (plan.from != null) {
            condition += " AND SK >= :from";
            values.put(":from", AttributeValue.fromS(plan.from));
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .limit(limit)
                .exclusiveStartKey(start);
        if (!plan.filter.isEmpty()) {
            q.filterExpression(plan.filter.expression()).expressionAttributeNames(names);
        }
        return q.build();
    }

    /** A conjunction of conditions on item attributes, with placeholders. */
    static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        void equal(String attribute, AttributeValue value) {
            int i = conditions.size();
            names.put("#f" + i, attribute);
            values.put(":f" + i, value);
            conditions.add("#f" + i + " = :f" + i);
        }

        void contains(String attribute, AttributeValue value) {
            int i = conditions.size();
            names.put("#f" + i, attribute);
            values.put(":f" + i, value);
            conditions.add("contains(#f" + i + ", :f" + i + ")");
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }

        int size() {
            return conditions.size();
        }

        String expression() {
            return String.join(" AND ", conditions);
        }
    }

    // ------------------------------------------------------------------ writing courses

    /**
     * Writes courses with BatchWriteItem (25 items a call, unprocessed items retried): for each,
     * its item in the provider's, the level's and (with a grade) the level and grade's partition,
     * and one posting per title word.
     * Word counts are not touched: see {@link #putWordCounts}.
     */
    public void putCourses(Collection<Course> courses) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Course c : courses) {
            items.addAll(items(c));
            items.add(courseRecord(c));
        }
        batchWrite(items);
    }

    // ------------------------------------------------------------------ the operator's changes

    /** The course by its id: {@code CAT#COURSE / <courseId>}, what its other items are found from when it changes. */
    static Map<String, AttributeValue> courseKey(String courseId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.COURSES), Keys.SK, AttributeValue.fromS(courseId));
    }

    static Map<String, AttributeValue> courseRecord(Course c) {
        Map<String, AttributeValue> item = new HashMap<>(attributes(c));
        item.putAll(courseKey(c.id()));
        item.put("type", AttributeValue.fromS("COURSE_RECORD"));
        return item;
    }

    @Override
    public Optional<Provider> provider(String providerId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.PROVIDERS), Keys.SK, AttributeValue.fromS(providerId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(provider(item));
    }

    @Override
    public Optional<Course> course(String courseId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(courseKey(courseId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(course(item));
    }

    /**
     * One GetItem (the course as it is) + one TransactWriteItems: the old items that are not
     * rewritten are deleted, the new ones put, each word count moved by ±1 per level, and the
     * course record written on condition that nobody changed it since it was read (else 409
     * version-conflict: read again).
     */
    @Override
    public void saveCourse(Course c) {
        Course old = course(c.id()).orElse(null);
        List<TransactWriteItem> writes = new ArrayList<>();
        List<Map<String, AttributeValue>> fresh = items(c);
        Set<Map<String, AttributeValue>> freshKeys = new HashSet<>();
        for (Map<String, AttributeValue> item : fresh) {
            freshKeys.add(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        }
        Map<String, Map<SchoolLevel, Integer>> delta = new HashMap<>();
        wordCounts(List.of(c)).forEach((w, byLevel) -> byLevel.forEach((l, n) -> delta.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(l, n, Integer::sum)));
        if (old != null) {
            for (Map<String, AttributeValue> item : items(old)) {
                Map<String, AttributeValue> key = Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
                if (!freshKeys.contains(key)) {
                    writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
                }
            }
            wordCounts(List.of(old)).forEach((w, byLevel) -> byLevel.forEach((l, n) -> delta.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(l, -n, Integer::sum)));
        }
        addCountChanges(writes, delta);
        Map<String, AttributeValue> record = courseRecord(c);
        writes.add(old == null
                ? TransactWriteItem.builder().put(p -> p.tableName(table).item(record).conditionExpression("attribute_not_exists(PK)")).build()
                : TransactWriteItem.builder().put(p -> p.tableName(table).item(record)
                        .conditionExpression(unchangedCourse(old))
                        .expressionAttributeNames(Map.of("#level", "level", "#grade", "grade", "#subject", "subject"))
                        .expressionAttributeValues(unchangedCourseValues(old))).build());
        transact(writes);
    }

    @Override
    public boolean deleteCourse(String courseId) {
        Course old = course(courseId).orElse(null);
        if (old == null) {
            return false;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Map<String, AttributeValue> item : items(old)) {
            Map<String, AttributeValue> key = Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
        }
        Map<String, Map<SchoolLevel, Integer>> delta = new HashMap<>();
        wordCounts(List.of(old)).forEach((w, byLevel) -> byLevel.forEach((l, n) -> delta.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(l, -n, Integer::sum)));
        addCountChanges(writes, delta);
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(courseKey(courseId))
                .conditionExpression("attribute_exists(PK)")).build());
        transact(writes);
        return true;
    }

    /** The course as it was read: what its items' keys and postings were made from (else they would be left behind). */
    private static String unchangedCourse(Course old) {
        return "titleKo = :ko AND titleEn = :en AND #level = :level AND #subject = :subject AND providerId = :provider AND "
                + (old.grade() == null ? "attribute_not_exists(#grade)" : "#grade = :grade");
    }

    private static Map<String, AttributeValue> unchangedCourseValues(Course old) {
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":ko", AttributeValue.fromS(old.titleKo()),
                ":en", AttributeValue.fromS(old.titleEn()), ":level", AttributeValue.fromS(old.level().name()),
                ":subject", AttributeValue.fromS(old.subject().name()), ":provider", AttributeValue.fromS(old.providerId())));
        if (old.grade() != null) {
            v.put(":grade", AttributeValue.fromN(old.grade().toString()));
        }
        return v;
    }

    private void addCountChanges(List<TransactWriteItem> writes, Map<String, Map<SchoolLevel, Integer>> delta) {
        delta.forEach((word, byLevel) -> {
            int total = byLevel.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, AttributeValue> values = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            List<String> adds = new ArrayList<>();
            byLevel.forEach((level, n) -> {
                if (n != 0) {
                    names.put("#" + level.name(), "n_" + level.name());
                    values.put(":" + level.name(), AttributeValue.fromN(Integer.toString(n)));
                    adds.add("#" + level.name() + " :" + level.name());
                }
            });
            if (adds.isEmpty()) {
                return; // the word stays, at the same level
            }
            if (total != 0) {
                names.put("#n", "n");
                values.put(":n", AttributeValue.fromN(Integer.toString(total)));
                adds.add("#n :n");
            }
            values.put(":type", AttributeValue.fromS("WORD_STATS"));
            names.put("#type", "type");
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.word(word)), Keys.SK, AttributeValue.fromS(Keys.WORD_STATS)))
                    .updateExpression("SET #type = :type ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build());
        });
    }

    private void transact(List<TransactWriteItem> writes) {
        if (writes.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("a course change of " + writes.size() + " items does not fit in one transaction");
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons() != null && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                throw new ProblemException(Problem.VERSION_CONFLICT);
            }
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }

    /** The items of one course: by provider, by level, by level and grade (if it has one), and a posting per index word. */
    public static List<Map<String, AttributeValue>> items(Course c) {
        Set<String> words = TitleWords.indexWords(c.titleKo(), c.titleEn());
        List<Map<String, AttributeValue>> items = new ArrayList<>(2 + words.size());
        Map<String, AttributeValue> attributes = attributes(c);
        String grade = grade(c.grade());
        Map<String, AttributeValue> byProvider = new HashMap<>(attributes);
        byProvider.put(Keys.PK, AttributeValue.fromS(Keys.providerCourses(c.providerId())));
        byProvider.put(Keys.SK, AttributeValue.fromS(c.level().name() + "#" + c.subject().name() + "#" + grade + "#" + c.id()));
        byProvider.put("type", AttributeValue.fromS("COURSE"));
        items.add(byProvider);
        Map<String, AttributeValue> byLevel = new HashMap<>(attributes);
        byLevel.put(Keys.PK, AttributeValue.fromS(Keys.levelCourses(c.level())));
        byLevel.put(Keys.SK, AttributeValue.fromS(c.subject().name() + "#" + grade + "#" + c.providerId() + "#" + c.id()));
        byLevel.put("type", AttributeValue.fromS("COURSE_BY_LEVEL"));
        items.add(byLevel);
        if (c.grade() != null) {
            Map<String, AttributeValue> byGrade = new HashMap<>(attributes);
            byGrade.put(Keys.PK, AttributeValue.fromS(Keys.levelGradeCourses(c.level(), c.grade())));
            byGrade.put(Keys.SK, AttributeValue.fromS(c.subject().name() + "#" + c.providerId() + "#" + c.id()));
            byGrade.put("type", AttributeValue.fromS("COURSE_BY_LEVEL_GRADE"));
            items.add(byGrade);
        }
        AttributeValue wordSet = AttributeValue.fromSs(List.copyOf(words));
        for (String w : words) {
            Map<String, AttributeValue> posting = new HashMap<>(attributes);
            posting.put(Keys.PK, AttributeValue.fromS(Keys.word(w)));
            posting.put(Keys.SK, AttributeValue.fromS(c.level().name() + "#" + c.id()));
            posting.put("type", AttributeValue.fromS("POSTING"));
            posting.put("words", wordSet);
            items.add(posting);
        }
        return items;
    }

    /** How many courses hold each index word, in all and per level. */
    public static Map<String, Map<SchoolLevel, Integer>> wordCounts(Collection<Course> courses) {
        Map<String, Map<SchoolLevel, Integer>> counts = new TreeMap<>();
        for (Course c : courses) {
            for (String w : TitleWords.indexWords(c.titleKo(), c.titleEn())) {
                counts.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(c.level(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Writes the word counts of a catalogue seeded from nothing (replacing what was there). A
     * course added later adds to them: {@code ADD n :1, n_<LEVEL> :1} in the transaction that
     * writes its items.
     */
    public void putWordCounts(Map<String, Map<SchoolLevel, Integer>> counts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        counts.forEach((word, byLevel) -> {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(Keys.PK, AttributeValue.fromS(Keys.word(word)));
            item.put(Keys.SK, AttributeValue.fromS(Keys.WORD_STATS));
            item.put("type", AttributeValue.fromS("WORD_STATS"));
            item.put("n", AttributeValue.fromN(Integer.toString(byLevel.values().stream().mapToInt(Integer::intValue).sum())));
            byLevel.forEach((level, n) -> item.put("n_" + level.name(), AttributeValue.fromN(n.toString())));
            items.add(item);
        });
        batchWrite(items);
    }

    /** BatchWriteItem, 25 puts a call; what DynamoDB leaves unprocessed is sent again with backoff. */
    public void batchWrite(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_SIZE) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH_WRITE_SIZE))) {
                requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> sending = pending;
                BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(sending));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    if (attempt == BATCH_TRIES) {
                        throw new IllegalStateException("BatchWriteItem left items unprocessed " + attempt + " times");
                    }
                    backoff(attempt);
                }
            }
        }
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_SIZE) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_SIZE))).build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> asking = pending;
                var r = dynamo.batchGetItem(b -> b.requestItems(asking));
                found.addAll(r.responses().getOrDefault(table, List.of()));
                pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    if (attempt == 3) {
                        throw software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                                .message("BatchGetItem left keys unprocessed 3 times").build();
                    }
                    backoff(attempt);
                }
            }
        }
        return found;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 20L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ mapping

    private static Map<String, AttributeValue> attributes(Course c) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put("courseId", AttributeValue.fromS(c.id()));
        a.put("providerId", AttributeValue.fromS(c.providerId()));
        a.put("level", AttributeValue.fromS(c.level().name()));
        if (c.grade() != null) {
            a.put("grade", AttributeValue.fromN(c.grade().toString()));
        }
        a.put("subject", AttributeValue.fromS(c.subject().name()));
        a.put("titleKo", AttributeValue.fromS(c.titleKo()));
        a.put("titleEn", AttributeValue.fromS(c.titleEn()));
        if (c.lecturerKo() != null) {
            a.put("lecturerKo", AttributeValue.fromS(c.lecturerKo()));
        }
        if (c.lecturerEn() != null) {
            a.put("lecturerEn", AttributeValue.fromS(c.lecturerEn()));
        }
        a.put("minutes", AttributeValue.fromN(Integer.toString(c.minutes())));
        a.put("lessons", AttributeValue.fromN(Integer.toString(c.lessons())));
        return a;
    }

    static Course course(Map<String, AttributeValue> item) {
        return new Course(item.get("courseId").s(), item.get("providerId").s(), SchoolLevel.valueOf(item.get("level").s()),
                item.containsKey("grade") ? Integer.valueOf(number(item, "grade")) : null, Subject.valueOf(item.get("subject").s()),
                item.get("titleKo").s(), item.get("titleEn").s(), s(item, "lecturerKo"), s(item, "lecturerEn"),
                number(item, "minutes"), number(item, "lessons"));
    }

    static Provider provider(Map<String, AttributeValue> item) {
        return new Provider(item.get("providerId").s(), item.get("nameKo").s(), item.get("nameEn").s(),
                item.get("levels").l().stream().map(v -> SchoolLevel.valueOf(v.s())).toList(),
                item.get("accessUrlTemplate").s(), Provider.Status.valueOf(item.get("status").s()),
                item.containsKey("graceUntil") ? LocalDate.parse(item.get("graceUntil").s()) : null);
    }

    private static String grade(Integer grade) {
        return grade == null ? "00" : String.format("%02d", grade);
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }
}

package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.TitleRank;
import kr.seoullearn.catalog.domain.TitleWords;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.Catalog.BrowseFilter;
import kr.seoullearn.catalog.port.Catalog.CoursePage;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.school.SchoolLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Pages of courses, browsed by listing or searched by title words (docs/adr/0008, 0020). Reads
 * are Query and BatchGetItem only, never Scan, and a page costs at most
 * {@link Catalog#MAX_QUERIES_PER_PAGE} Queries (plus one BatchGetItem of word counts on the
 * first page of a search of several words, and on a later one that goes on among its exact
 * title matches).
 */
final class CoursePages {
    /** Items one Query with a filter reads at most (DynamoDB's Limit counts items read, not returned). */
    static final int FILTERED_READ_PER_QUERY = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchCalls batch;

    CoursePages(DynamoDbClient dynamo, String table, BatchCalls batch) {
        this.dynamo = dynamo;
        this.table = table;
        this.batch = batch;
    }

    CoursePage browse(BrowseFilter f, String cursor, int limit) {
        QueryPlan plan = QueryPlan.browse(f);
        return run(plan, cursor == null ? null : CatalogCursor.decode(cursor, plan.fingerprint()), limit, 0, 0);
    }

    /**
     * A page of a search: first the courses whose title has the key of what was typed (their own
     * partition, {@code CAT#T#<key>}), then the word's postings in the order of
     * {@link SearchRanges}, passing over those exact matches (docs/adr/0020).
     */
    CoursePage search(SearchTerms terms, String typed, Catalog.Preference prefer, String cursor, int limit) {
        if (terms.words().isEmpty()) {
            // only a level (and grade) was named: that is browsing the level
            return terms.level() == null ? CoursePage.empty(0, 0)
                    : browse(new BrowseFilter(terms.level(), null, null, terms.grade()), cursor, limit);
        }
        String title = typed == null ? "" : TitleRank.key(typed);
        String fingerprint = CatalogCursor.fingerprint("S|" + String.join(" ", new TreeSet<>(terms.words()))
                + "|" + terms.level() + "|" + terms.grade() + "|" + (prefer == null ? "" : prefer.level() + "|" + prefer.grade())
                + (title.isEmpty() ? "" : "|T|" + title));
        int calls = 0;
        int read = 0;
        CatalogCursor.Position position = cursor == null ? null : CatalogCursor.decode(cursor, fingerprint);
        String word = null;
        if (position != null) {
            String partition = position.partition();
            word = terms.words().stream().filter(w -> CatalogKeys.word(w).equals(partition)).findFirst().orElse(null);
            if (word == null && (title.isEmpty() || !partition.equals(CatalogKeys.title(title)))) {
                throw CatalogCursor.invalid();
            }
        }
        boolean none = false; // a word is in no title: only exact title matches can be found
        if (word == null && terms.words().size() == 1) {
            word = terms.words().get(0);
        } else if (word == null) {
            // the rarest word drives the Query; the others are checked on the items it reads
            // (on the first page, and on a page that goes on among the exact title matches)
            Map<String, Integer> counts = wordCounts(terms.words(), terms.level());
            calls++;
            read += counts.size();
            int fewest = Integer.MAX_VALUE;
            for (String w : terms.words()) {
                int n = counts.getOrDefault(w, 0);
                if (n < fewest) {
                    fewest = n;
                    word = w;
                }
            }
            if (fewest == 0 && title.isEmpty()) {
                return CoursePage.empty(calls, read); // a word in no title: nothing holds them all
            }
            none = fewest == 0;
        }
        QueryPlan.Filter filter = new QueryPlan.Filter();
        for (String w : terms.words()) {
            if (!w.equals(word)) {
                filter.contains("words", AttributeValue.fromS(w));
            }
        }
        QueryPlan.Filter exactFilter = new QueryPlan.Filter();
        if (terms.grade() != null && terms.level() == null) {
            filter.equal("grade", AttributeValue.fromN(terms.grade().toString()));
            exactFilter.equal("grade", AttributeValue.fromN(terms.grade().toString()));
        }
        List<QueryPlan.Range> ranges = new ArrayList<>();
        if (!title.isEmpty()) {
            // the exact title matches first, of the level and grade asked for, whether or not their words were understood
            ranges.add(SearchRanges.matching(terms).in(CatalogKeys.title(title), exactFilter));
        }
        if (!none) {
            ranges.addAll(SearchRanges.of(terms, prefer));
        }
        QueryPlan plan = QueryPlan.ranked(CatalogKeys.word(word), ranges, filter, fingerprint, title);
        return run(plan, position, limit, calls, read);
    }

    /** Index words beginning with a prefix, the most used first: one Query of the counts beside the prefix's first character. */
    List<Catalog.WordUse> wordsStartingWith(String prefix, SchoolLevel level, int limit) {
        if (prefix.isEmpty() || prefix.length() > TitleWords.MAX_WORD_LENGTH) {
            return List.of();
        }
        QueryResponse r = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CatalogKeys.wordsStartingWith(prefix)),
                        ":prefix", AttributeValue.fromS(prefix)))
                .limit(Catalog.SUGGESTION_READ).build());
        String attribute = level == null ? "n" : "n_" + level.name();
        List<Catalog.WordUse> uses = new ArrayList<>();
        for (Map<String, AttributeValue> item : r.items()) {
            int n = item.containsKey(attribute) ? CatalogItems.number(item, attribute) : 0;
            if (n > 0) {
                uses.add(new Catalog.WordUse(item.get("word").s(), n));
            }
        }
        uses.sort(java.util.Comparator.comparingInt(Catalog.WordUse::courses).reversed().thenComparing(Catalog.WordUse::word));
        return uses.subList(0, Math.min(limit, uses.size()));
    }

    /** How many courses (of the level, if one is given) hold each word: one BatchGetItem of the words' counts. */
    private Map<String, Integer> wordCounts(List<String> words, SchoolLevel level) {
        Map<Map<String, AttributeValue>, String> wordOfKey = new HashMap<>();
        for (String w : words) {
            wordOfKey.put(CatalogKeys.wordStats(w).attributes(), w);
        }
        String attribute = level == null ? "n" : "n_" + level.name();
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, AttributeValue> item : batch.get(List.copyOf(wordOfKey.keySet()))) {
            counts.put(wordOfKey.get(CatalogItems.keyOf(item)), item.containsKey(attribute) ? CatalogItems.number(item, attribute) : 0);
        }
        return counts;
    }

    /** Reads the plan's ranges in order from the position on, until the page is full, the ranges end or the Query budget is spent. */
    private CoursePage run(QueryPlan plan, CatalogCursor.Position position, int limit, int calls, int read) {
        List<Course> courses = new ArrayList<>();
        Map<String, AttributeValue> lastTaken = null;
        int range = position == null ? 0 : position.range();
        Map<String, AttributeValue> resume = position == null ? null : plan.start(position);
        if (resume != null && position.sortKey().equals(plan.ranges().get(range).low())) {
            resume = null; // the start of a range: nothing read in it yet
        }
        boolean overflow = false;
        int queries = 0;
        while (true) {
            int wanted = limit - courses.size();
            QueryPlan.Range reading = plan.ranges().get(range);
            QueryResponse r = dynamo.query(request(plan, reading, resume,
                    plan.filterOf(reading).isEmpty() ? wanted + 1 : FILTERED_READ_PER_QUERY));
            queries++;
            calls++;
            read += r.scannedCount() == null ? r.items().size() : r.scannedCount();
            boolean skipping = reading.isOwn() && !plan.skipTitle().isEmpty();
            for (Map<String, AttributeValue> item : r.items()) {
                if (skipping && TitleRank.isExact(CatalogItems.text(item, "titleKo"), CatalogItems.text(item, "titleEn"), plan.skipTitle())) {
                    continue; // shown among the exact title matches
                }
                if (courses.size() == limit) {
                    overflow = true;
                    break;
                }
                courses.add(CatalogItems.course(item));
                lastTaken = item;
            }
            resume = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (overflow) {
                resume = CatalogItems.keyOf(lastTaken);
                break;
            }
            if (resume == null && range + 1 < plan.ranges().size()) {
                range++; // this range is read to its end: on to the next
                if (courses.size() == limit || queries == Catalog.MAX_QUERIES_PER_PAGE) {
                    return page(courses, CatalogCursor.encode(plan.fingerprint(), rangeStart(plan, range), range), calls, read);
                }
                continue;
            }
            if (resume == null || courses.size() == limit || queries == Catalog.MAX_QUERIES_PER_PAGE) {
                break;
            }
        }
        return page(courses, resume == null ? null : CatalogCursor.encode(plan.fingerprint(), resume, range), calls, read);
    }

    private static CoursePage page(List<Course> courses, String next, int calls, int read) {
        return new CoursePage(courses, next, calls, read);
    }

    /** The key a cursor names for "range r from its start". */
    private static Map<String, AttributeValue> rangeStart(QueryPlan plan, int range) {
        QueryPlan.Range r = plan.ranges().get(range);
        return Map.of(Keys.PK, AttributeValue.fromS(plan.partitionOf(r)), Keys.SK, AttributeValue.fromS(r.low()));
    }

    private QueryRequest request(QueryPlan plan, QueryPlan.Range range, Map<String, AttributeValue> start, int limit) {
        QueryPlan.Filter filter = plan.filterOf(range);
        Map<String, AttributeValue> values = new HashMap<>(filter.values());
        values.put(":pk", AttributeValue.fromS(plan.partitionOf(range)));
        String condition = "PK = :pk";
        if (range.isPrefix()) {
            condition += " AND begins_with(SK, :prefix)";
            values.put(":prefix", AttributeValue.fromS(range.low()));
        } else if (range.low() != null && range.high().equals(QueryPlan.TOP)) {
            condition += " AND SK >= :from";
            values.put(":from", AttributeValue.fromS(range.low()));
        } else if (range.low() != null) {
            condition += " AND SK BETWEEN :low AND :high";
            values.put(":low", AttributeValue.fromS(range.low()));
            values.put(":high", AttributeValue.fromS(range.high()));
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .limit(limit)
                .exclusiveStartKey(start);
        if (!filter.isEmpty()) {
            q.filterExpression(filter.expression()).expressionAttributeNames(new HashMap<>(filter.names()));
        }
        return q.build();
    }
}

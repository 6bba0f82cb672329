package kr.seoullearn.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.local.seed.CatalogGenerator;
import kr.seoullearn.local.seed.CatalogSeeder;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search as families type it, against the generated catalogue of {@value #SIZE} courses on the
 * emulator, through the handler: the query set (src/test/resources/search-query-set.tsv — Korean
 * with and without spaces, shorthand, abbreviations, prefixes, English, Vietnamese, Chinese),
 * where at least 95 % of the queries must have first five results that all have the level,
 * subject and grade meant (the table is written to target/search-query-set.md for
 * docs/performance.md); a learner's level and grade first with stable paging; suggestions.
 */
class SearchQuerySetIT {
    static final int SIZE = 1_000;
    private static TestStack stack;
    private static final CallCounter calls = new CallCounter();
    private static CatalogHandler handler;
    private static Map<String, Course> catalogue;

    @BeforeAll
    static void seed() {
        stack = TestStack.create("search");
        CatalogSeeder seeder = new CatalogSeeder(stack.aws().dynamoDb(), stack.table());
        var launch = seeder.seedProviders();
        seeder.seedCourses(launch.providers(), SIZE, CatalogGenerator.DEFAULT_SEED, line -> { });
        catalogue = new LinkedHashMap<>();
        CatalogGenerator.generate(launch.providers(), SIZE, CatalogGenerator.DEFAULT_SEED).forEach(c -> catalogue.put(c.id(), c));
        // a course whose whole title is two words many titles hold, added as the operator adds one
        CatalogStorage.admin(stack.aws().dynamoDb(), stack.table()).saveCourse(SHORT_TITLE);
        catalogue.put(SHORT_TITLE.id(), SHORT_TITLE);
        handler = new CatalogHandler(new CatalogQueries(CatalogStorage.publicCatalogue(stack.dynamoDb(calls), stack.table())));
    }

    /** Titled just "중학 수학", grade 3, an id after every generated one: last of the middle-school maths courses in the ranked order. */
    static final Course SHORT_TITLE = new Course("cfffffff0", "mbest", SchoolLevel.MIDDLE, 3, kr.seoullearn.catalog.domain.Subject.MATH,
            "중학 수학", "Middle school maths", "김수진", "Kim Su-jin", 540, 18);

    @BeforeEach
    void resetCounter() {
        calls.reset();
    }

    @AfterEach
    void neverAScan() {
        assertThat(calls.count("Scan")).isZero();
    }

    private static Map<String, Object> get(String route, String language, String... kv) {
        APIGatewayV2HTTPEvent event = Events.http("GET " + route, null, null, language);
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            query.put(kv[i], kv[i + 1]);
        }
        event.setQueryStringParameters(query);
        APIGatewayV2HTTPResponse r = handler.handleRequest(event, null);
        assertThat(r.getStatusCode()).as(route + " " + query + ": " + r.getBody()).isEqualTo(200);
        return Json.readObject(r.getBody());
    }

    /** The first {@code n} results of a search (following a short page's next, as the web app does). */
    @SuppressWarnings("unchecked")
    private static List<Course> first(int n, String q, String language, String... more) {
        List<Course> found = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5 && found.size() < n; page++) {
            List<String> kv = new ArrayList<>(List.of("q", q, "limit", Integer.toString(n)));
            kv.addAll(List.of(more));
            if (cursor != null) {
                kv.addAll(List.of("cursor", cursor));
            }
            Map<String, Object> body = get("/api/catalog/search", language, kv.toArray(String[]::new));
            for (Map<String, Object> item : (List<Map<String, Object>>) body.get("items")) {
                if (found.size() < n) {
                    found.add(catalogue.get((String) item.get("courseId")));
                }
            }
            cursor = (String) body.get("next");
            if (cursor == null) {
                break;
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static String firstSuggestion(String typed, String language) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) get("/api/catalog/suggest", language, "q", typed).get("items");
        return items.isEmpty() ? null : (String) items.get(0).get("text");
    }

    private record Meant(String kind, String typed, String level, String subject, String grade) {
        boolean matches(Course c) {
            return (level.equals("-") || c.level().name().equals(level)) && c.subject().name().equals(subject)
                    && (grade.equals("-") || String.valueOf(c.grade()).equals(grade));
        }

        String language() {
            return kind.startsWith("ko") ? "ko" : kind.equals("prefix") ? (typed.matches(".*\\p{IsHangul}.*") ? "ko"
                    : typed.matches(".*\\p{IsHan}.*") ? "zh" : "vi") : kind;
        }
    }

    private static List<Meant> querySet() throws IOException {
        List<Meant> set = new ArrayList<>();
        try (InputStream in = SearchQuerySetIT.class.getResourceAsStream("/search-query-set.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] c = line.split("\t");
                    set.add(new Meant(c[0], c[1], c[2], c[3], c[4]));
                }
            }
        }
        return set;
    }

    @Test
    void atLeast95PercentOfTheQuerySetFindFiveResultsOfTheMeantLevelSubjectAndGrade() throws IOException {
        List<Meant> set = querySet();
        assertThat(set).hasSizeGreaterThanOrEqualTo(40);
        StringBuilder table = new StringBuilder("| kind | typed | searched | meant (level, subject, grade) | first five | pass |\n|---|---|---|---|---|---|\n");
        int passed = 0;
        for (Meant m : set) {
            String searched = m.typed();
            if (m.kind().equals("prefix")) {
                searched = firstSuggestion(m.typed(), m.language());
            }
            List<Course> top = searched == null ? List.of() : first(5, searched, m.language());
            boolean pass = !top.isEmpty() && top.stream().allMatch(m::matches);
            passed += pass ? 1 : 0;
            table.append(String.format("| %s | %s | %s | %s %s %s | %s | %s |%n", m.kind(), m.typed(), searched == null ? "(no suggestion)" : searched,
                    m.level(), m.subject(), m.grade(), String.join(", ", top.stream().map(c -> c.level() + " " + c.subject()
                            + (c.grade() == null ? "" : " " + c.grade())).toList()), pass ? "yes" : "**no**"));
        }
        table.append(String.format("%n%d of %d queries pass (%.1f %%), over %,d generated courses.%n", passed, set.size(), 100.0 * passed / set.size(), SIZE));
        Path out = Path.of("target", "search-query-set.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        assertThat(passed * 100).as(table.toString()).isGreaterThanOrEqualTo(95 * set.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnersLevelAndGradeComeFirstAndPagingNeitherSkipsNorRepeats() {
        List<String> ranked = new ArrayList<>();
        String cursor = null;
        do {
            calls.reset();
            List<String> kv = new ArrayList<>(List.of("q", "수학", "limit", "20", "rankLevel", "MIDDLE", "rankGrade", "2"));
            if (cursor != null) {
                kv.addAll(List.of("cursor", cursor));
            }
            Map<String, Object> body = get("/api/catalog/search", "ko", kv.toArray(String[]::new));
            ((List<Map<String, Object>>) body.get("items")).forEach(i -> ranked.add((String) i.get("courseId")));
            assertThat(calls.count("Query")).isBetween(1, 3);
            assertThat(calls.total()).isEqualTo(calls.count("Query"));
            cursor = (String) body.get("next");
        } while (cursor != null);
        assertThat(ranked).doesNotHaveDuplicates();
        Set<String> all = new HashSet<>();
        catalogue.values().stream().filter(c -> kr.seoullearn.catalog.domain.SearchIndex.words(c).contains("수학")).forEach(c -> all.add(c.id()));
        assertThat(Set.copyOf(ranked)).isEqualTo(all);
        // the learner's grade, then the rest of the level, then the other levels
        List<Integer> rank = ranked.stream().map(catalogue::get).map(c -> c.level() != SchoolLevel.MIDDLE ? 2
                : Integer.valueOf(2).equals(c.grade()) ? 0 : 1).toList();
        assertThat(rank).isSorted();
        assertThat(rank).contains(0, 1, 2);
    }

    /** Every page of a search through the handler, following next to the end. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> pages(String q, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            calls.reset();
            List<String> kv = new ArrayList<>(List.of("q", q, "limit", Integer.toString(limit)));
            if (cursor != null) {
                kv.addAll(List.of("cursor", cursor));
            }
            Map<String, Object> body = get("/api/catalog/search", "ko", kv.toArray(String[]::new));
            pages.add(((List<Map<String, Object>>) body.get("items")).stream().map(i -> (String) i.get("courseId")).toList());
            assertThat(calls.count("Query")).isBetween(1, 3);
            assertThat(calls.count("BatchGetItem")).isLessThanOrEqualTo(1);
            cursor = (String) body.get("next");
            assertThat(pages).hasSizeLessThan(200);
        } while (cursor != null);
        return pages;
    }

    @Test
    void aCourseWhoseTitleWasTypedComesFirstOnPageOneThoughTheRankedOrderHasItPagesLaterAndNeverAgain() {
        // "중학 수학" is the whole title of SHORT_TITLE and a part of every middle-school maths title; the ranked
        // order (level, grade, id) puts SHORT_TITLE, grade 3 with the highest id, last of them
        var terms = kr.seoullearn.catalog.domain.SearchTerms.parse("중학 수학");
        var adapter = CatalogStorage.publicCatalogue(stack.aws().dynamoDb(), stack.table());
        List<String> ranked = new ArrayList<>();
        String cursor = null;
        do {
            var page = adapter.search(terms, null, null, cursor, 50);
            page.items().forEach(x -> ranked.add(x.id()));
            cursor = page.next();
        } while (cursor != null);
        int limit = 10; // the web app's page
        String id = SHORT_TITLE.id();
        assertThat(ranked.indexOf(id)).as("its place in the ranked order").isGreaterThanOrEqualTo(5 * limit);

        for (String typed : List.of("중학 수학", "중학수학", "  Middle School MATHS! ")) {
            List<List<String>> pages = pages(typed, limit);
            assertThat(pages.get(0)).as(typed).first().isEqualTo(id);
            assertThat(pages.subList(1, pages.size())).allSatisfy(p -> assertThat(p).doesNotContain(id));
            List<String> all = pages.stream().flatMap(List::stream).toList();
            // every middle-school maths course once, the rest in the ranked order
            assertThat(all).as(typed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ranked);
            assertThat(all.subList(1, all.size())).containsExactlyElementsOf(ranked.stream().filter(x -> !x.equals(id)).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestionsCostOneQueryAndComeFromTheCatalogueAndTheVocabulary() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) get("/api/catalog/suggest", "ko", "q", "중학 수", "level", "MIDDLE").get("items");
        assertThat(items).isNotEmpty().first().isEqualTo(Map.of("text", "중학 수학"));
        assertThat(calls.count("Query")).isEqualTo(1);
        assertThat(calls.total()).isEqualTo(1);
        calls.reset();
        items = (List<Map<String, Object>>) get("/api/catalog/suggest", "vi", "q", "toá").get("items");
        assertThat(items).extracting(i -> i.get("text")).contains("Toán", "Toán học");
        // a word no title begins with: nothing, after one Query
        calls.reset();
        items = (List<Map<String, Object>>) get("/api/catalog/suggest", "ko", "q", "쀍").get("items");
        assertThat(items).isEmpty();
        assertThat(calls.total()).isEqualTo(1);
    }
}

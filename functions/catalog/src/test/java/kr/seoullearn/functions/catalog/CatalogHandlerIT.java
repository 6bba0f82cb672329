package kr.seoullearn.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import kr.seoullearn.local.seed.CatalogGenerator;
import kr.seoullearn.local.seed.CatalogSeeder;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.SearchIndex;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalogue routes against the template's table on the local AWS endpoint, over a
 * generated catalogue of {@value #SIZE} courses (the benchmark, infra/bench/catalog.sh, runs
 * 20,000: moto's Query reads the whole table, so a bigger one here would only make the suite
 * slower, not the test stronger — calls per page do not depend on the size). Every page is
 * checked against the same catalogue filtered in memory, and its DynamoDB calls are counted.
 */
class CatalogHandlerIT {
    static final int SIZE = 1_000;
    private static TestStack stack;
    private static final CallCounter calls = new CallCounter();
    private static CatalogHandler handler;
    private static List<Course> catalogue;

    @BeforeAll
    static void seed() {
        stack = TestStack.create("catalog");
        CatalogSeeder seeder = new CatalogSeeder(stack.aws().dynamoDb(), stack.table());
        var launch = seeder.seedProviders();
        seeder.seedCourses(launch.providers(), SIZE, CatalogGenerator.DEFAULT_SEED, line -> { });
        catalogue = CatalogGenerator.generate(launch.providers(), SIZE, CatalogGenerator.DEFAULT_SEED);
        stack.aws().dynamoDb().putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                Keys.SK, AttributeValue.fromS("seoul"), "nameKo", AttributeValue.fromS("서울특별시"), "nameEn", AttributeValue.fromS("Seoul"))));
        handler = new CatalogHandler(new CatalogQueries(CatalogStorage.publicCatalogue(stack.dynamoDb(calls), stack.table())));
    }

    @BeforeEach
    void resetCounter() {
        calls.reset();
    }

    @AfterEach
    void neverAScan() {
        assertThat(calls.count("Scan")).isZero();
    }

    private static APIGatewayV2HTTPResponse get(String route, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.http("GET " + route, null, null, "en");
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return handler.handleRequest(event, null);
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Every page of a query, each page's calls checked; the course ids in the order served. A
     * search's first page reads the exact title matches first: one Query more there (within the
     * three a page may cost).
     */
    @SuppressWarnings("unchecked")
    private static List<String> allPages(String route, Map<String, String> query, int limit, int maxQueriesPerPage,
                                         int batchGetsOnFirstPage) {
        boolean search = route.endsWith("/search");
        List<String> ids = new ArrayList<>();
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("limit", Integer.toString(limit));
        for (int page = 0; ; page++) {
            calls.reset();
            APIGatewayV2HTTPResponse r = get(route, q);
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
            Map<String, Object> body = Json.readObject(r.getBody());
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
            assertThat(items).hasSizeLessThanOrEqualTo(limit);
            items.forEach(i -> ids.add((String) i.get("courseId")));
            assertThat(calls.count("Query")).as("queries on page " + page)
                    .isBetween(1, search && page == 0 ? Math.min(maxQueriesPerPage + 1, Catalog.MAX_QUERIES_PER_PAGE) : maxQueriesPerPage);
            assertThat(calls.count("BatchGetItem")).as("batch gets on page " + page).isEqualTo(page == 0 ? batchGetsOnFirstPage : 0);
            assertThat(calls.total()).isEqualTo(calls.count("Query") + calls.count("BatchGetItem"));
            if (body.get("next") == null) {
                return ids;
            }
            q.put("cursor", (String) body.get("next"));
        }
    }

    private static Set<String> expected(Predicate<Course> matches) {
        return catalogue.stream().filter(matches).map(Course::id).collect(Collectors.toSet());
    }

    private static Set<String> words(Course c) {
        return SearchIndex.words(c);
    }

    @Test
    void providersCostOneQueryAndWithATenantOneBatchGetMore() {
        APIGatewayV2HTTPResponse r = get("/api/catalog/providers", params());
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"providerId\":\"mbest\"").contains("\"providerId\":\"eduwill\"").doesNotContain("seatsLeft");
        assertThat(calls.snapshot()).isEqualTo(Map.of("Query", 1));
        calls.reset();
        r = get("/api/catalog/providers", params("tenant", "seoul"));
        assertThat(r.getBody()).contains("\"seatsLeft\":3000").contains("\"seatsLeft\":1500");
        assertThat(calls.snapshot()).isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
    }

    @Test
    void anUnknownTenantIsRefusedAfterTheSameTwoCalls() {
        APIGatewayV2HTTPResponse r = get("/api/catalog/providers", params("tenant", "busan"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("unknown-tenant");
        assertThat(calls.total()).isEqualTo(2);
    }

    @Test
    void browsingALevelSubjectAndGradeIsOneQueryPerPageAndFindsExactlyTheMatchingCourses() {
        List<String> ids = allPages("/api/catalog/courses", params("level", "MIDDLE", "subject", "MATH", "grade", "2"), 20, 1, 0);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.level() == SchoolLevel.MIDDLE
                && c.subject() == kr.seoullearn.catalog.domain.Subject.MATH && Integer.valueOf(2).equals(c.grade())));
    }

    @Test
    void browsingAProviderIsOneQueryPerPage() {
        List<String> ids = allPages("/api/catalog/courses", params("provider", "mbest", "level", "MIDDLE"), 50, 1, 0);
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.providerId().equals("mbest")));
    }

    @Test
    void aLevelAndGradeIsOneQueryPerPage() {
        List<String> ids = allPages("/api/catalog/courses", params("level", "HIGH", "grade", "3"), 50, 1, 0);
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.level() == SchoolLevel.HIGH && Integer.valueOf(3).equals(c.grade())));
    }

    @Test
    void filtersThatAreNoKeyPrefixCostAtMostThreeQueriesPerPage() {
        // a provider without its level: the subject is a filter on the provider's partition
        List<String> ids = allPages("/api/catalog/courses", params("provider", "eduwill", "subject", "ENGLISH"), 20,
                Catalog.MAX_QUERIES_PER_PAGE, 0);
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.providerId().equals("eduwill")
                && c.subject() == kr.seoullearn.catalog.domain.Subject.ENGLISH));
        // level + grade + provider: the provider is a filter on the level and grade's partition
        ids = allPages("/api/catalog/courses", params("level", "MIDDLE", "grade", "1", "provider", "subakssi"), 20,
                Catalog.MAX_QUERIES_PER_PAGE, 0);
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.providerId().equals("subakssi") && Integer.valueOf(1).equals(c.grade())));
    }

    @Test
    void aProviderAskedForALevelItDoesNotServeIsOneEmptyQuery() {
        APIGatewayV2HTTPResponse r = get("/api/catalog/courses", params("level", "HIGH", "provider", "mbest"));
        assertThat(r.getBody()).isEqualTo("{\"items\":[]}");
        assertThat(calls.snapshot()).isEqualTo(Map.of("Query", 1));
    }

    @Test
    void aKoreanWordFindsEveryMiddleSchoolMathsCourseWithOneQueryPerPageAndOneForTheExactTitlesFirst() {
        List<String> ids = allPages("/api/catalog/search", params("q", "중학 수학을"), 50, 1, 0);
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.level() == SchoolLevel.MIDDLE && words(c).contains("수학")));
        assertThat(catalogue.stream().filter(c -> ids.contains(c.id()))).allSatisfy(c -> assertThat(c.titleKo()).contains("수학"));
    }

    @Test
    void anEnglishWordFindsTheEnglishTitles() {
        List<String> ids = allPages("/api/catalog/search", params("q", "Mathematics", "level", "HIGH"), 50, 1, 0);
        assertThat(Set.copyOf(ids)).isEqualTo(expected(c -> c.level() == SchoolLevel.HIGH && c.titleEn().contains("maths")));
    }

    @Test
    void severalWordsCostOneBatchGetOnTheFirstPageAndAtMostThreeQueriesPerPage() {
        List<String> ids = allPages("/api/catalog/search", params("q", "중2 수학 개념 완성"), 20, Catalog.MAX_QUERIES_PER_PAGE, 1);
        assertThat(Set.copyOf(ids)).isNotEmpty().isEqualTo(expected(c -> c.level() == SchoolLevel.MIDDLE && Integer.valueOf(2).equals(c.grade())
                && words(c).containsAll(List.of("수학", "개념", "완성"))));
        ids = allPages("/api/catalog/search", params("q", "past papers english"), 20, Catalog.MAX_QUERIES_PER_PAGE, 1);
        assertThat(Set.copyOf(ids)).isNotEmpty().isEqualTo(expected(c -> words(c).containsAll(List.of("past", "paper", "영어"))));
    }

    @Test
    void aWordNoTitleHasCostsItsCountsAndTheLookUpOfTheExactTitle() {
        APIGatewayV2HTTPResponse r = get("/api/catalog/search", params("q", "수학 양자역학"));
        assertThat(r.getBody()).contains("\"items\":[]").doesNotContain("next");
        assertThat(calls.snapshot()).isEqualTo(Map.of("BatchGetItem", 1, "Query", 1));
        calls.reset();
        r = get("/api/catalog/search", params("q", "양자역학"));
        assertThat(r.getBody()).contains("\"items\":[]");
        assertThat(calls.snapshot()).isEqualTo(Map.of("Query", 2));
    }

    @Test
    void onlyALevelInTheWordsBrowsesTheLevel() {
        APIGatewayV2HTTPResponse r = get("/api/catalog/search", params("q", "중3", "limit", "10"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"query\":{\"words\":[],\"level\":\"MIDDLE\",\"grade\":3}").contains("\"grade\":3");
        assertThat(calls.count("Query")).isBetween(1, Catalog.MAX_QUERIES_PER_PAGE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCursorWorksOnlyForTheQueryThatMadeIt() {
        APIGatewayV2HTTPResponse first = get("/api/catalog/courses", params("level", "MIDDLE", "subject", "MATH", "limit", "5"));
        String next = (String) Json.readObject(first.getBody()).get("next");
        assertThat(next).isNotNull();
        // another filter
        assertRefused(get("/api/catalog/courses", params("level", "MIDDLE", "subject", "ENGLISH", "cursor", next)));
        // another route
        assertRefused(get("/api/catalog/search", params("q", "수학", "cursor", next)));
        // tampered: same query, another partition or a key outside the range
        Map<String, Object> plain = Json.readObject(new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8));
        for (Map<String, Object> forged : List.of(with(plain, "p", "T#seoul#U#someone"), with(plain, "s", "ENGLISH#01#mbest#c1"))) {
            calls.reset();
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(forged).getBytes(StandardCharsets.UTF_8));
            assertRefused(get("/api/catalog/courses", params("level", "MIDDLE", "subject", "MATH", "cursor", cursor)));
            assertThat(calls.total()).isZero();
        }
        // and the genuine one carries on where the first page stopped
        APIGatewayV2HTTPResponse second = get("/api/catalog/courses", params("level", "MIDDLE", "subject", "MATH", "limit", "5", "cursor", next));
        assertThat(second.getStatusCode()).isEqualTo(200);
        List<Object> firstIds = ((List<Map<String, Object>>) Json.readObject(first.getBody()).get("items")).stream().map(i -> i.get("courseId")).toList();
        List<Object> secondIds = ((List<Map<String, Object>>) Json.readObject(second.getBody()).get("items")).stream().map(i -> i.get("courseId")).toList();
        assertThat(secondIds).hasSize(5).doesNotContainAnyElementsOf(firstIds);
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.put(key, value);
        return copy;
    }

    private static void assertRefused(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"cursor\"");
    }

    @Test
    void badInputOnEveryRouteReadsNothing() {
        assertThat(get("/api/catalog/providers", params("tenant", "Not A Tenant")).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/courses", params()).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/courses", params("level", "UNIVERSITY")).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/search", params("q", "")).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/search", params("q", "수학", "limit", "1000")).getStatusCode()).isEqualTo(400);
        assertThat(calls.total()).isZero();
    }
}

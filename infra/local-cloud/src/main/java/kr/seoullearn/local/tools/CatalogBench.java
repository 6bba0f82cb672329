package kr.seoullearn.local.tools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.seed.SeedData;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.platform.school.SchoolLevel;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The catalogue benchmark (infra/bench/catalog.sh runs it against a local cloud it starts):
 * for each browse and search scenario, the first pages (following {@code next}) are read twice —
 * in-process through the {@link Catalog} port ({@link CatalogStorage}) with the SDK calls and items read counted by an
 * execution interceptor, and through the local gateway over HTTP, timed, with {@code GET
 * /api/health} timed alongside as the baseline. Prints Markdown tables.
 *
 * <pre>java -cp local-cloud-all.jar kr.seoullearn.local.tools.CatalogBench --url http://localhost:3950 --size 20000 [--pages 5] [--repeat 5]</pre>
 */
public final class CatalogBench {
    /**
     * A browse or a search (with the text as typed, a level parameter, a learner to rank for) or
     * a suggestion. Searches go through the port the way the function calls it; the port's newer
     * methods are looked up by reflection, so that this class also runs against an older commit's
     * catalogue code (infra/bench/catalogue-compare.sh) and says "—" where that code had no such thing.
     */
    record Scenario(String name, String route, Map<String, String> params, Catalog.BrowseFilter browse, String q,
                            SchoolLevel level, SchoolLevel rankLevel, Integer rankGrade, String suggest) {
        SearchTerms terms() {
            SearchTerms terms = SearchTerms.parse(q);
            return level == null ? terms : new SearchTerms(terms.words(), level, terms.grade());
        }
    }

    /** Items read per call: ScannedCount of a Query, the items a BatchGetItem returned. */
    static final class ItemsRead implements ExecutionInterceptor {
        final AtomicInteger items = new AtomicInteger();

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof QueryResponse q) {
                items.addAndGet(q.scannedCount() == null ? q.count() : q.scannedCount());
            } else if (context.response() instanceof BatchGetItemResponse b) {
                b.responses().values().forEach(l -> items.addAndGet(l.size()));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--url", "http://localhost:3950", "--pages", "5", "--repeat", "5",
                "--size", "0", "--wait", "1800"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--emulator-only")) {
                opts.put(args[i], "");
            } else if (i + 1 < args.length) {
                opts.put(args[i], args[++i]);
            }
        }
        if (opts.containsKey("--emulator-only")) {
            costOnly(Integer.parseInt(opts.get("--size")), Integer.parseInt(opts.get("--pages")));
            return;
        }
        String url = opts.get("--url");
        int pages = Integer.parseInt(opts.get("--pages"));
        int repeat = Integer.parseInt(opts.get("--repeat"));
        Path root = Path.of(System.getProperty("seoul.learn.root", ".")).toAbsolutePath();
        Map<String, Object> state = JsonText.readObject(Files.readString(root.resolve(".local/cloud-" + URI.create(url).getPort() + ".json")));
        @SuppressWarnings("unchecked")
        String table = ((Map<String, String>) state.get("tables")).get("AppTable");
        CallCounter calls = new CallCounter();
        ItemsRead read = new ItemsRead();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create((String) state.get("awsEndpoint")))
                .region(Region.of((String) state.get("region")))
                .credentialsProvider(() -> AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(calls).addExecutionInterceptor(read).build())
                .build()) {
            int courses = waitForCatalogue(dynamo, table, Integer.parseInt(opts.get("--size")), Integer.parseInt(opts.get("--wait")));
            CatalogBenchCalls.printIndexSize(courses);
            calls.reset();
            Catalog catalogue = CatalogStorage.publicCatalogue(dynamo, table);
            HttpClient http = HttpClient.newHttpClient();
            List<Double> health = new ArrayList<>();
            System.out.printf("%n### Catalog of %,d courses: %s, table %s, %d pages per scenario, each timed %d times%n%n",
                    courses, url, table, pages, repeat);
            System.out.println("| scenario | route | pages | DynamoDB calls per page (max) | items read per page (avg / max) | courses per page (avg) | p50 ms | p95 ms | p50 / health p50 |");
            System.out.println("|---|---|---:|---|---:|---:|---:|---:|---:|");
            for (Scenario s : scenarios()) {
                // 1. in-process: calls and items read per page
                List<Map<String, Integer>> callsPerPage = new ArrayList<>();
                List<Integer> readPerPage = new ArrayList<>();
                List<Integer> returned = new ArrayList<>();
                String cursor = null;
                for (int p = 0; p < pages; p++) {
                    calls.reset();
                    read.items.set(0);
                    Catalog.CoursePage page = CatalogBenchCalls.page(catalogue, s, cursor);
                    if (page == null) {
                        break; // not in this version
                    }
                    returned.add(s.suggest != null ? page.calls() : page.items().size());
                    callsPerPage.add(calls.snapshot());
                    readPerPage.add(read.items.get());
                    if (calls.count("Scan") > 0) {
                        throw new IllegalStateException("a Scan in " + s.name);
                    }
                    cursor = page.next();
                    if (cursor == null) {
                        break;
                    }
                }
                // 2. through the gateway: the same pages, timed
                List<Double> times = new ArrayList<>();
                String next = null;
                for (int p = 0; p < callsPerPage.size(); p++) {
                    String query = query(s.params, next);
                    String body = null;
                    for (int r = 0; r < repeat; r++) {
                        health.add(time(http, url + "/api/health").millis);
                        Timed t = time(http, url + s.route + query);
                        times.add(t.millis);
                        body = t.body;
                    }
                    Object n = JsonText.readObject(body).get("next");
                    next = n == null ? null : n.toString();
                    if (next == null) {
                        break;
                    }
                }
                if (callsPerPage.isEmpty()) {
                    System.out.printf("| %s | `%s%s` | — | not in this version | | | | | |%n", s.name, s.route, query(s.params, null));
                    continue;
                }
                double p50 = percentile(times, 50);
                System.out.printf("| %s | `%s%s` | %d | %s | %.0f / %d | %.1f | %.0f | %.0f | %.1f× |%n", s.name, s.route, query(s.params, null),
                        callsPerPage.size(), maxCalls(callsPerPage), readPerPage.stream().mapToInt(Integer::intValue).average().orElse(0),
                        readPerPage.stream().mapToInt(Integer::intValue).max().orElse(0), returned.stream().mapToInt(Integer::intValue).average().orElse(0),
                        p50, percentile(times, 95), p50 / Math.max(0.1, percentile(health, 50)));
            }
            System.out.printf("%nBaseline `GET /api/health` through the same gateway: p50 %.0f ms, p95 %.0f ms (%d samples, interleaved). Scans: %d. "
                    + "Answers other than 200: %d%s%n", percentile(health, 50), percentile(health, 95), health.size(), calls.count("Scan"),
                    ERRORS.size(), ERRORS.isEmpty() ? "." : ":");
            ERRORS.forEach(e -> System.out.println("- " + e));
        }
    }

    private static List<Scenario> scenarios() {
        List<Scenario> list = new ArrayList<>();
        list.add(browse("browse: level", SchoolLevel.MIDDLE, null, null, null));
        list.add(browse("browse: level + subject + grade", SchoolLevel.MIDDLE, Subject.MATH, null, 2));
        list.add(browse("browse: provider + level", SchoolLevel.MIDDLE, null, "mbest", null));
        list.add(browse("browse: level + grade", SchoolLevel.HIGH, null, null, 3));
        list.add(browse("browse: provider + subject (filter)", null, Subject.ENGLISH, "eduwill", null));
        list.add(search("search: one word", "수학", null));
        list.add(search("search: level word + word", "중학 수학", null));
        list.add(search("search: English word", "maths", null));
        list.add(search("search: 중2 + two words", "중2 수학 개념", null));
        list.add(search("search: three English words", "past papers english", null));
        list.add(search("search: two words seldom together", "영어 미분", null));
        list.add(search("search: word in no title", "양자역학", null));
        list.add(search("search: compound 중학수학", "중학수학", null));
        list.add(search("search: shorthand 중2수학", "중2수학", null));
        list.add(search("search: abbreviation 영문법", "영문법", null));
        list.add(search("search: Vietnamese Toán lớp 8", "Toán lớp 8", null));
        list.add(search("search: Chinese 初中数学", "初中数学", null));
        list.add(search("search: English subject word", "english", null));
        Scenario ranked = search("search: 수학, ranked for MIDDLE 2", "수학", null);
        Map<String, String> rankedParams = new LinkedHashMap<>(ranked.params);
        rankedParams.put("rankLevel", "MIDDLE");
        rankedParams.put("rankGrade", "2");
        list.add(new Scenario(ranked.name, ranked.route, rankedParams, null, ranked.q, null, SchoolLevel.MIDDLE, 2, null));
        // exact titles (docs/adr/0020): titles of the generated catalogue whose course the ranked order puts pages later
        // (EXACT_TITLES; each row's note says where, in the version measured)
        for (String title : EXACT_TITLES) {
            list.add(search("search: exact title `" + title + "`", title, null));
        }
        list.add(new Scenario("suggest: 수", "/api/catalog/suggest", Map.of("q", "수"), null, null, null, null, null, "수"));
        list.add(new Scenario("suggest: ma", "/api/catalog/suggest", Map.of("q", "ma"), null, null, null, null, null, "ma"));
        return list;
    }

    /**
     * A whole title of the generated catalogue (DEFAULT_SEED, 20,000 courses) typed as a query,
     * with and without spaces: of the generated titles, the one whose courses the ranked order
     * (level, grade, id) puts latest among the courses holding all its words — the first of its 3
     * exact courses 12th of 18, page 2 of the web app's pages of 10 (the printed index size says where, in the version measured).
     */
    static final List<String> EXACT_TITLES = List.of("중학 수학 3-1 기초 다지기", "중학수학3-1기초다지기");

    /**
     * The cost half of the benchmark without a local cloud (for a machine too loaded to run one
     * beside a 20,000-course seeding): a table of the template's on AWS_ENDPOINT_URL, the
     * catalogue seeded into it, and every scenario's pages in-process, calls and items read counted.
     */
    private static void costOnly(int size, int pages) {
        CallCounter calls = new CallCounter();
        ItemsRead read = new ItemsRead();
        var stack = kr.seoullearn.local.testing.TestStack.create("bench");
        var aws = stack.aws();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(aws.endpoint()).region(Region.of(aws.region()))
                .credentialsProvider(() -> AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(java.time.Duration.ofMinutes(3)).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(calls).addExecutionInterceptor(read).build())
                .build()) {
            var seeder = new kr.seoullearn.local.seed.CatalogSeeder(dynamo, stack.table());
            var written = seeder.seedCourses(seeder.seedProviders().providers(), size, kr.seoullearn.local.seed.CatalogGenerator.DEFAULT_SEED,
                    System.err::println);
            System.out.printf("%n### Catalog of %,d courses on %s (table %s), cost per page, %d pages per scenario%n",
                    size, aws.endpoint(), stack.table(), pages);
            System.out.printf("%nSeeded %,d items in %.0f s.%n", written.items(), written.millis() / 1000.0);
            CatalogBenchCalls.printIndexSize(size);
            Catalog catalogue = CatalogStorage.publicCatalogue(dynamo, stack.table());
            System.out.println();
            System.out.println("| scenario | route | pages | DynamoDB calls per page (max) | items read per page (avg / max) | courses per page (avg) |");
            System.out.println("|---|---|---:|---|---:|---:|");
            for (Scenario s : scenarios()) {
                List<Map<String, Integer>> callsPerPage = new ArrayList<>();
                List<Integer> readPerPage = new ArrayList<>();
                List<Integer> returned = new ArrayList<>();
                String cursor = null;
                for (int p = 0; p < pages; p++) {
                    calls.reset();
                    read.items.set(0);
                    Catalog.CoursePage page = CatalogBenchCalls.page(catalogue, s, cursor);
                    if (page == null) {
                        break; // not in this version
                    }
                    returned.add(s.suggest != null ? page.calls() : page.items().size());
                    callsPerPage.add(calls.snapshot());
                    readPerPage.add(read.items.get());
                    if (calls.count("Scan") > 0) {
                        throw new IllegalStateException("a Scan in " + s.name);
                    }
                    cursor = page.next();
                    if (cursor == null) {
                        break;
                    }
                }
                if (callsPerPage.isEmpty()) {
                    System.out.printf("| %s | `%s%s` | — | not in this version | | |%n", s.name, s.route, query(s.params, null));
                    continue;
                }
                System.out.printf("| %s | `%s%s` | %d | %s | %.0f / %d | %.1f |%n", s.name, s.route, query(s.params, null), callsPerPage.size(),
                        maxCalls(callsPerPage), readPerPage.stream().mapToInt(Integer::intValue).average().orElse(0),
                        readPerPage.stream().mapToInt(Integer::intValue).max().orElse(0),
                        returned.stream().mapToInt(Integer::intValue).average().orElse(0));
            }
            System.out.printf("%nScans: %d.%n", calls.count("Scan"));
        }
    }

    private static Scenario browse(String name, SchoolLevel level, Subject subject, String provider, Integer grade) {
        Map<String, String> p = new LinkedHashMap<>();
        if (level != null) p.put("level", level.name());
        if (subject != null) p.put("subject", subject.name());
        if (provider != null) p.put("provider", provider);
        if (grade != null) p.put("grade", grade.toString());
        return new Scenario(name, "/api/catalog/courses", p, new Catalog.BrowseFilter(level, subject, provider, grade), null, null, null, null, null);
    }

    private static Scenario search(String name, String q, SchoolLevel level) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        if (level != null) {
            p.put("level", level.name());
        }
        return new Scenario(name, "/api/catalog/search", p, null, q, level, null, null, null);
    }

    private static String query(Map<String, String> params, String cursor) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (cursor != null) {
            q.append("&cursor=").append(cursor);
        }
        return q.toString();
    }

    private static String maxCalls(List<Map<String, Integer>> perPage) {
        Map<String, Integer> max = new java.util.TreeMap<>();
        perPage.forEach(m -> m.forEach((k, v) -> max.merge(k, v, Math::max)));
        List<String> parts = new ArrayList<>();
        max.forEach((k, v) -> parts.add(v + " " + k));
        return parts.isEmpty() ? "0" : String.join(" + ", parts);
    }

    private record Timed(double millis, String body) {}

    /** Answers that were not 200 (each is tried again, at most 3 times; the failed try's time is not counted). */
    private static final List<String> ERRORS = new ArrayList<>();

    private static Timed time(HttpClient http, String url) throws Exception {
        for (int attempt = 1; ; attempt++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.statusCode() == 200) {
                return new Timed(ms, r.body());
            }
            ERRORS.add(String.format("%s answered %d after %.0f ms", url, r.statusCode(), ms));
            if (attempt == 3) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Waits until the catalogue's seed marker is there (a large catalogue is written after the gateway opens). */
    private static int waitForCatalogue(DynamoDbClient dynamo, String table, int size, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            var item = dynamo.getItem(r -> r.tableName(table).key(Map.of(Keys.PK, AttributeValue.fromS(SeedData.catalogueMeta()),
                    Keys.SK, AttributeValue.fromS("SEED")))).item();
            if (item != null && !item.isEmpty() && (size == 0 || Integer.parseInt(item.get("size").n()) == size)) {
                return Integer.parseInt(item.get("size").n());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalogue was not seeded within " + seconds + " s");
            }
            Thread.sleep(2000);
        }
    }
}

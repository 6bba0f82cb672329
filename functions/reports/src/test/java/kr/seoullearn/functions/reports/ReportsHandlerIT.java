package kr.seoullearn.functions.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Against the emulator (AWS_ENDPOINT_URL): figures counted by the ledgers' own transactions and
 * read by the reports function; a refused repeat counts nothing; another tenant sees nothing;
 * the CSV is UTF-8 with a BOM and the extract holds no personal data; the dashboard costs the
 * same DynamoDB calls for 10 learners as for 10,000.
 */
class ReportsHandlerIT {
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static TestStack stack;
    static DynamoDbClient dynamo;
    static final CallCounter counter = new CallCounter();
    static ApplicationStore applications;
    static LaptopLedger laptops;
    static ReportsHandler handler;
    static Reports reports;
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    static EligibilityProgramme seoulProgramme;

    @BeforeAll
    static void stack() {
        stack = TestStack.withLocalS3("reports");
        dynamo = stack.aws().dynamoDb();
        applications = RegistrationStorage.applications(dynamo, stack.table());
        laptops = kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(dynamo, stack.table());
        DynamoDbClient counted = stack.dynamoDb(counter);
        reports = new Reports(FiguresStorage.reads(counted, stack.table(),
                CatalogStorage.donatedSeats(counted, stack.table()), kr.seoullearn.laptops.dynamo.LaptopsStorage.districtStock(counted, stack.table())),
                S3Exports.of(stack.bucket("DocumentsBucket"), stack.aws().region(), stack.s3Endpoint(),
                        software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
                        software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                        kr.seoullearn.local.aws.LocalAws.ACCESS_KEY, kr.seoullearn.local.aws.LocalAws.SECRET_KEY))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        handler = new ReportsHandler(reports, new AuditReading(kr.seoullearn.audit.dynamo.AuditStorage.trail(counted, stack.table())));
        seoulProgramme = new EligibilityProgramme(TenantId.SEOUL, "seoul-2026", LocalDate.of(2026, 3, 1), null,
                Map.of("en", "seoul"), List.of(new EligibilityProgramme.Category("LOW_INCOME", true, List.of())), 80, 6, 24,
                Set.of(SchoolLevel.values()), 1, null);
        RegistrationStorage.programmes(dynamo, stack.table()).save(seoulProgramme);
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    /** A draft with a profile (name, birth date, e-mail: personal data that must never reach a report). */
    static Application draft(TenantId tenant, String district) {
        String sub = "sub-" + UUID.randomUUID();
        RegistrationStorage.profiles(dynamo, stack.table()).createIfAbsent(Profile.newDraft(tenant, sub, sub + "@example.org", Language.KO, NOW));
        var d = applications.find(tenant, sub).orElseThrow();
        return applications.saveProfile(new Application(tenant, sub, sub + "@example.org", d.status(), d.version(), "김보고",
                LocalDate.of(2012, 5, 14), SchoolLevel.MIDDLE, 1, district, Language.KO, List.of("LOW_INCOME"),
                null, null, null, null, NOW, null, null), d.version());
    }

    static APIGatewayV2HTTPResponse call(String route, String tenant, Map<String, String> path, Map<String, String> query,
                                         String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, Events.claims("staff-" + tenant, tenant, groups), null, "ko");
        if (path != null) {
            event.setPathParameters(path);
        }
        if (query != null) {
            event.setQueryStringParameters(query);
        }
        return handler.handleRequest(event, null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> headline(String tenant) {
        var r = call("GET /api/admin/dashboard", tenant, null, Map.of("from", "2026-11-01", "to", "2026-11-30"), "reviewers");
        assertThat(r.getStatusCode()).isEqualTo(200);
        return (Map<String, Object>) Json.readObject(r.getBody()).get("headline");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> totals(String tenant) {
        var r = call("GET /api/admin/dashboard", tenant, null, Map.of("from", "2026-11-01", "to", "2026-11-30"), "admins");
        return (Map<String, Object>) Json.readObject(r.getBody()).get("totals");
    }

    static long n(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void givenASubmissionAndADecisionThenTheDashboardCountsThemOnceEvenWhenRepeated() {
        Map<String, Object> before = totals("seoul");
        Application a = draft(TenantId.SEOUL, "nowon-gu");
        Application submitted = applications.submit(a, a.version(), seoulProgramme, List.of(), false, NOW);
        // the same submission again (a retried request at the version it read): refused, nothing counted
        assertThatThrownBy(() -> applications.submit(a, a.version(), seoulProgramme, List.of(), false, NOW))
                .isInstanceOf(ProblemException.class);
        var decision = new Application.Decision("APPROVED", null, "reviewer-1", NOW.plusSeconds(7200));
        applications.decide(submitted, submitted.version(), decision);
        assertThatThrownBy(() -> applications.decide(submitted, submitted.version(), decision)).isInstanceOf(ProblemException.class);

        Map<String, Object> after = totals("seoul");
        assertThat(n(after, "applications.submitted") - n(before, "applications.submitted")).isEqualTo(1);
        assertThat(n(after, "applications.submitted.LOW_INCOME") - n(before, "applications.submitted.LOW_INCOME")).isEqualTo(1);
        assertThat(n(after, "applications.approved") - n(before, "applications.approved")).isEqualTo(1);
        assertThat(n(after, "learners.level.MIDDLE") - n(before, "learners.level.MIDDLE")).isEqualTo(1);
        assertThat(n(after, "learners.district.nowon-gu") - n(before, "learners.district.nowon-gu")).isEqualTo(1);
        assertThat(n(after, "decisions.seconds") - n(before, "decisions.seconds")).isEqualTo(7200);
    }

    @Test
    void givenTwentyParallelDeliveriesOfOneSubmissionThenOneSucceedsAndOneIsCounted() throws Exception {
        Map<String, Object> before = totals("seoul");
        Application a = draft(TenantId.SEOUL, "mapo-gu");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tries.add(pool.submit(() -> {
                    try {
                        applications.submit(a, a.version(), seoulProgramme, List.of(), true, NOW);
                        return true;
                    } catch (ProblemException e) {
                        return false;
                    }
                }));
            }
            long succeeded = 0;
            for (var f : tries) {
                succeeded += f.get() ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> after = totals("seoul");
        assertThat(n(after, "applications.submitted") - n(before, "applications.submitted")).isEqualTo(1);
        assertThat(n(after, "learners.district.mapo-gu") - n(before, "learners.district.mapo-gu")).isEqualTo(1);
    }

    @Test
    void givenALaptopRequestAndItsRetryThenOneIsCountedAndTheDistrictGaugeShowsIt() {
        TenantId tenant = TenantId.SEOUL;
        laptops.openDistrict(tenant, "jung-gu", "Test Book 14", 3, NOW);
        Map<String, Object> before = totals("seoul");
        String learner = "sub-" + UUID.randomUUID();
        var request = new LaptopLedger.NewRequest(tenant, learner, "jung-gu", UUID.randomUUID().toString(), "123456", "key-" + learner, NOW);
        var first = laptops.request(request);
        var retry = laptops.request(new LaptopLedger.NewRequest(tenant, learner, "jung-gu", UUID.randomUUID().toString(), "654321",
                "key-" + learner, NOW));
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.request().requestId()).isEqualTo(first.request().requestId());

        Map<String, Object> after = totals("seoul");
        assertThat(n(after, "laptops.REQUESTED.jung-gu") - n(before, "laptops.REQUESTED.jung-gu")).isEqualTo(1);
        assertThat(n(after, "laptops.APPROVED.jung-gu") - n(before, "laptops.APPROVED.jung-gu")).isEqualTo(1);
        var body = Json.readObject(call("GET /api/admin/dashboard", "seoul", null, null, "admins").getBody());
        @SuppressWarnings("unchecked")
        var jung = ((List<Map<String, Object>>) body.get("laptops")).stream().filter(d -> "jung-gu".equals(d.get("district"))).findFirst()
                .orElseThrow();
        assertThat(n(jung, "reserved")).isEqualTo(1);
        assertThat(n(jung, "inStock")).isEqualTo(2);
    }

    @Test
    void givenAReviewerOfAnotherTenantThenTheyNeverSeeThisTenantsFigures() {
        Application a = draft(TenantId.SEOUL, "gangseo-gu");
        applications.submit(a, a.version(), seoulProgramme, List.of(), true, NOW);
        assertThat(n(totals("seoul"), "learners.district.gangseo-gu")).isPositive();
        assertThat(n(totals("chungbuk"), "learners.district.gangseo-gu")).isZero();
        var refused = call("GET /api/admin/dashboard", "chungbuk", null, Map.of("tenant", "seoul"), "reviewers");
        assertThat(refused.getStatusCode()).isEqualTo(403);
        var csv = call("GET /api/admin/reports/{month}/figures.csv", "chungbuk", Map.of("month", "2026-11"), Map.of("tenant", "seoul"),
                "reviewers");
        assertThat(csv.getStatusCode()).isEqualTo(403);
    }

    @Test
    void givenAMonthThenTheCsvsAreUtf8WithABomKoreanReadsRightAndTheExtractHoldsNoPersonalData() {
        Application a = draft(TenantId.SEOUL, "guro-gu");
        applications.submit(a, a.version(), seoulProgramme, List.of(), true, NOW);

        var figures = call("GET /api/admin/reports/{month}/figures.csv", "seoul", Map.of("month", "2026-11"), null, "admins");
        assertThat(figures.getStatusCode()).isEqualTo(200);
        assertThat(figures.getHeaders()).containsEntry("content-type", "text/csv; charset=utf-8");
        byte[] bytes = figures.getBody().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("날짜,지표,설명,값");
        assertThat(text).contains("2026-11-28,learners.district.guro-gu,새 학습자(자치구) (guro-gu),");

        var extract = call("GET /api/admin/reports/{month}/extract.csv", "seoul", Map.of("month", "2026-11"), null, "reviewers");
        assertThat(extract.getStatusCode()).isEqualTo(200);
        assertThat(extract.getHeaders()).containsEntry("content-type", "application/json");
        Map<String, Object> answer = Json.readObject(extract.getBody());
        assertThat(answer).containsEntry("fileName", "seoul-learn-extract-2026-11.csv").containsKeys("url", "expiresAt", "rows", "bytes");
        // signed with the real clock (S3 checks it), valid for 5 minutes
        assertThat(Instant.parse((String) answer.get("expiresAt"))).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        assertThat((String) answer.get("url")).contains("X-Amz-Expires=300");
        var download = fetch((String) answer.get("url"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("content-disposition")).contains("attachment; filename=\"seoul-learn-extract-2026-11.csv\"");
        String rows = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(download.body().length).isEqualTo(((Number) answer.get("bytes")).intValue());
        assertThat(rows).startsWith("\uFEFF날짜,가명 ID,구분,상태,학교급,자치구,지원 유형,제공기관\r\n");
        assertThat(rows).contains(",APPLICATION,APPROVED,MIDDLE,guro-gu,LOW_INCOME,")
                .contains(kr.seoullearn.figures.domain.Pseudonyms.ofThisProcess().of(TenantId.SEOUL, a.userId()))
                .doesNotContain(a.userId())
                .doesNotContain("김보고").doesNotContain("@").doesNotContain("2012-05-14");
    }

    /**
     * The measurement of docs/performance.md: two tenants, one with 10 learners' records and
     * figures, one with 10,000 (1,000 in the suite), read the same way. The calls must be equal.
     */
    @Test
    void givenTenThousandLearnersThenTheDashboardCostsTheSameCallsAsForTen() {
        // 10,000 for the measurement (-Dreports.bench.learners=10000, ~4 minutes on moto); the suite seeds 1,000
        int many = Integer.getInteger("reports.bench.learners", 1_000);
        Map<String, Integer> small = seedAndRead("bench-small", 10);
        long started = System.nanoTime();
        Map<String, Integer> large = seedAndRead("bench-large", many);
        System.out.printf("dashboard calls: 10 learners %s, %,d learners %s (seeding and reading the large one: %d ms)%n",
                small, many, large, (System.nanoTime() - started) / 1_000_000);
        assertThat(large).isEqualTo(small);
        assertThat(large.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(6);
    }

    private Map<String, Integer> seedAndRead(String tenantName, int learners) {
        TenantId tenant = new TenantId(tenantName);
        // every learner's profile and extract row, as the ledgers would have written them
        FigureWrites writes = FiguresStorage.writes(stack.table());
        TransactionRunner runner = new TransactionRunner(dynamo);
        List<WriteRequest> batch = new ArrayList<>();
        Transaction rows = Transaction.named("seed-rows");
        for (int i = 0; i < learners; i++) {
            String sub = "bench-" + i;
            Map<String, AttributeValue> profile = new HashMap<>();
            profile.put(Keys.PK, AttributeValue.fromS(Keys.user(tenant, sub)));
            profile.put(Keys.SK, AttributeValue.fromS(Keys.PROFILE));
            profile.put("status", AttributeValue.fromS("APPROVED"));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(profile).build()).build());
            writes.row(rows, FigureRow.of(tenant, NOW.minusSeconds(i), sub, "APPLICATION", "APPROVED"));
            if (batch.size() == 25 || i == learners - 1) {
                write(batch);
                batch = new ArrayList<>();
            }
            if (rows.size() == 100 || i == learners - 1) {
                runner.commit(rows);
                rows = Transaction.named("seed-rows");
            }
        }
        // their figures: each day of November, every shard, by level and district
        int shards = 4; // a day's figures are spread over 4 items: write about as many
        for (int day = 1; day <= 30; day++) {
            for (int shard = 0; shard < shards; shard++) {
                long each = Math.max(1, learners / 30 / shards);
                Transaction tx = Transaction.named("seed-figures");
                writes.count(tx, tenant, LocalDate.of(2026, 11, day).atStartOfDay(Figure.DAY_ZONE).toInstant(), new FigureDelta()
                        .add(Figure.APPLICATIONS_SUBMITTED, each).add(Figure.APPLICATIONS_APPROVED, each)
                        .add(Figure.LEARNERS_BY_LEVEL, each, "MIDDLE").add(Figure.LEARNERS_BY_DISTRICT, each, "nowon-gu")
                        .add(Figure.SEATS_ENROLLED, each, "i-scream").add(Figure.LAPTOPS, each, "LOANED", "nowon-gu"));
                runner.commit(tx);
            }
        }
        counter.reset();
        long reading = System.nanoTime();
        var r = call("GET /api/admin/dashboard", tenantName, null, Map.of("from", "2026-11-01", "to", "2026-11-30"), "admins");
        System.out.printf("dashboard of %,d learners read in %d ms%n", learners, (System.nanoTime() - reading) / 1_000_000);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(n(headlineOf(r), "applicationsApproved")).isPositive();
        return counter.snapshot();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headlineOf(APIGatewayV2HTTPResponse r) {
        return (Map<String, Object>) Json.readObject(r.getBody()).get("headline");
    }

    private static void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(stack.table(), batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    static java.net.http.HttpResponse<byte[]> fetch(String url) {
        try {
            return HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue: a month of more than ~55k rows passed Lambda's 6 MB response limit. GIVEN 60,000 rows
     * in a month (seeded with BatchWriteItem), WHEN the extract is asked for, THEN it is written to
     * S3 in parts of at least 5 MiB, the answer is a small JSON with a URL, the CSV behind the URL
     * has every row, and the export never held more than one part and a line.
     */
    @Test
    void givenSixtyThousandRowsInAMonthThenTheExtractGoesThroughS3InPartsWithBoundedMemory() {
        TenantId tenant = new TenantId("export-60k");
        int count = 60_000;
        seedRows(dynamo, stack.table(), tenant, java.time.YearMonth.of(2026, 10), count);
        var caller = kr.seoullearn.platform.identity.Caller.fromClaims(Events.claims("staff-x", tenant.value(), "admins"));
        Reports.Export export = reports.extract(caller, null, "2026-10", Language.EN);
        assertThat(export.rows()).isEqualTo(count);
        assertThat(export.parts()).isGreaterThanOrEqualTo(2);
        // bounded: one part (5 MiB) and a line, whatever the month's size (here about 9 MB)
        assertThat(export.bytes()).isGreaterThan(ExportStorage.MIN_PART_BYTES);
        assertThat(export.mostHeld()).isLessThanOrEqualTo(ExportStorage.MIN_PART_BYTES + 64 * 1024);
        var download = fetch(export.url().url().toString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat((long) download.body().length).isEqualTo(export.bytes());
        String csv = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n", -1)).hasSize(count + 2); // header, rows, and the empty string after the last CRLF
        assertThat(csv).contains(",p-seed-last-row-0000000,").endsWith("i-scream-edu\r\n");
    }

    /** {@code count} extract rows of {@code month}, in the documented shape (docs/data-model.md), 25 to a BatchWriteItem. */
    public static void seedRows(DynamoDbClient client, String table, TenantId tenant, java.time.YearMonth month, int count) {
        String pk = Keys.tenant(tenant, "ROWS", month.toString());
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant at = month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(i * 30L);
            // a real pseudonym's length (p + 20 hex digits), the last one findable
            String pseudonym = i == count - 1 ? "p-seed-last-row-0000000" : kr.seoullearn.figures.domain.Pseudonyms.ofThisProcess().of(tenant, "seed-" + i);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(Keys.PK, AttributeValue.fromS(pk));
            item.put(Keys.SK, AttributeValue.fromS(at + "#" + pseudonym + "#" + String.format("%08x", i)));
            item.put("type", AttributeValue.fromS("EXTRACT_ROW"));
            item.put("date", AttributeValue.fromS(at.toString().substring(0, 10)));
            item.put("pseudonym", AttributeValue.fromS(pseudonym));
            item.put("event", AttributeValue.fromS("ENROLMENT"));
            item.put("status", AttributeValue.fromS("ENROLLED"));
            item.put("level", AttributeValue.fromS("MIDDLE"));
            item.put("district", AttributeValue.fromS("dongdaemun-gu"));
            item.put("categories", AttributeValue.fromS("LOW_INCOME;MULTICULTURAL"));
            item.put("provider", AttributeValue.fromS("i-scream-edu"));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                writeAll(client, table, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            writeAll(client, table, batch);
        }
    }

    private static void writeAll(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = client.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}

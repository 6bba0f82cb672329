package kr.seoullearn.figures.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.domain.Pseudonyms;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The figures' adapters against the template's table on the emulator: what a transaction
 * counts is read back per Seoul day, summed over the shards; a transaction that is refused
 * counts nothing; many transactions at once all count; the extract rows hold pseudonyms.
 */
class FiguresStorageIT {
    private static final Pseudonyms PSEUDONYMS = new Pseudonyms(() -> "a-test-key-of-32-bytes-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static FigureWrites writes;
    private static ProgrammeFigures figures;
    private static TransactionRunner runner;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("figures-storage");
        dynamo = stack.aws().dynamoDb();
        writes = FiguresStorage.writes(stack.table(), PSEUDONYMS);
        figures = FiguresStorage.reads(dynamo, stack.table(), CatalogStorage.donatedSeats(dynamo, stack.table()), tenant -> List.of()); // no districts: the laptops' own adapter is that context's to test
        runner = new TransactionRunner(dynamo);
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void count(TenantId tenant, Instant at, FigureDelta delta) {
        Transaction tx = Transaction.named("test-count");
        writes.count(tx, tenant, at, delta);
        runner.commit(tx);
    }

    @Test
    void countsAreReadBackPerSeoulDay() {
        TenantId tenant = new TenantId("fig-days");
        // 23:30 UTC on the 2nd is 08:30 on the 3rd in Seoul
        count(tenant, Instant.parse("2026-11-02T23:30:00Z"), FigureDelta.of(Figure.SEATS_ENROLLED, 1, "mbest"));
        count(tenant, Instant.parse("2026-11-03T01:00:00Z"), FigureDelta.of(Figure.SEATS_ENROLLED, 2, "mbest")
                .add(Figure.LAPTOPS, 1, "LOANED", "nowon-gu"));
        count(tenant, Instant.parse("2026-12-01T01:00:00Z"), FigureDelta.of(Figure.MENTORING_HELD, 1));
        var days = figures.days(tenant, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
        assertThat(days).containsOnlyKeys(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 1));
        assertThat(days.get(LocalDate.of(2026, 11, 3))).containsEntry(Figure.SEATS_ENROLLED.dotted("mbest"), 3L)
                .containsEntry(Figure.LAPTOPS.dotted("LOANED", "nowon-gu"), 1L);
        assertThat(figures.days(tenant, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 30))).isEmpty();
        assertThat(figures.days(new TenantId("fig-other"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void aRefusedTransactionCountsNothing() {
        TenantId tenant = new TenantId("fig-refused");
        Transaction tx = Transaction.named("test-refused");
        tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().conditionCheck(c -> c.tableName(stack.table())
                .key(kr.seoullearn.platform.dynamo.ItemKey.of("T#fig-refused#NOTHING", "HERE").attributes())
                .conditionExpression("attribute_exists(PK)")).build(), kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
        writes.count(tx, tenant, Instant.parse("2026-11-03T01:00:00Z"), FigureDelta.of(Figure.MENTORING_BOOKED, 1));
        assertThatThrownBy(() -> runner.commit(tx)).isInstanceOf(ProblemException.class);
        assertThat(figures.days(tenant, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).isEmpty();
    }

    @Test
    void manyTransactionsAtOnceAllCount() throws Exception {
        TenantId tenant = new TenantId("fig-burst");
        int n = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(pool.submit(() -> {
                start.await();
                count(tenant, Instant.parse("2026-11-03T01:00:00Z"), FigureDelta.of(Figure.MENTORING_BOOKED, 1));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(figures.days(tenant, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3)).get(LocalDate.of(2026, 11, 3)))
                .containsEntry(Figure.MENTORING_BOOKED.dotted(), (long) n);
    }

    @Test
    void extractRowsHoldPseudonymsNeverAccountIds() {
        TenantId tenant = new TenantId("fig-rows");
        Transaction tx = Transaction.named("test-row");
        writes.row(tx, FigureRow.of(tenant, Instant.parse("2026-11-03T01:00:00Z"), "sub-123", "ENROLMENT", "ENROLLED").provider("mbest"));
        runner.commit(tx);
        var rows = new java.util.ArrayList<ProgrammeFigures.ExtractRow>();
        figures.eachRow(tenant, YearMonth.of(2026, 11), rows::add);
        assertThat(rows).containsExactly(new ProgrammeFigures.ExtractRow("2026-11-03", PSEUDONYMS.of(tenant, "sub-123"),
                "ENROLMENT", "ENROLLED", null, null, null, "mbest"));
        assertThat(rows.get(0).pseudonym()).doesNotContain("sub-123");
    }

    @Test
    void theDeploymentsPseudonymsAreKeyedWithTheSecretNamedByPseudonymKeySecret() {
        // the template's generated secret, as the local cloud provisions it
        String name = "pseudonym-key-" + java.util.UUID.randomUUID();
        String value = "generated-secret-value-" + java.util.UUID.randomUUID();
        String arn = stack.aws().secretsManager().createSecret(r -> r.name(name).secretString(value)).arn();
        var env = new kr.seoullearn.platform.aws.FunctionEnvironment(Map.of("AWS_ENDPOINT_URL", stack.aws().endpoint().toString(),
                "AWS_REGION", stack.aws().region(), "PSEUDONYM_KEY_SECRET", arn));
        Pseudonyms deployed = new FiguresStorage().pseudonyms(env);
        TenantId tenant = new TenantId("fig-keyed");

        String p = deployed.of(tenant, "sub-123");

        assertThat(p).isEqualTo(new Pseudonyms(() -> value.getBytes(java.nio.charset.StandardCharsets.UTF_8)).of(tenant, "sub-123"))
                .isEqualTo(deployed.of(tenant, "sub-123"))
                .isNotEqualTo(PSEUDONYMS.of(tenant, "sub-123"));
        // a function without the variable never needs it until it writes a row
        Pseudonyms unset = new FiguresStorage().pseudonyms(new kr.seoullearn.platform.aws.FunctionEnvironment(Map.of()));
        assertThatThrownBy(() -> unset.of(tenant, "sub-123")).hasMessageContaining("PSEUDONYM_KEY_SECRET");
    }

    @Test
    void theSeatGaugesAreTheSeatsItemsOfTheCataloguesProviders() {
        var seeding = CatalogStorage.seeding(dynamo, stack.table());
        seeding.saveProvider(new Provider("gauge-p", "게이지", "Gauge", List.of(SchoolLevel.HIGH),
                "https://gauge.example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        TenantId tenant = new TenantId("fig-seats");
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of("PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("TENANT"),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(tenant.value()))));
        seeding.saveSeats(new ProviderSeats(tenant, "gauge-p", 7, 0));
        assertThat(figures.seats(tenant)).containsExactly(new ProgrammeFigures.ProviderSeatsNow("gauge-p", "게이지", "Gauge", 7, 0, 0));
        assertThat(figures.laptops(tenant)).isEmpty();
    }
}

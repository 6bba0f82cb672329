package kr.seoullearn.functions.laptops;

import static kr.seoullearn.functions.laptops.LaptopFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The laptop invariants under parallel requests, through the handler from many threads at once
 * against the emulator (which, like DynamoDB, makes each transaction atomic: infra/moto_server.py).
 */
class LaptopConcurrencyIT {
    private static final int THREADS = 30;
    private static LaptopFixture f;

    @BeforeAll
    static void provision() {
        f = new LaptopFixture("laptop-burst");
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    private record Outcome(String learner, int status, String code, String requestId, int position) {}

    private static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome outcome(String learner, APIGatewayV2HTTPResponse r) {
        Map<String, Object> body = json(r);
        return new Outcome(learner, r.getStatusCode(), (String) body.get("code"), (String) body.get("requestId"),
                body.get("position") instanceof Number n ? n.intValue() : 0);
    }

    /** Samples the district's counts while the burst runs: none may ever be seen below zero. */
    private static final class NegativeWatch implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread;

        NegativeWatch(String tenant, String district) {
            thread = new Thread(() -> {
                while (running.get()) {
                    Map<String, AttributeValue> item = f.stockItem(tenant, district);
                    for (String counter : List.of("inStock", "reserved", "loaned", "waiting")) {
                        lowest.accumulateAndGet(f.number(item, counter), Math::min);
                    }
                    samples.incrementAndGet();
                }
            });
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    @Test
    void fiveUnitsAndThirtyParallelRequestsGiveFiveApprovalsAndAQueueOfTwentyFiveInArrivalOrder() throws Exception {
        // GIVEN a district with 5 laptops and 30 approved learners living there
        f.district("seoul", "burst-gu", 5);
        List<String> learners = IntStream.range(0, 30).mapToObj(i -> f.learner("seoul", "burst-gu")).toList();

        // WHEN all of them ask at once
        List<Outcome> outcomes;
        NegativeWatch watch = new NegativeWatch("seoul", "burst-gu");
        try (watch) {
            outcomes = inParallel(learners.stream()
                    .<Callable<Outcome>>map(l -> () -> outcome(l, f.request(l, "seoul"))).toList());
        }

        // THEN 5 are approved and 25 queued, with positions 1..25 following the queue tickets
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o.status() == 202).hasSize(25);
        Map<String, AttributeValue> stock = f.stockItem("seoul", "burst-gu");
        assertThat(f.number(stock, "inStock")).isZero();
        assertThat(f.number(stock, "reserved")).isEqualTo(5);
        assertThat(f.number(stock, "waiting")).isEqualTo(25);
        assertThat(f.number(stock, "requested")).isEqualTo(30);
        assertThat(watch.samples.get()).as("the counts were sampled during the burst").isPositive();
        assertThat(watch.lowest.get()).as("lowest count seen in %d samples", watch.samples.get()).isGreaterThanOrEqualTo(0);

        TenantId seoul = new TenantId("seoul");
        List<LaptopRequest> queued = outcomes.stream().filter(o -> o.status() == 202)
                .map(o -> f.ledger.find(seoul, o.requestId()).orElseThrow())
                .sorted(Comparator.comparingLong(LaptopRequest::ticket)).toList();
        assertThat(queued).extracting(LaptopRequest::status).containsOnly(LaptopStatus.REQUESTED);
        assertThat(queued).extracting(LaptopRequest::ticket).doesNotHaveDuplicates();
        // positions as the queue reports them now: 1..25 in ticket (arrival) order
        List<Integer> positions = queued.stream().map(r -> f.ledger.position(seoul, "burst-gu", r.ticket())).toList();
        assertThat(positions).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(f.queueItems("seoul", "burst-gu")).hasSize(25);

        // WHEN 3 units arrive
        String officer = f.officer("seoul", "burst-gu");
        var received = f.stockChange(officer, "seoul", "burst-gu", "RECEIVED", 3, "district-officers");

        // THEN the first three in the queue are approved, automatically and in order
        assertThat(received.getStatusCode()).as(received.getBody()).isEqualTo(200);
        assertThat(json(received)).containsEntry("approved", 3);
        for (int i = 0; i < queued.size(); i++) {
            LaptopStatus now = f.ledger.find(seoul, queued.get(i).requestId()).orElseThrow().status();
            assertThat(now).as("queue position " + (i + 1)).isEqualTo(i < 3 ? LaptopStatus.APPROVED : LaptopStatus.REQUESTED);
        }
        stock = f.stockItem("seoul", "burst-gu");
        assertThat(f.number(stock, "inStock")).isZero();
        assertThat(f.number(stock, "reserved")).isEqualTo(8);
        assertThat(f.number(stock, "waiting")).isEqualTo(22);
        assertThat(f.ledger.position(seoul, "burst-gu", queued.get(3).ticket())).as("the fourth is next now").isEqualTo(1);
    }

    @Test
    void oneLearnersParallelRequestsGiveOneRequestAndClearRefusals() throws Exception {
        f.district("seoul", "twice-gu", 10);
        String learner = f.learner("seoul", "twice-gu");

        List<Outcome> outcomes = inParallel(IntStream.range(0, 12)
                .<Callable<Outcome>>mapToObj(i -> () -> outcome(learner, f.request(learner, "seoul"))).toList());

        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.status() != 201)
                .allSatisfy(o -> assertThat(o).extracting(Outcome::status, Outcome::code).containsExactly(409, "laptop-request-active"));
        Map<String, AttributeValue> stock = f.stockItem("seoul", "twice-gu");
        assertThat(f.number(stock, "inStock")).isEqualTo(9);
        assertThat(f.number(stock, "reserved")).isEqualTo(1);
        assertThat(f.number(stock, "requested")).isEqualTo(1);
    }

    @Test
    void writeOffsRacingRequestsNeverTakeStockBelowZero() throws Exception {
        // GIVEN 6 units, 10 learners asking and an officer writing off 2 units, 4 times, all at once
        f.district("seoul", "race-gu", 6);
        String officer = f.officer("seoul", "race-gu");
        List<String> learners = IntStream.range(0, 10).mapToObj(i -> f.learner("seoul", "race-gu")).toList();
        List<Callable<Integer>> calls = new ArrayList<>();
        learners.forEach(l -> calls.add(() -> f.request(l, "seoul").getStatusCode()));
        IntStream.range(0, 4).forEach(i -> calls.add(() -> f.stockChange(officer, "seoul", "race-gu", "WRITTEN_OFF", 2,
                "district-officers").getStatusCode()));

        List<Integer> statuses;
        NegativeWatch watch = new NegativeWatch("seoul", "race-gu");
        try (watch) {
            statuses = inParallel(calls);
        }

        // THEN every unit went exactly one way and no count went below zero
        long approvals = statuses.subList(0, 10).stream().filter(s -> s == 201).count();
        long queued = statuses.subList(0, 10).stream().filter(s -> s == 202).count();
        long writtenOff = 2 * statuses.subList(10, 14).stream().filter(s -> s == 200).count();
        assertThat(statuses.subList(10, 14)).allSatisfy(s -> assertThat(s).isIn(200, 409));
        assertThat(approvals + queued).isEqualTo(10);
        assertThat(approvals + writtenOff).isLessThanOrEqualTo(6);
        Map<String, AttributeValue> stock = f.stockItem("seoul", "race-gu");
        assertThat(f.number(stock, "inStock")).isEqualTo(6 - approvals - writtenOff).isGreaterThanOrEqualTo(0);
        assertThat(f.number(stock, "reserved")).isEqualTo(approvals);
        assertThat(f.number(stock, "waiting")).isEqualTo(queued);
        assertThat(watch.lowest.get()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void cancellationsRacingReturnsHandEveryFreedUnitToTheQueueInOrder() throws Exception {
        // GIVEN 4 units taken by 4 learners and 6 more waiting
        f.district("seoul", "churn-gu", 4);
        List<String> learners = IntStream.range(0, 10).mapToObj(i -> f.learner("seoul", "churn-gu")).toList();
        List<Outcome> first = new ArrayList<>();
        for (String l : learners) {
            first.add(outcome(l, f.request(l, "seoul")));
        }
        assertThat(first.subList(0, 4)).extracting(Outcome::status).containsOnly(201);
        assertThat(first.subList(4, 10)).extracting(Outcome::position).containsExactly(1, 2, 3, 4, 5, 6);

        // WHEN the 4 holders cancel and 2 queued learners cancel, all at once
        List<Callable<Integer>> calls = new ArrayList<>();
        for (Outcome o : first.subList(0, 4)) {
            calls.add(() -> f.status(o.learner(), "seoul", o.requestId(), "CANCELLED", 1, null, "learners").getStatusCode());
        }
        for (Outcome o : List.of(first.get(4), first.get(7))) {
            calls.add(() -> {
                var r = f.status(o.learner(), "seoul", o.requestId(), "CANCELLED", 1, null, "learners");
                return r.getStatusCode() == 409 ? -409 : r.getStatusCode(); // approved meanwhile: version moved on
            });
        }
        List<Integer> statuses = inParallel(calls);

        // THEN the freed units went to the queue in ticket order and every count adds up
        assertThat(statuses.subList(0, 4)).containsOnly(200);
        TenantId seoul = new TenantId("seoul");
        List<LaptopStatus> queueNow = first.subList(4, 10).stream()
                .map(o -> f.ledger.find(seoul, o.requestId()).orElseThrow().status()).toList();
        long approved = queueNow.stream().filter(s -> s == LaptopStatus.APPROVED).count();
        long cancelled = queueNow.stream().filter(s -> s == LaptopStatus.CANCELLED).count();
        assertThat(approved + cancelled).isLessThanOrEqualTo(6);
        Map<String, AttributeValue> stock = f.stockItem("seoul", "churn-gu");
        assertThat(f.number(stock, "reserved")).isEqualTo(approved);
        assertThat(f.number(stock, "inStock")).isEqualTo(4 - approved);
        assertThat(f.number(stock, "waiting")).isEqualTo(6 - approved - cancelled);
        assertThat(approved).as("4 units freed, and enough waiting to take them").isEqualTo(4);
        // nobody still waiting was passed by someone behind them
        int lastApproved = -1;
        int firstWaiting = Integer.MAX_VALUE;
        for (int i = 0; i < queueNow.size(); i++) {
            if (queueNow.get(i) == LaptopStatus.APPROVED) {
                lastApproved = i;
            } else if (queueNow.get(i) == LaptopStatus.REQUESTED) {
                firstWaiting = Math.min(firstWaiting, i);
            }
        }
        assertThat(lastApproved).isLessThan(firstWaiting);
        assertThat(f.queueItems("seoul", "churn-gu")).hasSize((int) (6 - approved - cancelled));
    }
}

package kr.seoullearn.functions.enrolment;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The invariants under parallel requests, through the handler from many threads at once
 * against the emulator (which, like DynamoDB, makes each transaction atomic: infra/moto_server.py).
 */
class EnrolmentConcurrencyIT {
    private static final int THREADS = 32;
    private static EnrolmentFixture f;

    @BeforeAll
    static void provision() {
        f = new EnrolmentFixture("enrolment-burst");
        f.provider("mbest", SchoolLevel.MIDDLE);
        for (String p : List.of("mid-a", "mid-b", "mid-c", "mid-d")) {
            f.provider(p, SchoolLevel.MIDDLE);
        }
        f.programme("burst", 1);
        f.programme("picks", 2);
        f.programme("raise", 1);
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    /** A request's outcome: who, the status, and the position told (0 for none). */
    private record Outcome(String learner, int status, String code, int position) {}

    private static List<Outcome> inParallel(List<Callable<Outcome>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<Outcome> r : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return r.call();
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome outcome(String learner, APIGatewayV2HTTPResponse r) {
        Map<String, Object> body = json(r);
        return new Outcome(learner, r.getStatusCode(), (String) body.get("code"),
                body.get("position") instanceof Number n ? n.intValue() : 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> waitlistEntry(String learner, String tenant) {
        List<Map<String, Object>> waitlist = (List<Map<String, Object>>) f.mine(learner, tenant).get("waitlist");
        return waitlist.isEmpty() ? null : waitlist.get(0);
    }

    @SuppressWarnings("unchecked")
    private static boolean enrolled(String learner, String tenant, String providerId) {
        List<Map<String, Object>> enrolments = (List<Map<String, Object>>) f.mine(learner, tenant).get("enrolments");
        return enrolments.stream().anyMatch(e -> providerId.equals(e.get("providerId")) && e.get("accessUrl") != null);
    }

    @Test
    void fiftyParallelEnrolmentsForTheLastTenSeatsGiveTenSeatsAndAWaitlistOneToFortyThatPromotesNumberOne() throws Exception {
        // GIVEN Mbest's last 10 seats in the tenant and 50 approved middle-school learners
        f.seatsTaken("burst", "mbest", 3000, 2990);
        List<String> learners = IntStream.range(0, 50).mapToObj(i -> f.learner("burst", SchoolLevel.MIDDLE)).toList();
        f.counter.reset();

        // WHEN all 50 ask at once, from 32 threads
        long started = System.nanoTime();
        java.util.concurrent.ConcurrentLinkedQueue<Long> durations = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Outcome> outcomes = inParallel(learners.stream()
                .map(l -> (Callable<Outcome>) () -> {
                    long t0 = System.nanoTime();
                    Outcome o = outcome(l, f.enrol(l, "burst", "mbest"));
                    durations.add((System.nanoTime() - t0) / 1_000_000);
                    return o;
                }).toList());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[burst] 50 parallel enrolments for 10 seats: " + millis + " ms (slowest request "
                + durations.stream().mapToLong(Long::longValue).max().orElse(0) + " ms), DynamoDB calls " + f.counter.snapshot());

        // THEN exactly 10 seats are taken and 40 learners wait
        assertThat(outcomes).extracting(Outcome::status).as(outcomes.toString()).containsOnly(201, 202);
        assertThat(outcomes.stream().filter(o -> o.status() == 201)).hasSize(10);
        assertThat(outcomes.stream().filter(o -> o.status() == 202)).hasSize(40);
        var seats = f.seatsItem("burst", "mbest");
        assertThat(f.number(seats, "used")).isEqualTo(3000);
        assertThat(f.number(seats, "seats")).isEqualTo(3000);
        assertThat(f.number(seats, "waiting")).isEqualTo(40);
        assertThat(f.number(seats, "lastTicket")).as("one ticket per learner who found no seat").isEqualTo(40);
        assertThat(f.counter.count("Scan")).isZero();
        // AND the waitlist is numbered 1..40 in arrival order (the order the ticket counter served them),
        // each learner's position is their number, and nobody was told a place behind it
        List<Map<String, AttributeValue>> stored = f.waitlist("burst", "mbest");
        assertThat(stored).extracting(i -> Integer.parseInt(i.get("ticket").n()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        Map<String, Outcome> told = new HashMap<>();
        outcomes.forEach(o -> told.put(o.learner(), o));
        List<Outcome> waiting = new ArrayList<>();
        int toldExactly = 0;
        for (Map<String, AttributeValue> entry : stored) {
            String learner = entry.get("userId").s();
            int number = Integer.parseInt(entry.get("ticket").n());
            assertThat(waitlistEntry(learner, "burst")).as(learner).containsEntry("position", number);
            Outcome o = told.get(learner);
            assertThat(o.status()).isEqualTo(202);
            assertThat(o.position()).as("told at arrival, while earlier arrivals may still have been writing").isBetween(1, number);
            toldExactly += o.position() == number ? 1 : 0;
            waiting.add(new Outcome(learner, 202, null, number));
        }
        System.out.println("[burst] positions told at arrival that were already final: " + toldExactly + " of 40");

        // WHEN one enrolled learner withdraws
        String leaver = outcomes.stream().filter(o -> o.status() == 201).findFirst().orElseThrow().learner();
        assertThat(f.call("DELETE /api/enrolments/{providerId}", leaver, "burst", "mbest", null, "learners").getStatusCode()).isEqualTo(204);

        // THEN number 1 has the seat (and the link), and everyone else moved up one: 1..39
        assertThat(enrolled(waiting.get(0).learner(), "burst", "mbest")).isTrue();
        assertThat(waitlistEntry(waiting.get(0).learner(), "burst")).isNull();
        for (Outcome w : waiting.subList(1, 40)) {
            assertThat(waitlistEntry(w.learner(), "burst")).as(w.learner()).containsEntry("position", w.position() - 1);
        }
        seats = f.seatsItem("burst", "mbest");
        assertThat(f.number(seats, "used")).isEqualTo(3000);
        assertThat(f.number(seats, "waiting")).isEqualTo(39);
    }

    @Test
    void parallelRequestsByOneLearnerNeverExceedThePickLimit() throws Exception {
        // GIVEN a pick limit of 2, five middle-school providers (one full, so requests may queue)
        for (String p : List.of("mbest", "mid-a", "mid-b", "mid-c")) {
            f.seats("picks", p, 1000);
        }
        f.seatsTaken("picks", "mid-d", 5, 5);
        List<String> providers = List.of("mbest", "mid-a", "mid-b", "mid-c", "mid-d");
        for (int trial = 0; trial < 3; trial++) {
            String learner = f.learner("picks", SchoolLevel.MIDDLE);
            List<Callable<Outcome>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String provider = providers.get(i % providers.size());
                requests.add(() -> outcome(learner, f.enrol(learner, "picks", provider)));
            }
            Collections.shuffle(requests);

            // WHEN 20 requests of the same learner for five providers arrive at once
            List<Outcome> outcomes = inParallel(requests);

            // THEN exactly two are granted (a seat or a place in line); the rest are clear refusals
            assertThat(outcomes.stream().filter(o -> o.status() == 201 || o.status() == 202)).as(outcomes.toString()).hasSize(2);
            assertThat(outcomes.stream().filter(o -> o.status() == 409)).hasSize(18)
                    .allSatisfy(o -> assertThat(o.code()).isIn("pick-limit-reached", "already-enrolled"));
            var items = f.learnerItems("picks", learner);
            assertThat(items).filteredOn(i -> i.get("SK").s().startsWith("ENROLMENT#")).hasSize(2);
            assertThat(items).filteredOn(i -> i.get("SK").s().equals("PICKS"))
                    .singleElement().satisfies(i -> assertThat(f.number(i, "picks")).isEqualTo(2));
        }
        // AND the seats add up: every granted request took exactly one seat or one place in line
        int used = 0;
        int waiting = 0;
        for (String p : providers) {
            var s = f.seatsItem("picks", p);
            used += f.number(s, "used");
            waiting += f.number(s, "waiting");
        }
        assertThat(used - 5 + waiting).isEqualTo(6);
    }

    @Test
    void raisingSeatsByThreePromotesPositionsOneToThreeInOrder() throws Exception {
        f.seats("raise", "mbest", 2);
        for (int i = 0; i < 2; i++) {
            assertThat(f.enrol(f.learner("raise", SchoolLevel.MIDDLE), "raise", "mbest").getStatusCode()).isEqualTo(201);
        }
        Map<Integer, String> byPosition = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            String l = f.learner("raise", SchoolLevel.MIDDLE);
            var r = f.enrol(l, "raise", "mbest");
            assertThat(json(r)).containsEntry("position", i);
            byPosition.put(i, l);
        }

        var raised = f.call("PUT /api/admin/providers/{providerId}/seats", "admin", "raise", "mbest", "{\"seats\":5}", "admins");

        assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(200);
        assertThat(json(raised)).containsEntry("promoted", 3).containsEntry("used", 5).containsEntry("waiting", 3);
        for (int i = 1; i <= 3; i++) {
            assertThat(enrolled(byPosition.get(i), "raise", "mbest")).as("position " + i).isTrue();
        }
        for (int i = 4; i <= 6; i++) {
            assertThat(waitlistEntry(byPosition.get(i), "raise")).as("position " + i).containsEntry("position", i - 3);
        }

        // parallel withdrawals of the seats hand each freed seat to the next in line, never more
        List<String> holders = List.of(byPosition.get(1), byPosition.get(2), byPosition.get(3));
        List<Outcome> outcomes = inParallel(holders.stream().map(l -> (Callable<Outcome>) () -> {
            var r = f.call("DELETE /api/enrolments/{providerId}", l, "raise", "mbest", null, "learners");
            return new Outcome(l, r.getStatusCode(), null, 0);
        }).toList());
        assertThat(outcomes).extracting(Outcome::status).containsOnly(204);
        for (int i = 4; i <= 6; i++) {
            assertThat(enrolled(byPosition.get(i), "raise", "mbest")).as("position " + i).isTrue();
        }
        var seats = f.seatsItem("raise", "mbest");
        assertThat(f.number(seats, "used")).isEqualTo(5);
        assertThat(f.number(seats, "waiting")).isZero();
        assertThat(f.waitlist("raise", "mbest")).isEmpty();
    }
}

package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static kr.seoullearn.functions.mentoring.MentoringFixture.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The booking and matching invariants under parallel requests, through the handler from many
 * threads at once against the emulator (which, like DynamoDB, makes each transaction atomic).
 */
class MentoringConcurrencyIT {
    private static final int THREADS = 32;
    private static MentoringFixture f;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("mentoring-burst");
        f.tenant(MentoringFixture.launch("burst", 2, 60));   // one mentor may take 50 mentees here
        f.tenant(MentoringFixture.launch("quota", 5, 10));   // a cap of 5 a week, so the quota (16) binds first
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    private record Outcome(int status, String code) {}

    private static List<Outcome> inParallel(List<Callable<APIGatewayV2HTTPResponse>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (Callable<APIGatewayV2HTTPResponse> r : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return r.call();
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> future : futures) {
                APIGatewayV2HTTPResponse r = future.get();
                if (r.getStatusCode() >= 400 && !"application/problem+json".equals(r.getHeaders().get("content-type"))) {
                    throw new AssertionError("a refusal that is not problem+json: " + r.getStatusCode() + " " + r.getBody());
                }
                outcomes.add(new Outcome(r.getStatusCode(), r.getStatusCode() >= 400 ? (String) json(r).get("code") : null));
            }
            System.out.println("[concurrency] " + requests.size() + " requests on " + THREADS + " threads settled in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms");
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> tally(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(o -> o.status() + (o.code() == null ? "" : " " + o.code()), TreeMap::new,
                Collectors.counting()));
    }

    @Test
    void fiftyMenteesOfOneMentorRacingForOneSlotGetExactlyOneBooking() throws Exception {
        String mentor = f.mentor("burst");
        List<String[]> mentees = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String learner = f.learner("burst", SchoolLevel.MIDDLE);
            mentees.add(new String[] {learner, f.mentorship("burst", learner, mentor)});
        }
        List<Callable<APIGatewayV2HTTPResponse>> requests = new ArrayList<>();
        for (String[] m : mentees) {
            requests.add(() -> f.book("burst", m[0], m[1], "2026-12-08T19:00"));
        }

        List<Outcome> outcomes = inParallel(requests);

        System.out.println("[concurrency] 50 mentees, one slot: " + tally(outcomes));
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).hasSize(49)
                .allSatisfy(o -> assertThat(o).isEqualTo(new Outcome(409, "slot-taken")));
        var calendar = f.ledger.mentorSessions(new TenantId("burst"), mentor, MentoringFixture.NOW, MentoringFixture.NOW.plusSeconds(86400L * 60));
        assertThat(calendar).hasSize(1);
        assertThat(f.locks("burst", mentor)).containsExactly("BUSY#2026-12-08T10:00:00Z");
        int used = mentees.stream().mapToInt(m -> number(f.mentorshipItem("burst", m[1]), "used")).sum();
        assertThat(used).as("only the winner's quota moved").isEqualTo(1);
    }

    @Test
    void fiftyParallelBookingsOfOneMenteeInOneWeekStopAtTheWeeklyCap() throws Exception {
        String mentor = f.mentor("burst");
        String learner = f.learner("burst", SchoolLevel.HIGH);
        String mentorship = f.mentorship("burst", learner, mentor);
        List<Callable<APIGatewayV2HTTPResponse>> requests = new ArrayList<>();
        LocalDateTime first = LocalDateTime.parse("2026-12-14T09:00");
        for (int i = 0; i < 50; i++) {
            String start = first.plusDays(i % 7).plusMinutes(30L * (i / 7)).toString();
            requests.add(() -> f.book("burst", learner, mentorship, start));
        }

        List<Outcome> outcomes = inParallel(requests);

        System.out.println("[concurrency] one mentee, 50 slots in one week (cap 2): " + tally(outcomes));
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).allSatisfy(o -> assertThat(o).isEqualTo(new Outcome(409, "weekly-cap-reached")));
        assertThat(f.ledger.weekCounts(new TenantId("burst"), mentorship)).containsExactly(Map.entry("2026-W51", 2));
        assertThat(number(f.mentorshipItem("burst", mentorship), "used")).isEqualTo(2);
        assertThat(f.locks("burst", learner)).hasSize(2);
        assertThat(f.locks("burst", mentor)).hasSize(2);
    }

    @Test
    void fiftyParallelBookingsOfOneMenteeAcrossTheWindowNeverExceedTheQuotaOrAWeeksCap() throws Exception {
        String mentor = f.mentor("quota");
        String learner = f.learner("quota", SchoolLevel.MIDDLE);
        String mentorship = f.mentorship("quota", learner, mentor);
        List<Callable<APIGatewayV2HTTPResponse>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 50 different slots spread over the 8 weeks from 1 December, several in each week
            String start = LocalDateTime.parse("2026-12-01T10:00").plusDays(i % 50).plusMinutes(30L * (i % 3)).toString();
            requests.add(() -> f.book("quota", learner, mentorship, start));
        }

        List<Outcome> outcomes = inParallel(requests);

        System.out.println("[concurrency] one mentee, 50 slots over 8 weeks (quota 16, cap 5): " + tally(outcomes));
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(16);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).allSatisfy(o -> assertThat(o.code()).isIn("session-quota-used-up",
                "weekly-cap-reached"));
        List<Session> sessions = f.ledger.sessions(new TenantId("quota"), mentorship);
        assertThat(sessions).hasSize(16);
        assertThat(sessions.stream().collect(Collectors.groupingBy(s -> BookingRules.week(s.start()), Collectors.counting())).values())
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5L));
        assertThat(number(f.mentorshipItem("quota", mentorship), "used")).isEqualTo(16);
    }

    @Test
    void aMenteeWithTwoMentorsIsNeverInTwoSessionsAtOnce() throws Exception {
        // GIVEN a mentee with two mentorships (say a second mentor after a change), both mentors free at 19:00
        TenantId seoul = new TenantId("seoul");
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String first = f.mentorship("seoul", learner, f.mentor("seoul"));
        Mentorship m1 = f.ledger.mentorship(seoul, first).orElseThrow();
        String secondMentor = f.mentor("seoul");
        Mentorship m2 = new Mentorship(seoul, "second-" + first, learner, secondMentor, m1.menteeName(), "두 번째 멘토", m1.rulesId(),
                30, 16, 0, 2, 0, 24, 12, 8, 4, m1.windowStart(), m1.windowEnd(), Mentorship.Status.ACTIVE, m1.createdAt(), 2, 2);
        f.dynamo.putItem(p -> p.tableName(f.stack.table()).item(MentoringStorage.mentorshipItem(m2)));

        // WHEN they book both mentors at the same time, many times over in parallel
        List<Callable<APIGatewayV2HTTPResponse>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> f.book("seoul", learner, first, "2026-12-09T19:00"));
            requests.add(() -> f.book("seoul", learner, m2.id(), "2026-12-09T19:00"));
        }
        List<Outcome> outcomes = inParallel(requests);

        // THEN exactly one session exists
        System.out.println("[concurrency] one mentee, two mentors, one time: " + tally(outcomes));
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).allSatisfy(o -> assertThat(o.code()).isIn("mentee-busy", "slot-taken"));
        assertThat(f.ledger.sessions(seoul, first).size() + f.ledger.sessions(seoul, m2.id()).size()).isEqualTo(1);
        assertThat(f.locks("seoul", learner)).containsExactly("BUSY#2026-12-09T10:00:00Z");
    }

    @Test
    void twelveReviewersConfirmingOneMentorInParallelNeverPassItsMaximum() throws Exception {
        String mentor = f.mentor("seoul");
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String learner = f.learner("seoul", SchoolLevel.MIDDLE);
            expect(f.call("POST /api/mentoring/request", learner, "seoul", Map.of(), null, MentoringFixture.REQUEST, "learners"), 201);
            learners.add(learner);
        }
        List<Callable<APIGatewayV2HTTPResponse>> requests = new ArrayList<>();
        for (String learner : learners) {
            requests.add(() -> f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-" + learner, "seoul", Map.of("menteeId", learner),
                    null, "{\"mentorId\":\"" + mentor + "\"}", "reviewers"));
        }

        List<Outcome> outcomes = inParallel(requests);

        System.out.println("[concurrency] 12 confirmations, one mentor (max 10): " + tally(outcomes));
        assertThat(outcomes).filteredOn(o -> o.status() == 201).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o.status() != 201).hasSize(2).allSatisfy(o -> assertThat(o).isEqualTo(new Outcome(409, "mentor-full")));
        assertThat(f.ledger.mentor(new TenantId("seoul"), mentor).orElseThrow().mentees()).isEqualTo(10);
        assertThat(f.ledger.mentorshipsOf(new TenantId("seoul"), mentor)).hasSize(10);
    }
}

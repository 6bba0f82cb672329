package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static kr.seoullearn.functions.mentoring.MentoringFixture.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random schedules against the real ledger on the emulator: a mentee books at random times
 * (written in random UTC offsets), cancels at random moments before the start, moves sessions
 * and gets extensions approved, in random order; after every step the stored state must keep
 * every booking rule — whatever the routes answered, never a 5xx.
 */
class BookingSchedulePropertiesIT {
    private static final TenantId TENANT = new TenantId("props");
    private static MentoringFixture f;

    @BeforeContainer
    static void provision() {
        f = new MentoringFixture("mentoring-props");
        f.tenant(MentoringFixture.launch("props", 2, 1000));
    }

    @AfterContainer
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    sealed interface Step permits Book, Cancel, Move, Extend {}

    /** Book at NOW + days + half hours, the start written in an offset. */
    record Book(int days, int halfHour, ZoneOffset offset) implements Step {}

    /** Cancel the n-th session (modulo), that many minutes before its start. */
    record Cancel(int n, int minutesBefore) implements Step {}

    record Move(int n, int days, int halfHour) implements Step {}

    record Extend(boolean approve) implements Step {}

    @Provide
    Arbitrary<List<Step>> schedules() {
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-12 * 4, 14 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
        Arbitrary<Step> book = Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 47), offsets)
                .as(Book::new);
        Arbitrary<Step> cancel = Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 48 * 60))
                .as(Cancel::new);
        Arbitrary<Step> move = Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 47)).as(Move::new);
        Arbitrary<Step> extend = Arbitraries.of(true, false).map(Extend::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, book), net.jqwik.api.Tuple.of(2, cancel), net.jqwik.api.Tuple.of(2, move),
                net.jqwik.api.Tuple.of(1, extend)).list().ofMinSize(8).ofMaxSize(30);
    }

    @Property(tries = 8)
    void everyRandomScheduleKeepsTheBookingRules(@ForAll("schedules") List<Step> steps) {
        f.clock.set(MentoringFixture.NOW);
        String learner = f.learner("props", SchoolLevel.MIDDLE);
        String mentor = f.mentor("props", "멘토", java.util.Set.of(kr.seoullearn.mentoring.domain.MentoringSubject.MATH),
                java.util.Set.of(SchoolLevel.MIDDLE), java.util.Set.of(kr.seoullearn.platform.http.Language.KO), 4,
                MentoringFixture.everyDay());
        String id = f.mentorship("props", learner, mentor);
        for (Step step : steps) {
            APIGatewayV2HTTPResponse r = apply(step, learner, id);
            if (r != null) {
                // shown in the report: how many steps went through and why the others were refused
                net.jqwik.api.statistics.Statistics.label("answers").collect(step.getClass().getSimpleName() + " "
                        + (r.getStatusCode() < 300 ? "ok" : String.valueOf(json(r).get("code"))));
                assertThat(r.getStatusCode()).as(step + ": " + r.getBody()).isLessThan(500);
                if (r.getStatusCode() >= 400) {
                    assertThat(json(r)).as(step.toString()).containsKey("code");
                }
            }
            f.clock.set(MentoringFixture.NOW);
            invariants(learner, mentor, id, step);
        }
    }

    private APIGatewayV2HTTPResponse apply(Step step, String learner, String id) {
        Map<String, String> ms = Map.of("mentorshipId", id);
        switch (step) {
            case Book b -> {
                Instant start = MentoringFixture.NOW.plus(Duration.ofDays(b.days())).plus(Duration.ofMinutes(30L * b.halfHour()));
                return f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions", learner, "props", ms, null,
                        "{\"start\":\"" + start.atOffset(b.offset()) + "\"}", "learners");
            }
            case Cancel c -> {
                List<Session> booked = booked(id);
                if (booked.isEmpty()) {
                    return null;
                }
                Session s = booked.get(c.n() % booked.size());
                f.clock.set(s.start().minus(Duration.ofMinutes(c.minutesBefore())));
                return f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "props",
                        Map.of("mentorshipId", id, "sessionId", s.id()), null, null, "learners");
            }
            case Move m -> {
                List<Session> booked = booked(id);
                if (booked.isEmpty()) {
                    return null;
                }
                Session s = booked.get(m.n() % booked.size());
                Instant start = MentoringFixture.NOW.plus(Duration.ofDays(m.days())).plus(Duration.ofMinutes(30L * m.halfHour()));
                return f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", learner, "props",
                        Map.of("mentorshipId", id, "sessionId", s.id()), null, "{\"start\":\"" + start + "\"}", "learners");
            }
            case Extend e -> {
                f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension", learner, "props", ms, null, null, "learners");
                return f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension/decision", "reviewer", "props", ms, null,
                        "{\"approve\":" + e.approve() + "}", "reviewers");
            }
        }
    }

    private List<Session> booked(String id) {
        return f.ledger.sessions(TENANT, id).stream().filter(s -> s.status() == Session.Status.BOOKED).toList();
    }

    private void invariants(String learner, String mentor, String id, Step after) {
        String what = "after " + after;
        Mentorship m = f.ledger.mentorship(TENANT, id).orElseThrow();
        List<Session> sessions = f.ledger.sessions(TENANT, id);
        List<Session> counting = sessions.stream().filter(s -> s.status().countsAsUsed()).toList();
        assertThat(m.used()).as(what + ": used = sessions that count").isEqualTo(counting.size());
        assertThat(m.used()).as(what + ": within the quota").isLessThanOrEqualTo(m.quota());
        Map<String, Integer> perWeek = new HashMap<>();
        counting.forEach(s -> perWeek.merge(BookingRules.week(s.start()), 1, Integer::sum));
        Map<String, Integer> stored = new HashMap<>(f.ledger.weekCounts(TENANT, id));
        stored.values().removeIf(n -> n == 0);
        assertThat(stored).as(what + ": week counters").isEqualTo(perWeek);
        assertThat(perWeek.values()).as(what + ": weekly cap").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(m.weeklyCap()));
        Set<Instant> units = new HashSet<>();
        for (Session s : sessions) {
            assertThat(BookingRules.onHalfHour(s.start())).as(what).isTrue();
            assertThat(BookingRules.withinWindow(s.start(), s.minutes(), m.windowStart(), m.windowEnd())).as(what + ": inside the window").isTrue();
            if (s.status() == Session.Status.BOOKED) {
                for (Instant u : BookingRules.units(s.start(), s.minutes())) {
                    assertThat(units.add(u)).as(what + ": no two booked sessions share a half hour").isTrue();
                }
            }
        }
        List<String> expectedLocks = units.stream().sorted().map(u -> "BUSY#" + u).toList();
        assertThat(f.locks("props", mentor)).as(what + ": the mentor's locks are the booked half hours").isEqualTo(expectedLocks);
        assertThat(f.locks("props", learner)).as(what + ": the mentee's locks are the booked half hours").isEqualTo(expectedLocks);
        assertThat(number(f.mentorshipItem("props", id), "quota")).isEqualTo(m.quota());
    }
}

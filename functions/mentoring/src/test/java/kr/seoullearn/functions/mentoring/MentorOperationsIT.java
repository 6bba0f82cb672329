package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static kr.seoullearn.functions.mentoring.MentoringFixture.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mentor's cancel and move, and a reviewer's reassignment and ending, through the handler
 * with real API Gateway events on the emulator; the races decided inside DynamoDB.
 */
class MentorOperationsIT {
    private static final String CANCEL = "DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}";
    private static final String MOVE = "POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule";
    private static final String REASSIGN = "POST /api/mentoring/mentorships/{mentorshipId}/reassign";
    private static final String END = "POST /api/mentoring/mentorships/{mentorshipId}/end";
    private static MentoringFixture f;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("mentor-operations");
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
        f.tenant(MentoringFixture.later("chungbuk"));      // 2 trial sessions, 60 minutes, one a week
        f.tenant(MentoringFixture.launch("busan", 2, 1));  // a mentor takes one mentee at most
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    @AfterEach
    void clockBack() {
        f.clock.set(MentoringFixture.NOW);
    }

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(MentoringFixture.SEOUL).toInstant();
    }

    private record Pair(String learner, String mentor, String mentorship) {}

    private static Pair pair(String tenant) {
        String mentor = f.mentor(tenant);
        String learner = f.learner(tenant, SchoolLevel.MIDDLE);
        return new Pair(learner, mentor, f.mentorship(tenant, learner, mentor));
    }

    private static String book(String tenant, Pair p, String local) {
        return (String) expect(f.book(tenant, p.learner(), p.mentorship(), local), 201).get("sessionId");
    }

    private static APIGatewayV2HTTPResponse cancel(String tenant, String sub, String group, Pair p, String sessionId) {
        return f.call(CANCEL, sub, tenant, Map.of("mentorshipId", p.mentorship(), "sessionId", sessionId), null, null, group);
    }

    private static APIGatewayV2HTTPResponse move(String tenant, String sub, String group, Pair p, String sessionId, String local) {
        return f.call(MOVE, sub, tenant, Map.of("mentorshipId", p.mentorship(), "sessionId", sessionId), null,
                "{\"start\":\"" + local + "\"}", group);
    }

    private static int used(String tenant, Pair p) {
        return number(f.mentorshipItem(tenant, p.mentorship()), "used");
    }

    @Test
    void theMentorCancelsEvenLateWithoutChargingTheMenteeButNotOnceTheSessionStarted() {
        Pair p = pair("seoul");
        String mine = book("seoul", p, "2026-12-08T19:00");
        String theirs = book("seoul", p, "2026-12-09T19:00");
        assertThat(used("seoul", p)).isEqualTo(2);
        f.clock.set(seoul("2026-12-08T15:00")); // 4 h before: late for a mentee

        assertThat(json(cancel("seoul", f.mentor("seoul"), "mentors", p, mine))).as("another mentor").containsEntry("code", "mentorship-not-found");
        assertThat(cancel("seoul", "reviewer-1", "reviewers", p, mine).getStatusCode()).isEqualTo(403);
        assertThat(cancel("chungbuk", p.mentor(), "mentors", p, mine).getStatusCode()).as("another tenant").isEqualTo(404);
        var byMentor = expect(cancel("seoul", p.mentor(), "mentors", p, mine), 200);
        assertThat(byMentor).containsEntry("status", "CANCELLED").containsEntry("countsAsUsed", false);
        assertThat(used("seoul", p)).as("the mentor's cancel is never the mentee's loss").isEqualTo(1);
        // the mentee is told (in the same transaction), not the mentor who cancelled
        var inbox = kr.seoullearn.notifications.dynamo.NotificationsStorage.inboxOf(f.dynamo, f.stack.table());
        assertThat(inbox.page(new TenantId("seoul"), p.learner(), null, 10).entries())
                .filteredOn(e -> e.kind() == kr.seoullearn.notifications.domain.NoticeKind.SESSION_CANCELLED).hasSize(1);
        assertThat(inbox.page(new TenantId("seoul"), p.mentor(), null, 10).entries())
                .noneMatch(e -> e.kind() == kr.seoullearn.notifications.domain.NoticeKind.SESSION_CANCELLED);
        assertThat(f.locks("seoul", p.mentor())).doesNotContain("BUSY#" + seoul("2026-12-08T19:00"));
        assertThat(json(cancel("seoul", p.mentor(), "mentors", p, mine))).containsEntry("code", "session-not-booked");

        f.clock.set(seoul("2026-12-09T19:10"));
        assertThat(json(cancel("seoul", p.mentor(), "mentors", p, theirs))).containsEntry("code", "session-already-started");
        assertThat(used("seoul", p)).isEqualTo(1);
    }

    @Test
    void theMentorMovesASessionWithinTheRulesAndNeverOntoATakenHalfHour() {
        Pair p = pair("seoul");
        String sessionId = book("seoul", p, "2026-12-08T19:00");
        // the mentor's other mentee holds Thursday 19:00
        String other = f.learner("seoul", SchoolLevel.MIDDLE);
        String otherMentorship = f.mentorship("seoul", other, p.mentor());
        expect(f.book("seoul", other, otherMentorship, "2026-12-10T19:00"), 201);

        assertThat(json(move("seoul", p.mentor(), "mentors", p, sessionId, "2026-12-10T19:00"))).containsEntry("code", "slot-taken");
        assertThat(json(move("seoul", p.mentor(), "mentors", p, sessionId, "2026-12-10T19:15")))
                .containsEntry("code", "session-start-not-on-half-hour");
        assertThat(json(move("seoul", p.mentor(), "mentors", p, sessionId, "2026-11-30T12:00"))).containsEntry("code", "session-notice-too-short");
        assertThat(move("seoul", p.mentor(), "mentors", p, sessionId, "not a time").getStatusCode()).isEqualTo(400);
        assertThat(json(move("seoul", f.mentor("seoul"), "mentors", p, sessionId, "2026-12-10T20:00"))).containsEntry("code", "mentorship-not-found");

        var moved = expect(move("seoul", p.mentor(), "mentors", p, sessionId, "2026-12-10T20:00"), 201);
        assertThat(moved).containsEntry("status", "BOOKED").containsEntry("local", "2026-12-10T20:00");
        assertThat(used("seoul", p)).as("a move is not a second session").isEqualTo(1);
        assertThat(f.locks("seoul", p.learner())).containsExactly("BUSY#" + seoul("2026-12-10T20:00"));

        f.clock.set(seoul("2026-12-10T12:00")); // 8 h before: past the late limit
        assertThat(json(move("seoul", p.mentor(), "mentors", p, (String) moved.get("sessionId"), "2026-12-12T20:00")))
                .containsEntry("code", "reschedule-too-late");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerReassignsDuringTheTrialWithHistoryAndTheTrialSessionsComeBack() {
        Pair p = pair("chungbuk");
        book("chungbuk", p, "2026-12-02T19:00");
        book("chungbuk", p, "2026-12-09T19:00");
        f.clock.set(seoul("2026-12-03T10:00")); // one session behind them, one ahead
        String next = f.mentor("chungbuk");
        Map<String, String> path = Map.of("mentorshipId", p.mentorship());

        assertThat(f.call(REASSIGN, p.learner(), "chungbuk", path, null, "{\"mentorId\":\"" + next + "\",\"reason\":\"x\"}", "learners")
                .getStatusCode()).isEqualTo(403);
        assertThat(json(f.call(REASSIGN, "reviewer-1", "chungbuk", path, null, "{\"mentorId\":\"" + next + "\"}", "reviewers")))
                .containsEntry("code", "validation-failed");
        assertThat(json(f.call(REASSIGN, "reviewer-1", "chungbuk", path, null, "{\"mentorId\":\"" + p.mentor() + "\",\"reason\":\"x\"}",
                "reviewers"))).containsEntry("code", "mentor-unchanged");
        assertThat(json(f.call(REASSIGN, "reviewer-1", "chungbuk", path, null, "{\"mentorId\":\"nobody\",\"reason\":\"x\"}", "reviewers")))
                .containsEntry("code", "mentor-not-found");
        assertThat(json(f.call(REASSIGN, "reviewer-1", "seoul", path, null, "{\"mentorId\":\"" + next + "\",\"reason\":\"x\"}", "reviewers")))
                .as("another tenant's reviewer").containsEntry("code", "mentorship-not-found");

        var after = expect(f.call(REASSIGN, "reviewer-1", "chungbuk", path, null,
                "{\"mentorId\":\"" + next + "\",\"reason\":\"시간이 맞지 않음, 다른 멘토 희망\"}", "reviewers"), 200);
        assertThat(after).containsEntry("mentorId", next).containsEntry("futureSessionsCancelled", 1).containsEntry("trialSessionsReturned", 1)
                .containsEntry("used", 0).containsEntry("status", "ACTIVE");
        assertThat((List<Map<String, Object>>) after.get("history")).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("change", "REASSIGNED").containsEntry("fromMentorId", p.mentor()).containsEntry("toMentorId", next)
                .containsEntry("by", "reviewer-1").containsEntry("reason", "시간이 맞지 않음, 다른 멘토 희망"));
        assertThat(used("chungbuk", p)).isZero();
        // the tenant's audit trail has the reassignment once, the mentor before → after and the trial sessions given back (never the reason's words)
        assertThat(trail("chungbuk", p.mentorship())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("mentoring.reassign");
            assertThat(e.actor()).isEqualTo("reviewer-1");
            assertThat(e.before()).containsEntry("mentorId", p.mentor()).containsEntry("status", "ACTIVE");
            assertThat(e.after()).containsEntry("mentorId", next).containsEntry("trialSessionsReturned", "1");
            assertThat(e.before().toString() + e.after()).doesNotContain("시간이");
        });
        TenantId t = new TenantId("chungbuk");
        assertThat(f.ledger.mentor(t, p.mentor()).orElseThrow().mentees()).isZero();
        assertThat(f.ledger.mentor(t, next).orElseThrow().mentees()).isEqualTo(1);
        assertThat(f.locks("chungbuk", p.mentor())).as("the old mentor's future half hours are free")
                .doesNotContain("BUSY#" + seoul("2026-12-09T19:00"), "BUSY#" + seoul("2026-12-09T19:30"));
        // the old mentor no longer reaches it; the new one does
        assertThat(f.call("GET /api/mentoring/mentorships/{mentorshipId}/slots", p.mentor(), "chungbuk", path, null, null, "mentors")
                .getStatusCode()).isEqualTo(404);
        assertThat(f.call("GET /api/mentoring/mentorships/{mentorshipId}/slots", next, "chungbuk", path, null, null, "mentors")
                .getStatusCode()).isEqualTo(200);
        var desk = expect(f.call("GET /api/mentoring/mentors/{mentorId}/mentorships", "reviewer-1", "chungbuk", Map.of("mentorId", next), null,
                null, "reviewers"), 200);
        assertThat((List<Map<String, Object>>) desk.get("mentorships")).extracting(m -> m.get("mentorshipId")).containsExactly(p.mentorship());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerEndsAMentorshipCompletedOrEndedWithAReasonAndItTakesNoMoreBookings() {
        Pair p = pair("seoul");
        book("seoul", p, "2026-12-08T19:00");
        Map<String, String> path = Map.of("mentorshipId", p.mentorship());
        assertThat(json(f.call(END, "reviewer-1", "seoul", path, null, "{\"outcome\":\"ENDED\"}", "reviewers")))
                .containsEntry("code", "validation-failed");
        assertThat(json(f.call(END, "reviewer-1", "seoul", path, null, "{\"outcome\":\"DONE\",\"reason\":\"x\"}", "reviewers")))
                .containsEntry("code", "validation-failed");
        assertThat(f.call(END, p.mentor(), "seoul", path, null, "{\"outcome\":\"COMPLETED\"}", "mentors").getStatusCode()).isEqualTo(403);

        var ended = expect(f.call(END, "reviewer-1", "seoul", path, null, "{\"outcome\":\"ENDED\",\"reason\":\"이사; 연락 두절\"}", "reviewers"), 200);
        assertThat(ended).containsEntry("status", "ENDED").containsEntry("futureSessionsCancelled", 1);
        assertThat((List<Map<String, Object>>) ended.get("history")).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("change", "ENDED").containsEntry("reason", "이사; 연락 두절"));
        assertThat(f.ledger.mentor(new TenantId("seoul"), p.mentor()).orElseThrow().mentees()).isZero();
        assertThat(json(f.call(END, "reviewer-1", "seoul", path, null, "{\"outcome\":\"COMPLETED\"}", "reviewers")))
                .containsEntry("code", "mentorship-not-active");
        // one entry: the refused second ending wrote none
        assertThat(trail("seoul", p.mentorship())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("mentoring.end");
            assertThat(e.before()).containsEntry("status", "ACTIVE");
            assertThat(e.after()).containsEntry("status", "ENDED");
        });
        assertThat(json(f.book("seoul", p.learner(), p.mentorship(), "2026-12-09T19:00"))).containsEntry("code", "mentorship-not-active");

        Pair q = pair("seoul");
        assertThat(expect(f.call(END, "reviewer-1", "seoul", Map.of("mentorshipId", q.mentorship()), null, "{\"outcome\":\"COMPLETED\"}",
                "reviewers"), 200)).containsEntry("status", "COMPLETED");
    }

    /** The tenant's audit entries about a mentorship, as GET /api/admin/audit?subject= reads them. */
    private static List<kr.seoullearn.audit.domain.AuditEntry> trail(String tenant, String mentorshipId) {
        return kr.seoullearn.audit.dynamo.AuditStorage.trail(f.dynamo, f.stack.table()).page(new TenantId(tenant),
                new kr.seoullearn.audit.domain.AuditQuery(null, null, mentorshipId, null, null, 100, null)).entries();
    }

    // ---- races, decided by DynamoDB's conditions

    private static List<APIGatewayV2HTTPResponse> together(List<Callable<APIGatewayV2HTTPResponse>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (Callable<APIGatewayV2HTTPResponse> c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<APIGatewayV2HTTPResponse> out = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> outcomes(List<APIGatewayV2HTTPResponse> rs) {
        return rs.stream().map(r -> r.getStatusCode() + (r.getStatusCode() >= 400 ? " " + json(r).get("code") : "")).sorted().toList();
    }

    @Test
    void twoMovesOfTheMentorToTheSameHalfHourOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String mentor = f.mentor("seoul");
            String l1 = f.learner("seoul", SchoolLevel.MIDDLE);
            String l2 = f.learner("seoul", SchoolLevel.MIDDLE);
            Pair a = new Pair(l1, mentor, f.mentorship("seoul", l1, mentor));
            Pair b = new Pair(l2, mentor, f.mentorship("seoul", l2, mentor));
            String sa = book("seoul", a, "2026-12-08T19:00");
            String sb = book("seoul", b, "2026-12-09T19:00");
            var rs = together(List.of(() -> move("seoul", mentor, "mentors", a, sa, "2026-12-11T18:00"),
                    () -> move("seoul", mentor, "mentors", b, sb, "2026-12-11T18:00")));
            assertThat(outcomes(rs)).containsExactly("201", "409 slot-taken");
            assertThat(f.ledger.mentorSessions(new TenantId("seoul"), mentor, seoul("2026-12-11T18:00"), seoul("2026-12-11T18:30")))
                    .filteredOn(s -> s.status() == kr.seoullearn.mentoring.domain.Session.Status.BOOKED).hasSize(1);
            assertThat(f.locks("seoul", mentor)).containsOnlyOnce("BUSY#" + seoul("2026-12-11T18:00"));
        }
    }

    @Test
    void theMentorsMoveAndTheMenteesCancelOfOneSessionOneWins() throws Exception {
        Pair p = pair("seoul");
        String s = book("seoul", p, "2026-12-08T19:00");
        var rs = together(List.of(() -> move("seoul", p.mentor(), "mentors", p, s, "2026-12-12T10:00"),
                () -> cancel("seoul", p.learner(), "learners", p, s)));
        List<String> o = outcomes(rs);
        assertThat(o).hasSize(2).filteredOn(x -> x.startsWith("20")).hasSize(1);
        assertThat(o).filteredOn(x -> x.startsWith("409")).singleElement().isEqualTo("409 session-not-booked");
        int locks = f.locks("seoul", p.mentor()).size();
        assertThat(locks).as("either the moved session's half hour or nothing").isLessThanOrEqualTo(1);
        assertThat(used("seoul", p)).isEqualTo(locks);
    }

    @Test
    void twoReassignmentsToAMentorWithOnePlaceLeftOneWins() throws Exception {
        Pair a = pair("busan");
        Pair b = pair("busan");
        String target = f.mentor("busan");
        var rs = together(List.of(
                () -> f.call(REASSIGN, "reviewer-1", "busan", Map.of("mentorshipId", a.mentorship()), null,
                        "{\"mentorId\":\"" + target + "\",\"reason\":\"a\"}", "reviewers"),
                () -> f.call(REASSIGN, "reviewer-2", "busan", Map.of("mentorshipId", b.mentorship()), null,
                        "{\"mentorId\":\"" + target + "\",\"reason\":\"b\"}", "reviewers")));
        assertThat(outcomes(rs)).containsExactly("200", "409 mentor-full");
        assertThat(f.ledger.mentor(new TenantId("busan"), target).orElseThrow().mentees()).isEqualTo(1);
    }
}

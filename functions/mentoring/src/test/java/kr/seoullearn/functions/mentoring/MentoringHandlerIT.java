package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static kr.seoullearn.functions.mentoring.MentoringFixture.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mentoring routes against the template's table on the emulator, through real API Gateway events. */
class MentoringHandlerIT {
    private static MentoringFixture f;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("mentoring");
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
        f.tenant(MentoringFixture.later("chungbuk"));
        f.tenant(MentoringFixture.launch("busan", 2, 10)); // a tenant of its own for the ranking test
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

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerRequestsAReviewerConfirmsTheBestProposalAndAThirdSessionInAWeekIsRefused() {
        String learner = f.learner("busan", SchoolLevel.MIDDLE);
        String korean = f.mentor("busan", "김멘토", Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO), 4,
                MentoringFixture.everyDay());
        String vietnamese = f.mentor("busan", "Tran Mentor", Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE),
                Set.of(Language.VI), 4, MentoringFixture.everyDay());
        String highOnly = f.mentor("busan", "고등 멘토", Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.HIGH), Set.of(Language.KO), 4,
                MentoringFixture.everyDay());

        var requested = expect(f.call("POST /api/mentoring/request", learner, "busan", Map.of(), null, MentoringFixture.REQUEST, "learners"), 201);
        assertThat(requested).containsEntry("status", "REQUESTED").containsEntry("level", "MIDDLE");
        var queue = (List<Map<String, Object>>) expect(f.call("GET /api/mentoring/requests", "reviewer-1", "busan", Map.of(), null, null,
                "reviewers"), 200).get("requests");
        assertThat(queue).extracting(r -> r.get("menteeId")).contains(learner);

        var proposals = (List<Map<String, Object>>) expect(f.call("GET /api/mentoring/requests/{menteeId}/proposals", "reviewer-1", "busan",
                Map.of("menteeId", learner), null, null, "reviewers"), 200).get("proposals");
        List<Object> ids = proposals.stream().map(p -> p.get("mentorId")).toList();
        assertThat(ids).as("same language first; a mentor of another level never").contains(korean, vietnamese).doesNotContain(highOnly);
        assertThat(ids.indexOf(korean)).isLessThan(ids.indexOf(vietnamese));
        assertThat(proposals.get(ids.indexOf(korean))).containsEntry("speaksLanguage", true).containsEntry("sharedSubjects", 1)
                .containsEntry("freePlaces", 10);

        var matched = expect(f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", "busan", Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + korean + "\"}", "reviewers"), 201);
        String mentorship = (String) matched.get("mentorshipId");
        assertThat(matched).containsEntry("quota", 16).containsEntry("used", 0).containsEntry("weeklyCap", 2).containsEntry("sessionMinutes", 30)
                .containsEntry("lastDay", "2027-01-25").containsEntry("mentorName", "김멘토");
        var again = f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", "busan", Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + vietnamese + "\"}", "reviewers");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again)).containsEntry("code", "mentoring-already-matched");
        assertThat(f.ledger.mentor(new kr.seoullearn.platform.tenant.TenantId("busan"), korean).orElseThrow().mentees()).isEqualTo(1);
        assertThat(f.ledger.mentor(new kr.seoullearn.platform.tenant.TenantId("busan"), vietnamese).orElseThrow().mentees()).isZero();

        var first = expect(f.book("busan", learner, mentorship, "2026-12-08T19:00"), 201);
        var second = expect(f.book("busan", learner, mentorship, "2026-12-10T19:30"), 201);
        assertThat(first).containsEntry("status", "BOOKED").containsEntry("local", "2026-12-08T19:00").containsEntry("week", "2026-W50");
        assertThat((String) first.get("meetingUrl")).startsWith("https://meet.seoul-learn.local/room/").isNotEqualTo(second.get("meetingUrl"));

        var third = f.book("busan", learner, mentorship, "2026-12-11T19:00");
        assertThat(third.getStatusCode()).isEqualTo(409);
        assertThat(third.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(third)).containsEntry("code", "weekly-cap-reached").containsEntry("title", "This week is full");

        var week = expect(f.call("GET /api/mentoring/mentorships/{mentorshipId}/slots", learner, "busan", Map.of("mentorshipId", mentorship),
                Map.of("week", "2026-12-09"), null, "learners"), 200);
        assertThat(week).containsEntry("week", "2026-W50").containsEntry("monday", "2026-12-07").containsEntry("full", true)
                .containsEntry("booked", 2);
        assertThat((List<Map<String, Object>>) week.get("slots")).isNotEmpty().allSatisfy(s -> assertThat(s).containsEntry("free", false));
        var next = expect(f.call("GET /api/mentoring/mentorships/{mentorshipId}/slots", korean, "busan", Map.of("mentorshipId", mentorship),
                Map.of("week", "2026-12-14"), null, "mentors"), 200);
        assertThat(next).containsEntry("full", false);
        assertThat((List<Map<String, Object>>) next.get("slots")).hasSize(7 * 24)
                .allSatisfy(s -> assertThat(s).containsEntry("free", true));

        var mine = f.mine("busan", learner);
        assertThat((Map<String, Object>) mine.get("mentorship")).containsEntry("used", 2).containsEntry("remaining", 14);
        assertThat((Map<String, Object>) mine.get("mentor")).containsEntry("name", "김멘토").containsEntry("university", "서울대학교")
                .containsEntry("subjects", List.of("MATH")).containsEntry("languages", List.of("ko")).doesNotContainKey("availability");
        assertThat((Map<String, Object>) mine.get("weeks")).containsEntry("2026-W50", 2);
        assertThat((List<?>) mine.get("sessions")).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sixteenSessionsFitTheWindowTheSeventeenthWaitsForAnApprovedExtension() {
        String learner = f.learner("seoul", SchoolLevel.HIGH);
        String mentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);
        // Tuesdays and Wednesdays of the 8 weeks from 1 December
        for (int w = 0; w < 8; w++) {
            for (int d = 1; d <= 2; d++) {
                String day = LocalDateTime.parse("2026-11-30T10:00").plusWeeks(w).plusDays(d).toString();
                expect(f.book("seoul", learner, mentorship, day), 201);
            }
        }
        var seventeenth = f.book("seoul", learner, mentorship, "2027-01-25T10:00");
        assertThat(seventeenth.getStatusCode()).isEqualTo(409);
        assertThat(json(seventeenth)).containsEntry("code", "session-quota-used-up");
        var fullWeek = f.book("seoul", learner, mentorship, "2026-12-03T10:00");
        assertThat(json(fullWeek)).as("the quota is the reason even in a week at its cap").containsEntry("code", "session-quota-used-up");
        var beyond = f.book("seoul", learner, mentorship, "2027-01-26T10:00");
        assertThat(json(beyond)).containsEntry("code", "session-outside-window");

        var asked = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension", learner, "seoul",
                Map.of("mentorshipId", mentorship), null, null, "learners"), 201);
        assertThat(asked).containsEntry("status", "PENDING");
        var twice = f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension", learner, "seoul", Map.of("mentorshipId", mentorship),
                null, null, "learners");
        assertThat(json(twice)).containsEntry("code", "extension-pending");
        var pending = (List<Map<String, Object>>) expect(f.call("GET /api/mentoring/extensions", "reviewer-1", "seoul", Map.of(), null, null,
                "reviewers"), 200).get("extensions");
        assertThat(pending).extracting(e -> e.get("mentorshipId")).contains(mentorship);
        assertThat(f.book("seoul", learner, mentorship, "2027-01-25T10:00").getStatusCode()).as("still refused while pending").isEqualTo(409);

        var approved = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension/decision", "reviewer-1", "seoul",
                Map.of("mentorshipId", mentorship), null, "{\"approve\":true}", "reviewers"), 200);
        assertThat(approved).containsEntry("quota", 24).containsEntry("used", 16).containsEntry("lastDay", "2027-02-22");
        assertThat(expect(f.book("seoul", learner, mentorship, "2027-01-25T10:00"), 201)).containsEntry("status", "BOOKED");
        assertThat(expect(f.book("seoul", learner, mentorship, "2027-02-16T10:00"), 201)).containsEntry("week", "2027-W07");
        var decidedTwice = f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension/decision", "reviewer-1", "seoul",
                Map.of("mentorshipId", mentorship), null, "{\"approve\":false}", "reviewers");
        assertThat(json(decidedTwice)).containsEntry("code", "extension-not-pending");
        assertThat((List<Map<String, Object>>) expect(f.call("GET /api/mentoring/extensions", "reviewer-1", "seoul", Map.of(), null, null,
                "reviewers"), 200).get("extensions")).extracting(e -> e.get("mentorshipId")).doesNotContain(mentorship);
        assertThat(number(f.mentorshipItem("seoul", mentorship), "used")).isEqualTo(18);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCancelThirteenHoursAheadReturnsTheSessionElevenHoursAheadCountsItAsUsed() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);
        String early = (String) expect(f.book("seoul", learner, mentorship, "2026-12-03T19:00"), 201).get("sessionId");
        String late = (String) expect(f.book("seoul", learner, mentorship, "2026-12-04T19:00"), 201).get("sessionId");
        assertThat(number(f.mentorshipItem("seoul", mentorship), "used")).isEqualTo(2);

        f.clock.set(seoul("2026-12-03T19:00").minus(13, ChronoUnit.HOURS));
        var cancelled = expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", early), null, null, "learners"), 200);
        assertThat(cancelled).containsEntry("status", "CANCELLED").containsEntry("countsAsUsed", false);
        assertThat(number(f.mentorshipItem("seoul", mentorship), "used")).isEqualTo(1);

        f.clock.set(seoul("2026-12-04T19:00").minus(11, ChronoUnit.HOURS));
        var lateCancel = expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", late), null, null, "learners"), 200);
        assertThat(lateCancel).containsEntry("status", "LATE_CANCELLED").containsEntry("countsAsUsed", true);
        assertThat(number(f.mentorshipItem("seoul", mentorship), "used")).as("a late cancel counts as used").isEqualTo(1);
        assertThat(f.locks("seoul", mentor)).as("both half hours are free again").isEmpty();
        assertThat(f.locks("seoul", learner)).isEmpty();
        var mine = f.mine("seoul", learner);
        assertThat((Map<String, Object>) mine.get("mentorship")).containsEntry("remaining", 15);
        assertThat((Map<String, Object>) mine.get("weeks")).containsEntry("2026-W49", 1);
        var twice = f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", late), null, null, "learners");
        assertThat(twice.getStatusCode()).isEqualTo(409);
        assertThat(json(twice)).containsEntry("code", "session-not-booked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRescheduleMovesTheSessionAtomicallyWithTheSameMentor() {
        String a = f.learner("seoul", SchoolLevel.MIDDLE);
        String b = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String ma = f.mentorship("seoul", a, mentor);
        String mb = f.mentorship("seoul", b, mentor);
        String s1 = (String) expect(f.book("seoul", a, ma, "2026-12-08T10:00"), 201).get("sessionId");

        var moved = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", a, "seoul",
                Map.of("mentorshipId", ma, "sessionId", s1), null, "{\"start\":\"2026-12-08T11:00+09:00\"}", "learners"), 201);
        String s2 = (String) moved.get("sessionId");
        assertThat(moved).containsEntry("local", "2026-12-08T11:00").containsEntry("status", "BOOKED");
        assertThat(f.locks("seoul", mentor)).containsExactly("BUSY#2026-12-08T02:00:00Z");
        assertThat(number(f.mentorshipItem("seoul", ma), "used")).isEqualTo(1);
        assertThat(expect(f.book("seoul", b, mb, "2026-12-08T10:00"), 201)).as("the old slot is free again").containsEntry("status", "BOOKED");

        var before = f.snapshot("seoul", List.of(a, b, mentor), List.of(ma, mb));
        var taken = f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", a, "seoul",
                Map.of("mentorshipId", ma, "sessionId", s2), null, "{\"start\":\"2026-12-08T10:00\"}", "learners");
        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(json(taken)).containsEntry("code", "slot-taken");
        assertThat(f.snapshot("seoul", List.of(a, b, mentor), List.of(ma, mb))).as("nothing changed").isEqualTo(before);

        var nextWeek = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", a, "seoul",
                Map.of("mentorshipId", ma, "sessionId", s2), null, "{\"start\":\"2026-12-15T10:00\"}", "learners"), 201);
        assertThat(nextWeek).containsEntry("week", "2026-W51");
        var mine = f.mine("seoul", a);
        assertThat((Map<String, Object>) mine.get("weeks")).containsEntry("2026-W50", 0).containsEntry("2026-W51", 1);
        assertThat((List<Map<String, Object>>) mine.get("sessions")).extracting(s -> s.get("status"))
                .containsExactly("RESCHEDULED", "RESCHEDULED", "BOOKED");
        f.clock.set(seoul("2026-12-15T10:00").minus(11, ChronoUnit.HOURS));
        var tooLate = f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", a, "seoul",
                Map.of("mentorshipId", ma, "sessionId", (String) nextWeek.get("sessionId")), null, "{\"start\":\"2026-12-18T10:00\"}", "learners");
        assertThat(json(tooLate)).containsEntry("code", "reschedule-too-late");
    }

    @Test
    void aChangeRetriedAfterItsAnswerWasLostIsNeitherDoneTwiceNorRefused() {
        // the SDK sends a request again when its answer was lost (a timeout after the write was
        // applied), with the same ClientRequestToken; DynamoDB, and the emulator, answer such a retried
        // transaction from that token instead of running it again
        TenantId seoul = new TenantId("seoul");
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String id = f.mentorship("seoul", learner, mentor);
        var m = f.ledger.mentorship(seoul, id).orElseThrow();
        Instant start = seoul("2026-12-09T10:00");
        var s = new kr.seoullearn.mentoring.domain.Session(seoul, id, java.util.UUID.randomUUID().toString(), learner, mentor, start, 30,
                kr.seoullearn.mentoring.domain.Session.Status.BOOKED, "https://meet.seoul-learn.local/room/x", null, MentoringFixture.NOW, null);
        var lost = new MentoringFixture.LostAnswers();
        var ledger = kr.seoullearn.mentoring.dynamo.MentoringStorage.ledger(f.dynamoDb(lost), f.stack.table());

        lost.arm();
        ledger.book(m, s); // applied, its answer lost, the same transaction sent again

        assertThat(lost.transactionsSent()).as("the booking was sent twice").isEqualTo(2);
        assertThat(number(f.mentorshipItem("seoul", id), "used")).isEqualTo(1);
        assertThat(f.ledger.sessions(seoul, id)).hasSize(1);
        Instant now = MentoringFixture.NOW.plusSeconds(60);
        lost.arm();
        ledger.cancel(m, s, false, now);
        assertThat(lost.transactionsSent()).as("the cancel was sent twice").isEqualTo(4);
        assertThat(number(f.mentorshipItem("seoul", id), "used")).isZero();
        assertThat(f.locks("seoul", mentor)).isEmpty();
        // another cancel of the cancelled session (not a retry of the same call) is refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.ledger.cancel(m, s, false, now))
                .hasMessage("session-not-booked");
    }

    @Test
    void aSessionNextToACancelledOneMovesToAnotherDayOfTheWeek() {
        // the browser journey's steps: two sessions back to back, the first cancelled, the second moved
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);
        String first = (String) expect(f.book("seoul", learner, mentorship, "2026-12-07T19:00"), 201).get("sessionId");
        String second = (String) expect(f.book("seoul", learner, mentorship, "2026-12-07T19:30"), 201).get("sessionId");
        expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", first), null, null, "learners"), 200);
        var moved = f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", second), null, "{\"start\":\"2026-12-12T03:30:00Z\"}", "learners");
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(201);
        assertThat(f.locks("seoul", mentor)).containsExactly("BUSY#2026-12-12T03:30:00Z");
        assertThat(f.locks("seoul", learner)).containsExactly("BUSY#2026-12-12T03:30:00Z");
    }

    @Test
    void startsOnTheHalfHourWithNoticeInsideTheWindowAndTheMentorsAvailability() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        var away = new kr.seoullearn.mentoring.domain.Availability(MentoringFixture.everyDay().weekly(),
                Set.of(java.time.LocalDate.of(2026, 12, 24)), 0);
        String mentor = f.mentor("seoul", "휴가 멘토", Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO), 4, away);
        String mentorship = f.mentorship("seoul", learner, mentor);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("2026-12-01T08:30", "session-notice-too-short");     // 23.5 h ahead
        refusals.put("2026-11-30T10:00", "session-notice-too-short");     // in an hour
        refusals.put("2026-12-02T10:15", "session-start-not-on-half-hour");
        refusals.put("2027-01-27T10:00", "session-outside-window");
        refusals.put("2026-12-02T21:00", "mentor-not-available");         // the window ends at 21:00
        refusals.put("2026-12-02T20:45", "session-start-not-on-half-hour");
        refusals.put("2026-12-24T10:00", "mentor-not-available");         // away that day
        refusals.forEach((start, code) -> {
            f.counter.reset();
            var r = f.book("seoul", learner, mentorship, start);
            assertThat(r.getStatusCode()).as(start).isEqualTo(422);
            assertThat(json(r)).as(start).containsEntry("code", code);
            assertThat(f.writes()).as(start).isZero();
        });
        assertThat(expect(f.book("seoul", learner, mentorship, "2026-12-01T09:00"), 201)).as("exactly 24 h ahead").containsEntry("status", "BOOKED");
        assertThat(expect(f.book("seoul", learner, mentorship, "2026-12-02T11:30:00Z"), 201)).as("any offset, read in Seoul time")
                .containsEntry("local", "2026-12-02T20:30");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mentorsRecordAttendanceOfTheirOwnMenteesSessionsOnceTheyStarted() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String other = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);
        String session = (String) expect(f.book("seoul", learner, mentorship, "2026-12-01T10:00"), 201).get("sessionId");
        Map<String, String> path = Map.of("mentorshipId", mentorship, "sessionId", session);
        String route = "PUT /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/attendance";

        assertThat(json(f.call(route, mentor, "seoul", path, null, "{\"outcome\":\"HELD\"}", "mentors"))).containsEntry("code", "session-not-started");
        f.clock.set(seoul("2026-12-01T10:05"));
        assertThat(json(f.call(route, other, "seoul", path, null, "{\"outcome\":\"HELD\"}", "mentors"))).containsEntry("code", "mentorship-not-found");
        var held = expect(f.call(route, mentor, "seoul", path, null, "{\"outcome\":\"HELD\",\"note\":\"분수 복습, 다음엔 방정식\"}", "mentors"), 200);
        assertThat(held).containsEntry("status", "HELD").containsEntry("note", "분수 복습, 다음엔 방정식").doesNotContainKey("meetingUrl");
        var desk = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((List<Map<String, Object>>) desk.get("mentees")).singleElement().satisfies(m ->
                assertThat(m).containsEntry("mentorshipId", mentorship).containsEntry("used", 1));
        assertThat((List<Map<String, Object>>) desk.get("sessions")).singleElement().satisfies(s ->
                assertThat(s).containsEntry("status", "HELD").containsEntry("note", "분수 복습, 다음엔 방정식"));
        var mine = (List<Map<String, Object>>) f.mine("seoul", learner).get("sessions");
        assertThat(mine).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "HELD").doesNotContainKey("note"));
        assertThat(expect(f.call(route, mentor, "seoul", path, null, "{\"outcome\":\"NO_SHOW\"}", "mentors"), 200))
                .as("a mentor may correct the record").containsEntry("status", "NO_SHOW");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mentorsPublishAvailabilityWithOptimisticLocking() {
        String mentor = f.mentor("seoul", "새 멘토", Set.of(MentoringSubject.CAREER), Set.of(SchoolLevel.HIGH), Set.of(Language.KO), 3,
                kr.seoullearn.mentoring.domain.Availability.NONE);
        var mine = expect(f.call("GET /api/mentoring/availability", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((Map<String, Object>) mine.get("availability")).containsEntry("version", 0);
        String body = "{\"version\":0,\"weekly\":[{\"day\":\"MON\",\"from\":\"18:00\",\"to\":\"21:00\"},"
                + "{\"day\":\"SAT\",\"from\":\"09:30\",\"to\":\"12:00\"}],\"away\":[\"2026-12-25\"]}";
        var saved = expect(f.call("PUT /api/mentoring/availability", mentor, "seoul", Map.of(), null, body, "mentors"), 200);
        assertThat(saved).containsEntry("version", 1).containsEntry("away", List.of("2026-12-25"));
        assertThat((List<Map<String, Object>>) saved.get("weekly")).extracting(w -> w.get("day") + " " + w.get("from") + "-" + w.get("to"))
                .containsExactly("MON 18:00-21:00", "SAT 09:30-12:00");
        var stale = f.call("PUT /api/mentoring/availability", mentor, "seoul", Map.of(), null, body, "mentors");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(json(stale)).containsEntry("code", "version-conflict").containsEntry("version", 1);

        var bad = f.call("PUT /api/mentoring/availability", mentor, "seoul", Map.of(), null, "{\"version\":1,\"weekly\":["
                + "{\"day\":\"MONDAY!\",\"from\":\"18:15\",\"to\":\"17:00\"},{\"day\":\"TUE\",\"from\":\"18:00\",\"to\":\"17:00\"},"
                + "{\"day\":\"WED\",\"from\":\"10:00\",\"to\":\"12:00\"},{\"day\":\"WED\",\"from\":\"11:00\",\"to\":\"13:00\"}],"
                + "\"away\":[\"someday\"],\"extra\":1}", "mentors");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) json(bad).get("errors")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("extra:unknown-field", "weekly[0].day:invalid-value", "weekly[0].from:invalid-value",
                        "weekly[1].to:invalid-value", "weekly[3]:invalid-value", "away[0]:invalid-value");
        var unknown = f.call("GET /api/mentoring/availability", "not-a-mentor", "seoul", Map.of(), null, null, "mentors");
        assertThat(json(unknown)).containsEntry("code", "mentor-not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMentorAtTheMaximumIsNeitherProposedNorConfirmed() {
        String full = f.mentor("seoul", "꽉 찬 멘토", Set.of(MentoringSubject.CAREER), Set.of(SchoolLevel.HIGH), Set.of(Language.KO), 4,
                MentoringFixture.everyDay());
        f.dynamo.updateItem(u -> u.tableName(f.stack.table())
                .key(kr.seoullearn.mentoring.dynamo.MentoringStorage.mentorKey(new kr.seoullearn.platform.tenant.TenantId("seoul"), full).attributes())
                .updateExpression("SET mentees = :ten").expressionAttributeValues(Map.of(":ten", AttributeValue.fromN("10"))));
        String learner = f.learner("seoul", SchoolLevel.HIGH);
        expect(f.call("POST /api/mentoring/request", learner, "seoul", Map.of(), null,
                "{\"subjects\":[\"CAREER\"],\"goals\":\"진로\",\"preferredTimes\":[],\"language\":\"ko\"}", "learners"), 201);
        var proposals = (List<Map<String, Object>>) expect(f.call("GET /api/mentoring/requests/{menteeId}/proposals", "reviewer-1", "seoul",
                Map.of("menteeId", learner), null, null, "reviewers"), 200).get("proposals");
        assertThat(proposals).extracting(p -> p.get("mentorId")).doesNotContain(full);

        var refused = f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", "seoul", Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + full + "\"}", "reviewers");
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(json(refused)).containsEntry("code", "mentor-full");
        assertThat((Map<String, Object>) f.mine("seoul", learner).get("request")).containsEntry("status", "REQUESTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLaterRulesBookHourLongSessionsOnceAWeekForMiddleAndHighSchoolOnly() {
        String elementary = f.learner("chungbuk", SchoolLevel.ELEMENTARY);
        var refused = f.call("POST /api/mentoring/request", elementary, "chungbuk", Map.of(), null, MentoringFixture.REQUEST, "learners");
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(json(refused)).containsEntry("code", "mentoring-not-for-level");

        String a = f.learner("chungbuk", SchoolLevel.MIDDLE);
        String b = f.learner("chungbuk", SchoolLevel.HIGH);
        String mentor = f.mentor("chungbuk");
        String ma = f.mentorship("chungbuk", a, mentor);
        String mb = f.mentorship("chungbuk", b, mentor);
        assertThat(expect(f.book("chungbuk", a, ma, "2026-12-08T10:00"), 201)).containsEntry("minutes", 60);
        assertThat(f.locks("chungbuk", mentor)).as("an hour holds two half hours")
                .containsExactly("BUSY#2026-12-08T01:00:00Z", "BUSY#2026-12-08T01:30:00Z");
        assertThat(json(f.book("chungbuk", b, mb, "2026-12-08T10:30"))).as("overlaps the second half").containsEntry("code", "slot-taken");
        assertThat(json(f.book("chungbuk", b, mb, "2026-12-08T09:30"))).as("overlaps the first half").containsEntry("code", "slot-taken");
        assertThat(expect(f.book("chungbuk", b, mb, "2026-12-08T11:00"), 201)).containsEntry("status", "BOOKED");
        assertThat(json(f.book("chungbuk", a, ma, "2026-12-10T10:00"))).as("one a week").containsEntry("code", "weekly-cap-reached");

        // a second session a week only once the mentor agrees
        String route = "PUT /api/mentoring/mentorships/{mentorshipId}/weekly-cap";
        assertThat(json(f.call(route, f.mentor("chungbuk"), "chungbuk", Map.of("mentorshipId", ma), null, "{\"agree\":true}", "mentors")))
                .as("another mentor").containsEntry("code", "mentorship-not-found");
        f.counter.reset();
        var agreed = expect(f.call(route, mentor, "chungbuk", Map.of("mentorshipId", ma), null, "{\"agree\":true}", "mentors"), 200);
        assertThat(f.counter.snapshot()).isEqualTo(Map.of("GetItem", 1, "UpdateItem", 1));
        assertThat(agreed).containsEntry("weeklyCap", 2).containsEntry("baseWeeklyCap", 1).containsEntry("weeklyCapWithConsent", 2);
        assertThat(expect(f.book("chungbuk", a, ma, "2026-12-10T10:00"), 201)).containsEntry("week", "2026-W50");
        assertThat(json(f.book("chungbuk", a, ma, "2026-12-11T10:00"))).as("two at most").containsEntry("code", "weekly-cap-reached");
        assertThat(expect(f.call(route, mentor, "chungbuk", Map.of("mentorshipId", ma), null, "{\"agree\":false}", "mentors"), 200))
                .containsEntry("weeklyCap", 1);
        assertThat(json(f.book("chungbuk", a, ma, "2026-12-15T10:00"))).as("a new week, one again").containsEntry("minutes", 60);
        assertThat(json(f.book("chungbuk", a, ma, "2026-12-16T10:00"))).containsEntry("code", "weekly-cap-reached");
        var mine = f.mine("chungbuk", a);
        assertThat(mine.get("mentorship")).asString().contains("trialSessions=2");
        assertThat((List<Map<String, Object>>) mine.get("sessions")).extracting(x -> x.get("number") + ":" + x.get("trial"))
                .as("the first two sessions are trial sessions").containsExactly("1:true", "2:true", "3:false");
    }

    private static final Set<String> DECIDED_BY_CONDITION = Set.of("slot-taken", "mentor-not-found", "mentoring-already-requested",
            "extension-not-found");

    /** One request per route and caller that must be refused; with the status it must get. */
    private record Refused(String what, String route, String sub, String tenant, Map<String, String> path, String body, int status,
                           String code, String... groups) {}

    @Test
    void badInputWrongRolesAnotherMentorsMenteeAndAnotherTenantAreProblemsThatWriteNothing() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String stranger = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String otherMentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);
        String session = (String) expect(f.book("seoul", learner, mentorship, "2026-12-02T10:00"), 201).get("sessionId");
        String waiting = f.learner("seoul", SchoolLevel.MIDDLE);
        expect(f.call("POST /api/mentoring/request", waiting, "seoul", Map.of(), null, MentoringFixture.REQUEST, "learners"), 201);
        Map<String, String> ms = Map.of("mentorshipId", mentorship);
        Map<String, String> mss = Map.of("mentorshipId", mentorship, "sessionId", session);
        var before = f.snapshot("seoul", List.of(learner, stranger, mentor, otherMentor, waiting), List.of(mentorship));

        List<Refused> cases = new ArrayList<>();
        String book = "POST /api/mentoring/mentorships/{mentorshipId}/sessions";
        String cancel = "DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}";
        String move = "POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule";
        String attend = "PUT /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/attendance";
        String slots = "GET /api/mentoring/mentorships/{mentorshipId}/slots";
        String extension = "POST /api/mentoring/mentorships/{mentorshipId}/extension";
        String weeklyCap = "PUT /api/mentoring/mentorships/{mentorshipId}/weekly-cap";
        String decision = "POST /api/mentoring/mentorships/{mentorshipId}/extension/decision";
        String match = "POST /api/mentoring/requests/{menteeId}/match";
        String proposals = "GET /api/mentoring/requests/{menteeId}/proposals";
        // bad input
        cases.add(new Refused("malformed", "POST /api/mentoring/request", stranger, "seoul", Map.of(), "{\"subjects\":", 400, "malformed-json", "learners"));
        cases.add(new Refused("not an object", "POST /api/mentoring/request", stranger, "seoul", Map.of(), "[1]", 400, "not-an-object", "learners"));
        cases.add(new Refused("wrong types", "POST /api/mentoring/request", stranger, "seoul", Map.of(),
                "{\"subjects\":\"MATH\",\"goals\":7,\"preferredTimes\":{},\"language\":\"fr\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("unknown subject", "POST /api/mentoring/request", stranger, "seoul", Map.of(),
                "{\"subjects\":[\"ASTROLOGY\"],\"goals\":\"x\",\"preferredTimes\":[],\"language\":\"ko\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("missing fields", "POST /api/mentoring/request", stranger, "seoul", Map.of(), "{}", 400, "validation-failed", "learners"));
        cases.add(new Refused("too long", "POST /api/mentoring/request", stranger, "seoul", Map.of(),
                "{\"subjects\":[\"MATH\"],\"goals\":\"" + "가".repeat(501) + "\",\"preferredTimes\":[],\"language\":\"ko\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("oversize", "POST /api/mentoring/request", stranger, "seoul", Map.of(), "{\"goals\":\"" + "x".repeat(70_000) + "\"}",
                413, "body-too-large", "learners"));
        cases.add(new Refused("already asked", "POST /api/mentoring/request", learner, "seoul", Map.of(), MentoringFixture.REQUEST, 409,
                "mentoring-already-requested", "learners"));
        cases.add(new Refused("bad start", book, learner, "seoul", ms, "{\"start\":\"tomorrow at seven\"}", 400, "validation-failed", "learners"));
        cases.add(new Refused("start as number", book, learner, "seoul", ms, "{\"start\":1764600000}", 400, "validation-failed", "learners"));
        cases.add(new Refused("unknown field", book, learner, "seoul", ms, "{\"start\":\"2026-12-03T10:00\",\"minutes\":120}", 400, "validation-failed", "learners"));
        cases.add(new Refused("slot taken by self", book, learner, "seoul", ms, "{\"start\":\"2026-12-02T10:00\"}", 409, "slot-taken", "learners"));
        cases.add(new Refused("bad id", book, learner, "seoul", Map.of("mentorshipId", "../x"), "{\"start\":\"2026-12-03T10:00\"}", 404,
                "mentorship-not-found", "learners"));
        cases.add(new Refused("bad session id", cancel, learner, "seoul", Map.of("mentorshipId", mentorship, "sessionId", "a b"), null, 404,
                "session-not-found", "learners"));
        cases.add(new Refused("unknown session", cancel, learner, "seoul", Map.of("mentorshipId", mentorship, "sessionId", "nope"), null, 404,
                "session-not-found", "learners"));
        cases.add(new Refused("bad start", move, learner, "seoul", mss, "{}", 400, "validation-failed", "learners"));
        cases.add(new Refused("bad outcome", attend, mentor, "seoul", mss, "{\"outcome\":\"MAYBE\",\"note\":5}", 400, "validation-failed", "mentors"));
        cases.add(new Refused("bad week", slots, learner, "seoul", ms, null, 400, "validation-failed", "learners"));
        cases.add(new Refused("bad consent", weeklyCap, mentor, "seoul", ms, "{\"agree\":\"yes\"}", 400, "validation-failed", "mentors"));
        cases.add(new Refused("missing consent", weeklyCap, mentor, "seoul", ms, "{}", 400, "validation-failed", "mentors"));
        cases.add(new Refused("another mentor's mentee", weeklyCap, otherMentor, "seoul", ms, "{\"agree\":true}", 404, "mentorship-not-found", "mentors"));
        cases.add(new Refused("other tenant", weeklyCap, mentor, "chungbuk", ms, "{\"agree\":true}", 404, "mentorship-not-found", "mentors"));
        cases.add(new Refused("bad decision", decision, "reviewer-1", "seoul", ms, "{\"approve\":\"yes\"}", 400, "validation-failed", "reviewers"));
        cases.add(new Refused("no extension asked", decision, "reviewer-1", "seoul", ms, "{\"approve\":true}", 404, "extension-not-found", "reviewers"));
        cases.add(new Refused("bad mentor id", match, "reviewer-1", "seoul", Map.of("menteeId", waiting), "{\"mentorId\":42}", 400,
                "validation-failed", "reviewers"));
        cases.add(new Refused("unknown mentor", match, "reviewer-1", "seoul", Map.of("menteeId", waiting), "{\"mentorId\":\"nobody\"}", 404,
                "mentor-not-found", "reviewers"));
        cases.add(new Refused("no request", proposals, "reviewer-1", "seoul", Map.of("menteeId", stranger), null, 404,
                "mentoring-request-not-found", "reviewers"));
        cases.add(new Refused("bad mentee id", proposals, "reviewer-1", "seoul", Map.of("menteeId", "*"), null, 404,
                "mentoring-request-not-found", "reviewers"));
        cases.add(new Refused("bad availability", "PUT /api/mentoring/availability", mentor, "seoul", Map.of(), "{\"weekly\":[]}", 400,
                "validation-failed", "mentors"));
        // another learner's mentorship, another mentor's mentee: the same 404 as for an id that does not exist
        cases.add(new Refused("another learner's", book, stranger, "seoul", ms, "{\"start\":\"2026-12-03T10:00\"}", 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("another learner's", cancel, stranger, "seoul", mss, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("another learner's", move, stranger, "seoul", mss, "{\"start\":\"2026-12-03T10:00\"}", 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("another learner's", slots, stranger, "seoul", ms, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("another learner's", extension, stranger, "seoul", ms, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("another mentor's mentee", attend, otherMentor, "seoul", mss, "{\"outcome\":\"HELD\"}", 404, "mentorship-not-found", "mentors"));
        cases.add(new Refused("another mentor's mentee", slots, otherMentor, "seoul", ms, null, 404, "mentorship-not-found", "mentors"));
        // another tenant: the same ids under chungbuk reach nothing of seoul's
        cases.add(new Refused("other tenant", book, learner, "chungbuk", ms, "{\"start\":\"2026-12-03T10:00\"}", 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("other tenant", cancel, learner, "chungbuk", mss, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("other tenant", move, learner, "chungbuk", mss, "{\"start\":\"2026-12-03T10:00\"}", 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("other tenant", attend, mentor, "chungbuk", mss, "{\"outcome\":\"HELD\"}", 404, "mentorship-not-found", "mentors"));
        cases.add(new Refused("other tenant", slots, learner, "chungbuk", ms, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("other tenant", extension, learner, "chungbuk", ms, null, 404, "mentorship-not-found", "learners"));
        cases.add(new Refused("other tenant", decision, "reviewer-2", "chungbuk", ms, "{\"approve\":true}", 404, "mentorship-not-found", "reviewers"));
        cases.add(new Refused("other tenant", match, "reviewer-2", "chungbuk", Map.of("menteeId", waiting), "{\"mentorId\":\"" + mentor + "\"}",
                404, "mentoring-request-not-found", "reviewers"));
        cases.add(new Refused("other tenant", proposals, "reviewer-2", "chungbuk", Map.of("menteeId", waiting), null, 404,
                "mentoring-request-not-found", "reviewers"));
        cases.add(new Refused("other tenant", "GET /api/mentoring/availability", mentor, "chungbuk", Map.of(), null, 404, "mentor-not-found", "mentors"));
        cases.add(new Refused("other tenant", "PUT /api/mentoring/availability", mentor, "chungbuk", Map.of(),
                "{\"version\":0,\"weekly\":[]}", 404, "mentor-not-found", "mentors"));
        cases.add(new Refused("other tenant", "POST /api/mentoring/request", learner, "chungbuk", Map.of(), MentoringFixture.REQUEST, 404,
                "profile-not-found", "learners"));
        // wrong roles and anonymous callers, every route
        Map<String, Object[]> routes = new LinkedHashMap<>();
        routes.put("GET /api/mentoring/availability", new Object[] {Map.of(), null, "mentors"});
        routes.put("PUT /api/mentoring/availability", new Object[] {Map.of(), "{\"version\":0,\"weekly\":[]}", "mentors"});
        routes.put("GET /api/mentoring/mentees", new Object[] {Map.of(), null, "mentors"});
        routes.put("POST /api/mentoring/request", new Object[] {Map.of(), MentoringFixture.REQUEST, "learners"});
        routes.put("GET /api/mentoring/me", new Object[] {Map.of(), null, "learners"});
        routes.put("GET /api/mentoring/requests", new Object[] {Map.of(), null, "reviewers"});
        routes.put(proposals, new Object[] {Map.of("menteeId", waiting), null, "reviewers"});
        routes.put(match, new Object[] {Map.of("menteeId", waiting), "{\"mentorId\":\"" + mentor + "\"}", "reviewers"});
        routes.put(slots, new Object[] {ms, null, "learners mentors"});
        routes.put(book, new Object[] {ms, "{\"start\":\"2026-12-03T10:00\"}", "learners"});
        // the mentee and the mentor both cancel and move (the mentor's own case: MentorOperationsIT)
        routes.put(cancel, new Object[] {mss, null, "learners mentors"});
        routes.put(move, new Object[] {mss, "{\"start\":\"2026-12-03T10:00\"}", "learners mentors"});
        routes.put(attend, new Object[] {mss, "{\"outcome\":\"HELD\"}", "mentors"});
        routes.put(extension, new Object[] {ms, null, "learners"});
        routes.put(weeklyCap, new Object[] {ms, "{\"agree\":true}", "mentors"});
        routes.put("GET /api/mentoring/extensions", new Object[] {Map.of(), null, "reviewers"});
        routes.put(decision, new Object[] {ms, "{\"approve\":true}", "reviewers"});
        routes.forEach((route, args) -> {
            @SuppressWarnings("unchecked") Map<String, String> path = (Map<String, String>) args[0];
            List<String> allowed = List.of(((String) args[2]).split(" "));
            for (String group : List.of("applicants", "learners", "mentors", "reviewers", "district-officers", "admins")) {
                if (!allowed.contains(group)) {
                    String sub = group.equals("learners") ? learner : group.equals("mentors") ? mentor : group + "-1";
                    cases.add(new Refused(group, route, sub, "seoul", path, (String) args[1], 403, "forbidden", group));
                }
            }
            cases.add(new Refused("anonymous", route, learner, "seoul", path, (String) args[1], 401, "unauthenticated", (String[]) null));
        });

        for (Refused c : cases) {
            f.counter.reset();
            Map<String, String> query = c.what().equals("bad week") ? Map.of("week", "2026-13-45") : null;
            APIGatewayV2HTTPResponse r = f.call(c.route(), c.sub(), c.tenant(), c.path(), query, c.body(), c.groups());
            String what = c.route() + " " + c.what();
            assertThat(r.getStatusCode()).as(what + ": " + r.getBody()).isEqualTo(c.status());
            assertThat(r.getHeaders()).as(what).containsEntry("content-type", "application/problem+json");
            assertThat(json(r)).as(what).containsEntry("code", c.code());
            // a refusal decided by a condition inside DynamoDB costs the one conditional write that failed
            assertThat(f.writes()).as(what + " wrote " + f.counter.snapshot()).isLessThanOrEqualTo(DECIDED_BY_CONDITION.contains(c.code()) ? 1 : 0);
            assertThat(f.counter.count("Scan")).as(what).isZero();
        }
        assertThat(f.snapshot("seoul", List.of(learner, stranger, mentor, otherMentor, waiting), List.of(mentorship)))
                .as("nothing changed").isEqualTo(before);
    }

    @Test
    void eachRouteCostsABoundedNumberOfDynamoDbCallsAndNoScan() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        Map<String, Map<String, Integer>> cost = new LinkedHashMap<>();
        cost.put("POST /api/mentoring/request", measure(() -> f.call("POST /api/mentoring/request", learner, "seoul", Map.of(), null,
                MentoringFixture.REQUEST, "learners"), 201));
        cost.put("GET /api/mentoring/requests", measure(() -> f.call("GET /api/mentoring/requests", "r", "seoul", Map.of(), null, null,
                "reviewers"), 200));
        cost.put("GET /api/mentoring/requests/{menteeId}/proposals", measure(() -> f.call("GET /api/mentoring/requests/{menteeId}/proposals",
                "r", "seoul", Map.of("menteeId", learner), null, null, "reviewers"), 200));
        cost.put("POST /api/mentoring/requests/{menteeId}/match", measure(() -> f.call("POST /api/mentoring/requests/{menteeId}/match", "r",
                "seoul", Map.of("menteeId", learner), null, "{\"mentorId\":\"" + mentor + "\"}", "reviewers"), 201));
        String mentorship = (String) ((Map<?, ?>) f.mine("seoul", learner).get("mentorship")).get("mentorshipId");
        Map<String, String> ms = Map.of("mentorshipId", mentorship);
        cost.put("GET /api/mentoring/mentorships/{mentorshipId}/slots", measure(() -> f.call("GET /api/mentoring/mentorships/{mentorshipId}/slots",
                learner, "seoul", ms, Map.of("week", "2026-12-07"), null, "learners"), 200));
        cost.put("POST /api/mentoring/mentorships/{mentorshipId}/sessions", measure(() -> f.book("seoul", learner, mentorship, "2026-12-08T10:00"), 201));
        String s = (String) f.ledger.sessions(new kr.seoullearn.platform.tenant.TenantId("seoul"), mentorship).get(0).id();
        Map<String, String> mss = Map.of("mentorshipId", mentorship, "sessionId", s);
        cost.put("POST …/sessions/{sessionId}/reschedule", measure(() -> f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule",
                learner, "seoul", mss, null, "{\"start\":\"2026-12-09T10:00\"}", "learners"), 201));
        String moved = f.ledger.sessions(new kr.seoullearn.platform.tenant.TenantId("seoul"), mentorship).stream()
                .filter(x -> x.status() == kr.seoullearn.mentoring.domain.Session.Status.BOOKED).findFirst().orElseThrow().id();
        cost.put("DELETE …/sessions/{sessionId}", measure(() -> f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}",
                learner, "seoul", Map.of("mentorshipId", mentorship, "sessionId", moved), null, null, "learners"), 200));
        String held = (String) expect(f.book("seoul", learner, mentorship, "2026-12-01T10:00"), 201).get("sessionId");
        f.clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        cost.put("PUT …/sessions/{sessionId}/attendance", measure(() -> f.call("PUT /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/attendance",
                mentor, "seoul", Map.of("mentorshipId", mentorship, "sessionId", held), null, "{\"outcome\":\"HELD\"}", "mentors"), 200));
        cost.put("GET /api/mentoring/me", measure(() -> f.call("GET /api/mentoring/me", learner, "seoul", Map.of(), null, null, "learners"), 200));
        cost.put("GET /api/mentoring/mentees", measure(() -> f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200));
        cost.put("GET /api/mentoring/availability", measure(() -> f.call("GET /api/mentoring/availability", mentor, "seoul", Map.of(), null, null, "mentors"), 200));
        cost.put("PUT /api/mentoring/availability", measure(() -> f.call("PUT /api/mentoring/availability", mentor, "seoul", Map.of(), null,
                "{\"version\":0,\"weekly\":[{\"day\":\"MON\",\"from\":\"09:00\",\"to\":\"21:00\"}]}", "mentors"), 200));
        cost.put("POST …/extension", measure(() -> f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension", learner, "seoul", ms, null,
                null, "learners"), 201));
        cost.put("GET /api/mentoring/extensions", measure(() -> f.call("GET /api/mentoring/extensions", "r", "seoul", Map.of(), null, null,
                "reviewers"), 200));
        cost.put("POST …/extension/decision", measure(() -> f.call("POST /api/mentoring/mentorships/{mentorshipId}/extension/decision", "r",
                "seoul", ms, null, "{\"approve\":true}", "reviewers"), 200));
        cost.forEach((route, calls) -> System.out.println("[dynamodb calls] " + route + ": " + calls));

        assertThat(cost.get("POST /api/mentoring/request")).isEqualTo(Map.of("GetItem", 1, "Query", 1, "TransactWriteItems", 1)); // the request and its figure (ADR 15)
        assertThat(cost.get("GET /api/mentoring/requests")).isEqualTo(Map.of("Query", 1));
        assertThat(cost.get("GET /api/mentoring/requests/{menteeId}/proposals")).isEqualTo(Map.of("GetItem", 1, "Query", 2));
        assertThat(cost.get("POST /api/mentoring/requests/{menteeId}/match")).isEqualTo(Map.of("GetItem", 2, "Query", 1, "TransactWriteItems", 1));
        assertThat(cost.get("GET /api/mentoring/mentorships/{mentorshipId}/slots")).isEqualTo(Map.of("GetItem", 2, "Query", 3));
        assertThat(cost.get("POST /api/mentoring/mentorships/{mentorshipId}/sessions")).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1));
        assertThat(cost.get("POST …/sessions/{sessionId}/reschedule")).isEqualTo(Map.of("GetItem", 3, "TransactWriteItems", 1));
        assertThat(cost.get("DELETE …/sessions/{sessionId}")).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1));
        assertThat(cost.get("PUT …/sessions/{sessionId}/attendance")).isEqualTo(Map.of("GetItem", 2, "TransactWriteItems", 1)); // with its figure (ADR 15)
        assertThat(cost.get("GET /api/mentoring/me")).isEqualTo(Map.of("GetItem", 4, "Query", 2));
        assertThat(cost.get("GET /api/mentoring/mentees")).isEqualTo(Map.of("GetItem", 1, "Query", 2)); // + the mentor's term
        assertThat(cost.get("GET /api/mentoring/availability")).isEqualTo(Map.of("GetItem", 1));
        assertThat(cost.get("PUT /api/mentoring/availability")).isEqualTo(Map.of("UpdateItem", 1));
        assertThat(cost.get("POST …/extension")).isEqualTo(Map.of("GetItem", 1, "PutItem", 1));
        assertThat(cost.get("GET /api/mentoring/extensions")).isEqualTo(Map.of("Query", 1));
        assertThat(cost.get("POST …/extension/decision")).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
    }

    private Map<String, Integer> measure(Supplier<APIGatewayV2HTTPResponse> request, int status) {
        f.counter.reset();
        var r = request.get();
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(f.counter.count("Scan")).isZero();
        return f.counter.snapshot();
    }
}

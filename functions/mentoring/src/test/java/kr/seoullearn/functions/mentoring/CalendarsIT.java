package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.ParseWarning;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calendars through the handler with real API Gateway events on the emulator's table: a session
 * as .ics, the private feed (replaced, revoked), and what a move or a cancel by the mentor does
 * to the same calendar event — each checked by parsing with biweekly, a real iCalendar library.
 */
class CalendarsIT {
    private static final String SESSION_ICS = "GET /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/calendar.ics";
    private static final String FEED = "GET /api/calendar/{feedFile}";
    /** A name with what iCalendar text must escape, and Korean, long enough to fold. */
    private static final String MENTOR_NAME = "김민준, 박서연; \"멘토\" \\ 서울대학교 수학교육과 자원봉사 멘토 (목요일 저녁반)";
    private static MentoringFixture f;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("calendars");
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
        f.tenant(MentoringFixture.launch("chungbuk", 2, 10));
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

    private record Pair(String learner, String mentor, String mentorship) {}

    private static Pair pair(String tenant, String mentorName) {
        String mentor = f.mentor(tenant, mentorName, Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO), 4,
                MentoringFixture.everyDay());
        String learner = f.learner(tenant, SchoolLevel.MIDDLE);
        return new Pair(learner, mentor, f.mentorship(tenant, learner, mentor));
    }

    static ICalendar parse(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("content-type", "text/calendar; charset=utf-8").containsEntry("cache-control", "no-store");
        String body = r.getBody();
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("RFC 5545 3.1: lines of at most 75 octets: " + line).isLessThanOrEqualTo(75);
        }
        assertThat(body.replace("\r\n", "")).as("every line ends with CRLF").doesNotContain("\n").doesNotContain("\r");
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar ical = Biweekly.parse(body).warnings(warnings).first();
        assertThat(ical).isNotNull();
        assertThat(warnings.stream().flatMap(List::stream).toList()).as("biweekly found nothing wrong").isEmpty();
        assertThat(ical.getTimezoneInfo().getComponents()).extracting(VTimezone::getTimezoneId).extracting(p -> p.getValue())
                .containsExactly("Asia/Seoul");
        return ical;
    }

    private static Instant seoul(String local) {
        return LocalDateTime.parse(local).atZone(MentoringFixture.SEOUL).toInstant();
    }

    private static APIGatewayV2HTTPResponse feed(String path) {
        return f.call(FEED, null, null, Map.of("feedFile", path.substring("/api/calendar/".length())), null, null, (String[]) null);
    }

    private static String newFeed(String tenant, String sub, String group) {
        var body = expect(f.call("POST /api/mentoring/calendar-feed", sub, tenant, Map.of(), null, null, group), 201);
        assertThat(body).containsEntry("active", true);
        return (String) body.get("path");
    }

    @Test
    void aBookedSessionDownloadsAsAnIcsThatARealParserReadsInSeoulTime() {
        Pair p = pair("seoul", MENTOR_NAME);
        var booked = expect(f.book("seoul", p.learner(), p.mentorship(), "2026-12-08T19:00"), 201);
        String sessionId = (String) booked.get("sessionId");
        Map<String, String> path = Map.of("mentorshipId", p.mentorship(), "sessionId", sessionId);

        ICalendar ical = parse(f.call(SESSION_ICS, p.learner(), "seoul", path, null, null, "learners"));
        assertThat(ical.getEvents()).hasSize(1);
        VEvent e = ical.getEvents().get(0);
        assertThat(e.getUid().getValue()).isEqualTo(sessionId + "@sessions.seoul-learn.kr");
        assertThat(e.getSequence().getValue()).isZero();
        assertThat(e.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(seoul("2026-12-08T19:00"));
        assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(seoul("2026-12-08T19:30"));
        assertThat(e.getSummary().getValue()).as("escaped and folded text comes back whole").isEqualTo("Mentoring – " + MENTOR_NAME);
        assertThat(e.getDescription().getValue()).contains("mentor: " + MENTOR_NAME).contains((String) booked.get("meetingUrl"));
        String raw = f.call(SESSION_ICS, p.learner(), "seoul", path, null, null, "learners").getBody();
        assertThat(raw).contains("DTSTART;TZID=Asia/Seoul:20261208T190000").contains("\\,").contains("\\;").contains("\\\\");

        // the mentor downloads it too, with the mentee's name
        VEvent forMentor = parse(f.call(SESSION_ICS, p.mentor(), "seoul", path, null, null, "mentors")).getEvents().get(0);
        assertThat(forMentor.getUid().getValue()).isEqualTo(e.getUid().getValue());
        assertThat(forMentor.getDescription().getValue()).startsWith("mentee: ");

        // anyone else: the same 404 as for nothing; wrong role 403
        String stranger = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(json(f.call(SESSION_ICS, stranger, "seoul", path, null, null, "learners"))).containsEntry("code", "mentorship-not-found");
        assertThat(json(f.call(SESSION_ICS, f.mentor("seoul"), "seoul", path, null, null, "mentors"))).containsEntry("code", "mentorship-not-found");
        assertThat(f.call(SESSION_ICS, p.learner(), "chungbuk", path, null, null, "learners").getStatusCode()).as("another tenant").isEqualTo(404);
        assertThat(f.call(SESSION_ICS, "reviewer-1", "seoul", path, null, null, "reviewers").getStatusCode()).isEqualTo(403);
        var bad = f.call(SESSION_ICS, p.learner(), "seoul", Map.of("mentorshipId", p.mentorship(), "sessionId", "../x"), null, null, "learners");
        assertThat(json(bad)).containsEntry("code", "session-not-found");
        assertThat(bad.getHeaders()).containsEntry("content-type", "application/problem+json");
    }

    @Test
    void theFeedShowsAMoveByTheMentorAsTheSameEventWithAHigherSequenceAndACancelAsCancelled() {
        Pair p = pair("seoul", "이멘토");
        var booked = expect(f.book("seoul", p.learner(), p.mentorship(), "2026-12-09T19:00"), 201);
        String sessionId = (String) booked.get("sessionId");
        String menteeFeed = newFeed("seoul", p.learner(), "learners");
        String mentorFeed = newFeed("seoul", p.mentor(), "mentors");
        assertThat(menteeFeed).matches("/api/calendar/seoul_[0-9a-f]{64}\\.ics");
        assertThat(menteeFeed).isNotEqualTo(mentorFeed);

        VEvent first = parse(feed(menteeFeed)).getEvents().get(0);
        assertThat(first.getSequence().getValue()).isZero();
        assertThat(parse(feed(mentorFeed)).getEvents()).extracting(ev -> ev.getUid().getValue()).contains(first.getUid().getValue());

        var moved = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", p.mentor(), "seoul",
                Map.of("mentorshipId", p.mentorship(), "sessionId", sessionId), null, "{\"start\":\"2026-12-10T20:00\"}", "mentors"), 201);
        for (String feedPath : List.of(menteeFeed, mentorFeed)) {
            List<VEvent> events = parse(feed(feedPath)).getEvents();
            assertThat(events).as("the old time is not a second event").hasSize(1);
            VEvent now = events.get(0);
            assertThat(now.getUid().getValue()).isEqualTo(first.getUid().getValue());
            assertThat(now.getSequence().getValue()).isEqualTo(1);
            assertThat(now.getDateStart().getValue().toInstant()).isEqualTo(seoul("2026-12-10T20:00"));
            assertThat(now.getStatus().getValue()).isEqualTo("CONFIRMED");
        }
        // the old session's download follows it to its new time
        VEvent old = parse(f.call(SESSION_ICS, p.learner(), "seoul", Map.of("mentorshipId", p.mentorship(), "sessionId", sessionId), null, null,
                "learners")).getEvents().get(0);
        assertThat(old.getSequence().getValue()).isEqualTo(1);
        assertThat(old.getDateStart().getValue().toInstant()).isEqualTo(seoul("2026-12-10T20:00"));

        expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", p.mentor(), "seoul",
                Map.of("mentorshipId", p.mentorship(), "sessionId", (String) moved.get("sessionId")), null, null, "mentors"), 200);
        VEvent cancelled = parse(feed(menteeFeed)).getEvents().get(0);
        assertThat(cancelled.getUid().getValue()).isEqualTo(first.getUid().getValue());
        assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void aReplacedOrRevokedTokenFindsNothingAndMalformedOrForeignTokensAreTheSame404() {
        Pair p = pair("seoul", "박멘토");
        expect(f.book("seoul", p.learner(), p.mentorship(), "2026-12-08T18:00"), 201);
        assertThat(expect(f.call("GET /api/mentoring/calendar-feed", p.learner(), "seoul", Map.of(), null, null, "learners"), 200))
                .containsEntry("active", false);
        String first = newFeed("seoul", p.learner(), "learners");
        assertThat(expect(f.call("GET /api/mentoring/calendar-feed", p.learner(), "seoul", Map.of(), null, null, "learners"), 200))
                .containsEntry("active", true).containsEntry("kind", "MENTEE").doesNotContainKey("path");
        assertThat(parse(feed(first)).getEvents()).hasSize(1);

        String second = newFeed("seoul", p.learner(), "learners");
        assertThat(second).isNotEqualTo(first);
        assertThat(feed(first).getStatusCode()).as("the replaced token").isEqualTo(404);
        assertThat(parse(feed(second)).getEvents()).hasSize(1);

        expect(f.call("DELETE /api/mentoring/calendar-feed", p.learner(), "seoul", Map.of(), null, null, "learners"), 200);
        assertThat(feed(second).getStatusCode()).as("the revoked token").isEqualTo(404);
        assertThat(expect(f.call("GET /api/mentoring/calendar-feed", p.learner(), "seoul", Map.of(), null, null, "learners"), 200))
                .containsEntry("active", false);

        String token = second.substring("/api/calendar/".length(), second.length() - ".ics".length());
        for (String file : List.of(token, token + ".ICS", token.replace("seoul_", "chungbuk_") + ".ics", "seoul_" + "0".repeat(64) + ".ics",
                "SEOUL_" + token.substring(6) + ".ics", "../" + token + ".ics", "", "x".repeat(5000) + ".ics")) {
            var r = f.call(FEED, null, null, Map.of("feedFile", file), null, null, (String[]) null);
            assertThat(r.getStatusCode()).as(file).isEqualTo(404);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        // wrong roles for the owner's routes
        assertThat(f.call("POST /api/mentoring/calendar-feed", "reviewer-1", "seoul", Map.of(), null, null, "reviewers").getStatusCode())
                .isEqualTo(403);
        assertThat(f.call("POST /api/mentoring/calendar-feed", null, null, Map.of(), null, null, (String[]) null).getStatusCode())
                .isEqualTo(401);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mentee's private calendar feed through the running local cloud, read without a sign-in and
 * parsed with biweekly: the mentor moves the session (same UID, higher SEQUENCE), then cancels
 * it (STATUS:CANCELLED); a new address makes the old one a 404; the token is in no log.
 */
class CalendarFeedE2E {
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    private static VEvent onlyEvent(String feedPath) {
        HttpResponse<String> r = send("GET", feedPath, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/calendar; charset=utf-8");
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar ical = Biweekly.parse(r.body()).warnings(warnings).first();
        assertThat(warnings.stream().flatMap(List::stream).toList()).isEmpty();
        assertThat(ical.getTimezoneInfo().getComponents()).hasSize(1);
        assertThat(ical.getEvents()).hasSize(1);
        return ical.getEvents().get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> free(String mentorshipId, LocalDate monday, String token) {
        Map<String, Object> slots = api("GET", "/api/mentoring/mentorships/" + mentorshipId + "/slots?week=" + monday, null, token, 200);
        return ((List<Map<String, Object>>) slots.get("slots")).stream().filter(s -> Boolean.TRUE.equals(s.get("free")))
                .map(s -> (String) s.get("start")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMentorMovesThenCancelsAndTheMenteesFeedShowsTheSameEventChanging() throws Exception {
        String email = "calendar-" + UUID.randomUUID() + "@example.org";
        String learner = MentoringE2EAccounts.newLearner(cloud, email);
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        String mentor = cloud.signIn("mentor@seoul-learn.local").idToken();
        String menteeId = (String) api("POST", "/api/mentoring/request", "{\"subjects\":[\"MATH\"],\"goals\":\"달력\","
                + "\"preferredTimes\":[{\"day\":\"TUE\",\"from\":\"18:00\",\"to\":\"21:00\"}],\"language\":\"ko\"}", learner, 201).get("menteeId");
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) api("GET", "/api/mentoring/requests/" + menteeId + "/proposals",
                null, reviewer, 200).get("proposals");
        Object seoyeon = proposals.stream().filter(p -> "이서연".equals(p.get("name"))).findFirst().orElseThrow().get("mentorId");
        String id = (String) api("POST", "/api/mentoring/requests/" + menteeId + "/match", "{\"mentorId\":\"" + seoyeon + "\"}", reviewer, 201)
                .get("mentorshipId");

        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Seoul")).plusWeeks(2);
        List<String> times = free(id, monday, learner);
        assertThat(times).hasSizeGreaterThan(3);
        String sessionId = (String) api("POST", "/api/mentoring/mentorships/" + id + "/sessions", "{\"start\":\"" + times.get(0) + "\"}",
                learner, 201).get("sessionId");
        String feed = (String) api("POST", "/api/mentoring/calendar-feed", "{}", learner, 201).get("path");
        assertThat(feed).matches("/api/calendar/seoul_[0-9a-f]{64}\\.ics");
        VEvent booked = onlyEvent(feed);
        assertThat(booked.getSequence().getValue()).isZero();
        assertThat(booked.getDateStart().getValue().toInstant().toString()).isEqualTo(times.get(0).replace(".000", ""));

        // the mentor moves it to a later free time of the same week
        String later = free(id, monday, mentor).get(2);
        Map<String, Object> moved = api("POST", "/api/mentoring/mentorships/" + id + "/sessions/" + sessionId + "/reschedule",
                "{\"start\":\"" + later + "\"}", mentor, 201);
        VEvent afterMove = onlyEvent(feed);
        assertThat(afterMove.getUid().getValue()).isEqualTo(booked.getUid().getValue());
        assertThat(afterMove.getSequence().getValue()).isEqualTo(1);
        assertThat(afterMove.getDateStart().getValue().toInstant().toString()).isEqualTo(later);
        assertThat(afterMove.getStatus().getValue()).isEqualTo("CONFIRMED");

        // and cancels it: the mentee's quota is untouched
        api("DELETE", "/api/mentoring/mentorships/" + id + "/sessions/" + moved.get("sessionId"), null, mentor, 200);
        VEvent cancelled = onlyEvent(feed);
        assertThat(cancelled.getUid().getValue()).isEqualTo(booked.getUid().getValue());
        assertThat(cancelled.getSequence().getValue()).isEqualTo(2);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat((Map<String, Object>) api("GET", "/api/mentoring/me", null, learner, 200).get("mentorship")).containsEntry("used", 0);

        // a new address: the old one is a 404 at once; revoked: the new one too
        String second = (String) api("POST", "/api/mentoring/calendar-feed", null, learner, 201).get("path");
        assertThat(send("GET", feed, null, null).statusCode()).isEqualTo(404);
        assertThat(onlyEvent(second).getUid().getValue()).isEqualTo(booked.getUid().getValue());
        api("DELETE", "/api/mentoring/calendar-feed", null, learner, 200);
        assertThat(send("GET", second, null, null).statusCode()).isEqualTo(404);

        String log = java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                .resolve("cloud-" + java.net.URI.create(cloud.base()).getPort()).resolve("MentoringFunction.log"));
        assertThat(log).contains("calendar feed read").contains("session moved by mentor").contains("session cancelled by mentor");
        for (String path : List.of(feed, second)) {
            String token = path.substring("/api/calendar/seoul_".length(), path.length() - ".ics".length());
            assertThat(log).as("the feed token is a secret").doesNotContain(token);
        }
        assertThat(log).doesNotContain(email).doesNotContain("이서연").doesNotContain(menteeId);
    }
}

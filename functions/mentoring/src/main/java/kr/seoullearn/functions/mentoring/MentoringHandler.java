package kr.seoullearn.functions.mentoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.mentoring.port.CalendarFeeds;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.domain.SessionCalendar;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;

/** The routes of template.yaml's MentoringFunction. */
public class MentoringHandler extends ApiFunction {
    private final Mentoring mentoring;

    public MentoringHandler() {
        this(new Mentoring(Beans.get(ApplicationStore.class), Beans.get(MentoringRulesCatalogue.class),
                Beans.get(MentoringLedger.class), rooms(Beans.get(FunctionEnvironment.class)), Beans.get(CalendarFeeds.class),
                Clock.systemUTC()));
    }

    public MentoringHandler(Mentoring mentoring) {
        this.mentoring = mentoring;
    }

    /** The meeting provider the template names; the function refuses to start without a real adapter for it. */
    static MeetingRooms rooms(FunctionEnvironment env) {
        String provider = env.optional("MEETING_PROVIDER", "");
        return MentoringStorage.meetingRooms(provider, env.optional("MEETING_SERVICE_URL", ""), env.optional("MEETING_APP_ID", ""),
                provider.equals("jitsi-jwt") ? new MeetingTokenSecret(env) : null);
    }

    private static String path(ApiRequest r, String name) {
        return r.pathParameter(name).orElse(null);
    }

    /** An iCalendar body; a download names its file, a feed is read in place. Never cached: a moved session or a revoked feed shows at once. */
    private static APIGatewayV2HTTPResponse calendar(String body, String filename) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", SessionCalendar.MEDIA_TYPE, "cache-control", "no-store",
                "x-robots-tag", "noindex", "referrer-policy", "no-referrer"));
        if (filename != null) {
            headers.put("content-disposition", "attachment; filename=\"" + filename + "\"");
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(body).build();
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes = new HashMap<>();
        routes.put("GET /api/mentoring/availability", r -> ApiResponses.json(200, mentoring.mentors().availability(r.caller())));
        routes.put("PUT /api/mentoring/availability", r -> {
            var caller = r.caller();
            caller.require(Role.MENTOR); // before reading the body: the wrong role learns nothing from a 400
            return ApiResponses.json(200, mentoring.mentors().setAvailability(caller, r.jsonObject()));
        });
        routes.put("GET /api/mentoring/mentees", r -> ApiResponses.json(200, mentoring.mentors().desk(r.caller())));
        routes.put("POST /api/mentoring/request", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER);
            return ApiResponses.json(201, mentoring.requests().request(caller, r.jsonObject()));
        });
        routes.put("GET /api/mentoring/me", r -> ApiResponses.json(200, mentoring.requests().mine(r.caller())));
        routes.put("GET /api/mentoring/requests", r -> ApiResponses.json(200, mentoring.requests().openRequests(r.caller())));
        routes.put("GET /api/mentoring/requests/{menteeId}/proposals", r ->
                ApiResponses.json(200, mentoring.requests().proposals(r.caller(), path(r, "menteeId"))));
        routes.put("POST /api/mentoring/requests/{menteeId}/match", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(201, mentoring.requests().match(caller, path(r, "menteeId"), r.jsonObject()));
        });
        routes.put("GET /api/mentoring/mentorships/{mentorshipId}/slots", r ->
                ApiResponses.json(200, mentoring.booking().slots(r.caller(), path(r, "mentorshipId"), r.queryParameter("week").orElse(null))));
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/sessions", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER);
            return ApiResponses.json(201, mentoring.booking().book(caller, path(r, "mentorshipId"), r.jsonObject()));
        });
        routes.put("GET /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/calendar.ics", r -> calendar(
                mentoring.calendars().sessionIcs(r.caller(), path(r, "mentorshipId"), path(r, "sessionId"), r.language()), "session.ics"));
        routes.put("GET /api/mentoring/calendar-feed", r -> ApiResponses.json(200, mentoring.calendars().feedStatus(r.caller())));
        routes.put("POST /api/mentoring/calendar-feed", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER, Role.MENTOR);
            String body = r.body();
            return ApiResponses.json(201, mentoring.calendars().newFeed(caller, body == null || body.isBlank() ? Map.of() : r.jsonObject(),
                    r.language()));
        });
        routes.put("DELETE /api/mentoring/calendar-feed", r -> ApiResponses.json(200, mentoring.calendars().revoke(r.caller())));
        // public: the unguessable token is the credential (never logged: ApiFunction logs the route key)
        routes.put("GET /api/calendar/{feedFile}", r -> calendar(mentoring.calendars().feed(path(r, "feedFile")), null));
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/reassign", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, mentoring.changes().reassign(caller, path(r, "mentorshipId"), r.jsonObject()));
        });
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/end", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, mentoring.changes().end(caller, path(r, "mentorshipId"), r.jsonObject()));
        });
        routes.put("GET /api/mentoring/mentors", r -> ApiResponses.json(200, mentoring.changes().mentors(r.caller())));
        routes.put("GET /api/mentoring/mentors/{mentorId}/mentorships", r ->
                ApiResponses.json(200, mentoring.changes().mentorshipsOf(r.caller(), path(r, "mentorId"))));
        routes.put("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", r ->
                ApiResponses.json(200, mentoring.booking().cancel(r.caller(), path(r, "mentorshipId"), path(r, "sessionId"))));
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER, Role.MENTOR);
            return ApiResponses.json(201, mentoring.booking().reschedule(caller, path(r, "mentorshipId"), path(r, "sessionId"), r.jsonObject()));
        });
        routes.put("PUT /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/attendance", r -> {
            var caller = r.caller();
            caller.require(Role.MENTOR);
            return ApiResponses.json(200, mentoring.followUp().attendance(caller, path(r, "mentorshipId"), path(r, "sessionId"), r.jsonObject()));
        });
        routes.put("PUT /api/mentoring/mentorships/{mentorshipId}/weekly-cap", r -> {
            var caller = r.caller();
            caller.require(Role.MENTOR);
            return ApiResponses.json(200, mentoring.mentors().weeklyCap(caller, path(r, "mentorshipId"), r.jsonObject()));
        });
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/extension", r ->
                ApiResponses.json(201, mentoring.followUp().requestExtension(r.caller(), path(r, "mentorshipId"))));
        routes.put("GET /api/mentoring/extensions", r -> ApiResponses.json(200, mentoring.followUp().pendingExtensions(r.caller())));
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/extension/decision", r -> {
            var caller = r.caller();
            caller.require(Role.REVIEWER);
            return ApiResponses.json(200, mentoring.followUp().decideExtension(caller, path(r, "mentorshipId"), r.jsonObject()));
        });
        return Map.copyOf(routes);
    }
}

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
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;

/** The routes of template.yaml's MentoringFunction. */
public class MentoringHandler extends ApiFunction {
    private final Mentoring mentoring;

    public MentoringHandler() {
        this(new Mentoring(Beans.get(ApplicationStore.class), Beans.get(MentoringRulesCatalogue.class),
                Beans.get(MentoringLedger.class), rooms(Beans.get(FunctionEnvironment.class)), Clock.systemUTC()));
    }

    public MentoringHandler(Mentoring mentoring) {
        this.mentoring = mentoring;
    }

    /** The meeting provider the template names; the function refuses to start without a real adapter for it. */
    static MeetingRooms rooms(FunctionEnvironment env) {
        return MentoringStorage.meetingRooms(env.optional("MEETING_PROVIDER", ""), env.optional("MEETING_SERVICE_URL", ""));
    }

    private static String path(ApiRequest r, String name) {
        return r.pathParameter(name).orElse(null);
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
        routes.put("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", r ->
                ApiResponses.json(200, mentoring.booking().cancel(r.caller(), path(r, "mentorshipId"), path(r, "sessionId"))));
        routes.put("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", r -> {
            var caller = r.caller();
            caller.require(Role.LEARNER);
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

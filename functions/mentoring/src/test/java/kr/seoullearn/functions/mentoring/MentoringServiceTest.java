package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.local.LocalMeetingRooms;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore;
import org.junit.jupiter.api.Test;

/** The mentoring service through its handler, on in-memory ports: who may do what, and which refusal comes back. */
class MentoringServiceTest {
    private static final TenantId SEOUL = new TenantId("seoul");

    private final InMemoryMentoringLedger ledger = new InMemoryMentoringLedger();
    private final Map<String, Application> applications = new HashMap<>();
    private MentoringRules rules = MentoringFixture.launch("seoul", 2, 10);
    private final MentoringHandler handler = new MentoringHandler(new Mentoring(applications(), catalogue(), ledger,
            new LocalMeetingRooms(), null /* no calendar route is called here: CalendarsIT */, Clock.fixed(MentoringFixture.NOW, ZoneOffset.UTC)));

    private ApplicationStore applications() {
        return (ApplicationStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ApplicationStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return Optional.ofNullable(applications.get((String) args[1]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private MentoringRulesCatalogue catalogue() {
        return new MentoringRulesCatalogue() {
            @Override
            public Optional<MentoringRules> inForce(TenantId tenant, LocalDate date) {
                return Optional.of(rules);
            }

            @Override
            public void save(MentoringRules r) {
                rules = r;
            }
        };
    }

    private String learner(String sub, SchoolLevel level) {
        applications.put(sub, new Application(SEOUL, sub, sub + "@example.org", RegistrationStatus.APPROVED, 3, "학습자", LocalDate.of(2012, 1, 1),
                level, level.grades() > 0 ? 1 : null, "mapo-gu", Language.KO, List.of("LOW_INCOME"), null, null, null, null,
                MentoringFixture.NOW, null, null));
        return sub;
    }

    private String mentor(String sub) {
        ledger.saveMentor(new Mentor(SEOUL, sub, "멘토", "서울대학교", Set.of(MentoringSubject.MATH),
                Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH), Set.of(Language.KO), 4, 0, MentoringFixture.everyDay()));
        return sub;
    }

    private APIGatewayV2HTTPResponse call(String route, String sub, Map<String, String> path, String body, String group) {
        APIGatewayV2HTTPEvent event = Events.http(route, Events.claims(sub, "seoul", group), body, "en");
        if (!path.isEmpty()) {
            event.setPathParameters(path);
        }
        return handler.handleRequest(event, null);
    }

    private String mentorship(String learner, String mentor) {
        assertThat(call("POST /api/mentoring/request", learner, Map.of(), MentoringFixture.REQUEST, "learners").getStatusCode()).isEqualTo(201);
        var matched = call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", Map.of("menteeId", learner),
                "{\"mentorId\":\"" + mentor + "\"}", "reviewers");
        assertThat(matched.getStatusCode()).isEqualTo(201);
        return (String) json(matched).get("mentorshipId");
    }

    private APIGatewayV2HTTPResponse book(String learner, String mentorshipId, String seoulLocal) {
        return call("POST /api/mentoring/mentorships/{mentorshipId}/sessions", learner, Map.of("mentorshipId", mentorshipId),
                "{\"start\":\"" + seoulLocal + "\"}", "learners");
    }

    @Test
    void aSlotIsBookedOnceAndAnEarlyCancelGivesTheSessionBack() {
        String mentor = mentor("mentor-1");
        String first = mentorship(learner("learner-1", SchoolLevel.MIDDLE), mentor);
        String second = mentorship(learner("learner-2", SchoolLevel.MIDDLE), mentor);

        var booked = book("learner-1", first, "2026-12-02T19:00");
        assertThat(booked.getStatusCode()).isEqualTo(201);
        var taken = book("learner-2", second, "2026-12-02T19:00");
        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(json(taken)).containsEntry("code", "slot-taken");

        var cancelled = call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", "learner-1",
                Map.of("mentorshipId", first, "sessionId", (String) json(booked).get("sessionId")), null, "learners");
        assertThat(cancelled.getStatusCode()).isEqualTo(200);
        assertThat(ledger.mentorship(SEOUL, first).orElseThrow().used()).isZero();
        assertThat(book("learner-2", second, "2026-12-02T19:00").getStatusCode()).isEqualTo(201);
    }

    @Test
    void aLevelTheRulesDoNotServeIsRefused() {
        rules = MentoringFixture.later("seoul"); // middle and high school only
        var refused = call("POST /api/mentoring/request", learner("learner-3", SchoolLevel.ELEMENTARY), Map.of(), MentoringFixture.REQUEST,
                "learners");
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(json(refused)).containsEntry("code", "mentoring-not-for-level");
    }

    @Test
    void anotherLearnersMentorshipIsNotFound() {
        String mentorship = mentorship(learner("learner-4", SchoolLevel.HIGH), mentor("mentor-2"));
        var refused = book(learner("learner-5", SchoolLevel.HIGH), mentorship, "2026-12-02T19:00");
        assertThat(refused.getStatusCode()).isEqualTo(404);
        assertThat(json(refused)).containsEntry("code", "mentorship-not-found");
    }
}

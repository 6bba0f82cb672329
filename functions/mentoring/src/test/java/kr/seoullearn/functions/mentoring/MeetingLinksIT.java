package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meeting links as a deployment hands them out: the handler gets its rooms from the environment
 * template.yaml gives MentoringFunction, with the template's defaults (MEETING_PROVIDER=jitsi on
 * https://meet.jit.si), and books, moves and cancels through real API Gateway events.
 */
class MeetingLinksIT {
    private static MentoringFixture f;
    private static String serviceUrl;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("meeting-links", MeetingLinksIT::templateRooms);
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    /** The adapter MentoringFunction gets from the template's environment, resolved as deployed with the defaults. */
    static MeetingRooms templateRooms(TestStack stack) {
        try {
            Template template = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
            Template.Function function = template.functions().stream().filter(fn -> fn.logicalId().equals("MentoringFunction"))
                    .findFirst().orElseThrow();
            Map<String, String> env = new java.util.HashMap<>();
            function.environment().forEach((k, v) -> env.put(k, stack.stack().resolve(v)));
            serviceUrl = env.get("MEETING_SERVICE_URL");
            assertThat(env).as("the template's default is a real provider, not the local stand-in").containsEntry("MEETING_PROVIDER", "jitsi");
            return MentoringHandler.rooms(new FunctionEnvironment(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBookedSessionMeetsOnTheConfiguredJitsiHostAndOnlyWhileItIsBooked() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);

        // GIVEN two booked sessions
        var first = expect(f.book("seoul", learner, mentorship, "2026-12-08T19:00"), 201);
        var second = expect(f.book("seoul", learner, mentorship, "2026-12-10T19:00"), 201);
        String firstLink = (String) first.get("meetingUrl");
        String secondLink = (String) second.get("meetingUrl");

        // THEN each has its own unguessable room on the configured host
        assertThat(serviceUrl).isEqualTo("https://meet.jit.si");
        assertThat(firstLink).matches("https://meet\\.jit\\.si/seoullearn-[a-z2-7]{26}#config\\.prejoinConfig\\.enabled=true&config\\.disableInviteFunctions=true");
        assertThat(secondLink).startsWith("https://meet.jit.si/seoullearn-").isNotEqualTo(firstLink);

        // AND the mentor sees the same links as the mentee
        var desk = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((List<Map<String, Object>>) desk.get("sessions")).extracting(s -> s.get("meetingUrl"))
                .containsExactlyInAnyOrder(firstLink, secondLink);

        // WHEN the first is moved and the second cancelled
        var moved = expect(f.call("POST /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}/reschedule", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", (String) first.get("sessionId")), null,
                "{\"start\":\"2026-12-09T19:00+09:00\"}", "learners"), 201);
        expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", (String) second.get("sessionId")), null, null, "learners"), 200);

        // THEN only the moved session's new room is offered, to both of them
        String movedLink = (String) moved.get("meetingUrl");
        assertThat(movedLink).startsWith("https://meet.jit.si/seoullearn-").isNotIn(firstLink, secondLink);
        Set<Object> offeredToMentee = new HashSet<>();
        ((List<Map<String, Object>>) f.mine("seoul", learner).get("sessions")).forEach(s -> {
            if (s.containsKey("meetingUrl")) {
                offeredToMentee.add(s.get("meetingUrl"));
            }
        });
        assertThat(offeredToMentee).containsExactly(movedLink);
        var deskAfter = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((List<Map<String, Object>>) deskAfter.get("sessions")).filteredOn(s -> s.containsKey("meetingUrl"))
                .extracting(s -> s.get("meetingUrl")).containsExactly(movedLink);
    }
}

package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meeting links on the city's Jitsi deployment with token authentication, as a deployment with
 * MeetingProvider=jitsi-jwt hands them out: MentoringFunction's environment from template.yaml
 * (its secret provisioned on the emulator as the template declares it, read through Secrets
 * Manager's API by the function's own code), bookings, the mentor's desk and a cancel through real
 * API Gateway events. Each party's link carries a token signed with that secret for the room and
 * the session's time; the mentor's moderates; a cancelled session's link is offered to nobody.
 */
class MeetingTokenLinksIT {
    private static final String SERVICE = "https://meet.seoul-learn.example";
    private static MentoringFixture f;
    private static byte[] secret;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("meeting-tokens", MeetingTokenLinksIT::tokenRooms);
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    /** MentoringFunction's environment as deployed with MeetingProvider=jitsi-jwt and the city's address. */
    static MeetingRooms tokenRooms(TestStack stack) {
        try {
            Template template = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
            Template.Function function = template.functions().stream().filter(fn -> fn.logicalId().equals("MentoringFunction"))
                    .findFirst().orElseThrow();
            Map<String, String> env = new HashMap<>();
            function.environment().forEach((k, v) -> env.put(k, stack.stack().resolve(v)));
            env.put("MEETING_PROVIDER", "jitsi-jwt");
            env.put("MEETING_SERVICE_URL", SERVICE);
            for (String aws : List.of("AWS_ENDPOINT_URL", "AWS_REGION")) {
                env.put(aws, System.getenv(aws));
            }
            assertThat(env.get("MEETING_APP_ID")).isEqualTo("seoul-learn");
            try (var secrets = stack.stack().aws().secretsManager()) {
                secret = secrets.getSecretValue(r -> r.secretId(env.get("MEETING_TOKEN_SECRET"))).secretString().getBytes(StandardCharsets.UTF_8);
            }
            return MentoringHandler.rooms(new FunctionEnvironment(env));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JWTClaimsSet verified(String link) throws Exception {
        assertThat(link).matches(java.util.regex.Pattern.quote(SERVICE) + "/seoullearn-[a-z2-7]{26}\\?jwt=[^#]+"
                + java.util.regex.Pattern.quote("#config.prejoinConfig.enabled=true&config.disableInviteFunctions=true"));
        SignedJWT jwt = SignedJWT.parse(link.substring(link.indexOf("?jwt=") + 5, link.indexOf('#')));
        assertThat(jwt.verify(new MACVerifier(secret))).as("signed with the deployment's app secret").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String room(String link) {
        return link.substring(SERVICE.length() + 1, link.indexOf('?'));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothPartiesGetTheSessionsRoomWithTheirOwnTokenAndACancelledSessionsLinkIsOfferedToNobody() throws Exception {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String mentor = f.mentor("seoul");
        String mentorship = f.mentorship("seoul", learner, mentor);

        // GIVEN a booked session: the mentee's link, with a token for this room and time
        var booked = expect(f.book("seoul", learner, mentorship, "2026-12-08T19:00"), 201);
        String menteeLink = (String) booked.get("meetingUrl");
        JWTClaimsSet mentee = verified(menteeLink);
        assertThat(mentee.getStringClaim("room")).isEqualTo(room(menteeLink));
        assertThat(mentee.getIssuer()).isEqualTo("seoul-learn");
        assertThat(mentee.getSubject()).isEqualTo("meet.seoul-learn.example");
        Instant start = Instant.parse((String) booked.get("start"));
        int minutes = ((Number) booked.get("minutes")).intValue();
        assertThat(mentee.getNotBeforeTime()).isEqualTo(Date.from(start.minusSeconds(15 * 60)));
        assertThat(mentee.getExpirationTime()).isEqualTo(Date.from(start.plusSeconds(minutes * 60L + 15 * 60)));
        assertThat(mentee.getJSONObjectClaim("context")).isEqualTo(Map.of("user", Map.of("moderator", false)));

        // THEN the mentor's desk offers the same room, with a token that moderates
        var desk = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        String mentorLink = (String) ((List<Map<String, Object>>) desk.get("sessions")).stream()
                .filter(s -> booked.get("sessionId").equals(s.get("sessionId"))).findFirst().orElseThrow().get("meetingUrl");
        JWTClaimsSet host = verified(mentorLink);
        assertThat(room(mentorLink)).isEqualTo(room(menteeLink));
        assertThat(host.getStringClaim("room")).isEqualTo(room(menteeLink));
        assertThat(host.getJSONObjectClaim("context")).isEqualTo(Map.of("user", Map.of("moderator", true)));
        // the mentee's own list offers the mentee's link again (minted from the stored room each time)
        assertThat(((List<Map<String, Object>>) f.mine("seoul", learner).get("sessions"))).extracting(s -> s.get("meetingUrl"))
                .containsExactly(menteeLink);

        // WHEN the session is cancelled THEN neither of them is offered a link any more
        var cancelled = expect(f.call("DELETE /api/mentoring/mentorships/{mentorshipId}/sessions/{sessionId}", learner, "seoul",
                Map.of("mentorshipId", mentorship, "sessionId", (String) booked.get("sessionId")), null, null, "learners"), 200);
        assertThat(cancelled).doesNotContainKey("meetingUrl");
        assertThat(((List<Map<String, Object>>) f.mine("seoul", learner).get("sessions"))).allSatisfy(s ->
                assertThat(s).doesNotContainKey("meetingUrl"));
        var deskAfter = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((List<Map<String, Object>>) deskAfter.get("sessions")).allSatisfy(s -> assertThat(s).doesNotContainKey("meetingUrl"));
    }
}

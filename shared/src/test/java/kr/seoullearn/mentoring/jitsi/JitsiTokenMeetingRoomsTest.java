package kr.seoullearn.mentoring.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import org.junit.jupiter.api.Test;

class JitsiTokenMeetingRoomsTest {
    private static final byte[] SECRET = "a-jitsi-app-secret-of-sixty-four-characters-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
    private static final Instant START = Instant.parse("2026-12-08T10:00:00Z");

    private static JitsiTokenMeetingRooms rooms() {
        return new JitsiTokenMeetingRooms("https://meet.seoul.go.kr/", "seoul-learn", () -> SECRET);
    }

    private static SignedJWT tokenOf(String link) throws Exception {
        String jwt = link.substring(link.indexOf("?jwt=") + 5, link.indexOf('#'));
        return SignedJWT.parse(jwt);
    }

    @Test
    void eachPartysLinkCarriesAnHs256TokenForThatRoomAndTheSessionsTimeOnly() throws Exception {
        var rooms = rooms();
        String stored = rooms.newRoom("session-1");
        String room = stored.substring("https://meet.seoul.go.kr/".length(), stored.indexOf('#'));

        String mentee = rooms.link(stored, START, 50, false);
        String mentor = rooms.link(stored, START, 50, true);

        // the same room for both, with the pre-join page and no invite functions
        for (String link : new String[] {mentee, mentor}) {
            assertThat(link).startsWith("https://meet.seoul.go.kr/" + room + "?jwt=").endsWith(JitsiMeetingRooms.OPTIONS);
        }
        SignedJWT menteeToken = tokenOf(mentee);
        SignedJWT mentorToken = tokenOf(mentor);
        // signed with the app secret (verified by nimbus), HS256
        assertThat(menteeToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(menteeToken.verify(new MACVerifier(SECRET))).isTrue();
        assertThat(mentorToken.verify(new MACVerifier(SECRET))).isTrue();
        JWTClaimsSet claims = menteeToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("seoul-learn");
        assertThat(claims.getAudience()).containsExactly("jitsi");
        assertThat(claims.getSubject()).isEqualTo("meet.seoul.go.kr");
        assertThat(claims.getStringClaim("room")).isEqualTo(room);
        // from 15 minutes before the start to 15 minutes after the end
        assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(Instant.parse("2026-12-08T09:45:00Z")));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2026-12-08T11:05:00Z")));
        // the mentor moderates, the mentee does not; nobody's name, e-mail or id is in a token
        assertThat(claims.getJSONObjectClaim("context")).isEqualTo(Map.of("user", Map.of("moderator", false)));
        assertThat(mentorToken.getJWTClaimsSet().getJSONObjectClaim("context")).isEqualTo(Map.of("user", Map.of("moderator", true)));
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "room", "nbf", "exp", "context");
    }

    @Test
    void aTokenSignedWithAnotherSecretOrForAnotherRoomDoesNotPassForThisOne() throws Exception {
        var rooms = rooms();
        String first = rooms.newRoom("a");
        String second = rooms.newRoom("b");
        SignedJWT token = tokenOf(rooms.link(first, START, 50, false));
        byte[] other = "another-secret-of-more-than-thirty-two-bytes-for-hs256-keys!!".getBytes(StandardCharsets.UTF_8);
        assertThat(token.verify(new MACVerifier(other))).isFalse();
        assertThat(token.getJWTClaimsSet().getStringClaim("room")).isNotEqualTo(rooms.roomName(second));
        // a token is only for its own time: a later session's link has its own window
        JWTClaimsSet later = tokenOf(rooms.link(first, START.plusSeconds(7 * 86_400), 50, false)).getJWTClaimsSet();
        assertThat(later.getNotBeforeTime()).isAfter(token.getJWTClaimsSet().getExpirationTime());
    }

    @Test
    void theSecretIsAskedForOnlyWhenALinkIsMadeAndAShortOneIsRefused() {
        AtomicInteger asked = new AtomicInteger();
        var rooms = new JitsiTokenMeetingRooms("https://meet.seoul.go.kr", "seoul-learn", () -> {
            asked.incrementAndGet();
            return SECRET;
        });
        String stored = rooms.newRoom("s");
        assertThat(asked).hasValue(0);
        rooms.link(stored, START, 50, true);
        assertThat(asked).hasValue(1);
        var weak = new JitsiTokenMeetingRooms("https://meet.seoul.go.kr", "seoul-learn", () -> "short".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> weak.link(weak.newRoom("s"), START, 50, false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLinkThatIsNotARoomOfThisDeploymentIsOfferedAsItIs() {
        var rooms = rooms();
        assertThat(rooms.link("https://meet.seoul-learn.local/room/abc", START, 50, false)).isEqualTo("https://meet.seoul-learn.local/room/abc");
        assertThat(rooms.link("https://meet.seoul.go.kr/seoullearn-short#x", START, 50, false)).isEqualTo("https://meet.seoul.go.kr/seoullearn-short#x");
        assertThat(rooms.link(null, START, 50, false)).isNull();
    }

    @Test
    void aDeploymentWithoutAnAppIdOrSecretDoesNotStart() {
        for (String bad : new String[] {"", "seoul learn", "x".repeat(65)}) {
            assertThatThrownBy(() -> new JitsiTokenMeetingRooms("https://meet.seoul.go.kr", bad, () -> SECRET)).as(bad)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new JitsiTokenMeetingRooms("https://meet.seoul.go.kr", "seoul-learn", null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JitsiTokenMeetingRooms("http://meet.seoul.go.kr", "seoul-learn", () -> SECRET))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MentoringStorage.meetingRooms("jitsi-jwt", "https://meet.seoul.go.kr", "seoul-learn", () -> SECRET))
                .isInstanceOf(JitsiTokenMeetingRooms.class);
    }
}

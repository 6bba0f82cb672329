package kr.seoullearn.mentoring.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import org.junit.jupiter.api.Test;

class JitsiMeetingRoomsTest {

    @Test
    void eachSessionGetsItsOwnLowerCaseRoomOfAtLeast128RandomBitsOnTheConfiguredHost() {
        var rooms = new JitsiMeetingRooms("https://meet.seoul.go.kr/mentoring/");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String link = rooms.newRoom("session-" + i);
            assertThat(link).startsWith("https://meet.seoul.go.kr/mentoring/seoullearn-").endsWith(JitsiMeetingRooms.OPTIONS);
            String name = link.substring("https://meet.seoul.go.kr/mentoring/seoullearn-".length(), link.indexOf('#'));
            assertThat(name).as("26 base32 letters = 130 bits; lower case because Jitsi folds room names").matches("[a-z2-7]{26}");
            names.add(name);
        }
        assertThat(names).hasSize(2000);
    }

    @Test
    void theRoomNameDoesNotCarryTheSessionId() {
        assertThat(new JitsiMeetingRooms("https://meet.jit.si").newRoom("4f1c2a9e-session")).doesNotContain("4f1c2a9e");
    }

    @Test
    void aDeploymentWithoutAnHttpsJitsiAddressDoesNotStart() {
        for (String bad : new String[] {"", "http://meet.jit.si", "https://", "meet.jit.si", "https://meet.jit.si/a b", "https://evil.example/#x"}) {
            assertThatThrownBy(() -> new JitsiMeetingRooms(bad)).as(bad).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new JitsiMeetingRooms(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFactoryKnowsJitsiAndTheLocalStandInAndRefusesAnythingElse() {
        assertThat(MentoringStorage.meetingRooms("jitsi", "https://meet.jit.si").newRoom("s")).startsWith("https://meet.jit.si/seoullearn-");
        assertThat(MentoringStorage.meetingRooms("local-rooms", "").newRoom("s")).startsWith("https://meet.seoul-learn.local/room/");
        assertThatThrownBy(() -> MentoringStorage.meetingRooms("zoom", "https://zoom.us")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MEETING_PROVIDER=zoom");
        assertThatThrownBy(() -> MentoringStorage.meetingRooms("", "")).isInstanceOf(IllegalStateException.class);
    }
}

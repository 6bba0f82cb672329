package kr.seoullearn.mentoring.local;

import kr.seoullearn.mentoring.port.MeetingRooms;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A clearly named stand-in for a video-meeting provider: room links on a local host name with
 * 128 random bits, so no two sessions share a room and nobody guesses another's.
 */
public final class LocalMeetingRooms implements MeetingRooms {
    public static final String BASE = "https://meet.seoul-learn.local/room/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String newRoom(String sessionId) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return BASE + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

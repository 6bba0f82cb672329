package kr.seoullearn.mentoring.port;

import java.time.Instant;

/**
 * The video-meeting provider: a room of its own for each session, whose link the mentee and the
 * mentor both see while the session is booked. Adapters: {@code mentoring.jitsi.JitsiMeetingRooms}
 * (MEETING_PROVIDER=jitsi, deployed), {@code mentoring.jitsi.JitsiTokenMeetingRooms}
 * (MEETING_PROVIDER=jitsi-jwt: the city's deployment, a signed token per party) and
 * {@code mentoring.local.LocalMeetingRooms} (MEETING_PROVIDER=local-rooms, the local cloud only).
 */
public interface MeetingRooms {
    /** A new room's link, unique to the session; carries no personal data. */
    String newRoom(String sessionId);

    /**
     * The link one party opens for a booked session's room (the stored one); {@code host} for the
     * mentor. A provider that admits people by a token adds it here, for this session's time only.
     */
    default String link(String roomUrl, Instant start, int minutes, boolean host) {
        return roomUrl;
    }
}

package kr.seoullearn.mentoring.port;

/**
 * The video-meeting provider: a room of its own for each session, whose link the mentee and the
 * mentor both see while the session is booked. Adapters: {@code mentoring.jitsi.JitsiMeetingRooms}
 * (MEETING_PROVIDER=jitsi, deployed) and {@code mentoring.local.LocalMeetingRooms}
 * (MEETING_PROVIDER=local-rooms, the local cloud only).
 */
public interface MeetingRooms {
    /** A new room's link, unique to the session; carries no personal data. */
    String newRoom(String sessionId);
}

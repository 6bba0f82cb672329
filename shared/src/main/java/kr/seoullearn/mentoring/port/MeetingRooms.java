package kr.seoullearn.mentoring.port;

import kr.seoullearn.mentoring.local.LocalMeetingRooms;

/**
 * The video-meeting provider: a room of its own for each session. The only adapter today is
 * {@link LocalMeetingRooms} (MEETING_PROVIDER=local-rooms); a deployment to real users plugs in
 * the city's provider here.
 */
public interface MeetingRooms {
    /** A new room's link, unique to the session; carries no personal data. */
    String newRoom(String sessionId);
}

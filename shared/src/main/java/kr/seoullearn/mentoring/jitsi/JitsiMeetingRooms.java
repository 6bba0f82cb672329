package kr.seoullearn.mentoring.jitsi;

import java.net.URI;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.port.MeetingRooms;

/**
 * Rooms on a Jitsi Meet deployment (the city's own, or meet.jit.si): Jitsi creates a room when
 * the first person opens its link, so there is no call to make and no account to set up per
 * session. The room name is the secret: 130 random bits in lower-case base32, because Jitsi
 * folds room names to lower case (mixed-case base64 would lose a bit per letter). The link's
 * fragment asks for the pre-join page (device check before anyone hears you) and hides the
 * in-room invite functions, so the link is not passed on from inside the room. The city's own
 * deployment adds the lobby (docs/adr/0026).
 */
public final class JitsiMeetingRooms implements MeetingRooms {
    static final String PREFIX = "seoullearn-";
    static final String OPTIONS = "#config.prejoinConfig.enabled=true&config.disableInviteFunctions=true";
    private static final Pattern SERVICE = Pattern.compile("https://[a-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~-]+)*/?");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;

    /** @param serviceUrl the deployment's https address, e.g. {@code https://meet.jit.si} */
    public JitsiMeetingRooms(String serviceUrl) {
        if (serviceUrl == null || !SERVICE.matcher(serviceUrl).matches()) {
            throw new IllegalStateException("MEETING_SERVICE_URL must be an https address of a Jitsi Meet deployment, e.g. https://meet.jit.si");
        }
        String trimmed = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        this.base = URI.create(trimmed) + "/";
    }

    /** The deployment's address with a trailing slash; a room's link is this, its name and the options. */
    String base() {
        return base;
    }

    @Override
    public String newRoom(String sessionId) {
        return base + PREFIX + randomName() + OPTIONS;
    }

    /** 26 base32 letters: 130 random bits. */
    static String randomName() {
        byte[] bytes = new byte[17];
        RANDOM.nextBytes(bytes);
        StringBuilder name = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && name.length() < 26) {
                name.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return name.toString();
    }
}

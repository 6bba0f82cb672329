package kr.seoullearn.mentoring.jitsi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.port.MeetingRooms;

/**
 * Rooms on the city's own Jitsi Meet deployment with token authentication (Jitsi's "JWT" auth:
 * Prosody's token module with an app id and an app secret; rooms cannot be created or entered
 * without a token). The room is made as for {@link JitsiMeetingRooms}: 130 random bits, nothing
 * to call. Each party's link carries a token of its own, signed HS256 with the app secret (from
 * Secrets Manager, read on first use): {@code room} = that room only, valid from 15 minutes
 * before the session to 15 minutes after its end, {@code moderator} for the mentor (who can admit,
 * mute and end). No name, e-mail or id goes into the token: a link is a capability, not an identity.
 */
public final class JitsiTokenMeetingRooms implements MeetingRooms {
    /** How long before the start a link lets its holder in, and how long after the end. */
    static final Duration MARGIN = Duration.ofMinutes(15);
    /** The audience Jitsi's token module accepts by default ("jitsi", as its documentation's examples). */
    static final String AUDIENCE = "jitsi";
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** HS256 needs a key of at least 256 bits. */
    private static final int MIN_SECRET_BYTES = 32;

    private final JitsiMeetingRooms rooms;
    private final String base;
    private final String domain;
    private final String appId;
    private final Supplier<byte[]> secret;

    /**
     * @param serviceUrl the deployment's https address
     * @param appId      its token module's app id (the tokens' issuer)
     * @param secret     its app secret, asked for only when a link is made
     */
    public JitsiTokenMeetingRooms(String serviceUrl, String appId, Supplier<byte[]> secret) {
        this.rooms = new JitsiMeetingRooms(serviceUrl);
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw new IllegalStateException("MEETING_APP_ID must be the Jitsi deployment's app id (letters, digits, - and _)");
        }
        if (secret == null) {
            throw new IllegalStateException("MEETING_TOKEN_SECRET must name the Jitsi app secret in Secrets Manager");
        }
        this.base = rooms.base();
        this.domain = URI.create(base).getHost();
        this.appId = appId;
        this.secret = secret;
    }

    @Override
    public String newRoom(String sessionId) {
        return rooms.newRoom(sessionId);
    }

    /**
     * The room's link with this party's token; a stored link that is not a room of this
     * deployment (an older provider's) is offered as it is.
     */
    @Override
    public String link(String roomUrl, Instant start, int minutes, boolean host) {
        String room = roomName(roomUrl);
        if (room == null) {
            return roomUrl;
        }
        return base + room + "?jwt=" + token(room, start, minutes, host) + JitsiMeetingRooms.OPTIONS;
    }

    /** The room name of a link on this deployment, or null. */
    String roomName(String roomUrl) {
        if (roomUrl == null || !roomUrl.startsWith(base + JitsiMeetingRooms.PREFIX)) {
            return null;
        }
        String rest = roomUrl.substring(base.length());
        int end = rest.length();
        for (char c : new char[] {'#', '?', '/'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String name = rest.substring(0, end);
        return name.matches(Pattern.quote(JitsiMeetingRooms.PREFIX) + "[a-z2-7]{26}") ? name : null;
    }

    String token(String room, Instant start, int minutes, boolean host) {
        byte[] key = secret.get();
        if (key == null || key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("the Jitsi app secret must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .audience(AUDIENCE)
                .subject(domain)
                .claim("room", room)
                .notBeforeTime(Date.from(start.minus(MARGIN)))
                .expirationTime(Date.from(start.plus(Duration.ofMinutes(minutes)).plus(MARGIN)))
                .claim("context", Map.of("user", Map.of("moderator", host)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the meeting token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}

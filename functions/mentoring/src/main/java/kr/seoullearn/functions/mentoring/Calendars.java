package kr.seoullearn.functions.mentoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.domain.SessionCalendar;
import kr.seoullearn.mentoring.port.CalendarFeeds;
import kr.seoullearn.mentoring.port.CalendarFeeds.Feed;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * Sessions in people's calendars (docs/adr/0029-calendars.md): one session as an .ics download
 * for its mentee and mentor, and a private feed per person at {@code /api/calendar/<token>.ics}
 * whose token is 256 random bits, stored only as its SHA-256, replaced or revoked by its owner.
 * The token is a secret: it is never logged, and every refusal of a feed is the same 404.
 */
final class Calendars {
    private static final Log LOG = Log.of(Mentoring.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@code <tenant>_<64 hex digits>.ics}: the tenant says which partition to look in, the rest is the secret. */
    static final Pattern FEED_FILE = Pattern.compile("([a-z][a-z0-9-]{1,30})_([0-9a-f]{64})\\.ics");
    /** A feed shows sessions from this many days back, and every later one. */
    static final int FEED_DAYS_BACK = 60;
    static final int FEED_DAYS_AHEAD = 400;

    private final MentoringAccess access;
    private final MentoringLedger ledger;
    private final CalendarFeeds feeds;

    Calendars(MentoringAccess access, CalendarFeeds feeds) {
        this.access = access;
        this.ledger = access.ledger();
        this.feeds = feeds;
    }

    /**
     * GET /api/mentoring/mentorships/{id}/sessions/{sessionId}/calendar.ics: the session as its
     * calendars know it now — a moved session's newest time under the same UID, a cancelled one
     * as CANCELLED. 1 GetItem + 1 Query.
     */
    String sessionIcs(Caller caller, String mentorshipId, String sessionId, Language language) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Mentorship m = access.member(caller, mentorshipId);
        if (sessionId == null || !MentoringAccess.ID.matcher(sessionId).matches()) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_FOUND);
        }
        List<Session> sessions = ledger.sessions(m.tenant(), m.id());
        Session asked = sessions.stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> new ProblemException(MentoringRefusal.SESSION_NOT_FOUND));
        Session current = sessions.stream().filter(s -> s.calendarUid().equals(asked.calendarUid()))
                .max(Comparator.comparingInt(Session::sequence).thenComparing(s -> s.status() != Session.Status.RESCHEDULED)).orElse(asked);
        boolean mentorView = m.mentorId().equals(caller.userId());
        String other = mentorView ? m.menteeName() : m.mentorName();
        return SessionCalendar.write(List.of(new SessionCalendar.Entry(current, other, mentorView)), language, access.now());
    }

    /** GET /api/mentoring/calendar-feed: whether the caller has a feed (never its token, which is not stored). 1 GetItem. */
    Map<String, Object> feedStatus(Caller caller) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Optional<Feed> feed = feeds.of(caller.tenant(), caller.userId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", feed.isPresent());
        feed.ifPresent(f -> {
            body.put("kind", f.kind().name());
            body.put("createdAt", f.createdAt().toString());
        });
        return body;
    }

    /**
     * POST /api/mentoring/calendar-feed: a new private feed address for the caller; the previous
     * one (if any) stops working in the same transaction. The token is shown this once.
     * 1 GetItem + 1 transaction.
     */
    Map<String, Object> newFeed(Caller caller, Map<String, Object> body, Language language) {
        caller.require(Role.LEARNER, Role.MENTOR);
        FieldErrors errors = new FieldErrors();
        body.keySet().forEach(k -> errors.add(k, "unknown-field")); // nothing to choose yet: the caller's language names the events
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Optional<Feed> previous = feeds.of(tenant, caller.userId());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = tenant.value() + "_" + HexFormat.of().formatHex(secret);
        CalendarFeeds.Kind kind = caller.has(Role.MENTOR) ? CalendarFeeds.Kind.MENTOR : CalendarFeeds.Kind.MENTEE;
        Feed feed = feeds.replace(new Feed(tenant, caller.userId(), kind, language, hash(token), access.now()), previous.map(Feed::tokenHash));
        LOG.info("calendar feed replaced", "tenant", tenant.value(), "kind", kind.name(), "hadOne", previous.isPresent());
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("active", true);
        made.put("kind", kind.name());
        made.put("createdAt", feed.createdAt().toString());
        made.put("path", "/api/calendar/" + token + ".ics");
        return made;
    }

    /** DELETE /api/mentoring/calendar-feed: the caller's feed stops working. 1 GetItem + 1 transaction when there is one. */
    Map<String, Object> revoke(Caller caller) {
        caller.require(Role.LEARNER, Role.MENTOR);
        feeds.of(caller.tenant(), caller.userId()).ifPresent(f -> {
            feeds.revoke(caller.tenant(), caller.userId(), f.tokenHash());
            LOG.info("calendar feed revoked", "tenant", caller.tenant().value());
        });
        return Map.of("active", false);
    }

    /**
     * GET /api/calendar/{token}.ics, without a sign-in: the feed's sessions, or 404 for anything
     * that is not a current token. 1 GetItem (the token) + a mentee's 1 GetItem (their request)
     * + 1 GetItem (mentorship) + 1 Query, or a mentor's 2 Queries of their desk.
     */
    String feed(String file) {
        Matcher match = file == null ? null : FEED_FILE.matcher(file);
        if (match == null || !match.matches()) {
            throw new ProblemException(Problem.NOT_FOUND);
        }
        TenantId tenant = new TenantId(match.group(1));
        String token = file.substring(0, file.length() - ".ics".length());
        Feed feed = feeds.byTokenHash(tenant, hash(token)).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        Instant now = access.now();
        List<SessionCalendar.Entry> entries = new ArrayList<>();
        if (feed.kind() == CalendarFeeds.Kind.MENTOR) {
            Map<String, String> names = new LinkedHashMap<>();
            ledger.mentorshipsOf(tenant, feed.userId()).forEach(m -> names.put(m.id(), m.menteeName()));
            for (Session s : ledger.mentorSessions(tenant, feed.userId(), now.minus(FEED_DAYS_BACK, ChronoUnit.DAYS),
                    now.plus(FEED_DAYS_AHEAD, ChronoUnit.DAYS))) {
                if (s.mentorId().equals(feed.userId()) && s.status() != Session.Status.RESCHEDULED) {
                    entries.add(new SessionCalendar.Entry(s, names.get(s.mentorshipId()), true));
                }
            }
        } else {
            ledger.request(tenant, feed.userId()).map(r -> r.mentorshipId()).flatMap(id -> ledger.mentorship(tenant, id)).ifPresent(m -> {
                Instant from = now.minus(FEED_DAYS_BACK, ChronoUnit.DAYS);
                for (Session s : ledger.sessions(tenant, m.id())) {
                    if (s.status() != Session.Status.RESCHEDULED && !s.start().isBefore(from)) {
                        entries.add(new SessionCalendar.Entry(s, m.mentorName(), false));
                    }
                }
            });
        }
        LOG.info("calendar feed read", "tenant", tenant.value(), "kind", feed.kind().name(), "events", entries.size());
        return SessionCalendar.write(entries, feed.language(), now);
    }

    /** The stored form of a token: its SHA-256 in hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

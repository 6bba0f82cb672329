package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;

/**
 * What mentoring tells people (docs/adr/0027), each keyed on the session or mentorship, so a
 * retried write is the same notice. Sessions are booked, cancelled and moved by the mentee
 * (the learner's routes), so "the other side" told is the mentor; a change made by the mentor
 * would tell the mentee ({@link #otherSide}).
 */
final class MentoringNotices {
    private MentoringNotices() {}

    static List<Notice> matched(Mentorship m) {
        Instant at = m.createdAt() != null ? m.createdAt() : Instant.now();
        return List.of(
                Notice.of(m.tenant(), NoticeKind.MENTOR_ASSIGNED, m.id(), m.menteeId(), Map.of(), at),
                Notice.of(m.tenant(), NoticeKind.MENTEE_ASSIGNED, m.id(), m.mentorId(), Map.of(), at));
    }

    static Notice booked(Mentorship m, Session s) {
        Instant at = s.bookedAt() != null ? s.bookedAt() : Instant.now();
        return Notice.of(s.tenant(), NoticeKind.SESSION_BOOKED, s.id(), otherSide(m, s.menteeId()),
                Map.of("start", s.start().toString()), at);
    }

    static Notice cancelled(Mentorship m, Session s, Instant now, Session.Party by) {
        return Notice.of(s.tenant(), NoticeKind.SESSION_CANCELLED, s.id(), toldOf(m, by),
                Map.of("start", s.start().toString()), now);
    }

    static Notice moved(Mentorship m, Session old, Session next, Instant now, Session.Party by) {
        return Notice.of(old.tenant(), NoticeKind.SESSION_MOVED, old.id(), toldOf(m, by),
                Map.of("start", old.start().toString(), "newStart", next.start().toString()), now);
    }

    /**
     * Who is told of a change: the other side of the one who made it — the mentor when the mentee
     * acted, the mentee when the mentor did, and the mentee when staff did (a reassignment).
     */
    static String toldOf(Mentorship m, Session.Party by) {
        return by == Session.Party.MENTEE ? m.mentorId() : m.menteeId();
    }

    /** The person who did not make the change. */
    static String otherSide(Mentorship m, String actorId) {
        return actorId.equals(m.menteeId()) ? m.mentorId() : m.menteeId();
    }
}

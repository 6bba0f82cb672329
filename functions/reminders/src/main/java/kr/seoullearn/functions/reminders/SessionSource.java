package kr.seoullearn.functions.reminders;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.reminders.domain.DueReminder;

/**
 * Mentoring sessions 24 hours and 1 hour before (to the mentee and to the mentor; written with
 * the booking or the move, ADR 13): sent while the session is still BOOKED at the same start
 * (a cancelled or moved session sends nothing; the new time has its own reminders), with the
 * start in Seoul time and the session's meeting link.
 */
final class SessionSource implements ReminderSource {
    private final MentoringLedger mentoring;

    SessionSource(MentoringLedger mentoring) {
        this.mentoring = mentoring;
    }

    @Override
    public Optional<Map<String, Object>> content(DueReminder r, Language language) {
        Session s = mentoring.session(r.tenant(), r.params().getOrDefault("mentorshipId", ""), r.params().getOrDefault("sessionId", ""))
                .orElse(null);
        if (s == null || s.status() != Session.Status.BOOKED || !s.start().equals(Instant.parse(r.params().get("start")))
                || !(r.recipientId().equals(s.menteeId()) || r.recipientId().equals(s.mentorId()))) {
            return Optional.empty();
        }
        return Optional.of(Map.of("time", s.start(), "link", s.meetingUrl() == null ? "" : s.meetingUrl()));
    }
}

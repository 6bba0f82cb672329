package kr.seoullearn.functions.mentoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * What every mentoring route reaches its records through: the caller's tenant only; a
 * mentorship by its mentee or its mentor (anyone else gets the same 404 as for an id that does
 * not exist); the rules in force; the clock (Seoul dates).
 */
final class MentoringAccess {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final MentoringRulesCatalogue rules;
    private final MentoringLedger ledger;
    private final MeetingRooms rooms;
    private final Clock clock;

    MentoringAccess(MentoringRulesCatalogue rules, MentoringLedger ledger, MeetingRooms rooms, Clock clock) {
        this.rules = rules;
        this.ledger = ledger;
        this.rooms = rooms;
        this.clock = clock;
    }

    MentoringLedger ledger() {
        return ledger;
    }

    /** The meeting provider: new rooms at booking, and each party's link to a booked session's room. */
    MeetingRooms rooms() {
        return rooms;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BookingRules.SEOUL));
    }

    MentoringRules rulesInForce(TenantId tenant) {
        return rules.inForce(tenant, today()).orElseThrow(() -> new ProblemException(MentoringRefusal.NO_MENTORING_RULES));
    }

    /** A mentorship of the tenant by its id. */
    Mentorship mentorship(TenantId tenant, String mentorshipId) {
        if (mentorshipId == null || !ID.matcher(mentorshipId).matches()) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        return ledger.mentorship(tenant, mentorshipId).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND));
    }

    /** The caller's own mentorship as its mentee; anyone else's is "not found". */
    Mentorship ownMentorship(Caller caller, String mentorshipId) {
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.menteeId().equals(caller.userId())) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        return m;
    }

    /** The mentorship of which the caller is the mentee or the mentor. */
    Mentorship member(Caller caller, String mentorshipId) {
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.hasMember(caller.userId())) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        return m;
    }

    /** A session of the mentorship by its id. */
    Session session(Mentorship m, String sessionId) {
        if (sessionId == null || !ID.matcher(sessionId).matches()) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_FOUND);
        }
        return ledger.session(m.tenant(), m.id(), sessionId).orElseThrow(() -> new ProblemException(MentoringRefusal.SESSION_NOT_FOUND));
    }

    /** A new session at a start that passed the checks which need no other request's data. */
    Session newSession(Mentorship m, Instant start, Instant now) {
        Mentor mentor = ledger.mentor(m.tenant(), m.mentorId()).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        BookingRules.refusal(m, mentor.availability(), start, now).ifPresent(p -> {
            throw new ProblemException(p);
        });
        String id = UUID.randomUUID().toString();
        return new Session(m.tenant(), m.id(), id, m.menteeId(), m.mentorId(), start, m.sessionMinutes(), Session.Status.BOOKED,
                rooms.newRoom(id), null, now, null);
    }
}

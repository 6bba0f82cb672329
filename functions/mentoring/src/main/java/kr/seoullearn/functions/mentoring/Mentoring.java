package kr.seoullearn.functions.mentoring;

import java.time.Clock;
import kr.seoullearn.mentoring.port.CalendarFeeds;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.registration.port.ApplicationStore;

/**
 * Mentoring's use cases, one part per job: learners request mentoring and book, cancel and move
 * sessions with their mentor; reviewers confirm a proposed mentor and decide extensions; mentors
 * publish availability and record attendance. The tenant is always the caller's (the token's);
 * a mentorship is reached only by its mentee, its mentor (and reviewers where stated) — anyone
 * else gets the same 404 as for an id that does not exist ({@link MentoringAccess}).
 */
public final class Mentoring {
    private final MentoringRequests requests;
    private final SessionBooking booking;
    private final AttendanceAndExtensions followUp;
    private final MentorDesk mentors;
    private final Calendars calendars;
    private final MentorshipChanges changes;

    public Mentoring(ApplicationStore applications, MentoringRulesCatalogue rules, MentoringLedger ledger, MeetingRooms rooms,
                     CalendarFeeds feeds, Clock clock) {
        MentoringAccess access = new MentoringAccess(rules, ledger, rooms, clock);
        this.calendars = new Calendars(access, feeds);
        this.changes = new MentorshipChanges(access);
        this.requests = new MentoringRequests(access, applications);
        this.booking = new SessionBooking(access);
        this.followUp = new AttendanceAndExtensions(access);
        this.mentors = new MentorDesk(access);
    }

    /** Requests, what a learner sees, proposals and matching. */
    MentoringRequests requests() {
        return requests;
    }

    /** Slots, booking, cancelling, moving. */
    SessionBooking booking() {
        return booking;
    }

    /** Attendance and extensions. */
    AttendanceAndExtensions followUp() {
        return followUp;
    }

    /** Sessions as .ics and the private calendar feeds. */
    Calendars calendars() {
        return calendars;
    }

    /** A reviewer's reassignment of a mentor and ending of a mentorship. */
    MentorshipChanges changes() {
        return changes;
    }

    /** A mentor's availability, desk and weekly-cap consent. */
    MentorDesk mentors() {
        return mentors;
    }
}

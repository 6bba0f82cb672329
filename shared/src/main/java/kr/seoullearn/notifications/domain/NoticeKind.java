package kr.seoullearn.notifications.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened, as a person is told it. {@code guardianToo}: for a learner under 14 the notice
 * goes to the guardian's contact as well (the applicant and learner events).
 */
public enum NoticeKind {
    APPLICATION_RECEIVED(true),
    APPLICATION_APPROVED(true),
    APPLICATION_REJECTED(true),
    DOCUMENTS_REQUESTED(true),
    APPEAL_UPHELD(true),
    MENTOR_ASSIGNED(true),
    SESSION_BOOKED(true),
    SESSION_CANCELLED(true),
    SESSION_MOVED(true),
    WAITLIST_SEAT_GIVEN(true),
    LAPTOP_READY(true),
    LAPTOP_OVERDUE(true),
    MENTEE_ASSIGNED(false),
    TERM_ENDING(false),
    RECRUITMENT_SELECTED(false),
    RECRUITMENT_NOT_SELECTED(false),
    /** A partner university's nomination (docs/adr/0042): an invitation by e-mail to someone without an account yet. */
    MENTOR_NOMINATED(false),
    /** The school-year rollover (docs/adr/0041): a new grade, a new level, the end of a participation. */
    GRADE_MOVED_UP(true),
    MOVED_TO_MIDDLE_SCHOOL(true),
    MOVED_TO_HIGH_SCHOOL(true),
    PARTICIPATION_ENDED(true),
    GRADUATED(true),
    AGE_LIMIT_AHEAD(true),
    AGE_LIMIT_REACHED(true);

    private final boolean guardianToo;

    NoticeKind(boolean guardianToo) {
        this.guardianToo = guardianToo;
    }

    public boolean guardianToo() {
        return guardianToo;
    }

    /** The stable code of the API, the preferences and the message files (e.g. {@code session-booked}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NoticeKind> parse(String code) {
        for (NoticeKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

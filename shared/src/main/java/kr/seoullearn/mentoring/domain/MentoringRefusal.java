package kr.seoullearn.mentoring.domain;

import kr.seoullearn.platform.http.Refusal;

/**
 * Why mentoring refuses a request: requests and matching, booking (the invariants of
 * docs/adr/0011-mentoring-booking.md), attendance and extensions. The codes and statuses are the
 * contract with the web app, docs/api/openapi.yaml and {@code i18n/problems_*.properties}.
 */
public enum MentoringRefusal implements Refusal {
    NO_MENTORING_RULES("no-mentoring-rules", 409),
    MENTORING_NOT_FOR_LEVEL("mentoring-not-for-level", 422),
    MENTORING_ALREADY_REQUESTED("mentoring-already-requested", 409),
    MENTORING_REQUEST_NOT_FOUND("mentoring-request-not-found", 404),
    MENTORING_ALREADY_MATCHED("mentoring-already-matched", 409),
    MENTOR_NOT_FOUND("mentor-not-found", 404),
    MENTOR_NOT_FOR_LEVEL("mentor-not-for-level", 422),
    MENTOR_FULL("mentor-full", 409),
    MENTORSHIP_NOT_FOUND("mentorship-not-found", 404),
    MENTORSHIP_NOT_ACTIVE("mentorship-not-active", 409),
    SESSION_NOT_FOUND("session-not-found", 404),
    SESSION_START_NOT_ON_HALF_HOUR("session-start-not-on-half-hour", 422),
    SESSION_NOTICE_TOO_SHORT("session-notice-too-short", 422),
    SESSION_OUTSIDE_WINDOW("session-outside-window", 422),
    MENTOR_NOT_AVAILABLE("mentor-not-available", 422),
    SLOT_TAKEN("slot-taken", 409),
    MENTEE_BUSY("mentee-busy", 409),
    SESSION_QUOTA_USED_UP("session-quota-used-up", 409),
    WEEKLY_CAP_REACHED("weekly-cap-reached", 409),
    SESSION_NOT_BOOKED("session-not-booked", 409),
    RESCHEDULE_TOO_LATE("reschedule-too-late", 409),
    SESSION_NOT_STARTED("session-not-started", 409),
    SESSION_ALREADY_STARTED("session-already-started", 409),
    NOT_SAME_MENTOR("mentor-unchanged", 409),
    MENTORSHIP_END_INVALID("mentorship-end-invalid", 422),
    EXTENSION_PENDING("extension-pending", 409),
    EXTENSION_NOT_FOUND("extension-not-found", 404),
    EXTENSION_NOT_PENDING("extension-not-pending", 409);

    private final String code;
    private final int status;

    MentoringRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}

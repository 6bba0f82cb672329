package kr.seoullearn.platform.http;

/**
 * Every error a client can see: a stable code (the contract with the web app and the message
 * files), the HTTP status, and whether the client may retry. Titles and details live in
 * {@code i18n/problems_*.properties}, one per language.
 */
public enum Problem implements Refusal {
    // ---- laptops (issue 6)
    LAPTOP_REQUEST_ACTIVE("laptop-request-active", 409),
    LAPTOP_REQUEST_NOT_FOUND("laptop-request-not-found", 404),
    LAPTOP_STATUS_CHANGE_NOT_ALLOWED("laptop-status-change-not-allowed", 409),
    LAPTOP_STOCK_TOO_LOW("laptop-stock-too-low", 409),
    DISTRICT_NOT_FOUND("district-not-found", 404),
    // ---- laptops end
    BAD_REQUEST_BODY_MISSING("body-missing", 400),
    BAD_REQUEST_MALFORMED_JSON("malformed-json", 400),
    BAD_REQUEST_NOT_AN_OBJECT("not-an-object", 400),
    BAD_REQUEST_TOO_LARGE("body-too-large", 413),
    UNAUTHENTICATED("unauthenticated", 401),
    ID_TOKEN_REQUIRED("id-token-required", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    // mentoring (issue 5) -- begin
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
    EXTENSION_PENDING("extension-pending", 409),
    EXTENSION_NOT_FOUND("extension-not-found", 404),
    EXTENSION_NOT_PENDING("extension-not-pending", 409),
    // mentoring -- end
    ROUTE_NOT_FOUND("route-not-found", 404),
    PROFILE_NOT_FOUND("profile-not-found", 404),
    UNKNOWN_TENANT("unknown-tenant", 400),
    VALIDATION_FAILED("validation-failed", 400),
    RESIDENT_REGISTRATION_NUMBER("resident-registration-number", 400),
    GUARDIAN_CONSENT_REQUIRED("guardian-consent-required", 422),
    APPLICATION_INCOMPLETE("application-incomplete", 422),
    APPLICATION_NOT_EDITABLE("application-not-editable", 409),
    VERSION_CONFLICT("version-conflict", 409),
    NO_PROGRAMME("no-programme", 409),
    PROGRAMME_FULL("programme-full", 409),
    NOT_ELIGIBLE("not-eligible", 422),
    DECISION_NOT_ALLOWED("decision-not-allowed", 409),
    DOCUMENT_KIND_UNKNOWN("document-kind-unknown", 400),
    DOCUMENT_TYPE_NOT_ALLOWED("document-type-not-allowed", 400),
    DOCUMENT_NO_FILE("document-no-file", 422),
    DOCUMENT_EMPTY("document-empty", 422),
    DOCUMENT_TOO_BIG("document-too-big", 422),
    DOCUMENT_WRONG_TYPE("document-wrong-type", 422),
    DOCUMENT_MALWARE("document-malware", 422),
    DOCUMENT_UPLOAD_FAILED("document-upload-failed", 422),
    DOCUMENT_NOT_FOUND("document-not-found", 404),
    DOCUMENT_NOT_READY("document-not-ready", 409),
    PROVIDER_NOT_FOR_LEVEL("provider-not-for-level", 422),
    PROVIDER_INACTIVE("provider-inactive", 409),
    PICK_LIMIT_REACHED("pick-limit-reached", 409),
    ALREADY_ENROLLED("already-enrolled", 409),
    ENROLMENT_NOT_FOUND("enrolment-not-found", 404),
    SEATS_BELOW_USED("seats-below-used", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    // mentor recruitment (issue 11, docs/adr/0014)
    MENTOR_TERM_ENDED("mentor-term-ended", 409),
    MENTOR_INELIGIBLE("mentor-ineligible", 422),
    MENTOR_TOO_OLD("mentor-too-old", 422),
    MENTOR_GRADE_TOO_LOW("mentor-grade-too-low", 422),
    MENTOR_NOT_ENROLLED("mentor-not-enrolled", 422),
    NO_RECRUITMENT_RULES("no-recruitment-rules", 409),
    ROUND_NOT_FOUND("recruitment-round-not-found", 404),
    ROUND_CLOSED("recruitment-round-closed", 409),
    ROUND_FULL("recruitment-round-full", 409),
    MENTOR_APPLICATION_EXISTS("mentor-application-exists", 409),
    MENTOR_APPLICATION_NOT_FOUND("mentor-application-not-found", 404),
    MENTOR_APPLICATION_DECIDED("mentor-application-decided", 409),
    MENTOR_DOCUMENTS_MISSING("mentor-documents-missing", 422),
    RENEWAL_NOT_OPEN("mentor-renewal-not-open", 409),
    RENEWAL_NOT_FOUND("mentor-renewal-not-found", 404),
    SERVICE_UNAVAILABLE("service-unavailable", 503),
    INTERNAL("internal", 500);

    private final String code;
    private final int status;

    Problem(String code, int status) {
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

package kr.seoullearn.platform.http;

/**
 * Every error a client can see: a stable code (the contract with the web app and the message
 * files), the HTTP status, and whether the client may retry. Titles and details live in
 * {@code i18n/problems_*.properties}, one per language.
 */
public enum Problem implements Refusal {
    BAD_REQUEST_BODY_MISSING("body-missing", 400),
    BAD_REQUEST_MALFORMED_JSON("malformed-json", 400),
    BAD_REQUEST_NOT_AN_OBJECT("not-an-object", 400),
    BAD_REQUEST_TOO_LARGE("body-too-large", 413),
    BODY_NOT_UTF8("body-not-utf8", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    ID_TOKEN_REQUIRED("id-token-required", 401),
    FORBIDDEN("forbidden", 403),
    // staff may not decide or score their own application (registration review, mentor recruitment)
    SELF_DECISION("self-decision-not-allowed", 403),
    NOT_FOUND("not-found", 404),
    ROUTE_NOT_FOUND("route-not-found", 404),
    PROFILE_NOT_FOUND("profile-not-found", 404),
    UNKNOWN_TENANT("unknown-tenant", 400),
    // a signed-in person who has not said where they live yet: no tenant's data until they do
    TENANT_NOT_CHOSEN("tenant-not-chosen", 403),
    // a staff group's token issued without the second factor (TOTP)
    SECOND_FACTOR_REQUIRED("second-factor-required", 403),
    VALIDATION_FAILED("validation-failed", 400),
    VERSION_CONFLICT("version-conflict", 409),
    NO_PROGRAMME("no-programme", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    // raised by mentoring's matching for a recruited mentor whose term is over
    MENTOR_TERM_ENDED("mentor-term-ended", 409),
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

package kr.seoullearn.registration.domain;

import kr.seoullearn.platform.http.Refusal;

/**
 * Why registration, review or a document refuses a request. The codes and statuses are the wire
 * contract (docs/api/openapi.yaml, the web app, {@code i18n/problems_*.properties}): never
 * change one. Refusals other contexts raise too (profile-not-found, no-programme) stay in
 * {@link kr.seoullearn.platform.http.Problem}.
 */
public enum RegistrationRefusal implements Refusal {
    RESIDENT_REGISTRATION_NUMBER("resident-registration-number", 400),
    // the account's tenant is set once; moving to another local government is a staff matter
    TENANT_ALREADY_CHOSEN("tenant-already-chosen", 409),
    GUARDIAN_CONSENT_REQUIRED("guardian-consent-required", 422),
    APPLICATION_INCOMPLETE("application-incomplete", 422),
    APPLICATION_NOT_EDITABLE("application-not-editable", 409),
    PROGRAMME_FULL("programme-full", 409),
    SUBMISSION_LIMIT_REACHED("submission-limit-reached", 409),
    RECORDS_CHECK_LIMIT_REACHED("records-check-limit-reached", 429),
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
    /** A document request while one is open, or on an application not waiting for a decision. */
    DOCUMENT_REQUEST_NOT_ALLOWED("document-request-not-allowed", 409),
    /** A resubmission with no open document request. */
    NO_DOCUMENT_REQUEST("no-document-request", 409),
    /** A resubmission before every requested document arrived (verified or being checked). */
    REQUESTED_DOCUMENTS_MISSING("requested-documents-missing", 422),
    /** An appeal of an application that is not rejected, was appealed already, or whose appeal is decided. */
    APPEAL_NOT_ALLOWED("appeal-not-allowed", 409),
    /** An appeal after {@code Appeals.WINDOW} from the rejection. */
    APPEAL_TOO_LATE("appeal-too-late", 409),
    /** An appeal decision with no open appeal (none made, or decided already: the decision is final). */
    APPEAL_DECISION_NOT_ALLOWED("appeal-decision-not-allowed", 409),
    /** The reviewer who rejected the application may not decide its appeal. */
    APPEAL_SAME_REVIEWER("appeal-same-reviewer", 403);

    private final String code;
    private final int status;

    RegistrationRefusal(String code, int status) {
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

    /** The document refusal a stored reason code stands for (a document's reason is one of these codes). */
    public static RegistrationRefusal ofDocumentReason(String code) {
        for (RegistrationRefusal refusal : values()) {
            if (refusal.code.equals(code)) {
                return refusal;
            }
        }
        return DOCUMENT_UPLOAD_FAILED;
    }
}

package kr.seoullearn.registration.domain;

import kr.seoullearn.platform.http.Refusal;

/**
 * Why the documents routes refuse an upload URL or a reviewer's read URL on abuse grounds
 * (docs/adr/0022): the per-applicant limits on open upload URLs and on bytes, and a read URL
 * for a document whose application nobody submitted. The codes and statuses are the wire
 * contract (docs/api/openapi.yaml, {@code i18n/problems_*.properties}, the web app).
 */
public enum DocumentRefusal implements Refusal {
    /** {@link DocumentLimits#MAX_OPEN_UPLOADS} upload URLs are open; {@code retryAfterSeconds} says when one frees. */
    UPLOADS_OPEN_LIMIT("document-uploads-open-limit", 429),
    /** The upload would pass {@link DocumentLimits#MAX_APPLICANT_BYTES}. */
    UPLOAD_BYTES_LIMIT("document-upload-bytes-limit", 422),
    /** The document's application is not submitted (or the mentor application not under review). */
    APPLICATION_NOT_SUBMITTED("document-application-not-submitted", 409);

    private final String code;
    private final int status;

    DocumentRefusal(String code, int status) {
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

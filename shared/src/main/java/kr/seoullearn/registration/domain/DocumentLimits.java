package kr.seoullearn.registration.domain;

/** docs/product.md, Documents: at most 10 MB, never empty; unsubmitted uploads expire after 7 days. */
public final class DocumentLimits {
    /** 10 MB (10 × 1024 × 1024 bytes). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Uploads not finalised (and their records) are deleted after this many days. */
    public static final int UNSUBMITTED_DAYS = 7;
    /** Documents are deleted this many days after the decision (bucket lifecycle, tag state=decided). */
    public static final int AFTER_DECISION_DAYS = 30;
    /**
     * Upload URLs one applicant may hold open at once: issued, still valid and not finalised.
     * A URL stops counting when it is finalised or when it expires (at most 10 minutes).
     */
    public static final int MAX_OPEN_UPLOADS = 5;
    /**
     * The bytes one applicant may be given upload URLs for in all (declared sizes): ten files of
     * the largest size. Given back only when nothing arrived (finalise found no file), because
     * a file that arrived was stored and scanned whatever the outcome (docs/adr/0022).
     */
    public static final long MAX_APPLICANT_BYTES = 10 * MAX_BYTES;

    private DocumentLimits() {}
}

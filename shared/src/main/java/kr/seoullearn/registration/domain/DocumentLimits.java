package kr.seoullearn.registration.domain;

/** docs/product.md, Documents: at most 10 MB, never empty; unsubmitted uploads expire after 7 days. */
public final class DocumentLimits {
    /** 10 MB (10 × 1024 × 1024 bytes). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Uploads not finalised (and their records) are deleted after this many days. */
    public static final int UNSUBMITTED_DAYS = 7;
    /** Documents are deleted this many days after the decision (bucket lifecycle, tag state=decided). */
    public static final int AFTER_DECISION_DAYS = 30;

    private DocumentLimits() {}
}

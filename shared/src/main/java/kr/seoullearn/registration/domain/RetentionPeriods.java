package kr.seoullearn.registration.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an application's records and files are kept (docs/adr/0038, "Retention"; the table in
 * docs/data-model.md). Each period runs from a moment the records hold, so the expiry of every item
 * is a plain function of it; DynamoDB's TTL (attribute {@code expiresAt}) and the documents bucket's
 * lifecycle rules (by the {@code state} tag) do the deleting.
 */
public final class RetentionPeriods {
    /** A draft nobody saved for this long is abandoned: its profile goes (each save starts it again). */
    public static final Duration ABANDONED_DRAFT = Duration.ofDays(180);
    /** A rejected application may be corrected and sent again for this long after the decision; then it goes. */
    public static final Duration REJECTED_APPLICATION = Duration.ofDays(180);
    /** Documents of a decided application (approved or rejected, a learner's or a mentor applicant's): 30 days after the decision. */
    public static final Duration DECIDED_DOCUMENTS = Duration.ofDays(30);
    /** An upload URL issued and never finalised (S3 rule {@code state=unsubmitted}). */
    public static final Duration UNSUBMITTED_UPLOAD = Duration.ofDays(7);
    /**
     * The backstop of a checked document not (yet) decided (S3 rule {@code state=submitted}, counted
     * from the upload): an abandoned draft's files, and any file whose move onto the 30-day rule
     * failed every retry. No file is ever without an expiry.
     */
    public static final Duration UNDECIDED_DOCUMENTS = Duration.ofDays(365);

    private RetentionPeriods() {}

    /** A draft saved (or created) at {@code savedAt}. */
    public static Instant draftExpires(Instant savedAt) {
        return savedAt.plus(ABANDONED_DRAFT);
    }

    public static Instant rejectedExpires(Instant decidedAt) {
        return decidedAt.plus(REJECTED_APPLICATION);
    }

    public static Instant decidedDocumentExpires(Instant decidedAt) {
        return decidedAt.plus(DECIDED_DOCUMENTS);
    }

    /** A document checked (VERIFIED) at {@code finalisedAt}, before any decision. */
    public static Instant undecidedDocumentExpires(Instant finalisedAt) {
        return finalisedAt.plus(UNDECIDED_DOCUMENTS);
    }
}

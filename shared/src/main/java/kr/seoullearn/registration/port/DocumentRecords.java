package kr.seoullearn.registration.port;

import java.time.Instant;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentStatus;

/** The port to the document records, the read audit and the registration status. */
public interface DocumentRecords {

    /**
     * Writes a new AWAITING_UPLOAD document and takes its share of the applicant's upload
     * allowance in the same transaction: one more open upload URL (until {@code urlExpiresAt})
     * and its declared bytes. Throws a {@link kr.seoullearn.platform.http.ProblemException} of
     * {@link kr.seoullearn.registration.domain.DocumentRefusal} when a limit would be passed
     * (docs/adr/0022); then nothing is written. Safe under concurrent calls: the limits are
     * conditions of the write.
     */
    void create(Document document, Instant urlExpiresAt);

    /** A document as an Idempotency-Key's create stored it: the request's fingerprint and when its upload URL expires. */
    record Stored(Document document, String fingerprint, Instant uploadUrlExpiresAt) {}

    /**
     * {@link #create} under the id an Idempotency-Key made (docs/adr/0023), keeping the request's
     * fingerprint and the upload URL's expiry on the document. When a document with that id
     * exists (a retry, or the same request twice at once), nothing is written or taken from the
     * allowance and the stored document is answered; empty when it was created now.
     */
    Optional<Stored> createOnce(Document document, Instant urlExpiresAt, String fingerprint);

    /** The document of this person in this tenant, read consistently; empty if there is none. */
    Optional<Document> find(TenantId tenant, String userId, String documentId);

    /**
     * Records the result of a check (status, size, version, reason, when, and the expiry; null:
     * none) if the document is still in status {@code from}; false if another check got there
     * first (nothing written). Leaving AWAITING_UPLOAD closes its upload URL in the allowance in
     * the same transaction, and gives its bytes back if nothing arrived (reason document-no-file).
     */
    boolean settle(Document document, DocumentStatus from);

    /** Audits that {@code actor} was given a read URL for the applicant's document. */
    void recordRead(TenantId tenant, String applicantId, String documentId, String actor, Instant at);

    /** Moves the applicant's registration from SUBMITTED to UNDER_REVIEW; false if it was not SUBMITTED. */
    boolean startReview(TenantId tenant, String applicantId);
}

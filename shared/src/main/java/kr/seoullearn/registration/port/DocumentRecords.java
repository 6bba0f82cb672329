package kr.seoullearn.registration.port;

import java.time.Instant;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Document;

/** The port to the document records, the read audit and the registration status. */
public interface DocumentRecords {

    /** Writes a new document record (one PutItem). */
    void create(Document document);

    /** The document of this person in this tenant, read consistently; empty if there is none. */
    Optional<Document> find(TenantId tenant, String userId, String documentId);

    /** Records the result of a check: status, size, version, reason, when, and the expiry (null: none). */
    void settle(Document document);

    /** Audits that {@code actor} was given a read URL for the applicant's document. */
    void recordRead(TenantId tenant, String applicantId, String documentId, String actor, Instant at);

    /** Moves the applicant's registration from SUBMITTED to UNDER_REVIEW; false if it was not SUBMITTED. */
    boolean startReview(TenantId tenant, String applicantId);
}

package kr.seoullearn.registration.port;

import kr.seoullearn.registration.domain.Application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port through which registration and review keep applications. Every change is
 * conditional on the version the caller read (optimistic locking) and on the status allowing
 * it; quota and state change happen in one transaction.
 */
public interface ApplicationStore {

    Optional<Application> find(TenantId tenant, String userId);

    /** The application and its documents, in one read. */
    Optional<Dossier> dossier(TenantId tenant, String userId);

    /**
     * The person's documents, with or without a registration profile (a mentor applicant has
     * none: their recruitment documents are the same records, docs/adr/0038).
     */
    default List<DocumentSummary> documents(TenantId tenant, String userId) {
        return dossier(tenant, userId).map(Dossier::documents).orElse(List.of());
    }

    /** Saves the profile of an editable (DRAFT/REJECTED) application read at {@code expectedVersion}. */
    Application saveProfile(Application updated, long expectedVersion);

    /**
     * As {@link #saveProfile(Application, long)}, saved at {@code savedAt}: an editable application is
     * kept {@code RetentionPeriods.ABANDONED_DRAFT} from its last save (docs/adr/0038).
     */
    default Application saveProfile(Application updated, long expectedVersion, Instant savedAt) {
        return saveProfile(updated, expectedVersion);
    }

    /** Records the outcome of the records check (never the data sent for it). */
    Application recordCheck(Application current, Application.RecordsCheck check, long expectedVersion);

    /**
     * Submits: takes a place of a quota-limited programme and moves the application to
     * SUBMITTED (queued for review) — or straight to APPROVED when the records decided — in
     * one transaction. Throws programme-full, version-conflict or application-not-editable.
     */
    Application submit(Application current, long expectedVersion, EligibilityProgramme programme,
                       List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now);

    /** Submitted applications waiting for a decision, oldest first; {@code after} is the previous page's cursor. */
    QueuePage queue(TenantId tenant, String after, int limit);

    /** How many applications submitted in [from, to] still wait in the review queue (the reviewers' daily digest). */
    int queuedBetween(TenantId tenant, Instant from, Instant to);

    /**
     * Records a reviewer's decision on an application waiting for one (SUBMITTED or
     * UNDER_REVIEW) read at {@code expectedVersion}, and takes it off the queue.
     */
    Application decide(Application current, long expectedVersion, Application.Decision decision);

    record QueuePage(List<Application> applications, String next) {}

    /** Which list a reviewer reads: waiting for a decision, waiting for the applicant's documents, decided. */
    enum ReviewList { QUEUE, DOCUMENTS_REQUESTED, DECIDED, APPEALS }

    /**
     * The reviewers' filters; null means any. {@code waitingSince}: only applications submitted
     * (requested, decided) before it; ages are whole years on {@code today}.
     */
    record QueueFilter(ReviewList list, RegistrationStatus status, String category, String district,
                       kr.seoullearn.platform.school.SchoolLevel schoolLevel, Integer minAge, Integer maxAge,
                       Instant waitingSince, java.time.LocalDate today) {
        public static QueueFilter queue() {
            return new QueueFilter(ReviewList.QUEUE, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * One page of a review list, filtered: one partition of GSI1 read newest or oldest first with
     * the filters as conditions — a bounded number of Queries per page, never a scan.
     */
    default QueuePage list(TenantId tenant, QueueFilter filter, String after, int limit) {
        throw new UnsupportedOperationException("filtered lists");
    }

    /**
     * A reviewer's "please send these documents": which kinds, the message template the applicant
     * reads it through (translated in the web app; no free text), who asked and when.
     */
    record DocumentRequest(List<DocumentKind> documents, String template, String requestedBy, Instant requestedAt) {}

    /** The open document request of an application, if any (one GetItem). */
    default Optional<DocumentRequest> documentRequest(TenantId tenant, String userId) {
        return Optional.empty();
    }

    /**
     * Puts an application waiting for a decision (read at {@code expectedVersion}) back to the
     * applicant with what is missing: it leaves the review queue for the list of requests, and
     * the request and its audit entry are written in one transaction. A second request while
     * one is open, or a stale version, is refused.
     */
    default Application requestDocuments(Application current, long expectedVersion, DocumentRequest request) {
        throw new UnsupportedOperationException("document requests");
    }

    /**
     * The applicant sends the requested documents back: the request is closed and the
     * application returns to the review queue at its first submission's place (one transaction).
     */
    default Application resubmit(Application current, long expectedVersion, Instant now) {
        throw new UnsupportedOperationException("document requests");
    }

    /**
     * The applicant appeals the rejection of an application read at {@code expectedVersion}, once,
     * if it was rejected at or after {@code rejectedNotBefore}: it joins the reviewers' appeals list
     * and is kept (no expiry) until the appeal is decided (docs/adr/0040).
     */
    default Application appeal(Application current, long expectedVersion, String reason, Instant now, Instant rejectedNotBefore) {
        throw new UnsupportedOperationException("appeals");
    }

    /**
     * A reviewer other than the one who rejected (and not the applicant) decides the open appeal,
     * finally: approving takes a quota place as a submission does; either way the applicant is told
     * and the audit entry is written, all in one transaction.
     */
    default Application decideAppeal(Application current, long expectedVersion, boolean approve, String reason, String reviewer,
                                     Instant at) {
        throw new UnsupportedOperationException("appeals");
    }

    /** A document as the application lists it. */
    record DocumentSummary(String documentId, DocumentKind kind, DocumentStatus status, String reason, String s3Key,
                           String s3VersionId, String contentType) {}

    /** After a decided document was copied in place (a new S3 version): read that version from now on. */
    void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId);

    /**
     * A decided document: its record expires with its file ({@code expiresAt}, docs/adr/0038) and,
     * when the retag made a new object version ({@code s3VersionId} not null), reads that version.
     */
    default void documentDecided(TenantId tenant, String userId, String documentId, String s3VersionId, Instant expiresAt) {
        if (s3VersionId != null) {
            renewDocumentVersion(tenant, userId, documentId, s3VersionId);
        }
    }

    record Dossier(Application application, List<DocumentSummary> documents) {

        /** The kinds the application requires (as submitted) without a VERIFIED (or SCANNING) document. */
        public List<DocumentKind> missingDocuments() {
            return missing(application.requiredDocuments() == null ? List.of() : application.requiredDocuments());
        }

        /** Of the given required kinds, those without a VERIFIED (or SCANNING) document. */
        public List<DocumentKind> missing(List<DocumentKind> required) {
            return required.stream()
                    .filter(kind -> documents.stream().noneMatch(d -> d.kind() == kind
                            && (d.status() == DocumentStatus.VERIFIED || d.status() == DocumentStatus.SCANNING)))
                    .toList();
        }
    }
}

package kr.seoullearn.functions.documents;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.DocumentRecords;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.platform.http.IdempotencyKey;
import kr.seoullearn.platform.http.IdempotencyRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.Document;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentLimits;
import kr.seoullearn.registration.domain.DocumentRefusal;
import kr.seoullearn.registration.domain.DocumentStatus;

/**
 * The rules of verification documents (docs/product.md, Documents), behind ports: issuing an upload
 * URL, checking what arrived, and giving a reviewer an audited read URL. No AWS types here.
 */
@Singleton
public class DocumentService {
    /**
     * Registration states in which the applicant may still add documents: also while a reviewer
     * looks at it, since a missing document is what the review may be waiting for.
     */
    static final Set<RegistrationStatus> EDITABLE = EnumSet.of(RegistrationStatus.DRAFT, RegistrationStatus.SUBMITTED,
            RegistrationStatus.UNDER_REVIEW, RegistrationStatus.REJECTED, RegistrationStatus.EXPIRED);
    static final String STATE_TAG = "state";
    static final String UNSUBMITTED = "unsubmitted";
    static final String SUBMITTED = "submitted";
    /** Registration states in which a reviewer may read the applicant's documents: submitted, not yet decided. */
    static final Set<RegistrationStatus> READABLE = EnumSet.of(RegistrationStatus.SUBMITTED, RegistrationStatus.UNDER_REVIEW);
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A Cognito sub (a UUID) or a test user id: never a path or a key separator. */
    private static final Pattern USER_ID_FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");
    private static final Log LOG = Log.of(DocumentService.class);

    private final ProfileRepository profiles;
    private final DocumentRecords records;
    private final DocumentStorage storage;
    private final MalwareScanner scanner;
    private final MentorApplications mentorApplications;
    private final DocumentSettings settings;
    private final Clock clock;

    public DocumentService(ProfileRepository profiles, DocumentRecords records, DocumentStorage storage,
                           MalwareScanner scanner, MentorApplications mentorApplications, DocumentSettings settings, Clock clock) {
        this.profiles = profiles;
        this.records = records;
        this.storage = storage;
        this.scanner = scanner;
        this.mentorApplications = mentorApplications;
        this.settings = settings;
        this.clock = clock;
    }

    /** A document awaiting its file and the URL to send it to; {@code url} null when a repeated request finds it past that. */
    public record UploadTicket(Document document, DocumentStorage.UploadUrl url) {}

    /**
     * Issues a presigned PUT for one file of an applicant whose registration can still change,
     * and records the document as AWAITING_UPLOAD (expiring after 7 days unless finalised),
     * within the applicant's upload allowance (at most 5 open URLs, 100 MB in all; docs/adr/0022).
     * The URL can create the object once and never replace it (If-None-Match: *, signed).
     */
    public UploadTicket startUpload(Caller caller, Map<String, Object> body) {
        return startUpload(caller, body, Optional.empty());
    }

    /**
     * With an {@code Idempotency-Key} (docs/adr/0023) the key names the document: the same request
     * again answers the same document — with an upload URL to the same object, valid until the
     * first one expires, while it still awaits its file; without one once it has left that state
     * or its URL has expired (the URL is useless after finalise) — and takes nothing more from the
     * allowance. Another request under the same key is 422 {@code idempotency-key-reused}.
     */
    public UploadTicket startUpload(Caller caller, Map<String, Object> body, Optional<IdempotencyKey> key) {
        UploadRequest request = UploadRequest.parse(body);
        Profile profile = profiles.find(caller.tenant(), caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        // a mentor application's documents do not depend on the learner registration (docs/adr/0014)
        if (!request.kind().forRecruitment() && !EDITABLE.contains(profile.status())) {
            throw new ProblemException(RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        }
        String documentId = key.map(k -> k.idFor(caller.tenant(), caller.userId(), "document-upload"))
                .orElseGet(() -> UUID.randomUUID().toString());
        // a random key under the applicant's prefix: never the file name (it can hold personal data)
        String s3Key = "tenant/" + caller.tenant().value() + "/applicant/" + caller.userId() + "/" + UUID.randomUUID();
        Instant now = clock.instant();
        Document document = new Document(caller.tenant(), caller.userId(), documentId, request.kind(), request.contentType(),
                request.size(), null, s3Key, null, DocumentStatus.AWAITING_UPLOAD, null, now, null,
                now.plus(Duration.ofDays(DocumentLimits.UNSUBMITTED_DAYS)));
        // presigning is local (no call): if it failed, nothing would have been written
        DocumentStorage.UploadUrl url = storage.presignUpload(s3Key, request.contentType(), request.size(),
                Map.of(STATE_TAG, UNSUBMITTED), settings.uploadUrlTtl());
        if (key.isPresent()) {
            String fingerprint = IdempotencyKey.fingerprint(body);
            Optional<DocumentRecords.Stored> stored = records.createOnce(document, url.expiresAt(), fingerprint);
            if (stored.isPresent()) {
                return again(stored.get(), fingerprint, now);
            }
        } else {
            records.create(document, url.expiresAt());
        }
        LOG.info("upload url issued", "documentId", documentId, "kind", request.kind().name(),
                "contentType", request.contentType().mediaType(), "declaredSize", request.size());
        return new UploadTicket(document, url);
    }

    /** The answer to a request repeated under its Idempotency-Key. */
    private UploadTicket again(DocumentRecords.Stored stored, String fingerprint, Instant now) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ProblemException(IdempotencyRefusal.IDEMPOTENCY_KEY_REUSED);
        }
        Document d = stored.document();
        Instant until = stored.uploadUrlExpiresAt();
        boolean usable = d.status() == DocumentStatus.AWAITING_UPLOAD && until != null && until.isAfter(now.plusSeconds(1));
        LOG.info("upload url asked again", "documentId", d.documentId(), "status", d.status().name(), "urlGiven", usable);
        return new UploadTicket(d, usable ? storage.presignUpload(d.s3Key(), d.contentType(), d.declaredSize(),
                Map.of(STATE_TAG, UNSUBMITTED), Duration.between(now, until)) : null);
    }

    /**
     * Checks what arrived for the caller's own document: present, not empty, at most 10 MB, no
     * malware, and its first bytes match the declared type. A refusal deletes the object,
     * records REJECTED with the problem code as reason and answers that problem; nothing is kept
     * as valid. VERIFIED documents are answered as they are (a retry changes nothing).
     */
    public Document finalise(Caller caller, String documentId) {
        Document document = ownDocument(caller, documentId);
        Document result = switch (document.status()) {
            case VERIFIED -> document;
            case REJECTED -> document;
            case AWAITING_UPLOAD -> check(document);
            case SCANNING -> settleScan(document);
        };
        if (result.status() == DocumentStatus.REJECTED) {
            throw new ProblemException(RegistrationRefusal.ofDocumentReason(result.reason()), Map.of("documentId", result.documentId()));
        }
        return result;
    }

    public record ReadTicket(DocumentStorage.ReadUrl url, Document document) {}

    /**
     * A reviewer's short-lived read URL for an applicant's verified document, in the reviewer's
     * own tenant, only while its application is before a reviewer: a submitted registration not
     * yet decided, or a mentor application under review (else 409
     * document-application-not-submitted). Every read URL is audited; the first one moves a
     * SUBMITTED registration to UNDER_REVIEW.
     */
    public ReadTicket readUrl(Caller caller, String applicantId, String documentId) {
        caller.require(Role.REVIEWER);
        if (applicantId == null || !USER_ID_FORM.matcher(applicantId).matches()) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_NOT_FOUND);
        }
        Document document = find(caller, applicantId, documentId);
        if (!beforeAReviewer(caller, applicantId, document)) {
            throw new ProblemException(DocumentRefusal.APPLICATION_NOT_SUBMITTED);
        }
        if (document.status() == DocumentStatus.SCANNING) {
            document = settleScan(document);
        }
        if (document.status() != DocumentStatus.VERIFIED) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_NOT_READY, Map.of("status", document.status().name()));
        }
        Instant at = clock.instant();
        records.recordRead(caller.tenant(), applicantId, documentId, caller.userId(), at);
        boolean reviewStarted = records.startReview(caller.tenant(), applicantId);
        String fileName = document.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + document.contentType().extension();
        DocumentStorage.ReadUrl url = storage.presignRead(document.s3Key(), document.s3VersionId(), document.contentType(),
                fileName, settings.readUrlTtl());
        LOG.info("read url issued", "documentId", documentId, "reviewStarted", reviewStarted);
        return new ReadTicket(url, document);
    }

    private boolean beforeAReviewer(Caller caller, String applicantId, Document document) {
        if (document.kind().forRecruitment()) {
            return mentorApplications.underReview(caller.tenant(), applicantId, document.documentId());
        }
        return profiles.find(caller.tenant(), applicantId).map(p -> READABLE.contains(p.status())).orElse(false);
    }

    private Document ownDocument(Caller caller, String documentId) {
        // the key is built from the caller's own tenant and sub: another person's document is unreachable
        Document document = find(caller, caller.userId(), documentId);
        // an unfinalised document past its expiry is gone, whether or not DynamoDB's TTL has removed it yet
        if (document.status() == DocumentStatus.AWAITING_UPLOAD && document.expiresAt() != null
                && !document.expiresAt().isAfter(clock.instant())) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_NOT_FOUND);
        }
        return document;
    }

    private Document find(Caller caller, String userId, String documentId) {
        if (documentId == null || !UUID_FORM.matcher(documentId).matches()) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_NOT_FOUND);
        }
        return records.find(caller.tenant(), userId, documentId)
                .orElseThrow(() -> new ProblemException(RegistrationRefusal.DOCUMENT_NOT_FOUND));
    }

    private Document check(Document document) {
        Optional<DocumentStorage.StoredObject> stored = storage.head(document.s3Key());
        if (stored.isEmpty()) {
            return reject(document, RegistrationRefusal.DOCUMENT_NO_FILE, null);
        }
        DocumentStorage.StoredObject object = stored.get();
        if (object.size() == 0) {
            return reject(document, RegistrationRefusal.DOCUMENT_EMPTY, object);
        }
        if (object.size() > DocumentLimits.MAX_BYTES) {
            return reject(document, RegistrationRefusal.DOCUMENT_TOO_BIG, object);
        }
        // malware first: an infected file is reported as such, whatever its type
        MalwareScanner.Verdict verdict = scanner.scan(document.s3Key(), object.versionId());
        if (verdict == MalwareScanner.Verdict.INFECTED) {
            return reject(document, RegistrationRefusal.DOCUMENT_MALWARE, object);
        }
        byte[] head = storage.firstBytes(document.s3Key(), object.versionId(), DocumentContentType.SIGNATURE_LENGTH);
        if (!document.contentType().matches(head)) {
            return reject(document, RegistrationRefusal.DOCUMENT_WRONG_TYPE, object);
        }
        if (verdict == MalwareScanner.Verdict.PENDING) {
            // not accepted yet: the object keeps state=unsubmitted and both keep their expiry; tagging
            // now could overwrite GuardDuty's result tag, which is written when the scan ends
            Document scanning = document.settled(DocumentStatus.SCANNING, object.size(), object.versionId(), null,
                    clock.instant(), document.expiresAt());
            LOG.info("document awaiting malware scan", "documentId", document.documentId(), "size", object.size());
            return settle(document, scanning);
        }
        return accept(document, object.size(), object.versionId());
    }

    /** A document whose scan had no result yet: ask again. */
    private Document settleScan(Document document) {
        MalwareScanner.Verdict verdict = scanner.scan(document.s3Key(), document.s3VersionId());
        return switch (verdict) {
            case PENDING -> document;
            case INFECTED -> reject(document, RegistrationRefusal.DOCUMENT_MALWARE,
                    new DocumentStorage.StoredObject(document.size() == null ? 0 : document.size(), document.s3VersionId()));
            case CLEAN -> accept(document, document.size(), document.s3VersionId());
        };
    }

    private Document accept(Document document, Long size, String versionId) {
        storage.tag(document.s3Key(), versionId, STATE_TAG, SUBMITTED);
        // checked, not decided yet: kept at most as long as the file's backstop rule (docs/adr/0038); a decision shortens it
        java.time.Instant now = clock.instant();
        Document verified = document.settled(DocumentStatus.VERIFIED, size, versionId, null, now,
                kr.seoullearn.registration.domain.RetentionPeriods.undecidedDocumentExpires(now));
        LOG.info("document verified", "documentId", document.documentId(), "size", size);
        return settle(document, verified);
    }

    /** Records {@code after} if the document is still as {@code before}; else answers it as another check left it. */
    private Document settle(Document before, Document after) {
        if (records.settle(after, before.status())) {
            return after;
        }
        return records.find(before.tenant(), before.userId(), before.documentId()).orElse(after);
    }

    /**
     * Refuses what arrived: an empty object takes the key first (so the upload URL, which may only
     * create the object, can never put anything there again), then the refused version is
     * deleted for good. In an unversioned bucket the empty object has already replaced it.
     */
    private Document reject(Document document, RegistrationRefusal problem, DocumentStorage.StoredObject object) {
        storage.seal(document.s3Key(), Map.of(STATE_TAG, UNSUBMITTED));
        if (object != null && object.versionId() != null) {
            storage.delete(document.s3Key(), object.versionId());
        }
        Document rejected = document.settled(DocumentStatus.REJECTED, object == null ? null : object.size(),
                object == null ? null : object.versionId(), problem.code(), clock.instant(), document.expiresAt());
        LOG.info("document refused", "documentId", document.documentId(), "code", problem.code(),
                "size", object == null ? null : object.size());
        return settle(document, rejected);
    }
}

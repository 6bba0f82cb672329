package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Applications live in the profile item {@code T#<tenant>#U#<sub> / PROFILE}; their documents
 * beside it ({@code DOC#<id>}), so one Query reads a whole dossier. Submitted applications
 * carry {@code GSI1PK = T#<tenant>#QUEUE}, {@code GSI1SK = <submittedAt>#<sub>}: the review
 * queue in submission order. Each kind of change has its own class; this one puts them together.
 */
final class DynamoApplicationStore implements ApplicationStore {
    private final ApplicationReads reads;
    private final ApplicationEdits edits;
    private final ApplicationSubmission submissions;
    private final ApplicationDecisions decisions;
    private final ApplicationDocumentRequests documentRequests;
    private final ApplicationLists lists;
    private final ApplicationAppeals appeals;

    DynamoApplicationStore(DynamoDbClient dynamo, String table, TransactionRunner runner, FigureWrites figures,
                           ReminderWrites reminders, kr.seoullearn.audit.port.AuditWrites audit, NoticeWrites notices) {
        this.reads = new ApplicationReads(dynamo, table);
        this.edits = new ApplicationEdits(dynamo, table, reads);
        this.submissions = new ApplicationSubmission(table, runner, reads, figures, reminders, notices);
        this.decisions = new ApplicationDecisions(table, runner, reads, figures, audit, notices);
        this.documentRequests = new ApplicationDocumentRequests(dynamo, table, runner, reads, audit, notices);
        this.lists = new ApplicationLists(dynamo, table);
        this.appeals = new ApplicationAppeals(dynamo, table, runner, reads, audit, notices);
    }

    @Override
    public Application appeal(Application current, long expectedVersion, String reason, Instant now, Instant rejectedNotBefore) {
        return appeals.appeal(current, expectedVersion, reason, now, rejectedNotBefore);
    }

    @Override
    public Application decideAppeal(Application current, long expectedVersion, boolean approve, String reason, String reviewer,
                                    Instant at) {
        return appeals.decide(current, expectedVersion, approve, reason, reviewer, at);
    }

    @Override
    public QueuePage list(TenantId tenant, QueueFilter filter, String after, int limit) {
        return lists.list(tenant, filter, after, limit);
    }

    @Override
    public Optional<DocumentRequest> documentRequest(TenantId tenant, String userId) {
        return documentRequests.find(tenant, userId);
    }

    @Override
    public Application requestDocuments(Application current, long expectedVersion, DocumentRequest request) {
        return documentRequests.request(current, expectedVersion, request);
    }

    @Override
    public Application resubmit(Application current, long expectedVersion, Instant now) {
        return documentRequests.resubmit(current, expectedVersion, now);
    }

    @Override
    public Optional<Application> find(TenantId tenant, String userId) {
        return reads.find(tenant, userId);
    }

    @Override
    public Optional<Dossier> dossier(TenantId tenant, String userId) {
        return reads.dossier(tenant, userId);
    }

    @Override
    public List<DocumentSummary> documents(TenantId tenant, String userId) {
        return reads.documents(tenant, userId);
    }

    @Override
    public Application saveProfile(Application updated, long expectedVersion) {
        return edits.saveProfile(updated, expectedVersion, java.time.Instant.now());
    }

    @Override
    public Application saveProfile(Application updated, long expectedVersion, java.time.Instant savedAt) {
        return edits.saveProfile(updated, expectedVersion, savedAt);
    }

    @Override
    public Application recordCheck(Application current, Application.RecordsCheck check, long expectedVersion) {
        return edits.recordCheck(current, check, expectedVersion);
    }

    @Override
    public Application submit(Application current, long expectedVersion, EligibilityProgramme programme,
                              List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        return submissions.submit(current, expectedVersion, programme, requiredDocuments, approvedByRecords, now,
                kr.seoullearn.registration.domain.RegistrationRules.MAX_SUBMISSIONS);
    }

    @Override
    public QueuePage queue(TenantId tenant, String after, int limit) {
        return reads.queue(tenant, after, limit);
    }

    @Override
    public int queuedBetween(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        return reads.queuedBetween(tenant, from, to);
    }

    @Override
    public Application decide(Application current, long expectedVersion, Application.Decision decision) {
        return decisions.decide(current, expectedVersion, decision);
    }

    @Override
    public void documentDecided(TenantId tenant, String userId, String documentId, String s3VersionId, java.time.Instant expiresAt) {
        edits.documentDecided(tenant, userId, documentId, s3VersionId, expiresAt);
    }

    @Override
    public void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId) {
        edits.renewDocumentVersion(tenant, userId, documentId, s3VersionId);
    }
}

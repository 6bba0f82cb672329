package kr.seoullearn.functions.review;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RetentionPeriods;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;
import kr.seoullearn.registration.port.RetentionDue;

/**
 * Moves a decided application's documents onto the 30-day rule (docs/adr/0038), whatever the
 * decision: each file is retagged {@code state=decided} (S3 lifecycle) and its record gets the same
 * expiry (DynamoDB TTL). Done for the decision's due item, which is then removed; a failure counts
 * an attempt on it and leaves it for the scheduled run. Retagging twice changes nothing that
 * matters (the 30 days run from the later copy), so a run and a request may meet.
 */
final class DecidedDocuments {
    private static final Log LOG = Log.of(DecidedDocuments.class);

    private final ApplicationStore applications;
    private final DocumentRetention retention;
    private final RetentionDue due;

    DecidedDocuments(ApplicationStore applications, DocumentRetention retention, RetentionDue due) {
        this.applications = applications;
        this.retention = retention;
        this.due = due;
    }

    /** True when every file of the decision is on the 30-day rule (or nothing is left of the person). */
    boolean settle(RetentionDue.Due d) {
        List<DocumentSummary> documents;
        if (d.namedDocuments()) {
            // a mentor recruitment decision: the files its application named (no registration profile)
            documents = applications.documents(d.tenant(), d.userId()).stream()
                    .filter(doc -> d.documentIds().contains(doc.documentId())).toList();
        } else {
            var dossier = applications.dossier(d.tenant(), d.userId());
            documents = dossier.isEmpty() ? List.of() : dossier.get().documents();
            if (dossier.isEmpty()) {
                due.done(d); // withdrawn or expired: nothing left to keep
                return true;
            }
        }
        List<DocumentSummary> files = documents.stream()
                .filter(doc -> doc.s3Key() != null && doc.status() != DocumentStatus.REJECTED).toList();
        if (files.isEmpty() && d.namedDocuments()) {
            due.done(d); // withdrawn, expired or never uploaded: nothing left to keep
            return true;
        }
        Map<String, String> renewed;
        try {
            renewed = retention.markDecided(files).stream()
                    .collect(Collectors.toMap(DocumentRetention.Renewed::documentId, DocumentRetention.Renewed::s3VersionId));
        } catch (AwsCallFailed e) {
            boolean counted = due.failed(d, e.code());
            LOG.warn("retag failed", "tenant", d.tenant().value(), "attempts", d.attempts() + 1, "failure", e.code(),
                    "counted", counted);
            return false;
        }
        var expires = RetentionPeriods.decidedDocumentExpires(d.decidedAt());
        for (DocumentSummary doc : files) {
            applications.documentDecided(d.tenant(), d.userId(), doc.documentId(), renewed.get(doc.documentId()), expires);
        }
        due.done(d);
        return true;
    }
}

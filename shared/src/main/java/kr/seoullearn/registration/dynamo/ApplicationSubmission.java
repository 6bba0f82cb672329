package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentsReminders;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A submission, in one transaction: the application moves to SUBMITTED (into the review queue)
 * or straight to APPROVED; a quota-limited programme's counter takes a place only while
 * {@code admitted < quota}; documents asked for get their reminder; the figures count it.
 * A burst of submissions races on the counter: lost races are the runner's to try again.
 * No witness: the SDK's own retries carry one ClientRequestToken, which DynamoDB recognises,
 * and the runner tries again only after a cancelled (so unwritten) attempt.
 */
final class ApplicationSubmission {
    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;
    private final FigureWrites figures;
    private final ReminderWrites reminders;

    ApplicationSubmission(String table, TransactionRunner runner, ApplicationReads reads, FigureWrites figures,
                          ReminderWrites reminders) {
        this.table = table;
        this.runner = runner;
        this.reads = reads;
        this.figures = figures;
        this.reminders = reminders;
    }

    Application submit(Application a, long expectedVersion, EligibilityProgramme programme,
                       List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        RegistrationStatus next = approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED;
        Transaction tx = Transaction.named("submit-application");
        if (programme.hasQuota()) {
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(RegistrationKeys.programme(programme).attributes())
                    .updateExpression("SET admitted = admitted + :one")
                    .conditionExpression("admitted < quota")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build(),
                    RegistrationRefusal.PROGRAMME_FULL);
        }
        int application = tx.add(applicationUpdate(a, expectedVersion, programme, requiredDocuments, approvedByRecords, now));
        if (!approvedByRecords && !requiredDocuments.isEmpty()) {
            reminders.plan(tx, DocumentsReminders.afterSubmission(a.tenant(), a.userId(), now));
        }
        figures.count(tx, a.tenant(), now, ApplicationFigures.submitted(a, approvedByRecords));
        figures.row(tx, ApplicationFigures.row(a, now, next));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        // the application's own condition first: when it has moved on, that is the answer, not a full programme
        if (outcome.failed(application)) {
            throw reads.whyRefused(a.tenant(), a.userId());
        }
        if (!outcome.committed()) {
            throw runner.refusalOf(tx, outcome);
        }
        return reads.reread(a);
    }

    private TransactWriteItem applicationUpdate(Application a, long expectedVersion, EligibilityProgramme programme,
                                                List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        Map<String, AttributeValue> values = ApplicationEdits.versionValues(expectedVersion);
        values.put(":status", str((approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED).name()));
        values.put(":at", str(now.toString()));
        values.put(":programme", str(programme.id()));
        values.put(":required", AttributeValue.fromL(requiredDocuments.stream().map(k -> str(k.name())).toList()));
        String update;
        if (approvedByRecords) {
            values.put(":outcome", str("APPROVED"));
            values.put(":by", str("records-check"));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, decisionOutcome = :outcome, decidedBy = :by, decidedAt = :at REMOVE decisionReason";
        } else {
            values.put(":queue", str(RegistrationKeys.reviewQueue(a.tenant())));
            values.put(":queueKey", str(RegistrationKeys.queuePosition(now, a.userId())));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, GSI1PK = :queue, GSI1SK = :queueKey "
                    + "REMOVE decisionOutcome, decisionReason, decidedBy, decidedAt";
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression(update)
                .conditionExpression(ApplicationEdits.EDITABLE_AT_VERSION)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build();
    }
}

package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentsReminders;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.IdentityHashes;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.notifications.port.NoticeWrites;
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
    private static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    /** Below the per-account limit of submissions, and holding no quota place already. */
    static final String WITHIN_LIMIT_WITHOUT_PLACE =
            "(attribute_not_exists(submissions) OR submissions < :maxSubmissions) AND attribute_not_exists(quotaPlace)";
    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;
    private final FigureWrites figures;
    private final ReminderWrites reminders;
    private final NoticeWrites notices;

    ApplicationSubmission(String table, TransactionRunner runner, ApplicationReads reads, FigureWrites figures,
                          ReminderWrites reminders, NoticeWrites notices) {
        this.table = table;
        this.runner = runner;
        this.reads = reads;
        this.figures = figures;
        this.reminders = reminders;
        this.notices = notices;
    }

    Application submit(Application a, long expectedVersion, EligibilityProgramme programme,
                       List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now, int maxSubmissions) {
        String identity = approvedByRecords && a.recordsCheck() != null ? a.recordsCheck().identity() : null;
        Attempt attempt = attempt(a, expectedVersion, programme, requiredDocuments, approvedByRecords, now, maxSubmissions,
                identity, null);
        if (attempt.claim >= 0 && attempt.outcome.failed(attempt.claim) && !attempt.outcome.failed(attempt.application)) {
            // Another account was approved for this child this programme year: not approved again,
            // but queued for a reviewer with a note saying why (docs/adr/0021).
            attempt = attempt(a, expectedVersion, programme, requiredDocuments, false, now, maxSubmissions, null,
                    Application.NOTE_IDENTITY_CLAIMED);
        }
        TransactionRunner.Outcome outcome = attempt.outcome;
        // the application's own condition first: when it has moved on, that is the answer, not a full programme
        if (outcome.failed(attempt.application)) {
            throw reads.whySubmissionRefused(a.tenant(), a.userId(), maxSubmissions);
        }
        if (!outcome.committed()) {
            throw runner.refusalOf(attempt.tx, outcome);
        }
        return reads.reread(a);
    }

    private record Attempt(Transaction tx, int application, int claim, TransactionRunner.Outcome outcome) {}

    private Attempt attempt(Application a, long expectedVersion, EligibilityProgramme programme,
                            List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now, int maxSubmissions,
                            String identity, String note) {
        RegistrationStatus next = approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED;
        Transaction tx = Transaction.named("submit-application");
        if (programme.hasQuota()) {
            tx.add(ApplicationQuotaPlaces.counterTaken(table, RegistrationKeys.programme(programme)), RegistrationRefusal.PROGRAMME_FULL);
        }
        int application = tx.add(applicationUpdate(a, expectedVersion, programme, requiredDocuments, approvedByRecords, now,
                maxSubmissions, note));
        int claim = identity == null ? -1 : tx.add(claim(a, identity, now));
        if (!approvedByRecords && !requiredDocuments.isEmpty()) {
            reminders.plan(tx, DocumentsReminders.afterSubmission(a.tenant(), a.userId(), now));
        }
        // the applicant is told (received, or approved at once by the records), in the same transaction
        notices.add(tx, ApplicationNotices.submitted(a, approvedByRecords, now));
        figures.count(tx, a.tenant(), now, ApplicationFigures.submitted(a, approvedByRecords));
        figures.row(tx, ApplicationFigures.row(a, now, next));
        return new Attempt(tx, application, claim, runner.attempt(tx));
    }

    /** One approval by the records per verified identity, tenant and programme year (a retry of the same account passes). */
    private TransactWriteItem claim(Application a, String identity, Instant now) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, SEOUL);
        int year = IdentityHashes.programmeYear(today);
        long expiresAt = java.time.LocalDate.of(year + 2, 3, 1).atStartOfDay(SEOUL).toEpochSecond();
        ItemKey key = RegistrationKeys.identityClaim(a.tenant(), year, identity);
        Map<String, AttributeValue> item = new java.util.HashMap<>(key.attributes());
        item.put("type", str("IDENTITY_CLAIM"));
        item.put("userId", str(a.userId()));
        item.put("claimedAt", str(now.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK) OR userId = :me")
                .expressionAttributeValues(Map.of(":me", str(a.userId())))).build();
    }

    private TransactWriteItem applicationUpdate(Application a, long expectedVersion, EligibilityProgramme programme,
                                                List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now,
                                                int maxSubmissions, String note) {
        Map<String, AttributeValue> values = ApplicationEdits.versionValues(expectedVersion);
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":maxSubmissions", AttributeValue.fromN(Integer.toString(maxSubmissions)));
        // Every submission is counted (the per-account limit); a quota place is noted on the application
        // that holds it, so it is given back exactly once, and an application never holds two.
        String counted0 = ", submissions = if_not_exists(submissions, :zero) + :one"
                + (programme.hasQuota() ? ", quotaPlace = :place" : "");
        if (programme.hasQuota()) {
            values.put(":place", str(RegistrationKeys.programme(programme).sk()));
        }
        String counted = counted0;
        if (note != null) {
            counted += ", recordsNote = :note";
            values.put(":note", str(note));
        }
        values.put(":status", str((approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED).name()));
        values.put(":at", str(now.toString()));
        values.put(":programme", str(programme.id()));
        values.put(":required", AttributeValue.fromL(requiredDocuments.stream().map(k -> str(k.name())).toList()));
        String update;
        if (approvedByRecords) {
            values.put(":outcome", str("APPROVED"));
            values.put(":by", str("records-check"));
            // on the decided list like a reviewer's approval (the school-year rollover walks it: docs/adr/0041)
            values.put(":decided", str(RegistrationKeys.decided(a.tenant())));
            values.put(":decidedKey", str(RegistrationKeys.queuePosition(now, a.userId())));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, decisionOutcome = :outcome, decidedBy = :by, decidedAt = :at, "
                    + "GSI1PK = :decided, GSI1SK = :decidedKey" + counted
                    + " REMOVE decisionReason, expiresAt";
        } else {
            values.put(":queue", str(RegistrationKeys.reviewQueue(a.tenant())));
            values.put(":queueKey", str(RegistrationKeys.queuePosition(now, a.userId())));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, GSI1PK = :queue, GSI1SK = :queueKey" + counted
                    + " REMOVE decisionOutcome, decisionReason, decidedBy, decidedAt, expiresAt";
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression(update)
                .conditionExpression(ApplicationEdits.EDITABLE_AT_VERSION + " AND " + WITHIN_LIMIT_WITHOUT_PLACE)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build();
    }
}

package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A reviewer's decision and its figures in one transaction (docs/adr/0015), conditional on the
 * version the reviewer read and on the application waiting for a decision: a repeated decision
 * fails that condition and counts nothing. No witness: the SDK's own retries carry one
 * ClientRequestToken, and the runner tries again only after a cancelled attempt.
 */
final class ApplicationDecisions {
    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;
    private final FigureWrites figures;
    private final AuditWrites audit;

    private final NoticeWrites notices;

    ApplicationDecisions(String table, TransactionRunner runner, ApplicationReads reads, FigureWrites figures, AuditWrites audit,
                         NoticeWrites notices) {
        this.audit = audit;
        this.notices = notices;
        this.table = table;
        this.runner = runner;
        this.reads = reads;
        this.figures = figures;
    }

    Application decide(Application a, long expectedVersion, Application.Decision decision) {
        boolean approved = "APPROVED".equals(decision.outcome());
        RegistrationStatus next = approved ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED;
        Transaction tx = Transaction.named("decide-application");
        // A rejection gives the quota place back in the same transaction; the application's condition
        // pins the place as read, so it is given back exactly once.
        java.util.Optional<String> place = approved ? java.util.Optional.empty() : reads.quotaPlace(a.tenant(), a.userId());
        int application = tx.add(decisionUpdate(a, expectedVersion, decision, next, approved, place.orElse(null)));
        place.ifPresent(sk -> tx.add(ApplicationQuotaPlaces.counterGivenBack(table, a.tenant(), sk)));
        // its documents go onto the 30-day rule: due in the same transaction, done by the reviewer's
        // request at once, else by the scheduled run (docs/adr/0038)
        tx.add(DynamoRetentionDue.put(table, a.tenant(), a.userId(), decision.decidedAt()));
        notices.add(tx, ApplicationNotices.decided(a, decision));
        figures.count(tx, a.tenant(), decision.decidedAt(), ApplicationFigures.decided(a, decision));
        figures.row(tx, ApplicationFigures.row(a, decision.decidedAt(), next));
        audit.record(tx, AuditEntry.of(a.tenant(), decision.decidedBy(), "review.decide", "application", a.userId(), decision.decidedAt(),
                Map.of("status", a.status().name(), "version", Long.toString(expectedVersion)),
                Map.of("status", next.name(), "version", Long.toString(expectedVersion + 1))));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.failed(application)) {
            throw whyRefused(a);
        }
        if (!outcome.committed()) {
            throw runner.refusalOf(tx, outcome);
        }
        return reads.reread(a);
    }

    private TransactWriteItem decisionUpdate(Application a, long expectedVersion, Application.Decision decision,
                                             RegistrationStatus next, boolean approved, String place) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", str(next.name()));
        values.put(":outcome", str(decision.outcome()));
        values.put(":by", str(decision.decidedBy()));
        values.put(":at", str(decision.decidedAt().toString()));
        values.put(":next", num(expectedVersion + 1));
        values.put(":expected", num(expectedVersion));
        values.put(":submitted", str(RegistrationStatus.SUBMITTED.name()));
        values.put(":review", str(RegistrationStatus.UNDER_REVIEW.name()));
        values.put(":decided", str(RegistrationKeys.decided(a.tenant())));
        values.put(":decidedPosition", str(RegistrationKeys.queuePosition(decision.decidedAt(), a.userId())));
        // off the queue (or the document requests) onto the decided list; an open document request ends
        String update = "SET #status = :status, decisionOutcome = :outcome, decidedBy = :by, decidedAt = :at, version = :next, "
                + "GSI1PK = :decided, GSI1SK = :decidedPosition";
        String removed = " REMOVE docRequestKinds, docRequestTemplate, docRequestBy, docRequestAt";
        if (approved) {
            removed += ", expiresAt"; // a learner's profile is kept while they take part (withdrawal destroys it)
        } else {
            // a rejected application may be sent again for a while, then it goes (docs/adr/0038)
            values.put(":expires", num(kr.seoullearn.registration.domain.RetentionPeriods.rejectedExpires(decision.decidedAt()).getEpochSecond()));
            update += ", expiresAt = :expires";
        }
        if (decision.reason() != null) {
            values.put(":reason", str(decision.reason()));
            update += ", decisionReason = :reason" + removed;
        } else {
            update += removed + ", decisionReason";
        }
        String condition = "version = :expected AND #status IN (:submitted, :review)";
        if (!approved) {
            if (place != null) {
                values.put(":place", str(place));
                update += ", quotaPlace";
                condition += " AND quotaPlace = :place";
            } else {
                condition += " AND attribute_not_exists(quotaPlace)";
            }
        }
        String expression = update;
        String conditionExpression = condition;
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression(expression)
                .conditionExpression(conditionExpression)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build();
    }

    /** The decision's condition failed: someone changed it in between, or it is decided (or not submitted). */
    private ProblemException whyRefused(Application a) {
        Application now = reads.find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        boolean waiting = now.status() == RegistrationStatus.SUBMITTED || now.status() == RegistrationStatus.UNDER_REVIEW;
        return waiting ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()))
                : new ProblemException(RegistrationRefusal.DECISION_NOT_ALLOWED);
    }
}

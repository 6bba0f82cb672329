package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.RetentionPeriods;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An applicant's one appeal against a rejection and a second reviewer's final decision on it
 * (docs/adr/0040). Every rule is a condition on the profile item, so it holds whoever races:
 * one appeal per application ({@code attribute_not_exists(appealStatus)}), within the window
 * ({@code decidedAt >= :cutoff}), decided once ({@code appealStatus = OPEN}) by neither the
 * reviewer who rejected ({@code appealAgainst <> :me}) nor the applicant ({@code userId <> :me}).
 * While open, {@code appealOpen} is set (edits and resubmission are conditional on its absence)
 * and the rejection's {@code expiresAt} is removed, so the 180-day deletion cannot take it.
 */
final class ApplicationAppeals {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final ApplicationReads reads;
    private final AuditWrites audit;
    private final NoticeWrites notices;

    ApplicationAppeals(DynamoDbClient dynamo, String table, TransactionRunner runner, ApplicationReads reads, AuditWrites audit,
                       NoticeWrites notices) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
        this.reads = reads;
        this.audit = audit;
        this.notices = notices;
    }

    /** The applicant appeals: one conditional update (a second or parallel appeal fails its condition). */
    Application appeal(Application a, long expectedVersion, String reason, Instant now, Instant rejectedNotBefore) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", num(expectedVersion));
        values.put(":next", num(expectedVersion + 1));
        values.put(":rejected", str(RegistrationStatus.REJECTED.name()));
        values.put(":open", str(Application.Appeal.OPEN));
        values.put(":reason", str(reason));
        values.put(":at", str(now.toString()));
        values.put(":cutoff", str(rejectedNotBefore.toString()));
        values.put(":yes", AttributeValue.fromBool(true));
        values.put(":appeals", str(RegistrationKeys.appeals(a.tenant())));
        values.put(":position", str(RegistrationKeys.queuePosition(now, a.userId())));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                    .updateExpression("SET appealStatus = :open, appealReason = :reason, appealedAt = :at, appealAgainst = decidedBy, "
                            + "appealOpen = :yes, version = :next, GSI1PK = :appeals, GSI1SK = :position REMOVE expiresAt")
                    .conditionExpression("version = :expected AND #status = :rejected AND attribute_not_exists(appealStatus) "
                            + "AND attribute_exists(decidedBy) AND decidedAt >= :cutoff")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            Application now2 = reads.find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
            if (now2.status() != RegistrationStatus.REJECTED || now2.appeal() != null) {
                throw new ProblemException(RegistrationRefusal.APPEAL_NOT_ALLOWED);
            }
            if (now2.version() != expectedVersion) {
                throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now2.version()));
            }
            throw new ProblemException(RegistrationRefusal.APPEAL_TOO_LATE);
        }
        return reads.reread(a);
    }

    /**
     * A second reviewer decides the open appeal, in one transaction with the applicant's notice
     * and the audit entry; approving takes a quota place exactly as a submission does
     * ({@link ApplicationQuotaPlaces#counterTaken}).
     */
    Application decide(Application a, long expectedVersion, boolean approve, String reason, String reviewer, Instant at) {
        Transaction tx = Transaction.named("decide-appeal");
        Optional<ItemKey> programme = approve ? quotaProgramme(a) : Optional.empty();
        programme.ifPresent(key -> tx.add(ApplicationQuotaPlaces.counterTaken(table, key), RegistrationRefusal.PROGRAMME_FULL));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":expected", num(expectedVersion));
        values.put(":next", num(expectedVersion + 1));
        values.put(":rejected", str(RegistrationStatus.REJECTED.name()));
        values.put(":open", str(Application.Appeal.OPEN));
        values.put(":me", str(reviewer));
        values.put(":at", str(at.toString()));
        values.put(":outcome", str(approve ? Application.Appeal.APPROVED : Application.Appeal.UPHELD));
        values.put(":decided", str(RegistrationKeys.decided(a.tenant())));
        values.put(":position", str(RegistrationKeys.queuePosition(at, a.userId())));
        String update = "SET appealStatus = :outcome, appealDecidedBy = :me, appealDecidedAt = :at, version = :next, "
                + "GSI1PK = :decided, GSI1SK = :position";
        String condition = "version = :expected AND #status = :rejected AND appealStatus = :open AND appealAgainst <> :me AND userId <> :me";
        if (reason != null) {
            values.put(":reason", str(reason));
            update += ", appealDecisionReason = :reason";
        }
        if (approve) {
            values.put(":approved", str(RegistrationStatus.APPROVED.name()));
            values.put(":approvedOutcome", str("APPROVED"));
            update += ", #status = :approved, decisionOutcome = :approvedOutcome, decidedBy = :me, decidedAt = :at";
            if (programme.isPresent()) {
                values.put(":place", str(programme.get().sk()));
                update += ", quotaPlace = :place";
                condition += " AND attribute_not_exists(quotaPlace)";
            }
            // a learner's profile is kept while they take part (as an approval's)
            update += " REMOVE appealOpen, expiresAt, decisionReason";
        } else {
            // the rejection stands: its 180 days of keeping start again from the appeal's decision
            values.put(":expires", num(RetentionPeriods.rejectedExpires(at).getEpochSecond()));
            update += ", expiresAt = :expires REMOVE appealOpen";
        }
        String u = update;
        String c = condition;
        int application = tx.add(TransactWriteItem.builder().update(x -> x.tableName(table)
                .key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                .updateExpression(u).conditionExpression(c)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        notices.add(tx, approve
                ? Notice.of(a.tenant(), NoticeKind.APPLICATION_APPROVED, a.userId() + "@" + at, a.userId(), Map.of(), at)
                : Notice.of(a.tenant(), NoticeKind.APPEAL_UPHELD, a.userId() + "@" + at, a.userId(),
                        Map.of("reason", reason == null ? "-" : reason), at));
        audit.record(tx, AuditEntry.of(a.tenant(), reviewer, "review.appeal-decide", "application", a.userId(), at,
                Map.of("status", RegistrationStatus.REJECTED.name(), "appeal", Application.Appeal.OPEN,
                        "version", Long.toString(expectedVersion)),
                Map.of("status", approve ? RegistrationStatus.APPROVED.name() : RegistrationStatus.REJECTED.name(),
                        "appeal", approve ? Application.Appeal.APPROVED : Application.Appeal.UPHELD,
                        "version", Long.toString(expectedVersion + 1))));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.failed(application)) {
            throw whyRefused(a, reviewer);
        }
        if (!outcome.committed()) {
            throw runner.refusalOf(tx, outcome);
        }
        return reads.reread(a);
    }

    /** The programme the application was submitted to, when it has a quota: the item whose counter a place takes. */
    private Optional<ItemKey> quotaProgramme(Application a) {
        if (a.programmeId() == null) {
            return Optional.empty();
        }
        var items = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :p")
                .filterExpression("programmeId = :id AND attribute_exists(quota)")
                .expressionAttributeValues(Map.of(":p", str(RegistrationKeys.programmes(a.tenant())), ":id", str(a.programmeId())))
                .scanIndexForward(false).projectionExpression("PK, SK")).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(ItemKey.of(items.get(0).get("PK").s(), items.get(0).get("SK").s()));
    }

    private ProblemException whyRefused(Application a, String reviewer) {
        Application now = reads.find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
        if (now.appeal() == null || !now.appeal().open() || now.status() != RegistrationStatus.REJECTED) {
            return new ProblemException(RegistrationRefusal.APPEAL_DECISION_NOT_ALLOWED);
        }
        if (reviewer.equals(now.appeal().against())) {
            return new ProblemException(RegistrationRefusal.APPEAL_SAME_REVIEWER);
        }
        if (reviewer.equals(now.userId())) {
            return new ProblemException(Problem.SELF_DECISION);
        }
        return new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()));
    }
}

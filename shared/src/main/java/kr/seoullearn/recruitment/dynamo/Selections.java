package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.ONE;
import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Selecting an applicant: one transaction whose first condition is the round's
 * {@code selected < target} (the round's target held by DynamoDB, however many reviewers select
 * at once), then the application still SUBMITTED, then mentoring's mentor item with the term,
 * the retag due item of the application's documents (30 days after the decision), notice and audit.
 * No witness: the SDK's retry of a transaction whose answer was lost carries the same
 * ClientRequestToken and is answered as committed, and a client's retry finds the application
 * SELECTED, which the service answers without selecting again.
 */
final class Selections {
    private final String table;
    private final TransactionRunner transactions;
    private final MentorOnboarding onboarding;
    private final ApplicationRecords applications;
    private final kr.seoullearn.registration.port.RetentionDue retention;

    Selections(String table, TransactionRunner transactions, MentorOnboarding onboarding, ApplicationRecords applications,
               kr.seoullearn.registration.port.RetentionDue retention) {
        this.table = table;
        this.transactions = transactions;
        this.onboarding = onboarding;
        this.applications = applications;
        this.retention = retention;
    }

    MentorApplication select(MentorApplication a, Mentor mentor, LocalDate termStarts, String by, Instant at) {
        Transaction tx = Transaction.named("select mentor");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(RecruitmentKeys.round(a.tenant(), a.roundId()).attributes())
                .updateExpression("SET selected = selected + :one")
                .conditionExpression("attribute_exists(PK) AND selected < target")
                .expressionAttributeValues(Map.of(":one", ONE))).build(), RecruitmentRefusal.ROUND_FULL);
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RecruitmentKeys.application(a.tenant(), a.roundId(), a.userId()).attributes())
                .updateExpression("SET #status = :selected, decidedBy = :by, decidedAt = :at, version = version + :one")
                .conditionExpression("#status = :submitted")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":selected", s(MentorApplication.Status.SELECTED.name()),
                        ":submitted", s(MentorApplication.Status.SUBMITTED.name()), ":by", s(by), ":at", s(at.toString()),
                        ":one", ONE))).build(), RecruitmentRefusal.MENTOR_APPLICATION_DECIDED);
        onboarding.onboard(tx, mentor, termStarts);
        // the application's files go onto the 30-day rule, due in this transaction (docs/adr/0038)
        retention.planNamed(tx, a.tenant(), a.userId(), at, ApplicationRecords.documentIds(a));
        kr.seoullearn.notifications.dynamo.NotificationsStorage.writes(table).add(tx,
                kr.seoullearn.notifications.domain.Notice.of(a.tenant(), kr.seoullearn.notifications.domain.NoticeKind.RECRUITMENT_SELECTED,
                        a.roundId(), a.userId(), Map.of(), at));
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(a.tenant(), by,
                "recruitment.select", "mentor-application", a.userId(), at,
                Map.of("status", MentorApplication.Status.SUBMITTED.name(), "roundId", a.roundId()),
                Map.of("status", MentorApplication.Status.SELECTED.name(), "roundId", a.roundId(), "termStarts", termStarts.toString())));
        transactions.commit(tx);
        return applications.find(a.tenant(), a.roundId(), a.userId()).orElseThrow();
    }
}

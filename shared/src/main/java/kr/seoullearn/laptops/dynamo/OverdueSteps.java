package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.OverdueStage;
import kr.seoullearn.laptops.port.OverdueNotices;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The escalation step: the tenant's due-date entries before today (GSI1, pages of 100 — overdue
 * loans, never a Scan), each entry's {@code noticeStage} compared with the stage its days call for;
 * when it differs, one transaction sets the stage on the entry (on condition that the entry still
 * exists and does not have it yet), checks the loan is still LOANED with that due date, and writes
 * the borrower's notice keyed on (loan, due date, stage). A second run finds the stage set (or the
 * condition refuses): nothing is written twice.
 */
final class OverdueSteps implements OverdueNotices {
    private static final Log LOG = Log.of(OverdueSteps.class);
    static final String NOTICE_STAGE = "noticeStage";
    private static final int PAGE = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final LaptopReads reads;
    private final NoticeWrites notices;

    OverdueSteps(DynamoDbClient dynamo, String table, NoticeWrites notices) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.reads = new LaptopReads(dynamo, table);
        this.notices = notices;
    }

    @Override
    public Outcome tell(TenantId tenant, LocalDate today, Instant at) {
        int overdue = 0;
        int told = 0;
        int already = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :today")
                    .expressionAttributeValues(Map.of(":pk", s(LaptopKeys.tenantDue(tenant)), ":today", s(today.toString())))
                    .exclusiveStartKey(from)
                    .limit(PAGE));
            for (Map<String, AttributeValue> entry : r.items()) {
                LocalDate dueOn = LocalDate.parse(entry.get("dueOn").s());
                long days = ChronoUnit.DAYS.between(dueOn, today);
                if (days < 1) {
                    continue;
                }
                overdue++;
                OverdueStage stage = OverdueStage.of(days);
                if (entry.containsKey(NOTICE_STAGE) && stage.name().equals(entry.get(NOTICE_STAGE).s())) {
                    already++;
                } else if (escalate(tenant, entry, dueOn, stage, at)) {
                    told++;
                } else {
                    already++;
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        LOG.info("overdue loans escalated", "tenant", tenant.value(), "overdue", overdue, "told", told, "alreadyTold", already);
        return new Outcome(overdue, told, already);
    }

    private boolean escalate(TenantId tenant, Map<String, AttributeValue> entry, LocalDate dueOn, OverdueStage stage, Instant at) {
        String requestId = entry.get("requestId").s();
        LaptopRequest loan = reads.find(tenant, requestId).orElse(null);
        if (loan == null || loan.status() != LaptopStatus.LOANED || !dueOn.equals(loan.dueOn())) {
            return false; // returned or extended since the index was read
        }
        Transaction tx = Transaction.named("overdue notice");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK)))
                .updateExpression("SET " + NOTICE_STAGE + " = :stage, noticeStageAt = :at")
                .conditionExpression("attribute_exists(PK) AND (attribute_not_exists(" + NOTICE_STAGE + ") OR " + NOTICE_STAGE + " <> :stage)")
                .expressionAttributeValues(Map.of(":stage", s(stage.name()), ":at", s(at.toString())))).build());
        tx.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(LaptopKeys.request(tenant, requestId).attributes())
                .conditionExpression("#status = :loaned AND dueOn = :due")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":loaned", s(LaptopStatus.LOANED.name()), ":due", s(dueOn.toString())))).build());
        notices.add(tx, Notice.of(tenant, NoticeKind.LAPTOP_OVERDUE, requestId + "@" + dueOn + "#" + stage.name(), loan.userId(),
                Map.of("dueOn", dueOn.toString(), "stage", stage.name()), at));
        return runner.attempt(tx).committed();
    }
}

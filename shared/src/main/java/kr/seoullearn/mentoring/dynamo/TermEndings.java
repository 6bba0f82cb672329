package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import kr.seoullearn.mentoring.port.TermEndNotices;
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
 * The term-ending step: the tenant's mentors (GSI1 {@code T#<tenant>#MENTORS}, pages of 100, the
 * mentor items only — never a Scan; a filter keeps those whose term ends in the window), and for
 * each not yet told of that end one transaction: {@code termEndingToldFor = <termEnds>} on the
 * mentor's item on condition that the term still ends then and was not told of, and the notice
 * keyed on (mentor, term end).
 */
final class TermEndings implements TermEndNotices {
    private static final Log LOG = Log.of(TermEndings.class);
    static final String TOLD_FOR = "termEndingToldFor";
    private static final int PAGE = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final NoticeWrites notices;

    TermEndings(DynamoDbClient dynamo, String table, NoticeWrites notices) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.notices = notices;
    }

    @Override
    public Outcome tell(TenantId tenant, LocalDate today, Instant at) {
        int ending = 0;
        int told = 0;
        int already = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk")
                    .filterExpression("#ends BETWEEN :today AND :until")
                    .expressionAttributeNames(Map.of("#ends", MentorItems.TERM_ENDS))
                    .expressionAttributeValues(Map.of(":pk", s(MentoringKeys.mentors(tenant)), ":today", s(today.toString()),
                            ":until", s(today.plusDays(DAYS_BEFORE).toString())))
                    .exclusiveStartKey(from)
                    .limit(PAGE));
            for (Map<String, AttributeValue> mentor : r.items()) {
                if (mentorId(mentor) == null) {
                    continue;
                }
                ending++;
                String ends = mentor.get(MentorItems.TERM_ENDS).s();
                if (mentor.containsKey(TOLD_FOR) && ends.equals(mentor.get(TOLD_FOR).s())) {
                    already++;
                } else if (tell(tenant, mentor, ends, at)) {
                    told++;
                } else {
                    already++;
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        LOG.info("mentor terms ending told", "tenant", tenant.value(), "ending", ending, "told", told, "alreadyTold", already);
        return new Outcome(ending, told, already);
    }

    private boolean tell(TenantId tenant, Map<String, AttributeValue> mentor, String ends, Instant at) {
        String mentorId = mentorId(mentor);
        Transaction tx = Transaction.named("term ending notice");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(MentorItems.key(tenant, mentorId).attributes())
                .updateExpression("SET #told = :ends")
                .conditionExpression("#ends = :ends AND (attribute_not_exists(#told) OR #told <> :ends)")
                .expressionAttributeNames(Map.of("#told", TOLD_FOR, "#ends", MentorItems.TERM_ENDS))
                .expressionAttributeValues(Map.of(":ends", s(ends)))).build());
        notices.add(tx, Notice.of(tenant, NoticeKind.TERM_ENDING, mentorId + "@" + ends, mentorId, Map.of("endOn", ends), at));
        return runner.attempt(tx).committed();
    }

    /**
     * The mentor's sub: {@code mentorId} (profiles written through {@link MentorItems#upsert}), else
     * the index sort key both writers set to it (recruitment's onboarding writes no {@code mentorId}).
     */
    private static String mentorId(Map<String, AttributeValue> mentor) {
        AttributeValue id = mentor.containsKey(MentorItems.MENTOR_ID) ? mentor.get(MentorItems.MENTOR_ID) : mentor.get(Keys.GSI1SK);
        return id == null ? null : id.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

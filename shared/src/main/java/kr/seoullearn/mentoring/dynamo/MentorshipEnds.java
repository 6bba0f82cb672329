package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.port.MentoringLedger.MentorshipChange;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A reviewer's changes to a running mentorship (docs/adr/0030-mentoring-operations.md), each one
 * transaction: the mentorship changed only while ACTIVE and still as read (its mentor), the
 * mentors' mentee counters moved (the new mentor never above the capacity, never after their
 * term), and a history item {@code HISTORY#<at>#<n>} in the mentorship's partition, so what
 * happened stays readable.
 */
final class MentorshipEnds {
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    static final String HISTORY_PREFIX = "HISTORY#";

    private final MentoringTable table;

    MentorshipEnds(MentoringTable table) {
        this.table = table;
    }

    Mentorship reassign(Mentorship m, Mentor next, String reviewerId, String reason, Instant now, int maxCapacity, int trialRefund) {
        String today = now.atZone(BookingRules.SEOUL).toLocalDate().toString();
        Transaction tx = Transaction.named("reassign");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                .updateExpression("SET mentorId = :next, mentorName = :name, GSI1PK = :desk, #used = #used - :refund")
                .conditionExpression("#status = :active AND mentorId = :previous AND #used >= :refund")
                .expressionAttributeNames(Map.of("#status", "status", "#used", "used"))
                .expressionAttributeValues(Map.of(":refund", MentoringItems.n(trialRefund),
                        ":next", AttributeValue.fromS(next.userId()), ":name", AttributeValue.fromS(next.name()),
                        ":desk", AttributeValue.fromS(MentoringKeys.mentorDesk(m.tenant(), next.userId())),
                        ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()), ":previous", AttributeValue.fromS(m.mentorId())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> old.isEmpty() || !Mentorship.Status.ACTIVE.name().equals(old.get("status").s())
                        ? MentoringRefusal.MENTORSHIP_NOT_ACTIVE : Problem.VERSION_CONFLICT);
        tx.add(leaves(m.tenant(), m.mentorId()));
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentorItems.key(m.tenant(), next.userId()).attributes())
                .updateExpression("SET #mentees = #mentees + :one")
                .conditionExpression("attribute_exists(PK) AND #mentees < :max AND (attribute_not_exists(termEnds) OR termEnds >= :today)")
                .expressionAttributeNames(Map.of("#mentees", MentorItems.MENTEES))
                .expressionAttributeValues(Map.of(":one", ONE, ":max", MentoringItems.n(maxCapacity), ":today", AttributeValue.fromS(today)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> old.containsKey(MentorItems.TERM_ENDS) && old.get(MentorItems.TERM_ENDS).s().compareTo(today) < 0
                        ? Problem.MENTOR_TERM_ENDED : MentoringRefusal.MENTOR_FULL);
        tx.add(history(m, "REASSIGNED", reviewerId, reason, now, Map.of("fromMentorId", m.mentorId(), "toMentorId", next.userId(),
                "trialRefund", Integer.toString(trialRefund))));
        // the sessions used move relatively (the future ones were cancelled just before): the entry says what was given back
        audit(tx, m, reviewerId, "mentoring.reassign", now, Map.of("mentorId", m.mentorId(), "status", m.status().name()),
                Map.of("mentorId", next.userId(), "status", m.status().name(), "trialSessionsReturned", Integer.toString(trialRefund)));
        table.runner().commit(tx);
        return new Mentorship(m.tenant(), m.id(), m.menteeId(), next.userId(), m.menteeName(), next.name(), m.rulesId(), m.sessionMinutes(),
                m.quota(), m.used() - trialRefund, m.weeklyCap(), m.trialSessions(), m.minNoticeHours(), m.lateCancelHours(), m.extensionSessions(),
                m.extensionWeeks(), m.windowStart(), m.windowEnd(), m.status(), m.createdAt(), m.baseWeeklyCap(), m.weeklyCapWithConsent());
    }

    Mentorship end(Mentorship m, Mentorship.Status outcome, String reviewerId, String reason, Instant now) {
        Transaction tx = Transaction.named("end-mentorship");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":outcome", AttributeValue.fromS(outcome.name()),
                ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()), ":at", AttributeValue.fromS(now.toString()),
                ":mentor", AttributeValue.fromS(m.mentorId())));
        String update = "SET #status = :outcome, endedAt = :at";
        if (reason != null) {
            values.put(":reason", AttributeValue.fromS(reason));
            update += ", endReason = :reason";
        }
        String expression = update;
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                .updateExpression(expression)
                .conditionExpression("#status = :active AND mentorId = :mentor")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> old.isEmpty() || !Mentorship.Status.ACTIVE.name().equals(old.get("status").s())
                        ? MentoringRefusal.MENTORSHIP_NOT_ACTIVE : Problem.VERSION_CONFLICT);
        tx.add(leaves(m.tenant(), m.mentorId()));
        tx.add(history(m, outcome.name(), reviewerId, reason, now, Map.of()));
        audit(tx, m, reviewerId, "mentoring.end", now, Map.of("status", m.status().name(), "mentorId", m.mentorId()),
                Map.of("status", outcome.name(), "mentorId", m.mentorId(), "reasonGiven", Boolean.toString(reason != null)));
        table.runner().commit(tx);
        return new Mentorship(m.tenant(), m.id(), m.menteeId(), m.mentorId(), m.menteeName(), m.mentorName(), m.rulesId(), m.sessionMinutes(),
                m.quota(), m.used(), m.weeklyCap(), m.trialSessions(), m.minNoticeHours(), m.lateCancelHours(), m.extensionSessions(),
                m.extensionWeeks(), m.windowStart(), m.windowEnd(), outcome, m.createdAt(), m.baseWeeklyCap(), m.weeklyCapWithConsent());
    }

    /** The mentorship's history, oldest first: one Query of its partition. */
    List<MentorshipChange> history(TenantId tenant, String mentorshipId) {
        return Queries.all(table.dynamo(), QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorshipPartition(tenant, mentorshipId)),
                                ":prefix", AttributeValue.fromS(HISTORY_PREFIX))).build())
                .stream().map(i -> new MentorshipChange(i.get("change").s(), Instant.parse(i.get("at").s()), i.get("by").s(),
                        i.containsKey("reason") ? i.get("reason").s() : null,
                        i.containsKey("fromMentorId") ? i.get("fromMentorId").s() : null,
                        i.containsKey("toMentorId") ? i.get("toMentorId").s() : null)).toList();
    }

    /** The tenant's audit entry of a reviewer's change (docs/adr/0031): never the reason's words, which may name people. */
    private void audit(Transaction tx, Mentorship m, String reviewerId, String action, Instant now, Map<String, String> before,
                       Map<String, String> after) {
        kr.seoullearn.audit.dynamo.AuditStorage.writes(table.name()).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(m.tenant(),
                reviewerId, action, "mentorship", m.id(), now, before, after));
    }

    /** A mentor has one mentee fewer (never below zero). */
    private TransactWriteItem leaves(TenantId tenant, String mentorId) {
        return TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentorItems.key(tenant, mentorId).attributes())
                .updateExpression("SET #mentees = #mentees - :one")
                .conditionExpression("#mentees > :zero")
                .expressionAttributeNames(Map.of("#mentees", MentorItems.MENTEES))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build();
    }

    private TransactWriteItem history(Mentorship m, String change, String reviewerId, String reason, Instant now, Map<String, String> extra) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(MentoringKeys.mentorshipPartition(m.tenant(), m.id())));
        item.put(Keys.SK, AttributeValue.fromS(HISTORY_PREFIX + now + "#" + java.util.UUID.randomUUID()));
        item.put("type", AttributeValue.fromS("MENTORSHIP_HISTORY"));
        item.put("change", AttributeValue.fromS(change));
        item.put("at", AttributeValue.fromS(now.toString()));
        item.put("by", AttributeValue.fromS(reviewerId));
        if (reason != null) {
            item.put("reason", AttributeValue.fromS(reason));
        }
        extra.forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)")).build();
    }
}

package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Learners' requests and the matching transaction: request REQUESTED → MATCHED, the mentor's
 * {@code mentees < max} + 1, the mentorship put (docs/adr/0011-mentoring-booking.md, "Capacity").
 *
 * <p>A request's answer lost on the way and retried by the SDK is recognised by DynamoDB (and
 * the local emulator) through the transaction's ClientRequestToken, so neither transaction here
 * carries a witness item or write token of its own: one mechanism, the one that also holds for
 * the figures counted in the same transaction.
 */
final class RequestsAndMatching {
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final MentoringTable table;

    RequestsAndMatching(MentoringTable table) {
        this.table = table;
    }

    /** One request per learner: a conditional put with its figure, in one transaction. */
    void request(MentoringRequest r) {
        Transaction tx = Transaction.named("mentoring request");
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(MentoringItems.item(r))
                .conditionExpression("attribute_not_exists(PK)")).build(), MentoringRefusal.MENTORING_ALREADY_REQUESTED);
        table.figures().count(tx, r.tenant(), r.requestedAt(), FigureDelta.of(Figure.MENTORING_REQUESTED, 1));
        table.runner().commit(tx);
    }

    Optional<MentoringRequest> request(TenantId tenant, String menteeId) {
        return table.get(MentoringKeys.request(tenant, menteeId)).map(i -> MentoringItems.request(tenant, i));
    }

    /** The oldest {@code limit} open requests: one page of GSI1. */
    List<MentoringRequest> openRequests(TenantId tenant, int limit) {
        return table.oldestInIndex(MentoringKeys.openRequests(tenant), limit).stream().map(i -> MentoringItems.request(tenant, i)).toList();
    }

    Mentorship match(MentoringRequest r, Mentorship m, int maxCapacity) {
        String today = seoulDate(m.createdAt()).toString();
        Transaction tx = Transaction.named("match");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.request(r.tenant(), r.menteeId()).attributes())
                .updateExpression("SET #status = :matched, mentorshipId = :mid REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :requested")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":matched", AttributeValue.fromS(MentoringRequest.Status.MATCHED.name()),
                        ":requested", AttributeValue.fromS(MentoringRequest.Status.REQUESTED.name()),
                        ":mid", AttributeValue.fromS(m.id())))).build(), MentoringRefusal.MENTORING_ALREADY_MATCHED);
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentorItems.key(m.tenant(), m.mentorId()).attributes())
                .updateExpression("SET #mentees = #mentees + :one")
                // a recruited mentor whose term ended gets no new mentees (docs/adr/0014)
                // and still teaches the request's level: a mentor who removed it meanwhile (docs/adr/0038) is not matched for it
                .conditionExpression("attribute_exists(PK) AND #mentees < :max AND (attribute_not_exists(termEnds) OR termEnds >= :today) "
                        + "AND (attribute_not_exists(#levels) OR contains(#levels, :level))")
                .expressionAttributeNames(Map.of("#mentees", MentorItems.MENTEES, "#levels", MentorItems.LEVELS))
                .expressionAttributeValues(Map.of(":one", ONE, ":max", MentoringItems.n(maxCapacity), ":today", AttributeValue.fromS(today),
                        ":level", AttributeValue.fromS(r.level().name())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build(), old -> old.containsKey(MentorItems.TERM_ENDS) && old.get(MentorItems.TERM_ENDS).s().compareTo(today) < 0
                        ? Problem.MENTOR_TERM_ENDED
                        : old.containsKey(MentorItems.LEVELS) && !old.get(MentorItems.LEVELS).ss().contains(r.level().name())
                        ? MentoringRefusal.MENTOR_NOT_FOR_LEVEL : MentoringRefusal.MENTOR_FULL);
        // a fresh random id: its condition only keeps an existing mentorship from being overwritten
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(MentoringItems.item(m))
                .conditionExpression("attribute_not_exists(PK)")).build());
        MentoringNotices.matched(m).forEach(n -> table.notices().add(tx, n));
        table.figures().count(tx, m.tenant(), m.createdAt() != null ? m.createdAt() : Instant.now(), FigureDelta.of(Figure.MENTORING_MATCHED, 1));
        table.runner().commit(tx);
        return m;
    }

    private static LocalDate seoulDate(Instant at) {
        return at.atZone(BookingRules.SEOUL).toLocalDate();
    }
}

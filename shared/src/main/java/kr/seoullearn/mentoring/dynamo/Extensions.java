package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.port.MentoringLedger.ExtensionRequest;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Extension requests: one pending per mentorship; a decision adds sessions and weeks in the same transaction. */
final class Extensions {
    private static final String PENDING = "PENDING";
    /**
     * A random token per extension request, read back when the conditional put refuses: a plain
     * PutItem has no ClientRequestToken, so this is how a put the SDK retried after a lost answer
     * is told from someone else's pending request.
     */
    private static final String WRITE_TOKEN = "writeToken";

    private final MentoringTable table;

    Extensions(MentoringTable table) {
        this.table = table;
    }

    ExtensionRequest requestExtension(Mentorship m, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.extension(m.tenant(), m.id()).attributes());
        item.put("type", AttributeValue.fromS("MENTORING_EXTENSION"));
        item.put("mentorshipId", AttributeValue.fromS(m.id()));
        item.put("menteeId", AttributeValue.fromS(m.menteeId()));
        item.put("status", AttributeValue.fromS(PENDING));
        item.put("requestedAt", AttributeValue.fromS(now.toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(MentoringKeys.pendingExtensions(m.tenant())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(now + "#" + m.id()));
        String token = UUID.randomUUID().toString();
        item.put(WRITE_TOKEN, AttributeValue.fromS(token));
        try {
            table.dynamo().putItem(p -> p.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #status <> :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(PENDING))));
        } catch (ConditionalCheckFailedException e) {
            boolean ours = table.get(MentoringKeys.extension(m.tenant(), m.id()))
                    .map(stored -> stored.containsKey(WRITE_TOKEN) && token.equals(stored.get(WRITE_TOKEN).s())).orElse(false);
            if (!ours) {
                throw new ProblemException(MentoringRefusal.EXTENSION_PENDING);
            }
        }
        return new ExtensionRequest(m.tenant(), m.id(), m.menteeId(), PENDING, now, null);
    }

    Optional<ExtensionRequest> extension(TenantId tenant, String mentorshipId) {
        return table.get(MentoringKeys.extension(tenant, mentorshipId)).map(i -> MentoringItems.extension(tenant, i));
    }

    /** The oldest {@code limit} pending requests: one page of GSI1. */
    List<ExtensionRequest> pendingExtensions(TenantId tenant, int limit) {
        return table.oldestInIndex(MentoringKeys.pendingExtensions(tenant), limit).stream().map(i -> MentoringItems.extension(tenant, i)).toList();
    }

    /**
     * The decision, only while PENDING, with its figure and (approved) the mentorship's larger
     * quota and window, in one transaction; a retry of it after a lost answer is recognised by
     * its ClientRequestToken, so it needs no token of its own.
     */
    Mentorship decideExtension(Mentorship m, boolean approve, Instant now) {
        Transaction tx = Transaction.named("extension decision");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.extension(m.tenant(), m.id()).attributes())
                .updateExpression("SET #status = :decision, decidedAt = :at REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":decision", AttributeValue.fromS(approve ? "APPROVED" : "DECLINED"),
                        ":pending", AttributeValue.fromS(PENDING), ":at", AttributeValue.fromS(now.toString())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> old.isEmpty() ? MentoringRefusal.EXTENSION_NOT_FOUND : MentoringRefusal.EXTENSION_NOT_PENDING);
        long addSeconds = m.extensionWeeks() * 7L * 24 * 3600;
        if (approve) {
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                    .updateExpression("SET #quota = #quota + :sessions, #until = #until + :seconds ADD extensions :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#quota", "quota", "#until", "windowEnd"))
                    .expressionAttributeValues(Map.of(":sessions", MentoringItems.n(m.extensionSessions()),
                            ":seconds", MentoringItems.n(addSeconds), ":one", AttributeValue.fromN("1")))).build(),
                    MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        table.figures().count(tx, m.tenant(), now,
                FigureDelta.of(approve ? Figure.MENTORING_EXTENDED : Figure.MENTORING_EXTENSION_DECLINED, 1));
        table.runner().commit(tx);
        if (!approve) {
            return m;
        }
        return new Mentorship(m.tenant(), m.id(), m.menteeId(), m.mentorId(), m.menteeName(), m.mentorName(), m.rulesId(),
                m.sessionMinutes(), m.quota() + m.extensionSessions(), m.used(), m.weeklyCap(), m.trialSessions(), m.minNoticeHours(),
                m.lateCancelHours(), m.extensionSessions(), m.extensionWeeks(), m.windowStart(),
                m.windowEnd().plusSeconds(addSeconds), m.status(), m.createdAt(), m.baseWeeklyCap(), m.weeklyCapWithConsent());
    }
}

package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.enrolment.port.SeatActivity.Notice;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** What a learner is told about their seats: {@code T#<tenant>#U#<sub> / NOTICE#<at>#<id>}, kept for a while (TTL). */
final class Notices {
    /** Notices are kept this long, then expire (TTL). */
    static final long NOTICE_DAYS = 180;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ReminderWrites reminders;

    Notices(DynamoDbClient dynamo, String table, ReminderWrites reminders) {
        this.dynamo = dynamo;
        this.table = table;
        this.reminders = reminders;
    }

    /**
     * Adds the notice and, in the same write, the e-mail that tells it (a due reminder of the
     * same kind, due at once; docs/adr/0013): a notice is never written without its e-mail.
     */
    void add(Transaction tx, TenantId tenant, String userId, Notice n) {
        add(tx, tenant, userId, n, UUID.randomUUID().toString(), false);
    }

    /**
     * As {@link #add}, under an id made from the event the notice tells of, and only if no notice
     * of that id exists: the Put's condition fails (and the transaction with it) when it was told
     * before, so its e-mail is never planned twice. {@code n.at()} must be the event's time too.
     */
    void addOnce(Transaction tx, TenantId tenant, String userId, Notice n, String noticeId) {
        add(tx, tenant, userId, n, noticeId, true);
    }

    private void add(Transaction tx, TenantId tenant, String userId, Notice n, String noticeId, boolean once) {
        Map<String, String> params = new HashMap<>();
        params.put("providerId", n.providerId());
        if (n.date() != null) {
            params.put("date", n.date().toString());
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(EnrolmentKeys.learner(tenant, userId)));
        item.put(Keys.SK, s(EnrolmentKeys.notice(n.at().toString(), noticeId)));
        item.put("type", s("NOTICE"));
        item.put("kind", s(n.kind().name()));
        item.put("providerId", s(n.providerId()));
        if (n.date() != null) {
            item.put("date", s(n.date().toString()));
        }
        item.put("at", s(n.at().toString()));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(n.at().getEpochSecond() + NOTICE_DAYS * 86_400)));
        tx.add(TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item);
            if (once) {
                p.conditionExpression("attribute_not_exists(PK)");
            }
        }).build());
        reminders.plan(tx, DueReminder.of(tenant, ReminderKind.valueOf(n.kind().name()), noticeId, userId, n.at(), params));
    }

    /** The learner's latest notices, newest first. */
    List<Notice> latest(TenantId tenant, String userId, int limit) {
        return dynamo.query(q -> q.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(EnrolmentKeys.learner(tenant, userId)),
                                ":prefix", s(EnrolmentKeys.NOTICE_PREFIX)))
                        .scanIndexForward(false).limit(limit))
                .items().stream()
                .map(item -> new Notice(Notice.Kind.valueOf(item.get("kind").s()), item.get("providerId").s(),
                        item.containsKey("date") ? LocalDate.parse(item.get("date").s()) : null, Instant.parse(item.get("at").s())))
                .toList();
    }
}

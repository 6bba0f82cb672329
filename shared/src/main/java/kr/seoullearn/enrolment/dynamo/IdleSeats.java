package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ENROLLED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ONE;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ZERO;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.SeatActivity.Notice;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idle seats (docs/data-model.md, "Inactivity reclaim"): found through GSI1 by last activity
 * (a run's cost grows with the idle seats, not with all learners), reminded, then reclaimed;
 * each change only if the seat is still as it was read, so activity that arrives meanwhile wins.
 */
final class IdleSeats {
    private final DynamoDbClient dynamo;
    private final TransactionRunner runner;
    private final String table;
    private final Notices notices;

    IdleSeats(DynamoDbClient dynamo, TransactionRunner runner, String table, Notices notices) {
        this.dynamo = dynamo;
        this.runner = runner;
        this.table = table;
        this.notices = notices;
    }

    void each(TenantId tenant, String providerId, LocalDate before, Consumer<Enrolment> each) {
        dynamo.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :before")
                        .expressionAttributeValues(Map.of(":pk", s(EnrolmentKeys.seated(tenant, providerId)),
                                ":before", s(before.toString()))))
                .items().forEach(item -> each.accept(EnrolmentItems.enrolment(tenant, item)));
    }

    /** A page of the provider's seats in the tenant (GSI1, by last activity); the cursor is the page's last key, encoded. */
    kr.seoullearn.enrolment.port.SeatActivity.SeatPage page(TenantId tenant, String providerId, String cursor, int limit) {
        String partition = EnrolmentKeys.seated(tenant, providerId);
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(Map.of(":pk", s(partition))).limit(limit);
        if (cursor != null) {
            String[] at = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8).split("\u0000", -1);
            if (at.length != 3) {
                throw new IllegalArgumentException("not a seat cursor");
            }
            request.exclusiveStartKey(Map.of("GSI1PK", s(partition), "GSI1SK", s(at[0]), Keys.PK, s(at[1]), Keys.SK, s(at[2])));
        }
        var page = dynamo.query(request.build());
        String next = null;
        if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
            var last = page.lastEvaluatedKey();
            next = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((last.get("GSI1SK").s() + "\u0000" + last.get(Keys.PK).s()
                    + "\u0000" + last.get(Keys.SK).s()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new kr.seoullearn.enrolment.port.SeatActivity.SeatPage(
                page.items().stream().map(item -> EnrolmentItems.enrolment(tenant, item)).toList(), next);
    }

    boolean remind(Enrolment seat, LocalDate today, LocalDate reclaimFrom, Instant now) {
        Enrolment.Activity a = seat.activity();
        Transaction tx = Transaction.named("remind");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(EnrolmentKeys.enrolment(seat.tenant(), seat.userId(), seat.providerId()).attributes())
                .updateExpression("SET reminders = :next, lastRemindedOn = :today")
                .conditionExpression(UNCHANGED_SINCE)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":enrolled", s(ENROLLED), ":seen", s(a.lastActiveOn().toString()),
                        ":reminders", EnrolmentItems.n(a.reminders()), ":next", EnrolmentItems.n(a.reminders() + 1),
                        ":today", s(today.toString())))).build());
        notices.add(tx, seat.tenant(), seat.userId(), new Notice(Notice.Kind.INACTIVITY_REMINDER, seat.providerId(), reclaimFrom, now));
        return commitUnlessChanged(tx);
    }

    boolean reclaim(Enrolment seat, Instant now) {
        Enrolment.Activity a = seat.activity();
        TenantId tenant = seat.tenant();
        Transaction tx = Transaction.named("reclaim");
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(EnrolmentKeys.enrolment(tenant, seat.userId(), seat.providerId()).attributes())
                .conditionExpression(UNCHANGED_SINCE)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":enrolled", s(ENROLLED), ":seen", s(a.lastActiveOn().toString()),
                        ":reminders", EnrolmentItems.n(a.reminders())))).build());
        tx.add(Withdrawals.releasePick(table, tenant, seat.userId()));
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Keys.seats(tenant, seat.providerId()).attributes())
                .updateExpression("SET #used = #used - :one")
                .conditionExpression("#used > :zero")
                .expressionAttributeNames(Map.of("#used", "used"))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build());
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(EnrolmentKeys.learnerRef(tenant, seat.learnerRef()).attributes())).build());
        notices.add(tx, tenant, seat.userId(), new Notice(Notice.Kind.SEAT_RECLAIMED, seat.providerId(), null, now));
        return commitUnlessChanged(tx);
    }

    /** Still the seat that was read: enrolled, no activity and no reminder since. */
    private static final String UNCHANGED_SINCE = "#status = :enrolled AND lastActiveOn = :seen AND reminders = :reminders";

    /** False when activity, a reminder or a withdrawal came first (the seat's condition, the first write, failed). */
    private boolean commitUnlessChanged(Transaction tx) {
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return true;
        }
        if (outcome.failed(0)) {
            return false;
        }
        throw runner.refusalOf(tx, outcome);
    }
}

package kr.seoullearn.enrolment.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.reminders.dynamo.DynamoReminderQueue;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Seat activity, reminders and reclaim in the application table (docs/data-model.md,
 * "Inactivity reclaim"): each seat (ENROLLED enrolment) carries {@code lastActiveOn},
 * {@code reminders} and {@code lastRemindedOn}, and is indexed in GSI1 under
 * {@code T#<tenant>#SEATED#<providerId>} by {@code <lastActiveOn>#<sub>}, so a run reads only
 * the seats idle since a day: its cost grows with the idle seats, not with all learners.
 * Usage reports reach seats through the reference items {@code T#<tenant>#REF#<learnerRef>}
 * the ledger writes with each enrolment.
 */
@Singleton
public class DynamoSeatActivity implements SeatActivity {
    /** BatchGetItem's most keys per call. */
    static final int BATCH = 100;
    /** Updates of one import in flight at once (a report of thousands of lines in a few seconds). */
    static final int PARALLEL_UPDATES = 8;
    /** Notices are kept this long, then expire (TTL). */
    static final long NOTICE_DAYS = 180;
    private static final String ENROLLED = Enrolment.Status.ENROLLED.name();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSeatActivity(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ usage reports

    @Override
    public ImportOutcome record(TenantId tenant, String providerId, List<Report> lines) {
        // one update per reference: its latest day
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        for (Report r : lines) {
            latest.merge(r.learnerRef(), r.lastActiveOn(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, String> userOf = owners(tenant, providerId, new ArrayList<>(latest.keySet()));
        int unknown = latest.size() - userOf.size();
        int updated = 0;
        int unchanged = 0;
        Semaphore slots = new Semaphore(PARALLEL_UPDATES);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (var e : userOf.entrySet()) {
                LocalDate day = latest.get(e.getKey());
                String userId = e.getValue();
                results.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return moveForward(tenant, providerId, userId, day);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Boolean> f : results) {
                if (f.get()) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return new ImportOutcome(updated, unchanged, unknown);
    }

    /** The learners behind these references, when they are enrolments of this provider (BatchGetItem, 100 a call). */
    private Map<String, String> owners(TenantId tenant, String providerId, List<String> refs) {
        Map<String, String> userOf = new HashMap<>();
        for (int from = 0; from < refs.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = refs.subList(from, Math.min(refs.size(), from + BATCH)).stream()
                    .map(ref -> DynamoEnrolmentLedger.refKey(tenant, ref)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                Map<String, KeysAndAttributes> asked = pending;
                var answer = dynamo.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : answer.responses().getOrDefault(table, List.of())) {
                    if (providerId.equals(item.get("providerId").s())) {
                        String ref = item.get(Keys.PK).s().substring(Keys.learnerRef(tenant, "").length());
                        userOf.put(ref, item.get("userId").s());
                    }
                }
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    if (round >= DynamoEnrolmentLedger.CONFLICT_RETRIES) {
                        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                    }
                    DynamoEnrolmentLedger.backOff(round + 1);
                }
            }
        }
        return userOf;
    }

    /** New activity on a seat: its day moves forward and the reminders start again. */
    private boolean moveForward(TenantId tenant, String providerId, String userId, LocalDate day) {
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(DynamoEnrolmentLedger.enrolmentKey(tenant, userId, providerId))
                    .updateExpression("SET lastActiveOn = :day, reminders = :zero, GSI1SK = :idle REMOVE lastRemindedOn")
                    .conditionExpression("#status = :enrolled AND lastActiveOn < :day")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(day.toString()),
                            ":zero", DynamoEnrolmentLedger.ZERO, ":enrolled", AttributeValue.fromS(ENROLLED),
                            ":idle", AttributeValue.fromS(DynamoEnrolmentLedger.idleSortKey(day.toString(), userId)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // older than what is known, or a waitlist place
        }
    }

    // ------------------------------------------------------------------ idle seats

    @Override
    public void idleSeats(TenantId tenant, String providerId, LocalDate before, Consumer<Enrolment> each) {
        dynamo.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK < :before")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.seated(tenant, providerId)),
                                ":before", AttributeValue.fromS(before.toString()))))
                .items().forEach(item -> each.accept(DynamoEnrolmentLedger.enrolment(tenant, item)));
    }

    @Override
    public boolean remind(Enrolment seat, LocalDate today, LocalDate reclaimFrom, Instant now) {
        Enrolment.Activity a = seat.activity();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(DynamoEnrolmentLedger.enrolmentKey(seat.tenant(), seat.userId(), seat.providerId()))
                        .updateExpression("SET reminders = :next, lastRemindedOn = :today")
                        .conditionExpression(unchangedSince())
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS(ENROLLED),
                                ":seen", AttributeValue.fromS(a.lastActiveOn().toString()),
                                ":reminders", AttributeValue.fromN(Integer.toString(a.reminders())),
                                ":next", AttributeValue.fromN(Integer.toString(a.reminders() + 1)),
                                ":today", AttributeValue.fromS(today.toString())))).build()));
        writes.addAll(notice(seat.tenant(), seat.userId(),
                new Notice(Notice.Kind.INACTIVITY_REMINDER, seat.providerId(), reclaimFrom, now)));
        return commit(writes, "remind");
    }

    @Override
    public boolean reclaim(Enrolment seat, Instant now) {
        Enrolment.Activity a = seat.activity();
        TenantId tenant = seat.tenant();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(DynamoEnrolmentLedger.enrolmentKey(tenant, seat.userId(), seat.providerId()))
                        .conditionExpression(unchangedSince())
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS(ENROLLED),
                                ":seen", AttributeValue.fromS(a.lastActiveOn().toString()),
                                ":reminders", AttributeValue.fromN(Integer.toString(a.reminders()))))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(DynamoEnrolmentLedger.picksKey(tenant, seat.userId()))
                        .updateExpression("ADD #picks :minusOne")
                        .conditionExpression("#picks > :zero")
                        .expressionAttributeNames(Map.of("#picks", "picks"))
                        .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"),
                                ":zero", DynamoEnrolmentLedger.ZERO))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(Keys.seats(tenant, seat.providerId()).attributes())
                        .updateExpression("SET #used = #used - :one")
                        .conditionExpression("#used > :zero")
                        .expressionAttributeNames(Map.of("#used", "used"))
                        .expressionAttributeValues(Map.of(":one", DynamoEnrolmentLedger.ONE,
                                ":zero", DynamoEnrolmentLedger.ZERO))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(DynamoEnrolmentLedger.refKey(tenant, seat.learnerRef()))).build()));
        writes.addAll(notice(tenant, seat.userId(), new Notice(Notice.Kind.SEAT_RECLAIMED, seat.providerId(), null, now)));
        return commit(writes, "reclaim");
    }

    /** Still the seat that was read: enrolled, no activity and no reminder since. */
    private static String unchangedSince() {
        return "#status = :enrolled AND lastActiveOn = :seen AND reminders = :reminders";
    }

    private boolean commit(List<TransactWriteItem> writes, String what) {
        for (int conflicts = 0; ; conflicts++) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                if (DynamoEnrolmentLedger.failed(e.cancellationReasons(), 0)) {
                    return false; // activity, a reminder or a withdrawal came first
                }
                if (DynamoEnrolmentLedger.conflicted(e.cancellationReasons()) && conflicts < DynamoEnrolmentLedger.CONFLICT_RETRIES) {
                    DynamoEnrolmentLedger.backOff(conflicts + 1);
                    continue;
                }
                throw DynamoEnrolmentLedger.unavailable(what, e.cancellationReasons());
            }
        }
    }

    // ------------------------------------------------------------------ notices

    @Override
    public void tell(TenantId tenant, String userId, Notice notice) {
        List<TransactWriteItem> puts = notice(tenant, userId, notice);
        dynamo.transactWriteItems(t -> t.transactItems(puts));
    }

    /**
     * The notice and, in the same write, the e-mail that tells it (a due reminder of the same
     * kind, due at once; issue 7, ADR 13): a notice is never written without its e-mail.
     */
    private List<TransactWriteItem> notice(TenantId tenant, String userId, Notice n) {
        String noticeId = UUID.randomUUID().toString();
        Map<String, String> params = new HashMap<>();
        params.put("providerId", n.providerId());
        if (n.date() != null) {
            params.put("date", n.date().toString());
        }
        TransactWriteItem email = DynamoReminderQueue.scheduleWrite(table, kr.seoullearn.reminders.domain.DueReminder.of(tenant,
                kr.seoullearn.reminders.domain.ReminderKind.valueOf(n.kind().name()), noticeId, userId, n.at(), params));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)));
        item.put(Keys.SK, AttributeValue.fromS(Keys.NOTICE_PREFIX + n.at() + "#" + noticeId));
        item.put("type", AttributeValue.fromS("NOTICE"));
        item.put("kind", AttributeValue.fromS(n.kind().name()));
        item.put("providerId", AttributeValue.fromS(n.providerId()));
        if (n.date() != null) {
            item.put("date", AttributeValue.fromS(n.date().toString()));
        }
        item.put("at", AttributeValue.fromS(n.at().toString()));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(n.at().getEpochSecond() + NOTICE_DAYS * 86_400)));
        return List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build(), email);
    }

    @Override
    public List<Notice> notices(TenantId tenant, String userId, int limit) {
        return dynamo.query(q -> q.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, userId)),
                                ":prefix", AttributeValue.fromS(Keys.NOTICE_PREFIX)))
                        .scanIndexForward(false).limit(limit))
                .items().stream()
                .map(item -> new Notice(Notice.Kind.valueOf(item.get("kind").s()), item.get("providerId").s(),
                        item.containsKey("date") ? LocalDate.parse(item.get("date").s()) : null, Instant.parse(item.get("at").s())))
                .toList();
    }
}

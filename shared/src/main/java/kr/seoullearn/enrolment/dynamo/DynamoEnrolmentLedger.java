package kr.seoullearn.enrolment.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.registration.dynamo.DynamoApplicationStore;
import kr.seoullearn.figures.dynamo.DynamoFigures;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.domain.SeatCounts;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Enrolments, seats and waitlists in the application table (docs/data-model.md, "Enrolment").
 *
 * <ul>
 *   <li>Seats item {@code T#<tenant>#PROVIDER#<p> / SEATS} (the catalogue's): {@code seats},
 *       {@code used}, plus {@code waiting} (entries in the waitlist) and {@code lastTicket} (the
 *       waitlist's ticket counter).</li>
 *   <li>Waitlist entry {@code T#<tenant>#PROVIDER#<p> / WAIT#<ticket>} beside it: one Query in
 *       key order reads the waitlist first in line first.</li>
 *   <li>The learner's {@code T#<tenant>#U#<sub> / ENROLMENT#<p>} (ENROLLED or WAITLISTED) and
 *       {@code / PICKS} (how many providers they hold, checked against the pick limit).</li>
 * </ul>
 *
 * Every change is one TransactWriteItems whose conditions are the invariants: a newcomer takes
 * a seat only when {@code used < seats AND waiting = 0} (nobody passes the queue); a learner
 * with no seat takes a ticket from an atomic counter (one UpdateItem: arrival order, and no
 * race to lose in a burst) and joins the waitlist under it while there is still no seat for a
 * newcomer; a promotion moves the lowest tickets into seats in one transaction. Transactions
 * that lose a race ({@code TransactionConflict}) are tried again with jitter, as in
 * {@link DynamoApplicationStore}.
 */
@Singleton
public class DynamoEnrolmentLedger implements EnrolmentLedger {
    /** Tries of a transaction that lost a race with another transaction (TransactionConflict). */
    static final int CONFLICT_RETRIES = 8;
    /**
     * Tries of a promotion whose seats item changed under it (a seat taken or freed, seats set):
     * each such failure means another request went through.
     */
    static final int RACE_ATTEMPTS = 20;
    /** Tries of an admission: a seat, else a ticket and a place in line; again when a seat came free meanwhile. */
    static final int ADMISSION_ATTEMPTS = 12;
    static final long FIRST_PAUSE_MILLIS = 4;
    static final long MAX_PAUSE_MILLIS = 250;
    /** Waiting learners moved into seats by one transaction (2 items each, plus 2: within DynamoDB's 100). */
    static final int MAX_PROMOTIONS_PER_TRANSACTION = 25;
    static final String ENROLLED = Enrolment.Status.ENROLLED.name();
    static final String WAITLISTED = Enrolment.Status.WAITLISTED.name();
    private static final Log LOG = Log.of(DynamoEnrolmentLedger.class);
    static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    static final AttributeValue ZERO = AttributeValue.fromN("0");
    static final AttributeValue ONE = AttributeValue.fromN("1");

    // positions of the items in the admission transaction
    private static final int SEATS_ITEM = 0;
    private static final int PICKS_ITEM = 1;
    private static final int ENROLMENT_ITEM = 2;
    private static final int PROVIDER_ITEM = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEnrolmentLedger(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ admission

    @Override
    public Admission admit(Request r) {
        Long ticket = null; // a waitlist ticket taken and not used yet
        boolean helped = false;
        int conflicts = 0;
        for (int attempt = 0; attempt < ADMISSION_ATTEMPTS; attempt++) {
            boolean seat = ticket == null;
            Enrolment e = seat
                    ? new Enrolment(r.tenant(), r.userId(), r.providerId(), Enrolment.Status.ENROLLED, r.learnerRef(), null, r.now(), null,
                            Enrolment.Activity.since(seoulDate(r.now())))
                    : new Enrolment(r.tenant(), r.userId(), r.providerId(), Enrolment.Status.WAITLISTED, r.learnerRef(), r.now(), null, ticket);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(seat ? takeSeat(r) : joinWaitlist(r));
            writes.add(holdPick(r));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(e))
                    .conditionExpression("attribute_not_exists(PK)")).build());
            writes.add(providerTakesLearners(r.providerId()));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(refItem(e))
                    .conditionExpression("attribute_not_exists(PK)")).build());
            if (!seat) {
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(waitEntry(e))
                        .conditionExpression("attribute_not_exists(PK)")).build());
            }
            writes.add(DynamoFigures.count(table, r.tenant(), r.now(),
                    FigureDelta.of((seat ? "seats.enrolled." : "seats.waitlisted.") + r.providerId(), 1)));
            writes.add(DynamoFigures.row(table, r.tenant(), r.now(), r.userId(), "ENROLMENT", seat ? ENROLLED : WAITLISTED,
                    null, null, null, r.providerId()));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                return seat ? new Enrolled(e) : new Waitlisted(e, position(r.tenant(), r.providerId(), ticket));
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, ENROLMENT_ITEM)) {
                    throw new ProblemException(Problem.ALREADY_ENROLLED);
                }
                if (failed(reasons, PROVIDER_ITEM)) {
                    throw new ProblemException(Problem.PROVIDER_INACTIVE);
                }
                if (failed(reasons, PICKS_ITEM)) {
                    throw new ProblemException(Problem.PICK_LIMIT_REACHED, Map.of("pickLimit", r.pickLimit()));
                }
                if (failed(reasons, SEATS_ITEM)) {
                    if (!seat) {
                        // a seat came free while nobody waits (a withdrawal between the ticket and now):
                        // the ticket is not needed; take the seat
                        ticket = null;
                        continue;
                    }
                    SeatCounts seen = counts(reasons.get(SEATS_ITEM).item());
                    if (seen.promotable() > 0 && !helped) {
                        // a seat is free while learners wait (a withdrawal stopped before it handed
                        // the seat on): hand it to the first in line, then try again
                        helped = true;
                        fillFreeSeats(r.tenant(), r.providerId(), seen, r.now());
                        continue;
                    }
                    ticket = takeTicket(r);
                    continue;
                }
                if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                    continue;
                }
                throw unavailable("admit", reasons);
            }
        }
        LOG.warn("admission did not settle", "providerId", r.providerId(), "attempts", ADMISSION_ATTEMPTS);
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    /** A seat for a newcomer: one is free and nobody waits (so nobody is passed). */
    private TransactWriteItem takeSeat(Request r) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Keys.seats(r.tenant(), r.providerId()).attributes())
                .updateExpression("SET #used = #used + :one")
                .conditionExpression("#used < #seats AND (attribute_not_exists(#waiting) OR #waiting = :zero)")
                .expressionAttributeNames(Map.of("#used", "used", "#seats", "seats", "#waiting", "waiting"))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** No seat for a newcomer: none free, someone waits, or the tenant has no seats of this provider. */
    private static final String NO_SEAT_FOR_NEWCOMER =
            "(attribute_not_exists(#seats) OR attribute_not_exists(#used) OR #used >= #seats OR #waiting > :zero)";

    /**
     * The next waitlist ticket of the provider in the tenant: an atomic counter on the seats
     * item (one UpdateItem, no race to lose), taken only while there is no seat for a newcomer.
     * Returns null when a seat came free in the meantime. Creates the seats item (0 seats) for a
     * provider the tenant has no seats of, so that its learners can wait for seats to come.
     */
    private Long takeTicket(Request r) {
        for (int conflicts = 0; ; conflicts++) {
            try {
                var answer = dynamo.updateItem(u -> u.tableName(table)
                        .key(Keys.seats(r.tenant(), r.providerId()).attributes())
                        .updateExpression("SET #type = :type, #tenant = :tenant, #provider = :provider, "
                                + "#seats = if_not_exists(#seats, :zero), #used = if_not_exists(#used, :zero) ADD #last :one")
                        .conditionExpression(NO_SEAT_FOR_NEWCOMER)
                        .expressionAttributeNames(Map.of("#type", "type", "#tenant", "tenant", "#provider", "providerId",
                                "#seats", "seats", "#used", "used", "#waiting", "waiting", "#last", "lastTicket"))
                        .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("SEATS"),
                                ":tenant", AttributeValue.fromS(r.tenant().value()), ":provider", AttributeValue.fromS(r.providerId()),
                                ":zero", ZERO, ":one", ONE))
                        .returnValues(ReturnValue.UPDATED_NEW));
                return Long.valueOf(answer.attributes().get("lastTicket").n());
            } catch (ConditionalCheckFailedException e) {
                return null;
            } catch (TransactionConflictException e) {
                // a transaction on the seats item is in flight (DynamoDB refuses the update meanwhile)
                if (conflicts >= CONFLICT_RETRIES) {
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                backOff(conflicts + 1);
            }
        }
    }

    /**
     * One more learner waiting, as long as there is still no seat for a newcomer (else the
     * ticket is dropped and the request takes the seat).
     */
    private TransactWriteItem joinWaitlist(Request r) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Keys.seats(r.tenant(), r.providerId()).attributes())
                .updateExpression("SET #waiting = if_not_exists(#waiting, :zero) + :one")
                .conditionExpression(NO_SEAT_FOR_NEWCOMER)
                .expressionAttributeNames(Map.of("#waiting", "waiting", "#seats", "seats", "#used", "used"))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build();
    }

    /** One more provider held by the learner, within the pick limit. */
    private TransactWriteItem holdPick(Request r) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(picksKey(r.tenant(), r.userId()))
                .updateExpression("SET #type = :type ADD #picks :one")
                .conditionExpression("attribute_not_exists(#picks) OR #picks < :limit")
                .expressionAttributeNames(Map.of("#type", "type", "#picks", "picks"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("PICKS"), ":one", ONE,
                        ":limit", AttributeValue.fromN(Integer.toString(r.pickLimit()))))).build();
    }

    /** The provider still takes learners when the transaction commits (it may leave at any time). */
    private TransactWriteItem providerTakesLearners(String providerId) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(providerKey(providerId))
                .conditionExpression("#status = :active")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":active", AttributeValue.fromS("ACTIVE")))).build();
    }

    // ------------------------------------------------------------------ promotion

    @Override
    public int fillFreeSeats(TenantId tenant, String providerId, SeatCounts known, Instant now) {
        SeatCounts s = known != null ? known : readSeats(tenant, providerId);
        int promoted = 0;
        int conflicts = 0;
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            int n = Math.min(s.promotable(), MAX_PROMOTIONS_PER_TRANSACTION);
            if (n == 0) {
                return promoted;
            }
            List<Map<String, AttributeValue>> heads = waitlistHead(tenant, providerId, n);
            if (heads.isEmpty()) {
                LOG.warn("waiting counter without waitlist entries", "tenant", tenant.value(), "providerId", providerId);
                return promoted;
            }
            n = heads.size();
            SeatCounts before = s;
            int count = n;
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Keys.seats(tenant, providerId).attributes())
                    // seats and used as read (so used + n <= seats); waiting only needs n entries, newcomers may join behind
                    .updateExpression("SET #used = :usedAfter, #waiting = #waiting - :n")
                    .conditionExpression("#seats = :seats AND #used = :used AND #waiting >= :n")
                    .expressionAttributeNames(Map.of("#seats", "seats", "#used", "used", "#waiting", "waiting"))
                    .expressionAttributeValues(Map.of(
                            ":seats", AttributeValue.fromN(Integer.toString(before.seats())),
                            ":used", AttributeValue.fromN(Integer.toString(before.used())),
                            ":n", AttributeValue.fromN(Integer.toString(count)),
                            ":usedAfter", AttributeValue.fromN(Integer.toString(before.used() + count))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            writes.add(providerTakesLearners(providerId));
            for (Map<String, AttributeValue> head : heads) {
                String userId = head.get("userId").s();
                AttributeValue ticket = head.get("ticket");
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Map.of(Keys.PK, head.get(Keys.PK), Keys.SK, head.get(Keys.SK)))
                        .conditionExpression("attribute_exists(PK)")).build());
                String today = seoulDate(now).toString();
                writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(enrolmentKey(tenant, userId, providerId))
                        .updateExpression("SET #status = :enrolled, enrolledAt = :now, lastActiveOn = :today, reminders = :zero, "
                                + "GSI1PK = :seated, GSI1SK = :idle REMOVE #ticket")
                        .conditionExpression("#status = :waitlisted AND #ticket = :ticket")
                        .expressionAttributeNames(Map.of("#status", "status", "#ticket", "ticket"))
                        .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS(ENROLLED),
                                ":waitlisted", AttributeValue.fromS(WAITLISTED), ":ticket", ticket,
                                ":now", AttributeValue.fromS(now.toString()), ":today", AttributeValue.fromS(today),
                                ":zero", ZERO, ":seated", AttributeValue.fromS(Keys.seated(tenant, providerId)),
                                ":idle", AttributeValue.fromS(idleSortKey(today, userId))))).build());
            }
            writes.add(DynamoFigures.count(table, tenant, now, FigureDelta.of("seats.promoted." + providerId, count)));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                promoted += n;
                s = before.afterPromoting(n);
                if (s.free() > 0 && s.waiting() == 0) {
                    // seats still free: someone may have joined the line meanwhile (they could, as it was not empty)
                    s = readSeats(tenant, providerId);
                }
                LOG.info("promoted from the waitlist", "tenant", tenant.value(), "providerId", providerId, "count", n);
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, 1)) {
                    return promoted; // the provider left: its waitlist gets no more seats
                }
                if (failed(reasons, 0)) {
                    s = counts(reasons.get(0).item());
                    pause(attempt);
                } else if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                } else if (reasons != null && reasons.stream().anyMatch(x -> "ConditionalCheckFailed".equals(x.code()))) {
                    s = readSeats(tenant, providerId); // the head changed under us: read it again
                } else {
                    throw unavailable("promote", reasons);
                }
            }
        }
        return promoted;
    }

    // ------------------------------------------------------------------ withdrawal

    @Override
    public Enrolment withdraw(Enrolment enrolment) {
        Enrolment e = enrolment;
        int conflicts = 0;
        for (int attempt = 0; attempt < 4; ) {
            List<TransactWriteItem> writes = new ArrayList<>();
            Enrolment current = e;
            if (current.enrolled()) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(enrolmentKey(current.tenant(), current.userId(), current.providerId()))
                        .conditionExpression("#status = :enrolled")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS(ENROLLED)))).build());
            } else {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(enrolmentKey(current.tenant(), current.userId(), current.providerId()))
                        .conditionExpression("#status = :waitlisted AND #ticket = :ticket")
                        .expressionAttributeNames(Map.of("#status", "status", "#ticket", "ticket"))
                        .expressionAttributeValues(Map.of(":waitlisted", AttributeValue.fromS(WAITLISTED),
                                ":ticket", AttributeValue.fromN(current.ticket().toString())))).build());
            }
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(picksKey(current.tenant(), current.userId()))
                    .updateExpression("ADD #picks :minusOne")
                    .conditionExpression("#picks > :zero")
                    .expressionAttributeNames(Map.of("#picks", "picks"))
                    .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"), ":zero", ZERO))).build());
            String counter = current.enrolled() ? "used" : "waiting";
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Keys.seats(current.tenant(), current.providerId()).attributes())
                    .updateExpression("SET #n = #n - :one")
                    .conditionExpression("#n > :zero")
                    .expressionAttributeNames(Map.of("#n", counter))
                    .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build());
            if (!current.enrolled()) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(waitKey(current.tenant(), current.providerId(), current.ticket()))
                        .conditionExpression("attribute_exists(PK)")).build());
            }
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(refKey(current.tenant(), current.learnerRef()))).build());
            writes.add(DynamoFigures.count(table, current.tenant(), Instant.now(),
                    FigureDelta.of((current.enrolled() ? "seats.withdrawn." : "seats.leftWaitlist.") + current.providerId(), 1)));
            writes.add(DynamoFigures.row(table, current.tenant(), Instant.now(), current.userId(), "ENROLMENT",
                    current.enrolled() ? "WITHDRAWN" : "LEFT_WAITLIST", null, null, null, current.providerId()));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                LOG.info(current.enrolled() ? "withdrew" : "left the waitlist", "tenant", current.tenant().value(),
                        "providerId", current.providerId());
                return current;
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, 0)) {
                    // promoted (or withdrawn by a parallel request) since it was read
                    e = find(current.tenant(), current.userId(), current.providerId())
                            .orElseThrow(() -> new ProblemException(Problem.ENROLMENT_NOT_FOUND));
                    attempt++;
                } else if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                } else {
                    throw unavailable("withdraw", reasons);
                }
            }
        }
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    // ------------------------------------------------------------------ seats

    @Override
    public SeatCounts setSeats(TenantId tenant, String providerId, int seats) {
        try {
            var r = dynamo.updateItem(u -> u.tableName(table)
                    .key(Keys.seats(tenant, providerId).attributes())
                    .updateExpression("SET #seats = :seats, #type = :type, #tenant = :tenant, #provider = :provider, "
                            + "#used = if_not_exists(#used, :zero), #waiting = if_not_exists(#waiting, :zero), "
                            + "#last = if_not_exists(#last, :zero)")
                    .conditionExpression("attribute_not_exists(#used) OR #used <= :seats")
                    .expressionAttributeNames(Map.of("#seats", "seats", "#type", "type", "#tenant", "tenant",
                            "#provider", "providerId", "#used", "used", "#waiting", "waiting", "#last", "lastTicket"))
                    .expressionAttributeValues(Map.of(":seats", AttributeValue.fromN(Integer.toString(seats)),
                            ":type", AttributeValue.fromS("SEATS"), ":tenant", AttributeValue.fromS(tenant.value()),
                            ":provider", AttributeValue.fromS(providerId), ":zero", ZERO))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return counts(r.attributes());
        } catch (ConditionalCheckFailedException e) {
            SeatCounts now = e.hasItem() ? counts(e.item()) : readSeats(tenant, providerId);
            throw new ProblemException(Problem.SEATS_BELOW_USED, Map.of("used", now.used()));
        }
    }

    @Override
    public Usage usage(TenantId tenant, String providerId, int headSize) {
        SeatCounts counts = readSeats(tenant, providerId);
        List<WaitingLearner> head = new ArrayList<>();
        if (counts.waiting() > 0 && headSize > 0) {
            for (Map<String, AttributeValue> item : waitlistHead(tenant, providerId, headSize)) {
                head.add(new WaitingLearner(item.get("userId").s(), Long.parseLong(item.get("ticket").n()),
                        EnrolmentRules.position(head.size()), Instant.parse(item.get("queuedAt").s())));
            }
        }
        return new Usage(counts, List.copyOf(head));
    }

    // ------------------------------------------------------------------ reads

    @Override
    public List<Enrolment> enrolments(TenantId tenant, String userId) {
        var items = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, userId)),
                        ":prefix", AttributeValue.fromS(Keys.ENROLMENT_PREFIX)))).items();
        return items.stream().map(item -> enrolment(tenant, item)).toList();
    }

    @Override
    public Optional<Enrolment> find(TenantId tenant, String userId, String providerId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(enrolmentKey(tenant, userId, providerId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(enrolment(tenant, item));
    }

    @Override
    public int position(TenantId tenant, String providerId, long ticket) {
        int ahead = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true).select(Select.COUNT)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :before")
                    .expressionAttributeValues(Map.of(
                            ":pk", AttributeValue.fromS(Keys.providerSeats(tenant, providerId)),
                            ":first", AttributeValue.fromS(waitSortKey(0)),
                            ":before", AttributeValue.fromS(waitSortKey(ticket - 1))))
                    .exclusiveStartKey(from));
            ahead += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return EnrolmentRules.position(ahead);
    }

    SeatCounts readSeats(TenantId tenant, String providerId) {
        return counts(dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.seats(tenant, providerId).attributes())).item());
    }

    private List<Map<String, AttributeValue>> waitlistHead(TenantId tenant, String providerId, int limit) {
        return dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.providerSeats(tenant, providerId)),
                        ":prefix", AttributeValue.fromS(Keys.WAITLIST_PREFIX)))
                .limit(limit)).items();
    }

    // ------------------------------------------------------------------ items

    static Map<String, AttributeValue> enrolmentKey(TenantId tenant, String userId, String providerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)),
                Keys.SK, AttributeValue.fromS(Keys.ENROLMENT_PREFIX + providerId));
    }

    static Map<String, AttributeValue> picksKey(TenantId tenant, String userId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS(Keys.PICKS));
    }

    static Map<String, AttributeValue> providerKey(String providerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.PROVIDERS), Keys.SK, AttributeValue.fromS(providerId));
    }

    static Map<String, AttributeValue> waitKey(TenantId tenant, String providerId, long ticket) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.providerSeats(tenant, providerId)),
                Keys.SK, AttributeValue.fromS(waitSortKey(ticket)));
    }

    /** Twelve digits: tickets sort as numbers. */
    static String waitSortKey(long ticket) {
        return Keys.WAITLIST_PREFIX + String.format("%012d", ticket);
    }

    private static Map<String, AttributeValue> item(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>(enrolmentKey(e.tenant(), e.userId(), e.providerId()));
        item.put("type", AttributeValue.fromS("ENROLMENT"));
        item.put("tenant", AttributeValue.fromS(e.tenant().value()));
        item.put("userId", AttributeValue.fromS(e.userId()));
        item.put("providerId", AttributeValue.fromS(e.providerId()));
        item.put("status", AttributeValue.fromS(e.status().name()));
        item.put("learnerRef", AttributeValue.fromS(e.learnerRef()));
        if (e.queuedAt() != null) {
            item.put("queuedAt", AttributeValue.fromS(e.queuedAt().toString()));
        }
        if (e.enrolledAt() != null) {
            item.put("enrolledAt", AttributeValue.fromS(e.enrolledAt().toString()));
        }
        if (e.ticket() != null) {
            item.put("ticket", AttributeValue.fromN(e.ticket().toString()));
        }
        if (e.activity() != null) {
            String day = e.activity().lastActiveOn().toString();
            item.put("lastActiveOn", AttributeValue.fromS(day));
            item.put("reminders", AttributeValue.fromN(Integer.toString(e.activity().reminders())));
            item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.seated(e.tenant(), e.providerId())));
            item.put(Keys.GSI1SK, AttributeValue.fromS(idleSortKey(day, e.userId())));
        }
        return item;
    }

    static Map<String, AttributeValue> refKey(TenantId tenant, String learnerRef) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.learnerRef(tenant, learnerRef)), Keys.SK, AttributeValue.fromS(Keys.REF));
    }

    /** The enrolment an access link's reference stands for (providers' usage reports know only the reference). */
    private static Map<String, AttributeValue> refItem(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>(refKey(e.tenant(), e.learnerRef()));
        item.put("type", AttributeValue.fromS("LEARNER_REF"));
        item.put("userId", AttributeValue.fromS(e.userId()));
        item.put("providerId", AttributeValue.fromS(e.providerId()));
        return item;
    }

    /** GSI1SK of a seat: idle seats sort first, so the reclaim reads only those idle since a day. */
    static String idleSortKey(String lastActiveOn, String userId) {
        return lastActiveOn + "#" + userId;
    }

    static LocalDate seoulDate(Instant instant) {
        return LocalDate.ofInstant(instant, SEOUL);
    }

    private static Map<String, AttributeValue> waitEntry(Enrolment e) {
        Map<String, AttributeValue> item = new HashMap<>(waitKey(e.tenant(), e.providerId(), e.ticket()));
        item.put("type", AttributeValue.fromS("WAITLIST_ENTRY"));
        item.put("userId", AttributeValue.fromS(e.userId()));
        item.put("ticket", AttributeValue.fromN(e.ticket().toString()));
        item.put("queuedAt", AttributeValue.fromS(e.queuedAt().toString()));
        return item;
    }

    static Enrolment enrolment(TenantId tenant, Map<String, AttributeValue> item) {
        return new Enrolment(tenant, item.get("userId").s(), item.get("providerId").s(),
                Enrolment.Status.valueOf(item.get("status").s()), item.get("learnerRef").s(),
                item.containsKey("queuedAt") ? Instant.parse(item.get("queuedAt").s()) : null,
                item.containsKey("enrolledAt") ? Instant.parse(item.get("enrolledAt").s()) : null,
                item.containsKey("ticket") ? Long.valueOf(item.get("ticket").n()) : null,
                activity(item));
    }

    static Enrolment.Activity activity(Map<String, AttributeValue> item) {
        if (!item.containsKey("lastActiveOn")) {
            return null;
        }
        return new Enrolment.Activity(LocalDate.parse(item.get("lastActiveOn").s()), (int) number(item, "reminders"),
                item.containsKey("lastRemindedOn") ? LocalDate.parse(item.get("lastRemindedOn").s()) : null);
    }

    static SeatCounts counts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return SeatCounts.NONE;
        }
        return new SeatCounts(true, (int) number(item, "seats"), (int) number(item, "used"), (int) number(item, "waiting"),
                number(item, "lastTicket"));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    // ------------------------------------------------------------------ races

    static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    static boolean conflicted(List<CancellationReason> reasons) {
        return reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /**
     * After losing a race on the seats item: exponential backoff with full jitter (up to
     * {@link #MAX_PAUSE_MILLIS}), so that in a burst the requests spread out instead of all
     * trying again at once and all but one losing again.
     */
    private static void pause(int losses) {
        sleep(ThreadLocalRandom.current().nextLong(1 + Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(losses, 10))));
    }

    static void backOff(int attempt) {
        sleep(ThreadLocalRandom.current().nextLong(1 + 20L * attempt));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }

    static ProblemException unavailable(String what, List<CancellationReason> reasons) {
        LOG.warn("transaction cancelled", "operation", what,
                "reasons", reasons == null ? "none" : reasons.stream().map(CancellationReason::code).toList().toString());
        return new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }
}

package kr.seoullearn.laptops.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.enrolment.dynamo.DynamoEnrolmentLedger;
import kr.seoullearn.figures.dynamo.DynamoFigures;
import kr.seoullearn.reminders.dynamo.RemindersStorage;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Laptop requests, district stock, queues and audit trails in the application table
 * (docs/data-model.md, "Laptops"; docs/adr/0010-laptop-queue-and-officer-districts.md).
 *
 * <ul>
 *   <li>District {@code T#<tenant>#DISTRICT#<d> / STOCK}: {@code inStock}, {@code reserved},
 *       {@code loaned}, {@code waiting}, {@code requested}, {@code lastTicket} (the queue's ticket
 *       counter), {@code model}; on GSI1 under {@code T#<tenant>#DISTRICTS} for the tenant's list.</li>
 *   <li>Queue entry {@code T#<tenant>#DISTRICT#<d> / WAIT#<ticket, 12 digits>} beside it.</li>
 *   <li>Audit entry {@code T#<tenant>#DISTRICT#<d> / AUDIT#<time>#<id>}, never updated; a
 *       request's entries also on GSI1 under {@code T#<tenant>#LAPTOP#<id>#AUDIT}.</li>
 *   <li>Request {@code T#<tenant>#LAPTOP#<id> / REQUEST}, on GSI1 under
 *       {@code T#<tenant>#DISTRICT#<d>#REQUESTS} ({@code ACTIVE#<requested at>} or
 *       {@code CLOSED#<closed at>}).</li>
 *   <li>The learner's {@code T#<tenant>#U#<sub> / LAPTOP}: their latest request and whether it is
 *       active — the one-active-request condition.</li>
 * </ul>
 *
 * The queue works as the enrolment waitlist does ({@link DynamoEnrolmentLedger}): a newcomer takes
 * a unit only when one is free and nobody waits; otherwise a ticket from an atomic counter and a
 * place under it; free units go to the lowest tickets in one transaction.
 */
@Singleton
public class DynamoLaptopLedger implements LaptopLedger {
    static final int CONFLICT_RETRIES = 8;
    static final int RACE_ATTEMPTS = 20;
    static final int REQUEST_ATTEMPTS = 12;
    static final long FIRST_PAUSE_MILLIS = 4;
    static final long MAX_PAUSE_MILLIS = 250;
    /** Requests approved by one transaction: 3 items each plus the stock item, within DynamoDB's 100. */
    static final int MAX_APPROVALS_PER_TRANSACTION = 25;
    static final String STOCK = "STOCK";
    static final String REQUEST = "REQUEST";
    static final String LAPTOP = "LAPTOP";
    static final String WAIT_PREFIX = "WAIT#";
    static final String AUDIT_PREFIX = "AUDIT#";
    static final String ACTIVE_PREFIX = "ACTIVE#";
    static final String CLOSED_PREFIX = "CLOSED#";
    /** Fixed width, so that times sort as text. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Log LOG = Log.of(DynamoLaptopLedger.class);
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);

    // positions of the items in the request transaction
    private static final int STOCK_ITEM = 0;
    private static final int MARKER_ITEM = 1;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLaptopLedger(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ keys

    static String districtPk(TenantId tenant, String district) {
        return "T#" + tenant.value() + "#DISTRICT#" + district;
    }

    static String districtsIndex(TenantId tenant) {
        return Keys.districts(tenant);
    }

    static String requestPk(TenantId tenant, String requestId) {
        return "T#" + tenant.value() + "#LAPTOP#" + requestId;
    }

    static String requestsIndex(TenantId tenant, String district) {
        return districtPk(tenant, district) + "#REQUESTS";
    }

    static String requestAuditIndex(TenantId tenant, String requestId) {
        return requestPk(tenant, requestId) + "#AUDIT";
    }

    static Map<String, AttributeValue> stockKey(TenantId tenant, String district) {
        return Map.of(Keys.PK, s(districtPk(tenant, district)), Keys.SK, s(STOCK));
    }

    static Map<String, AttributeValue> requestKey(TenantId tenant, String requestId) {
        return Map.of(Keys.PK, s(requestPk(tenant, requestId)), Keys.SK, s(REQUEST));
    }

    static Map<String, AttributeValue> markerKey(TenantId tenant, String userId) {
        return Map.of(Keys.PK, s(Keys.user(tenant, userId)), Keys.SK, s(LAPTOP));
    }

    static Map<String, AttributeValue> waitKey(TenantId tenant, String district, long ticket) {
        return Map.of(Keys.PK, s(districtPk(tenant, district)), Keys.SK, s(waitSortKey(ticket)));
    }

    static String waitSortKey(long ticket) {
        return WAIT_PREFIX + String.format("%012d", ticket);
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    // ------------------------------------------------------------------ a new request

    @Override
    public Placed request(NewRequest r) {
        Long ticket = null; // a queue ticket taken and not used yet
        boolean helped = false;
        int conflicts = 0;
        for (int attempt = 0; attempt < REQUEST_ATTEMPTS; attempt++) {
            boolean direct = ticket == null;
            LaptopRequest req = new LaptopRequest(r.tenant(), r.requestId(), r.userId(), r.district(),
                    direct ? LaptopStatus.APPROVED : LaptopStatus.REQUESTED, ticket, r.pickupCode(), r.now(),
                    direct ? r.now() : null, null, null, null, null, null, 1);
            Actor learner = new Actor(r.userId(), Actor.Kind.LEARNER);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(direct ? takeUnit(r) : joinQueue(r));
            writes.add(holdMarker(r));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(requestItem(req))
                    .conditionExpression("attribute_not_exists(PK)")).build());
            writes.add(putAudit(audit(req, null, LaptopStatus.REQUESTED, learner, null, r.now()), r.tenant(), direct ? 0 : 1));
            if (direct) {
                writes.add(putAudit(audit(req, LaptopStatus.REQUESTED, LaptopStatus.APPROVED, Actor.SYSTEM, null,
                        r.now().plusNanos(1_000)), r.tenant(), 1));
            } else {
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(waitEntry(req))
                        .conditionExpression("attribute_not_exists(PK)")).build());
            }
            writes.add(DynamoFigures.count(table, r.tenant(), r.now(), new FigureDelta()
                    .add("laptops.REQUESTED", r.district(), 1)
                    .add(direct ? "laptops.APPROVED" : "laptops.queued", r.district(), 1)));
            writes.add(DynamoFigures.row(table, r.tenant(), r.now(), r.userId(), "LAPTOP", req.status().name(), null, r.district(),
                    null, null));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                LOG.info(direct ? "laptop approved on request" : "laptop request queued", "tenant", r.tenant().value(),
                        "district", r.district());
                return new Placed(req, direct ? 0 : position(r.tenant(), r.district(), ticket), false);
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, MARKER_ITEM)) {
                    return replayOrRefuse(r, reasons.get(MARKER_ITEM).item());
                }
                if (failed(reasons, STOCK_ITEM)) {
                    Map<String, AttributeValue> stock = reasons.get(STOCK_ITEM).item();
                    if (stock == null || stock.isEmpty()) {
                        throw new ProblemException(Problem.DISTRICT_NOT_FOUND);
                    }
                    if (!direct) {
                        ticket = null; // a unit came free and nobody waits: take it
                        continue;
                    }
                    StockCounts seen = counts(stock);
                    if (seen.approvable() > 0 && !helped) {
                        // units free while requests wait (a change stopped before it served the queue)
                        helped = true;
                        serveQueue(r.tenant(), r.district(), r.now());
                        continue;
                    }
                    ticket = takeTicket(r);
                    continue;
                }
                if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                    continue;
                }
                throw unavailable("request", reasons);
            }
        }
        LOG.warn("laptop request did not settle", "district", r.district(), "attempts", REQUEST_ATTEMPTS);
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    /** The learner already has an active request: the same one again when it is a retry (same Idempotency-Key). */
    private Placed replayOrRefuse(NewRequest r, Map<String, AttributeValue> marker) {
        String requestId = marker == null || !marker.containsKey("requestId") ? null : marker.get("requestId").s();
        LaptopRequest existing = requestId == null ? null : find(r.tenant(), requestId).orElse(null);
        if (existing == null) {
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
        String key = marker.containsKey("idempotencyKey") ? marker.get("idempotencyKey").s() : null;
        boolean ours = existing.requestId().equals(r.requestId());
        if (ours || r.idempotencyKey() != null && r.idempotencyKey().equals(key)) {
            // ours: this very transaction committed and the SDK sent it again after a timeout
            int position = existing.status() == LaptopStatus.REQUESTED && existing.ticket() != null
                    ? position(r.tenant(), existing.district(), existing.ticket()) : 0;
            return new Placed(existing, position, !ours);
        }
        throw new ProblemException(Problem.LAPTOP_REQUEST_ACTIVE,
                Map.of("requestId", existing.requestId(), "requestStatus", existing.status().name()));
    }

    private TransactWriteItem takeUnit(NewRequest r) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(stockKey(r.tenant(), r.district()))
                .updateExpression("SET inStock = inStock - :one, reserved = reserved + :one, requested = requested + :one")
                .conditionExpression("attribute_exists(PK) AND inStock > :zero AND waiting = :zero")
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** No unit for a newcomer: none free, or someone waits (nobody is passed). */
    private static final String NO_UNIT_FOR_NEWCOMER = "attribute_exists(PK) AND (inStock <= :zero OR waiting > :zero)";

    private TransactWriteItem joinQueue(NewRequest r) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(stockKey(r.tenant(), r.district()))
                .updateExpression("SET waiting = waiting + :one, requested = requested + :one")
                .conditionExpression(NO_UNIT_FOR_NEWCOMER)
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** The learner's one active request: taken only when they hold none. */
    private TransactWriteItem holdMarker(NewRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(markerKey(r.tenant(), r.userId()));
        item.put("type", s("LAPTOP_MARKER"));
        item.put("requestId", s(r.requestId()));
        item.put("active", AttributeValue.fromBool(true));
        if (r.idempotencyKey() != null) {
            item.put("idempotencyKey", s(r.idempotencyKey()));
        }
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK) OR active = :false")
                .expressionAttributeValues(Map.of(":false", FALSE))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /**
     * The district's next queue ticket: an atomic counter (arrival order, no race to lose),
     * taken only while there is no unit for a newcomer; null when one came free meanwhile.
     */
    private Long takeTicket(NewRequest r) {
        for (int conflicts = 0; ; conflicts++) {
            try {
                var answer = dynamo.updateItem(u -> u.tableName(table).key(stockKey(r.tenant(), r.district()))
                        .updateExpression("ADD lastTicket :one")
                        .conditionExpression(NO_UNIT_FOR_NEWCOMER)
                        .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))
                        .returnValues(ReturnValue.UPDATED_NEW));
                return Long.valueOf(answer.attributes().get("lastTicket").n());
            } catch (ConditionalCheckFailedException e) {
                return null;
            } catch (TransactionConflictException e) {
                if (conflicts >= CONFLICT_RETRIES) {
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                backOff(conflicts + 1);
            }
        }
    }

    // ------------------------------------------------------------------ status changes

    @Override
    public LaptopRequest change(LaptopRequest current, long expectedVersion, LaptopStatus to, Actor actor, String reason,
                                LocalDate dueOn, Instant now) {
        LaptopStatus from = current.status();
        long[] delta = LaptopRules.stockDelta(from, to);
        LaptopRequest after = changed(current, to, reason, dueOn, now);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(updateRequest(current, expectedVersion, after));
        stockUpdate(current.tenant(), current.district(), delta).ifPresent(writes::add);
        if (!to.active()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(markerKey(current.tenant(), current.userId()))
                    .updateExpression("SET active = :false")
                    .conditionExpression("requestId = :id")
                    .expressionAttributeValues(Map.of(":false", FALSE, ":id", s(current.requestId())))).build());
        }
        if (from == LaptopStatus.REQUESTED && current.ticket() != null) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(waitKey(current.tenant(), current.district(), current.ticket()))
                    .conditionExpression("attribute_exists(PK)")).build());
        }
        writes.add(putAudit(audit(after, from, to, actor, reason, now), current.tenant(), after.version()));
        // reminders (issue 7, ADR 13): ready for pickup at once; the return 7 days before and on the day
        if (to == LaptopStatus.READY_FOR_PICKUP) {
            writes.add(RemindersStorage.dueWrite(table, kr.seoullearn.reminders.domain.FeatureReminders.laptopReady(after.tenant(), after.requestId(), after.userId(), now)));
        } else if (to == LaptopStatus.LOANED && after.dueOn() != null) {
            kr.seoullearn.reminders.domain.FeatureReminders.laptopReturn(after.tenant(), after.requestId(), after.userId(), after.dueOn())
                    .forEach(r -> writes.add(RemindersStorage.dueWrite(table, r)));
        }
        writes.add(DynamoFigures.count(table, current.tenant(), now, FigureDelta.of("laptops." + to.name() + "." + current.district(), 1)));
        writes.add(DynamoFigures.row(table, current.tenant(), now, current.userId(), "LAPTOP", to.name(), null, current.district(),
                null, null));
        int conflicts = 0;
        while (true) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                break;
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, 0)) {
                    LaptopRequest stored = find(current.tenant(), current.requestId()).orElse(null);
                    if (stored != null && stored.status() == to && stored.version() == expectedVersion + 1) {
                        // the change is made: this transaction committed and the SDK sent it again after
                        // a timeout (or the same change was made at the same moment by someone else)
                        break;
                    }
                    throw new ProblemException(Problem.VERSION_CONFLICT);
                }
                if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                    continue;
                }
                throw unavailable("change", reasons);
            }
        }
        LOG.info("laptop request changed", "tenant", current.tenant().value(), "district", current.district(),
                "from", from.name(), "to", to.name(), "actor", actor.kind().name());
        if (delta[LaptopRules.IN_STOCK] > 0) {
            serveQueue(current.tenant(), current.district(), now);
        }
        return after;
    }

    private static LaptopRequest changed(LaptopRequest c, LaptopStatus to, String reason, LocalDate dueOn, Instant now) {
        return new LaptopRequest(c.tenant(), c.requestId(), c.userId(), c.district(), to,
                to == LaptopStatus.REQUESTED ? c.ticket() : null, c.pickupCode(), c.requestedAt(),
                to == LaptopStatus.APPROVED ? now : c.approvedAt(),
                to == LaptopStatus.READY_FOR_PICKUP ? now : c.readyAt(),
                to == LaptopStatus.LOANED ? now : c.loanedAt(),
                to == LaptopStatus.LOANED ? dueOn : c.dueOn(),
                to.active() ? null : now,
                reason != null ? reason : c.reason(),
                c.version() + 1);
    }

    private TransactWriteItem updateRequest(LaptopRequest before, long expectedVersion, LaptopRequest after) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#version", "version"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(after.status().name()),
                ":from", s(before.status().name()), ":v", n(expectedVersion), ":one", ONE));
        StringBuilder set = new StringBuilder("SET #status = :to, #version = #version + :one");
        List<String> remove = new ArrayList<>();
        setIfChanged(set, values, "approvedAt", before.approvedAt(), after.approvedAt());
        setIfChanged(set, values, "readyAt", before.readyAt(), after.readyAt());
        setIfChanged(set, values, "loanedAt", before.loanedAt(), after.loanedAt());
        setIfChanged(set, values, "closedAt", before.closedAt(), after.closedAt());
        if (after.dueOn() != null && !after.dueOn().equals(before.dueOn())) {
            set.append(", dueOn = :dueOn");
            values.put(":dueOn", s(after.dueOn().toString()));
        }
        if (after.reason() != null && !after.reason().equals(before.reason())) {
            set.append(", #reason = :reason");
            names.put("#reason", "reason");
            values.put(":reason", s(after.reason()));
        }
        if (!after.status().active()) {
            set.append(", GSI1SK = :closedKey");
            values.put(":closedKey", s(CLOSED_PREFIX + sortable(after.closedAt()) + "#" + after.requestId()));
        }
        if (before.ticket() != null && after.ticket() == null) {
            remove.add("ticket");
        }
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(requestKey(before.tenant(), before.requestId()))
                .updateExpression(expression)
                .conditionExpression("#status = :from AND #version = :v")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build();
    }

    private static void setIfChanged(StringBuilder set, Map<String, AttributeValue> values, String name, Instant before, Instant after) {
        if (after != null && !after.equals(before)) {
            set.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, s(after.toString()));
        }
    }

    /** Applies the deltas to the district's counts; every count that goes down must stay at zero or above. */
    private Optional<TransactWriteItem> stockUpdate(TenantId tenant, String district, long[] delta) {
        String[] counters = {"inStock", "reserved", "loaned", "waiting"};
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < counters.length; i++) {
            if (delta[i] == 0) {
                continue;
            }
            sets.add(counters[i] + " = " + counters[i] + " + :d" + i);
            values.put(":d" + i, n(delta[i]));
            if (delta[i] < 0) {
                conditions.add(counters[i] + " >= :m" + i);
                values.put(":m" + i, n(-delta[i]));
            }
        }
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        String condition = conditions.isEmpty() ? "attribute_exists(PK)" : "attribute_exists(PK) AND " + String.join(" AND ", conditions);
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(table).key(stockKey(tenant, district))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression(condition)
                .expressionAttributeValues(values)).build());
    }

    // ------------------------------------------------------------------ serving the queue

    @Override
    public int serveQueue(TenantId tenant, String district, Instant now) {
        StockCounts s = stock(tenant, district).orElse(null);
        int approved = 0;
        int conflicts = 0;
        for (int attempt = 0; attempt < RACE_ATTEMPTS && s != null; attempt++) {
            int n = (int) Math.min(s.approvable(), MAX_APPROVALS_PER_TRANSACTION);
            if (n == 0) {
                return approved;
            }
            List<Map<String, AttributeValue>> heads = queue(tenant, district, n);
            if (heads.isEmpty()) {
                LOG.warn("waiting counter without queue entries", "tenant", tenant.value(), "district", district);
                return approved;
            }
            int count = heads.size();
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(stockKey(tenant, district))
                    .updateExpression("SET inStock = inStock - :n, reserved = reserved + :n, waiting = waiting - :n")
                    .conditionExpression("inStock >= :n AND waiting >= :n")
                    .expressionAttributeValues(Map.of(":n", n(count)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            for (Map<String, AttributeValue> head : heads) {
                String requestId = head.get("requestId").s();
                AttributeValue ticket = head.get("ticket");
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Map.of(Keys.PK, head.get(Keys.PK), Keys.SK, head.get(Keys.SK)))
                        .conditionExpression("attribute_exists(PK)")).build());
                writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(requestKey(tenant, requestId))
                        // a queued request is still at version 1: nothing else changes it while it waits
                        .updateExpression("SET #status = :approved, approvedAt = :now, #version = :two REMOVE ticket")
                        .conditionExpression("#status = :requested AND ticket = :ticket AND #version = :one")
                        .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                        .expressionAttributeValues(Map.of(":approved", s(LaptopStatus.APPROVED.name()),
                                ":requested", s(LaptopStatus.REQUESTED.name()), ":ticket", ticket,
                                ":now", s(now.toString()), ":one", ONE, ":two", n(2)))).build());
                writes.add(putAudit(new AuditEntry(newEntryId(now), now, district, requestId, "STATUS",
                        LaptopStatus.REQUESTED.name(), LaptopStatus.APPROVED.name(), null, Actor.SYSTEM, null), tenant, 2));
            }
            writes.add(DynamoFigures.count(table, tenant, now, FigureDelta.of("laptops.APPROVED." + district, count)));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                approved += count;
                LOG.info("approved from the queue", "tenant", tenant.value(), "district", district, "count", count);
                s = stock(tenant, district).orElse(null);
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, 0)) {
                    s = counts(reasons.get(0).item());
                    pause(attempt);
                } else if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                } else if (reasons != null && reasons.stream().anyMatch(x -> "ConditionalCheckFailed".equals(x.code()))) {
                    s = stock(tenant, district).orElse(null); // the head changed (a cancellation): read again
                } else {
                    throw unavailable("serve queue", reasons);
                }
            }
        }
        return approved;
    }

    // ------------------------------------------------------------------ stock

    @Override
    public StockResult changeStock(TenantId tenant, String district, StockChange change, long units, String model, String note,
                                   Actor actor, Instant now) {
        StockCounts s = stock(tenant, district).orElseThrow(() -> new ProblemException(Problem.DISTRICT_NOT_FOUND));
        int conflicts = 0;
        for (int attempt = 0; ; attempt++) {
            if (attempt >= RACE_ATTEMPTS) {
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
            long before = s.inStock();
            long after = change == StockChange.RECEIVED ? before + units : before - units;
            if (after < 0) {
                throw new ProblemException(Problem.LAPTOP_STOCK_TOO_LOW, Map.of("inStock", before));
            }
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":before", n(before), ":after", n(after)));
            String set = "SET inStock = :after";
            if (model != null) {
                set += ", model = :model";
                values.put(":model", s(model));
            }
            String expression = set;
            List<TransactWriteItem> writes = List.of(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(stockKey(tenant, district))
                            .updateExpression(expression)
                            .conditionExpression("inStock = :before")
                            .expressionAttributeValues(values)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                    putAudit(new AuditEntry(newEntryId(now), now, district, null, change.name(), Long.toString(before),
                            Long.toString(after), units, actor, note), tenant));
            try {
                dynamo.transactWriteItems(t -> t.transactItems(writes));
                break;
            } catch (TransactionCanceledException ex) {
                List<CancellationReason> reasons = ex.cancellationReasons();
                if (failed(reasons, 0)) {
                    s = counts(reasons.get(0).item()); // requests took or gave back units meanwhile
                    pause(attempt);
                } else if (conflicted(reasons) && conflicts++ < CONFLICT_RETRIES) {
                    backOff(conflicts);
                } else {
                    throw unavailable("stock", reasons);
                }
            }
        }
        LOG.info("laptop stock changed", "tenant", tenant.value(), "district", district, "change", change.name(), "units", units);
        int approved = change == StockChange.RECEIVED ? serveQueue(tenant, district, now) : 0;
        return new StockResult(stock(tenant, district).orElseThrow(), approved);
    }

    @Override
    public boolean openDistrict(TenantId tenant, String district, String model, long units, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(stockKey(tenant, district));
        item.put("type", s("DISTRICT_STOCK"));
        item.put("tenant", s(tenant.value()));
        item.put("district", s(district));
        item.put("model", s(model));
        item.put("inStock", n(units));
        for (String counter : List.of("reserved", "loaned", "waiting", "requested", "lastTicket")) {
            item.put(counter, ZERO);
        }
        item.put(Keys.GSI1PK, s(districtsIndex(tenant)));
        item.put(Keys.GSI1SK, s(district));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(PK)")).build(),
                    putAudit(new AuditEntry(newEntryId(now), now, district, null, StockChange.RECEIVED.name(), "0",
                            Long.toString(units), units, Actor.SYSTEM, "opening stock"), tenant)));
            return true;
        } catch (TransactionCanceledException e) {
            if (failed(e.cancellationReasons(), 0)) {
                return false;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<LaptopRequest> find(TenantId tenant, String requestId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(requestKey(tenant, requestId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(request(tenant, item));
    }

    @Override
    public Optional<LaptopRequest> latest(TenantId tenant, String userId) {
        var marker = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(markerKey(tenant, userId))).item();
        if (marker == null || !marker.containsKey("requestId")) {
            return Optional.empty();
        }
        return find(tenant, marker.get("requestId").s());
    }

    @Override
    public int position(TenantId tenant, String district, long ticket) {
        long ahead = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true).select(Select.COUNT)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :before")
                    .expressionAttributeValues(Map.of(":pk", s(districtPk(tenant, district)),
                            ":first", s(waitSortKey(0)), ":before", s(waitSortKey(ticket - 1))))
                    .exclusiveStartKey(from));
            ahead += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return LaptopRules.position(ahead);
    }

    @Override
    public Map<String, Integer> queueHead(TenantId tenant, String district, int limit) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Map<String, AttributeValue> entry : queue(tenant, district, limit)) {
            positions.put(entry.get("requestId").s(), positions.size() + 1);
        }
        return positions;
    }

    private List<Map<String, AttributeValue>> queue(TenantId tenant, String district, int limit) {
        return dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(districtPk(tenant, district)), ":prefix", s(WAIT_PREFIX)))
                .limit(limit)).items();
    }

    @Override
    public Optional<StockCounts> stock(TenantId tenant, String district) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(stockKey(tenant, district))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(counts(item));
    }

    @Override
    public List<StockCounts> districts(TenantId tenant) {
        List<StockCounts> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(districtsIndex(tenant))))
                    .exclusiveStartKey(from));
            r.items().forEach(i -> all.add(counts(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    @Override
    public List<StockCounts> districts(TenantId tenant, Set<String> districts) {
        if (districts.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = districts.stream().limit(100).map(d -> stockKey(tenant, d)).toList();
        List<StockCounts> found = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; !pending.isEmpty() && round < 5; round++) {
            Map<String, KeysAndAttributes> ask = pending;
            var r = dynamo.batchGetItem(b -> b.requestItems(ask));
            r.responses().getOrDefault(table, List.of()).forEach(i -> found.add(counts(i)));
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
        found.sort(Comparator.comparing(StockCounts::district));
        return found;
    }

    @Override
    public Page<LaptopRequest> requests(TenantId tenant, String district, boolean active, String cursor, int limit) {
        String partition = requestsIndex(tenant, district);
        Map<String, AttributeValue> start = cursor == null ? null : QueueCursor.decode(cursor, partition);
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(active ? ACTIVE_PREFIX : CLOSED_PREFIX)))
                .scanIndexForward(active)
                .exclusiveStartKey(start)
                .limit(limit));
        List<LaptopRequest> items = r.items().stream().map(i -> request(tenant, i)).toList();
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? QueueCursor.encode(r.lastEvaluatedKey()) : null;
        return new Page<>(items, next);
    }

    @Override
    public List<AuditEntry> requestAudit(TenantId tenant, String district, String requestId) {
        List<AuditEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("GSI1PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(requestAuditIndex(tenant, requestId))))
                    .exclusiveStartKey(from));
            r.items().forEach(i -> entries.add(auditEntry(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    @Override
    public Page<AuditEntry> districtAudit(TenantId tenant, String district, String cursor, int limit) {
        String pk = districtPk(tenant, district);
        Map<String, AttributeValue> start = cursor == null ? null
                : Map.of(Keys.PK, s(pk), Keys.SK, s(AUDIT_PREFIX + decodeAuditCursor(cursor)));
        QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(AUDIT_PREFIX)))
                .scanIndexForward(false)
                .exclusiveStartKey(start)
                .limit(limit));
        List<AuditEntry> entries = r.items().stream().map(DynamoLaptopLedger::auditEntry).toList();
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        r.lastEvaluatedKey().get(Keys.SK).s().substring(AUDIT_PREFIX.length()).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(entries, next);
    }

    /** An audit cursor is an entry id (time and uuid) and nothing else: it can only point inside the district asked for. */
    static String decodeAuditCursor(String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (!id.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#[0-9a-f-]{36}")) {
            throw invalidCursor();
        }
        return id;
    }

    private static ProblemException invalidCursor() {
        return new ProblemException(Problem.VALIDATION_FAILED,
                Map.of("errors", List.of(Map.of("field", "cursor", "code", "invalid-value"))));
    }

    // ------------------------------------------------------------------ items

    private static Map<String, AttributeValue> requestItem(LaptopRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(requestKey(r.tenant(), r.requestId()));
        item.put("type", s("LAPTOP_REQUEST"));
        item.put("tenant", s(r.tenant().value()));
        item.put("requestId", s(r.requestId()));
        item.put("userId", s(r.userId()));
        item.put("district", s(r.district()));
        item.put("status", s(r.status().name()));
        item.put("pickupCode", s(r.pickupCode()));
        item.put("requestedAt", s(r.requestedAt().toString()));
        item.put("version", n(r.version()));
        if (r.ticket() != null) {
            item.put("ticket", n(r.ticket()));
        }
        if (r.approvedAt() != null) {
            item.put("approvedAt", s(r.approvedAt().toString()));
        }
        item.put(Keys.GSI1PK, s(requestsIndex(r.tenant(), r.district())));
        item.put(Keys.GSI1SK, s(ACTIVE_PREFIX + sortable(r.requestedAt()) + "#" + r.requestId()));
        return item;
    }

    private static Map<String, AttributeValue> waitEntry(LaptopRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(waitKey(r.tenant(), r.district(), r.ticket()));
        item.put("type", s("LAPTOP_QUEUE_ENTRY"));
        item.put("requestId", s(r.requestId()));
        item.put("ticket", n(r.ticket()));
        item.put("queuedAt", s(r.requestedAt().toString()));
        return item;
    }

    private static AuditEntry audit(LaptopRequest r, LaptopStatus from, LaptopStatus to, Actor actor, String reason, Instant now) {
        return new AuditEntry(newEntryId(now), now, r.district(), r.requestId(), "STATUS", from == null ? null : from.name(),
                to.name(), null, actor, reason);
    }

    private TransactWriteItem putAudit(AuditEntry e, TenantId tenant) {
        return putAudit(e, tenant, 0);
    }

    /**
     * An audit entry; a request's entries are ordered on GSI1 by {@code sequence}, the request's
     * version after the change (0 for the request itself when it was approved at once), so the
     * trail reads in order even when two changes share a timestamp.
     */
    private TransactWriteItem putAudit(AuditEntry e, TenantId tenant, long sequence) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(districtPk(tenant, e.district())));
        item.put(Keys.SK, s(AUDIT_PREFIX + e.entryId()));
        item.put("type", s("LAPTOP_AUDIT"));
        item.put("entryId", s(e.entryId()));
        item.put("at", s(e.at().toString()));
        item.put("district", s(e.district()));
        item.put("change", s(e.change()));
        item.put("to", s(e.to()));
        item.put("actorId", s(e.actor().userId()));
        item.put("actorKind", s(e.actor().kind().name()));
        if (e.from() != null) {
            item.put("from", s(e.from()));
        }
        if (e.units() != null) {
            item.put("units", n(e.units()));
        }
        if (e.reason() != null) {
            item.put("reason", s(e.reason()));
        }
        if (e.requestId() != null) {
            item.put("requestId", s(e.requestId()));
            item.put(Keys.GSI1PK, s(requestAuditIndex(tenant, e.requestId())));
            item.put(Keys.GSI1SK, s(String.format("%06d#", sequence) + e.entryId()));
        }
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    static String newEntryId(Instant at) {
        return sortable(at) + "#" + UUID.randomUUID();
    }

    static LaptopRequest request(TenantId tenant, Map<String, AttributeValue> item) {
        return new LaptopRequest(tenant, item.get("requestId").s(), item.get("userId").s(), item.get("district").s(),
                LaptopStatus.valueOf(item.get("status").s()),
                item.containsKey("ticket") ? Long.valueOf(item.get("ticket").n()) : null,
                item.get("pickupCode").s(),
                instant(item, "requestedAt"), instant(item, "approvedAt"), instant(item, "readyAt"), instant(item, "loanedAt"),
                item.containsKey("dueOn") ? LocalDate.parse(item.get("dueOn").s()) : null,
                instant(item, "closedAt"),
                item.containsKey("reason") ? item.get("reason").s() : null,
                Long.parseLong(item.get("version").n()));
    }

    static AuditEntry auditEntry(Map<String, AttributeValue> item) {
        return new AuditEntry(item.get("entryId").s(), Instant.parse(item.get("at").s()), item.get("district").s(),
                item.containsKey("requestId") ? item.get("requestId").s() : null, item.get("change").s(),
                item.containsKey("from") ? item.get("from").s() : null, item.get("to").s(),
                item.containsKey("units") ? Long.valueOf(item.get("units").n()) : null,
                new Actor(item.get("actorId").s(), Actor.Kind.valueOf(item.get("actorKind").s())),
                item.containsKey("reason") ? item.get("reason").s() : null);
    }

    static StockCounts counts(Map<String, AttributeValue> item) {
        return new StockCounts(item.get("district").s(), item.containsKey("model") ? item.get("model").s() : null,
                number(item, "inStock"), number(item, "reserved"), number(item, "loaned"), number(item, "waiting"),
                number(item, "requested"));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(item.get(name).s()) : null;
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    // ------------------------------------------------------------------ races

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static boolean conflicted(List<CancellationReason> reasons) {
        return reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /** Exponential backoff with full jitter after losing a race on the stock item (as the enrolment ledger does). */
    private static void pause(int losses) {
        sleep(ThreadLocalRandom.current().nextLong(1 + Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(losses, 10))));
    }

    private static void backOff(int attempt) {
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

    private static ProblemException unavailable(String what, List<CancellationReason> reasons) {
        LOG.warn("transaction cancelled", "operation", what,
                "reasons", reasons == null ? "none" : reasons.stream().map(CancellationReason::code).toList().toString());
        return new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }
}

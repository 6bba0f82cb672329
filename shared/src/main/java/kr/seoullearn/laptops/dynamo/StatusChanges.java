package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.FALSE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.ONE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.n;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.FeatureReminders;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A request moves from the status it was read in to the next: stock, the learner's marker, the
 * queue, the audit entry, the reminders it makes due and the figures in one transaction; a unit
 * that came back goes to the queue.
 */
final class StatusChanges {
    private static final Log LOG = Log.of(StatusChanges.class);
    private static final String[] COUNTERS = {"inStock", "reserved", "loaned", "waiting"};

    private final TransactionRunner runner;
    private final String table;
    private final LaptopQueues queues;
    private final FigureWrites figures;
    private final ReminderWrites reminders;
    private final BiFunction<TenantId, String, Optional<LaptopRequest>> find;

    StatusChanges(TransactionRunner runner, String table, LaptopQueues queues, FigureWrites figures, ReminderWrites reminders,
                  BiFunction<TenantId, String, Optional<LaptopRequest>> find) {
        this.runner = runner;
        this.table = table;
        this.queues = queues;
        this.figures = figures;
        this.reminders = reminders;
        this.find = find;
    }

    LaptopRequest change(LaptopRequest current, long expectedVersion, LaptopStatus to, Actor actor, String reason,
                         LocalDate dueOn, LaptopUnit unit, Instant now) {
        LaptopStatus from = current.status();
        long[] delta = LaptopRules.stockDelta(from, to);
        LaptopRequest after = changed(current, to, reason, dueOn, unit, now);
        Transaction tx = Transaction.named("change");
        int request = tx.add(updateRequest(current, expectedVersion, after));
        stockUpdate(current.tenant(), current.district(), delta).ifPresent(tx::add);
        unitWrites(tx, current, after, now);
        if (!to.active()) {
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(LaptopKeys.marker(current.tenant(), current.userId()).attributes())
                    .updateExpression("SET active = :false")
                    .conditionExpression("requestId = :id")
                    .expressionAttributeValues(Map.of(":false", FALSE, ":id", s(current.requestId())))).build());
        }
        if (from == LaptopStatus.REQUESTED && current.ticket() != null) {
            tx.add(queues.of(current.tenant(), current.district(), now).leave(current.ticket()));
        }
        tx.add(LaptopItems.putAudit(table, LaptopItems.statusAudit(after, from, to, actor, reason, now), current.tenant(), after.version()));
        StaffAudit.record(table, tx, current.tenant(), actor, action(to), "laptop-request", current.requestId(), now,
                state(current), state(after));
        // ready for pickup: told once by the notice (docs/adr/0027: inbox, e-mail, SMS), in the same
        // transaction and keyed on this change of the request — no reminder besides it (it sent a second
        // e-mail); the return reminders (docs/adr/0013) 7 days before and on the day
        if (to == LaptopStatus.READY_FOR_PICKUP) {
            kr.seoullearn.notifications.dynamo.NotificationsStorage.writes(table).add(tx,
                    kr.seoullearn.notifications.domain.Notice.of(after.tenant(), kr.seoullearn.notifications.domain.NoticeKind.LAPTOP_READY,
                            after.requestId() + "@" + after.version(), after.userId(), Map.of(), now));
        } else if (to == LaptopStatus.LOANED && after.dueOn() != null) {
            FeatureReminders.laptopReturn(after.tenant(), after.requestId(), after.userId(), after.dueOn()).forEach(r -> reminders.plan(tx, r));
        }
        figures.count(tx, current.tenant(), now, FigureDelta.of(Figure.LAPTOPS, 1, to.name(), current.district()));
        figures.row(tx, FigureRow.of(current.tenant(), now, current.userId(), "LAPTOP", to.name()).district(current.district()));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (!outcome.committed()) {
            if (!outcome.failed(request)) {
                throw runner.refusalOf(tx, outcome);
            }
            // The request is no longer as it was read. DynamoDB recognises the SDK's own retry of
            // a committed transaction by its ClientRequestToken; this check is for the same change
            // made at the same moment by someone else, which answers as if this one had made it.
            LaptopRequest stored = find.apply(current.tenant(), current.requestId()).orElse(null);
            if (stored == null || stored.status() != to || stored.version() != expectedVersion + 1) {
                throw new ProblemException(Problem.VERSION_CONFLICT);
            }
        }
        LOG.info("laptop request changed", "tenant", current.tenant().value(), "district", current.district(),
                "from", from.name(), "to", to.name(), "actor", actor.kind().name());
        if (delta[LaptopRules.IN_STOCK] > 0) {
            queues.of(current.tenant(), current.district(), now).promote();
        }
        return after;
    }

    /**
     * The unit handed over goes on this loan only if it is free and in the request's district
     * (the one-loan-per-unit invariant); at return it comes off this loan; the loan's due-date
     * entry is written at pickup and removed at return.
     */
    private void unitWrites(Transaction tx, LaptopRequest before, LaptopRequest after, Instant now) {
        if (after.status() == LaptopStatus.LOANED && before.status() != LaptopStatus.LOANED) {
            if (after.serial() != null) {
                tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(LaptopKeys.unit(after.tenant(), after.serial()).attributes())
                        .updateExpression("SET unitStatus = :onLoan, requestId = :id, loanedAt = :now")
                        .conditionExpression("district = :d AND unitStatus = :available")
                        .expressionAttributeValues(Map.of(":onLoan", s(LaptopUnit.Status.ON_LOAN.name()),
                                ":available", s(LaptopUnit.Status.AVAILABLE.name()), ":id", s(after.requestId()),
                                ":d", s(after.district()), ":now", s(now.toString())))).build(),
                        LaptopRefusal.LAPTOP_UNIT_UNAVAILABLE);
            }
            if (after.dueOn() != null) {
                tx.add(LaptopItems.putDue(table, after));
            }
        } else if (before.status() == LaptopStatus.LOANED && after.status() != LaptopStatus.LOANED) {
            if (before.serial() != null) {
                tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(LaptopKeys.unit(before.tenant(), before.serial()).attributes())
                        .updateExpression("SET unitStatus = :available, returnedAt = :now REMOVE requestId")
                        .conditionExpression("requestId = :id")
                        .expressionAttributeValues(Map.of(":available", s(LaptopUnit.Status.AVAILABLE.name()),
                                ":id", s(before.requestId()), ":now", s(now.toString())))).build(),
                        LaptopRefusal.LAPTOP_SERIAL_MISMATCH);
            }
            if (before.dueOn() != null) {
                tx.add(LaptopItems.deleteDue(table, before));
            }
        }
    }

    /** The staff's change as the tenant's audit trail names it. */
    private static String action(LaptopStatus to) {
        return switch (to) {
            case LOANED -> "laptops.hand-over";
            case RETURNED -> "laptops.return";
            case REJECTED -> "laptops.reject";
            case READY_FOR_PICKUP -> "laptops.ready";
            default -> "laptops.status";
        };
    }

    /** A request's state in the audit trail: status, version, district, and the unit and due date when it has them. */
    static Map<String, String> state(LaptopRequest r) {
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("status", r.status().name());
        s.put("version", Long.toString(r.version()));
        s.put("district", r.district());
        if (r.serial() != null) {
            s.put("serial", r.serial());
        }
        if (r.dueOn() != null) {
            s.put("dueOn", r.dueOn().toString());
        }
        return s;
    }

    private static LaptopRequest changed(LaptopRequest c, LaptopStatus to, String reason, LocalDate dueOn, LaptopUnit unit,
                                         Instant now) {
        return new LaptopRequest(c.tenant(), c.requestId(), c.userId(), c.district(), to,
                to == LaptopStatus.REQUESTED ? c.ticket() : null, c.pickupCode(), c.requestedAt(),
                to == LaptopStatus.APPROVED ? now : c.approvedAt(),
                to == LaptopStatus.READY_FOR_PICKUP ? now : c.readyAt(),
                to == LaptopStatus.LOANED ? now : c.loanedAt(),
                to == LaptopStatus.LOANED ? dueOn : c.dueOn(),
                to.active() ? null : now,
                reason != null ? reason : c.reason(),
                c.version() + 1,
                unit != null && to == LaptopStatus.LOANED ? unit.serial() : c.serial(),
                unit != null && to == LaptopStatus.LOANED ? unit.assetTag() : c.assetTag(),
                c.extendedDays(),
                to == LaptopStatus.LOANED ? c.extension() : null);
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
        if (after.serial() != null && !after.serial().equals(before.serial())) {
            set.append(", serial = :serial, assetTag = :assetTag");
            values.put(":serial", s(after.serial()));
            values.put(":assetTag", s(after.assetTag()));
        }
        if (before.extension() != null && after.extension() == null) {
            remove.add("extension");
        }
        if (after.reason() != null && !after.reason().equals(before.reason())) {
            set.append(", #reason = :reason");
            names.put("#reason", "reason");
            values.put(":reason", s(after.reason()));
        }
        if (!after.status().active()) {
            set.append(", GSI1SK = :closedKey");
            values.put(":closedKey", s(LaptopKeys.CLOSED_PREFIX + LaptopKeys.sortable(after.closedAt()) + "#" + after.requestId()));
        }
        if (before.ticket() != null && after.ticket() == null) {
            remove.add("ticket");
        }
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(LaptopKeys.request(before.tenant(), before.requestId()).attributes())
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
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < COUNTERS.length; i++) {
            if (delta[i] == 0) {
                continue;
            }
            sets.add(COUNTERS[i] + " = " + COUNTERS[i] + " + :d" + i);
            values.put(":d" + i, n(delta[i]));
            if (delta[i] < 0) {
                conditions.add(COUNTERS[i] + " >= :m" + i);
                values.put(":m" + i, n(-delta[i]));
            }
        }
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        String condition = conditions.isEmpty() ? "attribute_exists(PK)" : "attribute_exists(PK) AND " + String.join(" AND ", conditions);
        return Optional.of(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(LaptopKeys.stock(tenant, district).attributes())
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression(condition)
                .expressionAttributeValues(values)).build());
    }
}

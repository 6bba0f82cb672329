package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.ONE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.n;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
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
 * Loan extensions: the learner asks (one request waiting at a time, on a loan read at its
 * version), an officer decides. An approval moves the due date, its due-date entry and its
 * return reminders in the same transaction; each step is an audit entry.
 */
final class Extensions {
    private static final Log LOG = Log.of(Extensions.class);

    private final TransactionRunner runner;
    private final String table;
    private final ReminderWrites reminders;
    private final BiFunction<TenantId, String, Optional<LaptopRequest>> find;

    Extensions(TransactionRunner runner, String table, ReminderWrites reminders,
               BiFunction<TenantId, String, Optional<LaptopRequest>> find) {
        this.runner = runner;
        this.table = table;
        this.reminders = reminders;
        this.find = find;
    }

    LaptopRequest request(LaptopRequest current, long expectedVersion, LaptopRequest.Extension extension, Actor actor, Instant now) {
        LaptopRequest after = with(current, current.dueOn(), current.extendedDays(), extension);
        Transaction tx = Transaction.named("extension request");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":loaned", s(LaptopStatus.LOANED.name()),
                ":v", n(expectedVersion), ":one", ONE, ":ext", LaptopItems.extension(extension)));
        int request = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(LaptopKeys.request(current.tenant(), current.requestId()).attributes())
                .updateExpression("SET extension = :ext, #version = #version + :one")
                .conditionExpression("#status = :loaned AND #version = :v AND attribute_not_exists(extension)")
                .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                .expressionAttributeValues(values)).build());
        tx.add(LaptopItems.putAudit(table, audit(current, "EXTENSION_REQUESTED", current.dueOn().toString(),
                current.dueOn().plusDays(extension.days()).toString(), actor, extension.reason(), now), current.tenant(), after.version()));
        commit(tx, request, current, expectedVersion);
        LOG.info("laptop extension requested", "tenant", current.tenant().value(), "district", current.district(),
                "days", extension.days());
        return after;
    }

    LaptopRequest decide(LaptopRequest current, long expectedVersion, boolean approve, String reason, Actor actor, Instant now) {
        LaptopRequest.Extension asked = current.extension();
        LocalDate dueOn = approve ? current.dueOn().plusDays(asked.days()) : current.dueOn();
        int extended = approve ? current.extendedDays() + asked.days() : current.extendedDays();
        LaptopRequest after = with(current, dueOn, extended, null);
        Transaction tx = Transaction.named("extension decision");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":loaned", s(LaptopStatus.LOANED.name()),
                ":v", n(expectedVersion), ":one", ONE));
        String set = "SET #version = #version + :one";
        if (approve) {
            set += ", dueOn = :due, extendedDays = :extended";
            values.put(":due", s(dueOn.toString()));
            values.put(":extended", n(extended));
        }
        String expression = set + " REMOVE extension";
        int request = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(LaptopKeys.request(current.tenant(), current.requestId()).attributes())
                .updateExpression(expression)
                .conditionExpression("#status = :loaned AND #version = :v AND attribute_exists(extension)")
                .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                .expressionAttributeValues(values)).build());
        if (approve) {
            tx.add(LaptopItems.deleteDue(table, current));
            tx.add(LaptopItems.putDue(table, after));
            FeatureReminders.laptopReturn(after.tenant(), after.requestId(), after.userId(), dueOn).forEach(r -> reminders.plan(tx, r));
        }
        tx.add(LaptopItems.putAudit(table, audit(current, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED",
                current.dueOn().toString(), dueOn.toString(), actor, reason, now), current.tenant(), after.version()));
        StaffAudit.record(table, tx, current.tenant(), actor, approve ? "laptops.extension-approve" : "laptops.extension-refuse",
                "laptop-request", current.requestId(), now,
                Map.of("dueOn", current.dueOn().toString(), "daysAsked", Integer.toString(asked.days()),
                        "version", Long.toString(current.version())),
                Map.of("dueOn", dueOn.toString(), "extendedDays", Integer.toString(extended), "version", Long.toString(after.version())));
        commit(tx, request, current, expectedVersion);
        LOG.info("laptop extension decided", "tenant", current.tenant().value(), "district", current.district(),
                "approved", approve, "actor", actor.kind().name());
        return after;
    }

    private void commit(Transaction tx, int request, LaptopRequest current, long expectedVersion) {
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return;
        }
        if (!outcome.failed(request)) {
            throw runner.refusalOf(tx, outcome);
        }
        LaptopRequest stored = find.apply(current.tenant(), current.requestId()).orElse(null);
        throw new ProblemException(Problem.VERSION_CONFLICT, stored == null ? Map.of()
                : Map.of("requestStatus", stored.status().name(), "version", stored.version()));
    }

    private static AuditEntry audit(LaptopRequest r, String change, String from, String to, Actor actor, String reason, Instant now) {
        return new AuditEntry(LaptopItems.newEntryId(now), now, r.district(), r.requestId(), change, from, to, null, actor, reason);
    }

    private static LaptopRequest with(LaptopRequest c, LocalDate dueOn, int extendedDays, LaptopRequest.Extension extension) {
        return new LaptopRequest(c.tenant(), c.requestId(), c.userId(), c.district(), c.status(), c.ticket(), c.pickupCode(),
                c.requestedAt(), c.approvedAt(), c.readyAt(), c.loanedAt(), dueOn, c.closedAt(), c.reason(), c.version() + 1,
                c.serial(), c.assetTag(), extendedDays, extension);
    }
}

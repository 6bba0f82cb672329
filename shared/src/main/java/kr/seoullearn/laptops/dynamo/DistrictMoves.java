package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.FALSE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.ONE;
import static kr.seoullearn.laptops.dynamo.LaptopItems.n;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger.Placed;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A waiting request follows its learner to another district (docs/adr/0038): it leaves the old
 * district's line (its {@code WAIT#} entry deleted, {@code waiting - 1}) and arrives in the new
 * district's {@link TicketQueue} like a newcomer — a free unit when nobody waits there, else a new
 * ticket behind everyone already waiting there. One transaction per attempt holds the caller's
 * writes (the profile), the request's update (from the status, ticket, version and district it was
 * read at), both lines' writes and the audit entries; so a promotion in the old district that
 * reaches the request first makes the move fail cleanly (laptop-request-changed), and a move that
 * commits first makes that promotion read its line again: the request is never lost or in two lines.
 */
final class DistrictMoves {
    private static final Log LOG = Log.of(DistrictMoves.class);
    static final String CHANGE = "DISTRICT_CHANGED";

    private final String table;
    private final LaptopQueues queues;
    private final FigureWrites figures;

    DistrictMoves(String table, LaptopQueues queues, FigureWrites figures) {
        this.table = table;
        this.queues = queues;
        this.figures = figures;
    }

    Placed move(LaptopRequest current, String to, Actor actor, Consumer<Transaction> alongside, Instant now) {
        if (current.status() != LaptopStatus.REQUESTED || current.ticket() == null || current.district().equals(to)) {
            throw new kr.seoullearn.platform.http.ProblemException(LaptopRefusal.LAPTOP_REQUEST_CHANGED);
        }
        TicketQueue target = queues.of(current.tenant(), to, now);
        return target.admit("move district", new Arrival(current, to, actor, alongside, now, target));
    }

    /** The learner holds no active request: their marker is absent or inactive. */
    void noActiveRequest(Transaction tx, TenantId tenant, String userId) {
        tx.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(LaptopKeys.marker(tenant, userId).attributes())
                .conditionExpression("attribute_not_exists(PK) OR active = :false")
                .expressionAttributeValues(Map.of(":false", FALSE))).build(), LaptopRefusal.LAPTOP_REQUEST_CHANGED);
    }

    private final class Arrival implements TicketQueue.Arrival<Placed> {
        private final LaptopRequest current;
        private final String to;
        private final Actor actor;
        private final Consumer<Transaction> alongside;
        private final Instant now;
        private final TicketQueue target;

        Arrival(LaptopRequest current, String to, Actor actor, Consumer<Transaction> alongside, Instant now, TicketQueue target) {
            this.current = current;
            this.to = to;
            this.actor = actor;
            this.alongside = alongside;
            this.now = now;
            this.target = target;
        }

        /** The request after the move: approved at once in the new district ({@code ticket} null) or waiting there under {@code ticket}. */
        private LaptopRequest moved(Long ticket) {
            LaptopRequest c = current;
            return new LaptopRequest(c.tenant(), c.requestId(), c.userId(), to,
                    ticket == null ? LaptopStatus.APPROVED : LaptopStatus.REQUESTED, ticket, c.pickupCode(), c.requestedAt(),
                    ticket == null ? now : null, null, null, null, null, c.reason(), c.version() + 1, c.serial(), c.assetTag(),
                    c.extendedDays(), c.extension());
        }

        @Override
        public void writes(Transaction tx, Long ticket) {
            if (alongside != null) {
                alongside.accept(tx);
            }
            LaptopRequest after = moved(ticket);
            TenantId tenant = current.tenant();
            Map<String, String> names = Map.of("#status", "status", "#version", "version", "#district", "district");
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values = new HashMap<>(Map.of(
                    ":requested", s(LaptopStatus.REQUESTED.name()), ":ticket", n(current.ticket()), ":read", n(current.version()),
                    ":from", s(current.district()), ":to", s(to), ":next", n(after.version()),
                    ":gsi", s(LaptopKeys.requests(tenant, to))));
            String update;
            if (ticket == null) {
                update = "SET #district = :to, #version = :next, GSI1PK = :gsi, #status = :approved, approvedAt = :now REMOVE ticket";
                values.put(":approved", s(LaptopStatus.APPROVED.name()));
                values.put(":now", s(now.toString()));
            } else {
                update = "SET #district = :to, #version = :next, GSI1PK = :gsi, ticket = :newTicket";
                values.put(":newTicket", n(ticket));
            }
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(LaptopKeys.request(tenant, current.requestId()).attributes())
                    .updateExpression(update)
                    .conditionExpression("#status = :requested AND ticket = :ticket AND #version = :read AND #district = :from")
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build(), LaptopRefusal.LAPTOP_REQUEST_CHANGED);
            // the old line: its entry goes, and its count with it
            tx.add(queues.of(tenant, current.district(), now).leave(current.ticket()), LaptopRefusal.LAPTOP_REQUEST_CHANGED);
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(LaptopKeys.stock(tenant, current.district()).attributes())
                    .updateExpression("SET waiting = waiting - :one")
                    .conditionExpression("attribute_exists(PK) AND waiting >= :one")
                    .expressionAttributeValues(Map.of(":one", ONE))).build());
            // one entry in each district's trail: left one, arrived in the other
            for (String district : List.of(current.district(), to)) {
                tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now), now, district, current.requestId(), CHANGE,
                        current.district(), to, null, actor, null), tenant, after.version()));
            }
            if (ticket == null) {
                tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now.plusNanos(1_000)), now.plusNanos(1_000), to,
                        current.requestId(), "STATUS", LaptopStatus.REQUESTED.name(), LaptopStatus.APPROVED.name(), null, Actor.SYSTEM,
                        null), tenant, after.version()));
                figures.count(tx, tenant, now, FigureDelta.of(Figure.LAPTOPS, 1, LaptopStatus.APPROVED.name(), to));
            } else {
                figures.count(tx, tenant, now, FigureDelta.of(Figure.LAPTOPS_QUEUED, 1, to));
            }
        }

        @Override
        public Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> entry(long ticket) {
            return LaptopItems.queueEntry(moved(ticket), now);
        }

        @Override
        public Placed admitted(Long ticket) {
            LOG.info(ticket == null ? "laptop request moved and approved" : "laptop request moved to another queue",
                    "tenant", current.tenant().value(), "from", current.district(), "to", to);
            return new Placed(moved(ticket), ticket == null ? 0 : LaptopRules.position(target.ahead(ticket)), false);
        }
    }

}

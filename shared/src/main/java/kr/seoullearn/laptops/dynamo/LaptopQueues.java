package kr.seoullearn.laptops.dynamo;

import static kr.seoullearn.laptops.dynamo.LaptopItems.n;
import static kr.seoullearn.laptops.dynamo.LaptopItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.platform.dynamo.Places;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A district's queue as a {@link TicketQueue} (docs/adr/0010-laptop-queue-and-officer-districts.md):
 * free units ({@code inStock}) move to {@code reserved} when taken; {@code waiting},
 * {@code lastTicket} and {@code requested} (every request made) on the same stock item, which
 * must exist. A promotion approves each request first in line, with its audit entry.
 */
final class LaptopQueues {
    static final TicketQueue.Spec STOCK = new TicketQueue.Spec(new Places.Free("inStock", "reserved"), "waiting", "lastTicket",
            "requested", LaptopRefusal.DISTRICT_NOT_FOUND);

    private final DynamoDbClient dynamo;
    private final TransactionRunner runner;
    private final String table;
    private final FigureWrites figures;

    LaptopQueues(DynamoDbClient dynamo, TransactionRunner runner, String table, FigureWrites figures) {
        this.dynamo = dynamo;
        this.runner = runner;
        this.table = table;
        this.figures = figures;
    }

    /** The queue of {@code district} in {@code tenant}; approvals made through it are dated {@code now}. */
    TicketQueue of(TenantId tenant, String district, Instant now) {
        return new TicketQueue(dynamo, runner, table, STOCK, LaptopKeys.stock(tenant, district), null,
                new Approval(tenant, district, now));
    }

    /** Free units to the first requests in line: each is approved, with its audit entry. */
    private final class Approval implements TicketQueue.Promotion {
        private final TenantId tenant;
        private final String district;
        private final Instant now;

        Approval(TenantId tenant, String district, Instant now) {
            this.tenant = tenant;
            this.district = district;
            this.now = now;
        }

        @Override
        public String operation() {
            return "serve queue";
        }

        @Override
        public List<TransactWriteItem> guards() {
            return List.of();
        }

        @Override
        public void promote(Transaction tx, TicketQueue.Entry entry) {
            String requestId = entry.string("requestId");
            // a queued request changes only by leaving the line; its entry says at which version it
            // joined (entries written before it did are of new requests: version 1)
            long version = entry.item().containsKey("version") ? Long.parseLong(entry.item().get("version").n()) : 1;
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(LaptopKeys.request(tenant, requestId).attributes())
                    .updateExpression("SET #status = :approved, approvedAt = :now, #version = :next REMOVE ticket")
                    .conditionExpression("#status = :requested AND ticket = :ticket AND #version = :read AND district = :district")
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(Map.of(":approved", s(LaptopStatus.APPROVED.name()),
                            ":requested", s(LaptopStatus.REQUESTED.name()), ":ticket", n(entry.ticket()),
                            ":now", s(now.toString()), ":read", n(version), ":next", n(version + 1),
                            ":district", s(district)))).build());
            tx.add(LaptopItems.putAudit(table, new AuditEntry(LaptopItems.newEntryId(now), now, district, requestId, "STATUS",
                    LaptopStatus.REQUESTED.name(), LaptopStatus.APPROVED.name(), null, Actor.SYSTEM, null), tenant, version + 1));
        }

        @Override
        public void promoted(Transaction tx, int count) {
            figures.count(tx, tenant, now, FigureDelta.of(Figure.LAPTOPS, count, LaptopStatus.APPROVED.name(), district));
        }
    }
}

package kr.seoullearn.laptops.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Laptop requests, district stock, queues and audit trails in the application table
 * (docs/data-model.md, "Laptops"; docs/adr/0010-laptop-queue-and-officer-districts.md): the
 * district's {@code STOCK} item with its counts, the queue's entries and the audit trail beside
 * it; each request {@code T#<tenant>#LAPTOP#<id> / REQUEST}; the learner's {@code LAPTOP}
 * marker (the one-active-request condition). The queue is the {@link TicketQueue}
 * ({@link LaptopQueues}); every change writes an audit entry in its transaction.
 */
final class DynamoLaptopLedger implements LaptopLedger {
    private final LaptopReads reads;
    private final LaptopQueues queues;
    private final Requests requests;
    private final StatusChanges changes;
    private final StockChanges stock;
    private final Units units;
    private final Extensions extensions;
    private final DistrictMoves moves;

    DynamoLaptopLedger(DynamoDbClient dynamo, String table, FigureWrites figures, ReminderWrites reminders) {
        TransactionRunner runner = new TransactionRunner(dynamo);
        this.reads = new LaptopReads(dynamo, table);
        this.queues = new LaptopQueues(dynamo, runner, table, figures);
        this.requests = new Requests(table, queues, figures, reads::find);
        this.changes = new StatusChanges(runner, table, queues, figures, reminders, reads::find);
        this.stock = new StockChanges(runner, table, queues, reads);
        this.units = new Units(dynamo, runner, table, queues);
        this.extensions = new Extensions(runner, table, reminders, reads::find);
        this.moves = new DistrictMoves(table, queues, figures);
    }

    @Override
    public Placed request(NewRequest request) {
        return requests.request(request);
    }

    @Override
    public LaptopRequest change(LaptopRequest current, long expectedVersion, LaptopStatus to, Actor actor, String reason,
                                LocalDate dueOn, LaptopUnit unit, Instant now) {
        return changes.change(current, expectedVersion, to, actor, reason, dueOn, unit, now);
    }

    @Override
    public LaptopUnit registerUnit(LaptopUnit unit, boolean counted, Actor actor, Instant now) {
        return units.register(unit, counted, actor, now);
    }

    @Override
    public Optional<LaptopUnit> unit(TenantId tenant, String serial) {
        return units.find(tenant, serial);
    }

    @Override
    public Page<LaptopUnit> units(TenantId tenant, String district, String cursor, int limit) {
        return units.list(tenant, district, cursor, limit);
    }

    @Override
    public Page<LaptopRequest> overdue(TenantId tenant, String district, LocalDate today, String cursor, int limit) {
        return reads.overdue(tenant, district, today, cursor, limit);
    }

    @Override
    public LaptopRequest requestExtension(LaptopRequest current, long expectedVersion, LaptopRequest.Extension extension,
                                          Actor actor, Instant now) {
        return extensions.request(current, expectedVersion, extension, actor, now);
    }

    @Override
    public LaptopRequest decideExtension(LaptopRequest current, long expectedVersion, boolean approve, String reason, Actor actor,
                                         Instant now) {
        return extensions.decide(current, expectedVersion, approve, reason, actor, now);
    }

    @Override
    public Placed moveToDistrict(LaptopRequest current, String district, Actor actor,
                                 java.util.function.Consumer<kr.seoullearn.platform.dynamo.Transaction> alongside, Instant now) {
        return moves.move(current, district, actor, alongside, now);
    }

    @Override
    public void noActiveRequest(kr.seoullearn.platform.dynamo.Transaction tx, TenantId tenant, String userId) {
        moves.noActiveRequest(tx, tenant, userId);
    }

    @Override
    public int serveQueue(TenantId tenant, String district, Instant now) {
        return queues.of(tenant, district, now).promote();
    }

    @Override
    public StockResult changeStock(TenantId tenant, String district, StockChange change, long units, String model, String note,
                                   Actor actor, Instant now, ChangeKey key) {
        return stock.change(tenant, district, change, units, model, note, actor, now, key);
    }

    @Override
    public boolean openDistrict(TenantId tenant, String district, String model, long units, Instant now) {
        return stock.open(tenant, district, model, units, now);
    }

    @Override
    public Optional<LaptopRequest> find(TenantId tenant, String requestId) {
        return reads.find(tenant, requestId);
    }

    @Override
    public Optional<LaptopRequest> latest(TenantId tenant, String userId) {
        return reads.latest(tenant, userId);
    }

    @Override
    public int position(TenantId tenant, String district, long ticket) {
        return LaptopRules.position(queues.of(tenant, district, Instant.now()).ahead(ticket));
    }

    @Override
    public Map<String, Integer> queueHead(TenantId tenant, String district, int limit) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (TicketQueue.Entry entry : queues.of(tenant, district, Instant.now()).head(limit)) {
            positions.put(entry.string("requestId"), positions.size() + 1);
        }
        return positions;
    }

    @Override
    public Optional<StockCounts> stock(TenantId tenant, String district) {
        return reads.stock(tenant, district);
    }

    @Override
    public List<StockCounts> districts(TenantId tenant) {
        return reads.districts(tenant);
    }

    @Override
    public List<StockCounts> districts(TenantId tenant, Set<String> districts) {
        return reads.districts(tenant, districts);
    }

    @Override
    public Page<LaptopRequest> requests(TenantId tenant, String district, boolean active, String cursor, int limit) {
        return reads.requests(tenant, district, active, cursor, limit);
    }

    @Override
    public List<AuditEntry> requestAudit(TenantId tenant, String district, String requestId) {
        return reads.requestAudit(tenant, requestId);
    }

    @Override
    public Page<AuditEntry> districtAudit(TenantId tenant, String district, String cursor, int limit) {
        return reads.districtAudit(tenant, district, cursor, limit);
    }
}

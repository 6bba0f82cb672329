package kr.seoullearn.laptops.port;

import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port that keeps laptop requests, district stock, the queue and the audit trail. Every
 * invariant is checked by the store as part of the write, never by reading first: no count of
 * a district's stock below zero; one active request or loan per learner; a newcomer gets a unit
 * only when nobody waits; queue tickets are handed out in arrival order (an atomic counter) and
 * free units go to the lowest tickets; a status change happens only from the status it was read
 * in. Every change writes an immutable audit entry in the same transaction.
 * Refusals are {@code ProblemException}s (laptop-request-active, district-not-found,
 * laptop-request-not-found, version-conflict, laptop-stock-too-low; service-unavailable when
 * contention did not settle).
 */
public interface LaptopLedger {

    /** A learner's new request; {@code idempotencyKey} (may be null) makes a retry return the first answer. */
    record NewRequest(TenantId tenant, String userId, String district, String requestId, String pickupCode,
                      String idempotencyKey, Instant now) {}

    /** The request as it stands, and its place in the queue while REQUESTED (else 0); {@code replayed}: an earlier answer. */
    record Placed(LaptopRequest request, int position, boolean replayed) {}

    record Page<T>(List<T> items, String next) {}

    Placed request(NewRequest request);

    Optional<LaptopRequest> find(TenantId tenant, String requestId);

    /** The learner's latest request (active or not), if any. */
    Optional<LaptopRequest> latest(TenantId tenant, String userId);

    /** The current position of a waiting request (1 = next). */
    int position(TenantId tenant, String district, long ticket);

    /** The first waiting requests of a district: request id → position. */
    Map<String, Integer> queueHead(TenantId tenant, String district, int limit);

    /**
     * Moves a request read at {@code expectedVersion} to {@code to} (the caller checked the
     * role may); adjusts the stock, the learner's active marker and the queue in one
     * transaction with an audit entry. Serves the queue when a unit came back.
     */
    default LaptopRequest change(LaptopRequest current, long expectedVersion, LaptopStatus to, Actor actor, String reason,
                                 LocalDate dueOn, Instant now) {
        return change(current, expectedVersion, to, actor, reason, dueOn, null, now);
    }

    /**
     * As above; at pickup (to LOANED) {@code unit} (may be null) is the unit handed over: it goes
     * on this loan in the same transaction only if it is free and in the request's district
     * (else laptop-unit-unavailable), and comes off it at return. The loan's due-date entry
     * (the overdue lists) is written at pickup and removed at return.
     */
    LaptopRequest change(LaptopRequest current, long expectedVersion, LaptopStatus to, Actor actor, String reason,
                         LocalDate dueOn, LaptopUnit unit, Instant now);

    /**
     * Registers a unit into a district's stock (laptop-unit-exists when its serial is already
     * registered in the tenant; district-not-found). {@code counted}: the unit is already in the
     * district's count (an opening stock registered later), so only the unit is written; otherwise
     * the stock rises by one and the queue is served.
     */
    LaptopUnit registerUnit(LaptopUnit unit, boolean counted, Actor actor, Instant now);

    Optional<LaptopUnit> unit(TenantId tenant, String serial);

    /** A district's units by serial number. */
    Page<LaptopUnit> units(TenantId tenant, String district, String cursor, int limit);

    /** Loans due before {@code today}, oldest due first: a district's, or the tenant's when {@code district} is null. */
    Page<LaptopRequest> overdue(TenantId tenant, String district, LocalDate today, String cursor, int limit);

    /** A learner's extension request on a loan read at {@code expectedVersion} (one waiting at a time). */
    LaptopRequest requestExtension(LaptopRequest current, long expectedVersion, LaptopRequest.Extension extension, Actor actor,
                                   Instant now);

    /** An officer's decision on the waiting extension: approved moves the due date by the days asked. */
    LaptopRequest decideExtension(LaptopRequest current, long expectedVersion, boolean approve, String reason, Actor actor,
                                  Instant now);

    /**
     * Moves a waiting (REQUESTED) request to {@code district}'s queue, as an arrival there: a unit
     * at once when one is free and nobody waits, else a new ticket at the end of that district's
     * line (docs/adr/0038: arrival order is the order of arrival in a district's queue). Leaving the
     * old line, joining the new one, the request's update and the audit entries are one transaction
     * with {@code alongside}'s writes (the profile's new district), whose refusals are judged first.
     * laptop-request-changed when the request is no longer as read (approved by the queue meanwhile).
     */
    Placed moveToDistrict(LaptopRequest current, String district, Actor actor, java.util.function.Consumer<kr.seoullearn.platform.dynamo.Transaction> alongside,
                          Instant now);

    /** Adds to {@code tx} the condition that the learner holds no active request (laptop-request-changed otherwise). */
    void noActiveRequest(kr.seoullearn.platform.dynamo.Transaction tx, TenantId tenant, String userId);

    /** Approves waiting requests in ticket order while units are free; returns how many. */
    int serveQueue(TenantId tenant, String district, Instant now);

    /** Records a stock change (immutable entry) and serves the queue; returns the counts after and how many were approved. */
    default StockResult changeStock(TenantId tenant, String district, StockChange change, long units, String model, String note,
                                    Actor actor, Instant now) {
        return changeStock(tenant, district, change, units, model, note, actor, now, null);
    }

    /**
     * As above, once per {@code key} when one is given (an Idempotency-Key, docs/adr/0023): the
     * key is kept in the change's own transaction, so the same change again records nothing more
     * and answers the stock as it is, with the queue served (what a lost answer may have left
     * undone); another change under the same key is 422 {@code idempotency-key-reused}.
     */
    StockResult changeStock(TenantId tenant, String district, StockChange change, long units, String model, String note,
                            Actor actor, Instant now, ChangeKey key);

    /** What names a stock change: the id its Idempotency-Key made, and the request's fingerprint. */
    record ChangeKey(String id, String fingerprint) {}

    record StockResult(StockCounts counts, int approved) {}

    Optional<StockCounts> stock(TenantId tenant, String district);

    /** Every district of the tenant with its counts, in id order. */
    List<StockCounts> districts(TenantId tenant);

    /** The named districts of the tenant that exist, in id order. */
    List<StockCounts> districts(TenantId tenant, Set<String> districts);

    /** A district's requests, active ones in arrival order or closed ones newest first. */
    Page<LaptopRequest> requests(TenantId tenant, String district, boolean active, String cursor, int limit);

    /** A request's audit trail, oldest first. */
    List<AuditEntry> requestAudit(TenantId tenant, String district, String requestId);

    /** A district's audit trail (requests and stock), newest first. */
    Page<AuditEntry> districtAudit(TenantId tenant, String district, String cursor, int limit);

    /** Creates a district's stock item (seed data); no change when it exists. */
    boolean openDistrict(TenantId tenant, String district, String model, long units, Instant now);
}

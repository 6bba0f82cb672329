package kr.seoullearn.laptops.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Laptop items to and from their attributes, and the audit entries every change writes. */
final class LaptopItems {
    static final AttributeValue ZERO = AttributeValue.fromN("0");
    static final AttributeValue ONE = AttributeValue.fromN("1");
    static final AttributeValue FALSE = AttributeValue.fromBool(false);

    private LaptopItems() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> requestItem(LaptopRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.request(r.tenant(), r.requestId()).attributes());
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
        item.put(Keys.GSI1PK, s(LaptopKeys.requests(r.tenant(), r.district())));
        item.put(Keys.GSI1SK, s(LaptopKeys.ACTIVE_PREFIX + LaptopKeys.sortable(r.requestedAt()) + "#" + r.requestId()));
        return item;
    }

    /** A queue entry's attributes besides its key and ticket. */
    static Map<String, AttributeValue> queueEntry(LaptopRequest r) {
        return queueEntry(r, r.requestedAt());
    }

    /**
     * A queue entry joined at {@code queuedAt}; it carries the request's version while it waits, so
     * that the promotion changes the request only from that version (1 for a new request, more for
     * one that moved here from another district).
     */
    static Map<String, AttributeValue> queueEntry(LaptopRequest r, Instant queuedAt) {
        return Map.of("type", s("LAPTOP_QUEUE_ENTRY"), "requestId", s(r.requestId()), "queuedAt", s(queuedAt.toString()),
                "version", n(r.version()));
    }

    static AuditEntry statusAudit(LaptopRequest r, LaptopStatus from, LaptopStatus to, Actor actor, String reason, Instant now) {
        return new AuditEntry(newEntryId(now), now, r.district(), r.requestId(), "STATUS", from == null ? null : from.name(),
                to.name(), null, actor, reason);
    }

    /**
     * An audit entry, never updated; a request's entries are ordered on GSI1 by {@code sequence},
     * the request's version after the change (0 for the request itself when it was approved at
     * once), so the trail reads in order even when two changes share a timestamp.
     */
    static TransactWriteItem putAudit(String table, AuditEntry e, TenantId tenant, long sequence) {
        Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.audit(tenant, e.district(), e.entryId()).attributes());
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
            item.put(Keys.GSI1PK, s(LaptopKeys.requestAudit(tenant, e.requestId())));
            item.put(Keys.GSI1SK, s(String.format("%06d#", sequence) + e.entryId()));
        }
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build();
    }

    static String newEntryId(Instant at) {
        return LaptopKeys.sortable(at) + "#" + UUID.randomUUID();
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
                Long.parseLong(item.get("version").n()),
                item.containsKey("serial") ? item.get("serial").s() : null,
                item.containsKey("assetTag") ? item.get("assetTag").s() : null,
                (int) number(item, "extendedDays"),
                extension(item.get("extension")));
    }

    private static LaptopRequest.Extension extension(AttributeValue v) {
        if (v == null || !v.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = v.m();
        return new LaptopRequest.Extension(Integer.parseInt(m.get("days").n()),
                m.containsKey("reason") ? m.get("reason").s() : null, Instant.parse(m.get("requestedAt").s()));
    }

    static AttributeValue extension(LaptopRequest.Extension e) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("days", n(e.days()), "requestedAt", s(e.requestedAt().toString())));
        if (e.reason() != null) {
            m.put("reason", s(e.reason()));
        }
        return AttributeValue.fromM(m);
    }

    static Map<String, AttributeValue> unitItem(LaptopUnit u) {
        Map<String, AttributeValue> item = new HashMap<>(LaptopKeys.unit(u.tenant(), u.serial()).attributes());
        item.put("type", s("LAPTOP_UNIT"));
        item.put("serial", s(u.serial()));
        item.put("assetTag", s(u.assetTag()));
        item.put("district", s(u.district()));
        if (u.model() != null) {
            item.put("model", s(u.model()));
        }
        item.put("unitStatus", s(u.status().name()));
        item.put("registeredAt", s(u.registeredAt().toString()));
        item.put(Keys.GSI1PK, s(LaptopKeys.units(u.tenant(), u.district())));
        item.put(Keys.GSI1SK, s(u.serial()));
        return item;
    }

    static LaptopUnit unit(TenantId tenant, Map<String, AttributeValue> item) {
        return new LaptopUnit(tenant, item.get("serial").s(), item.get("assetTag").s(), item.get("district").s(),
                item.containsKey("model") ? item.get("model").s() : null, LaptopUnit.Status.valueOf(item.get("unitStatus").s()),
                item.containsKey("requestId") ? item.get("requestId").s() : null, Instant.parse(item.get("registeredAt").s()));
    }

    /** A loan's due-date entry: beside the district's stock, and on the tenant's due list (GSI1). */
    static TransactWriteItem putDue(String table, LaptopRequest loan) {
        Map<String, AttributeValue> item = new HashMap<>(
                LaptopKeys.due(loan.tenant(), loan.district(), loan.dueOn(), loan.requestId()).attributes());
        item.put("type", s("LAPTOP_DUE"));
        item.put("requestId", s(loan.requestId()));
        item.put("district", s(loan.district()));
        item.put("dueOn", s(loan.dueOn().toString()));
        item.put(Keys.GSI1PK, s(LaptopKeys.tenantDue(loan.tenant())));
        item.put(Keys.GSI1SK, s(loan.dueOn() + "#" + loan.district() + "#" + loan.requestId()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    static TransactWriteItem deleteDue(String table, LaptopRequest loan) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(LaptopKeys.due(loan.tenant(), loan.district(), loan.dueOn(), loan.requestId()).attributes())).build();
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
}

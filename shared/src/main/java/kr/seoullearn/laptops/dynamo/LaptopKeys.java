package kr.seoullearn.laptops.dynamo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The laptops context's keys (docs/data-model.md, "Laptops"). The tenant's list of districts on
 * GSI1 ({@link Keys#districts}) is read by the figures too.
 */
final class LaptopKeys {
    static final String AUDIT_PREFIX = "AUDIT#";
    static final String ACTIVE_PREFIX = "ACTIVE#";
    static final String CLOSED_PREFIX = "CLOSED#";
    /** Fixed width, so that times sort as text. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private LaptopKeys() {}

    /** A district's partition: its stock, its queue's entries and its audit trail. */
    static String district(TenantId tenant, String district) {
        return Keys.tenant(tenant, "DISTRICT", district);
    }

    /** A district's stock counts: {@code T#<tenant>#DISTRICT#<d> / STOCK}. */
    static ItemKey stock(TenantId tenant, String district) {
        return ItemKey.of(district(tenant, district), "STOCK");
    }

    static String requestPartition(TenantId tenant, String requestId) {
        return Keys.tenant(tenant, "LAPTOP", requestId);
    }

    /** A request: {@code T#<tenant>#LAPTOP#<id> / REQUEST}. */
    static ItemKey request(TenantId tenant, String requestId) {
        return ItemKey.of(requestPartition(tenant, requestId), "REQUEST");
    }

    /** GSI1 partition of a district's requests ({@code ACTIVE#<requested at>} or {@code CLOSED#<closed at>}). */
    static String requests(TenantId tenant, String district) {
        return district(tenant, district) + "#REQUESTS";
    }

    /** GSI1 partition of a request's audit entries. */
    static String requestAudit(TenantId tenant, String requestId) {
        return requestPartition(tenant, requestId) + "#AUDIT";
    }

    /** The learner's latest request and whether it is active: {@code T#<tenant>#U#<sub> / LAPTOP}. */
    static ItemKey marker(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), "LAPTOP");
    }

    /** Sort-key prefix of the learner's reference to each request they ever made (the export's path to them). */
    static final String REQUEST_REF_PREFIX = "LAPTOP_REQUEST#";

    /**
     * The learner's reference to one of their requests, past or present, in any district:
     * {@code T#<tenant>#U#<sub> / LAPTOP_REQUEST#<requestedAt>#<requestId>} (the marker names only the latest).
     */
    static ItemKey requestRef(TenantId tenant, String userId, Instant requestedAt, String requestId) {
        return ItemKey.of(Keys.user(tenant, userId), REQUEST_REF_PREFIX + requestedAt + "#" + requestId);
    }

    /** An officer's districts: {@code T#<tenant>#U#<sub> / OFFICER}. */
    static ItemKey officer(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), "OFFICER");
    }

    /** GSI1 partition of the tenant's officers with districts (sorted by user id). */
    static String officers(TenantId tenant) {
        return Keys.tenant(tenant, "OFFICERS");
    }

    static ItemKey audit(TenantId tenant, String district, String entryId) {
        return ItemKey.of(district(tenant, district), AUDIT_PREFIX + entryId);
    }

    static final String DUE_PREFIX = "DUE#";

    /** The Idempotency-Key of a stock change, in its district's partition: {@code STOCKKEY#<id>} (kept 7 days). */
    static ItemKey stockChangeKey(TenantId tenant, String district, String id) {
        return ItemKey.of(district(tenant, district), "STOCKKEY#" + id);
    }

    /** A unit, unique by serial number in the tenant: {@code T#<tenant>#LAPTOPUNIT#<serial> / UNIT}. */
    static ItemKey unit(TenantId tenant, String serial) {
        return ItemKey.of(Keys.tenant(tenant, "LAPTOPUNIT", serial), "UNIT");
    }

    /** GSI1 partition of a district's units (sorted by serial). */
    static String units(TenantId tenant, String district) {
        return district(tenant, district) + "#UNITS";
    }

    /** A loan's due date in its district: {@code T#<tenant>#DISTRICT#<d> / DUE#<dueOn>#<requestId>}. */
    static ItemKey due(TenantId tenant, String district, java.time.LocalDate dueOn, String requestId) {
        return ItemKey.of(district(tenant, district), DUE_PREFIX + dueOn + "#" + requestId);
    }

    /** GSI1 partition of every loan's due date in the tenant (sorted {@code <dueOn>#<district>#<requestId>}). */
    static String tenantDue(TenantId tenant) {
        return Keys.tenant(tenant, "LAPTOPS", "DUE");
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}

package kr.seoullearn.functions.laptops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.laptops.domain.AuditEntry;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.StockCounts;

/** Laptop requests, district counts and audit entries as the API shows them (docs/api/openapi.yaml). */
final class LaptopView {
    private LaptopView() {}

    /** What the learner sees of their own request: no account ids. */
    static Map<String, Object> forLearner(LaptopRequest r, int position) {
        return common(r, position);
    }

    /** What an officer or admin sees: the learner's account id (never a name) besides the pickup code. */
    static Map<String, Object> forOfficer(LaptopRequest r, int position) {
        Map<String, Object> v = common(r, position);
        v.put("learnerId", r.userId());
        return v;
    }

    private static Map<String, Object> common(LaptopRequest r, int position) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("requestId", r.requestId());
        v.put("status", r.status().name());
        v.put("district", r.district());
        if (position > 0) {
            v.put("position", position);
        }
        v.put("pickupCode", r.pickupCode());
        put(v, "requestedAt", r.requestedAt());
        put(v, "approvedAt", r.approvedAt());
        put(v, "readyAt", r.readyAt());
        put(v, "loanedAt", r.loanedAt());
        if (r.dueOn() != null) {
            v.put("dueOn", r.dueOn().toString());
        }
        put(v, "closedAt", r.closedAt());
        if (r.serial() != null) {
            v.put("serial", r.serial());
            v.put("assetTag", r.assetTag());
        }
        if (r.extendedDays() > 0) {
            v.put("extendedDays", r.extendedDays());
        }
        if (r.extension() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("days", r.extension().days());
            if (r.extension().reason() != null) {
                e.put("reason", r.extension().reason());
            }
            e.put("requestedAt", r.extension().requestedAt().toString());
            v.put("extension", e);
        }
        if (r.reason() != null) {
            v.put("reason", r.reason());
        }
        v.put("version", r.version());
        return v;
    }

    static Map<String, Object> stock(StockCounts c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("district", c.district());
        if (c.model() != null) {
            v.put("model", c.model());
        }
        v.put("inStock", c.inStock());
        v.put("reserved", c.reserved());
        v.put("loaned", c.loaned());
        v.put("waiting", c.waiting());
        v.put("requested", c.requested());
        return v;
    }

    static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("entryId", e.entryId());
        v.put("at", e.at().toString());
        v.put("district", e.district());
        if (e.requestId() != null) {
            v.put("requestId", e.requestId());
        }
        v.put("change", e.change());
        if (e.from() != null) {
            v.put("from", e.from());
        }
        v.put("to", e.to());
        if (e.units() != null) {
            v.put("units", e.units());
        }
        v.put("actor", Map.of("id", e.actor().userId(), "kind", e.actor().kind().name()));
        if (e.reason() != null) {
            v.put("reason", e.reason());
        }
        return v;
    }

    private static void put(Map<String, Object> v, String name, Instant at) {
        if (at != null) {
            v.put(name, at.toString());
        }
    }
}

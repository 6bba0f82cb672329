package kr.seoullearn.functions.laptops;

import java.util.Map;
import java.util.Set;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;

/** Who may act on a request, finding it, its queue position, and reading bodies: what learners' and officers' routes share. */
final class LaptopAccess {
    private final LaptopLedger ledger;
    private final OfficerDistricts officers;

    LaptopAccess(LaptopLedger ledger, OfficerDistricts officers) {
        this.ledger = ledger;
        this.officers = officers;
    }

    /**
     * The capacity the caller acts in on this request: its owner as a learner, an admin of the
     * tenant, or an officer of its district. Anyone else gets the same 404 as for a missing
     * request, so that another learner's or district's requests cannot be probed.
     */
    Actor actorFor(Caller caller, LaptopRequest request) {
        if (caller.has(Role.LEARNER) && request.userId().equals(caller.userId())) {
            return new Actor(caller.userId(), Actor.Kind.LEARNER);
        }
        if (caller.has(Role.ADMIN)) {
            return new Actor(caller.userId(), Actor.Kind.ADMIN);
        }
        if (caller.has(Role.DISTRICT_OFFICER) && officers.of(caller.tenant(), caller.userId()).contains(request.district())) {
            return new Actor(caller.userId(), Actor.Kind.OFFICER);
        }
        throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND);
    }

    LaptopRequest found(TenantId tenant, String requestId) {
        if (!LaptopRules.isRequestId(requestId)) {
            throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND);
        }
        return ledger.find(tenant, requestId).orElseThrow(() -> new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND));
    }

    int positionOf(LaptopRequest r) {
        return r.status() == LaptopStatus.REQUESTED && r.ticket() != null ? ledger.position(r.tenant(), r.district(), r.ticket()) : 0;
    }

    static void unknownFields(Map<String, Object> body, Set<String> known, FieldErrors errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
    }

    /** An optional text field: trimmed, null when absent or blank; too long or not text is an error. */
    static String text(Map<String, Object> body, String field, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            errors.add(field, "invalid-value");
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() > max) {
            errors.add(field, "too-long");
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    static boolean hasError(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v != null && (!(v instanceof String s) || s.strip().length() > LaptopRules.MAX_REASON_LENGTH);
    }
}

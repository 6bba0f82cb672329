package kr.seoullearn.functions.laptops;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopLoanTerms;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.laptops.domain.OverdueStage;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.port.ProgrammeCatalogue;

/**
 * Laptops as units and loans: officers register units (serial number, asset tag) into their
 * district's stock; the overdue lists (a district's for its officers, the tenant's for admins)
 * with each loan's escalation stage; loan extensions, asked for by the learner and decided by an
 * officer within the programme's limit; the admins' list of officers and their districts.
 */
final class LoanDesk {
    private static final Set<String> UNIT_FIELDS = Set.of("serial", "assetTag", "model");
    private static final Set<String> EXTENSION_FIELDS = Set.of("days", "reason", "version");
    private static final Set<String> DECISION_FIELDS = Set.of("decision", "reason", "version");

    private final LaptopLedger ledger;
    private final OfficerDistricts officers;
    private final ProgrammeCatalogue programmes;
    private final Clock clock;
    private final LaptopAccess access;
    private final DistrictDesk desk;

    LoanDesk(LaptopLedger ledger, OfficerDistricts officers, ProgrammeCatalogue programmes, Clock clock, LaptopAccess access,
             DistrictDesk desk) {
        this.ledger = ledger;
        this.officers = officers;
        this.programmes = programmes;
        this.clock = clock;
        this.access = access;
        this.desk = desk;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Laptops.SEOUL));
    }

    /** The laptop loan terms of the programme in force today (1 Query). */
    LaptopLoanTerms terms(TenantId tenant) {
        return programmes.inForce(tenant, today())
                .map(p -> p.laptopLoan() == null ? LaptopLoanTerms.FALLBACK
                        : new LaptopLoanTerms(p.laptopLoan().loanDays(), p.laptopLoan().maxExtensionDays()))
                .orElse(LaptopLoanTerms.FALLBACK);
    }

    // ------------------------------------------------------------------ units

    /**
     * POST /api/laptops/districts/{district}/units {"serial", "assetTag", "model"?}: one more unit
     * on the district's shelf, its serial number once per tenant. (1 GetItem of the officer's
     * districts) + 1 GetItem + 1 transaction (+ serving the queue).
     */
    Map<String, Object> registerUnit(Caller caller, String district, Map<String, Object> body) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        var counts = desk.managed(caller, district);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, UNIT_FIELDS, errors);
        String serial = unitId(body, "serial", errors);
        String assetTag = unitId(body, "assetTag", errors);
        String model = LaptopAccess.text(body, "model", LaptopRules.MAX_MODEL_LENGTH, errors);
        errors.throwIfAny();
        LaptopUnit unit = ledger.registerUnit(new LaptopUnit(caller.tenant(), serial, assetTag, district,
                        model != null ? model : counts.model(), LaptopUnit.Status.AVAILABLE, null, clock.instant()),
                false, DistrictDesk.officerActor(caller), clock.instant());
        return unit(unit);
    }

    /** GET /api/laptops/districts/{district}/units?cursor=: (1 GetItem of the officer's districts) + 1 GetItem + 1 Query. */
    Map<String, Object> units(Caller caller, String district, String cursor) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        checkCursor(cursor);
        desk.managed(caller, district);
        var page = ledger.units(caller.tenant(), district, cursor, Laptops.PAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("units", page.items().stream().map(LoanDesk::unit).toList());
        body.put("next", page.next());
        return body;
    }

    /** The unit handed over at pickup: registered, in the request's district and free (else 409 laptop-unit-unavailable). */
    LaptopUnit unitForPickup(LaptopRequest request, String serial) {
        LaptopUnit unit = ledger.unit(request.tenant(), serial).orElse(null);
        if (unit == null || !unit.district().equals(request.district()) || unit.status() != LaptopUnit.Status.AVAILABLE) {
            throw new ProblemException(LaptopRefusal.LAPTOP_UNIT_UNAVAILABLE);
        }
        return unit;
    }

    // ------------------------------------------------------------------ overdue

    /** GET /api/laptops/districts/{district}/overdue?cursor=: (1 GetItem) + 1 GetItem + 1 Query + 1 BatchGetItem. */
    Map<String, Object> districtOverdue(Caller caller, String district, String cursor) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        checkCursor(cursor);
        desk.managed(caller, district);
        return overdue(ledger.overdue(caller.tenant(), district, today(), cursor, Laptops.PAGE));
    }

    /** GET /api/laptops/overdue?cursor=: every district of the admin's tenant; 1 Query (GSI1) + 1 BatchGetItem. */
    Map<String, Object> tenantOverdue(Caller caller, String cursor) {
        caller.require(Role.ADMIN);
        checkCursor(cursor);
        return overdue(ledger.overdue(caller.tenant(), null, today(), cursor, Laptops.PAGE));
    }

    private Map<String, Object> overdue(LaptopLedger.Page<LaptopRequest> page) {
        LocalDate today = today();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("today", today.toString());
        body.put("loans", page.items().stream().filter(r -> r.overdueOn(today)).map(r -> {
            Map<String, Object> v = LaptopView.forOfficer(r, 0);
            long days = ChronoUnit.DAYS.between(r.dueOn(), today);
            v.put("daysOverdue", days);
            v.put("escalation", OverdueStage.of(days).name());
            return v;
        }).toList());
        body.put("next", page.next());
        return body;
    }

    // ------------------------------------------------------------------ extensions

    /**
     * POST /api/laptops/requests/{requestId}/extension {"days", "reason"?, "version"}: the borrower
     * asks to keep the laptop longer, within what the programme still allows. 1 GetItem + 1 Query
     * (the programme) + 1 transaction.
     */
    Map<String, Object> requestExtension(Caller caller, String requestId, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, EXTENSION_FIELDS, errors);
        int days = 0;
        Object d = body.get("days");
        if (d == null) {
            errors.add("days", "required");
        } else if (!(d instanceof Integer || d instanceof Long)) {
            errors.add("days", "invalid-value");
        } else if (((Number) d).longValue() < 1 || ((Number) d).longValue() > 365) {
            errors.add("days", "out-of-range");
        } else {
            days = ((Number) d).intValue();
        }
        String reason = LaptopAccess.text(body, "reason", LaptopRules.MAX_EXTENSION_REASON_LENGTH, errors);
        long version = errors.version(body);
        errors.throwIfAny();
        LaptopRequest current = access.found(caller.tenant(), requestId);
        if (!current.userId().equals(caller.userId())) {
            throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND);
        }
        checkVersion(current, version);
        LaptopLoanTerms terms = terms(caller.tenant());
        int left = terms.extensionLeft(current.extendedDays());
        if (current.status() != LaptopStatus.LOANED || current.extension() != null || days > left) {
            throw new ProblemException(LaptopRefusal.LAPTOP_EXTENSION_NOT_ALLOWED, Map.of("requestStatus", current.status().name(),
                    "extensionDaysLeft", current.status() == LaptopStatus.LOANED ? left : 0));
        }
        LaptopRequest after = ledger.requestExtension(current, version, new LaptopRequest.Extension(days, reason, clock.instant()),
                new Actor(caller.userId(), Actor.Kind.LEARNER), clock.instant());
        return LaptopView.forLearner(after, 0);
    }

    /**
     * POST /api/laptops/requests/{requestId}/extension/decision {"decision": APPROVED|REFUSED,
     * "reason"?, "version"}: an officer of the district (or an admin) decides; a refusal says
     * why. An approval is checked again against the programme's limit as it is today.
     */
    Map<String, Object> decideExtension(Caller caller, String requestId, Map<String, Object> body) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, DECISION_FIELDS, errors);
        Boolean approve = null;
        Object given = body.get("decision");
        if (given == null) {
            errors.add("decision", "required");
        } else if ("APPROVED".equals(given) || "REFUSED".equals(given)) {
            approve = "APPROVED".equals(given);
        } else {
            errors.add("decision", "invalid-value");
        }
        String reason = LaptopAccess.text(body, "reason", LaptopRules.MAX_REASON_LENGTH, errors);
        if (Boolean.FALSE.equals(approve) && reason == null && !LaptopAccess.hasError(body, "reason")) {
            errors.add("reason", "required");
        }
        long version = errors.version(body);
        errors.throwIfAny();
        LaptopRequest current = access.found(caller.tenant(), requestId);
        Actor actor = access.actorFor(caller, current);
        if (actor.kind() == Actor.Kind.LEARNER) {
            throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND);
        }
        checkVersion(current, version);
        if (current.status() != LaptopStatus.LOANED || current.extension() == null) {
            throw new ProblemException(LaptopRefusal.LAPTOP_EXTENSION_NOT_PENDING, Map.of("requestStatus", current.status().name()));
        }
        if (approve && current.extension().days() > terms(caller.tenant()).extensionLeft(current.extendedDays())) {
            throw new ProblemException(LaptopRefusal.LAPTOP_EXTENSION_NOT_ALLOWED, Map.of("requestStatus", current.status().name(),
                    "extensionDaysLeft", terms(caller.tenant()).extensionLeft(current.extendedDays())));
        }
        LaptopRequest after = ledger.decideExtension(current, version, approve, reason, actor, clock.instant());
        return LaptopView.forOfficer(after, 0);
    }

    // ------------------------------------------------------------------ officers

    /** GET /api/laptops/officers: the tenant's officers with districts (admins); 1 Query (GSI1). */
    Map<String, Object> officers(Caller caller) {
        caller.require(Role.ADMIN);
        List<Map<String, Object>> list = officers.all(caller.tenant()).entrySet().stream().map(e -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("userId", e.getKey());
            v.put("districts", e.getValue().stream().sorted().toList());
            return v;
        }).toList();
        return Map.of("officers", list);
    }

    // ------------------------------------------------------------------ helpers

    private static void checkVersion(LaptopRequest current, long version) {
        if (current.version() != version) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("requestStatus", current.status().name(),
                    "version", current.version()));
        }
    }

    private static void checkCursor(String cursor) {
        if (cursor != null && cursor.length() > 1000) {
            FieldErrors errors = new FieldErrors();
            errors.add("cursor", "invalid-value");
            errors.throwIfAny();
        }
    }

    /** A serial number or asset tag field: required, letters, digits and dashes (upper-cased). */
    static String unitId(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            errors.add(field, "required");
            return null;
        }
        String id = v instanceof String s ? LaptopRules.unitId(s) : null;
        if (id == null) {
            errors.add(field, "invalid-value");
        }
        return id;
    }

    static Map<String, Object> unit(LaptopUnit u) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("serial", u.serial());
        v.put("assetTag", u.assetTag());
        v.put("district", u.district());
        if (u.model() != null) {
            v.put("model", u.model());
        }
        v.put("status", u.status().name());
        if (u.requestId() != null) {
            v.put("requestId", u.requestId());
        }
        v.put("registeredAt", u.registeredAt().toString());
        return v;
    }
}

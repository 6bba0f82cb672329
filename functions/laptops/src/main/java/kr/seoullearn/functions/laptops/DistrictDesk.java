package kr.seoullearn.functions.laptops;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.platform.http.IdempotencyKey;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * The district officers' and admins' side of laptops: district officers — of their own districts
 * only — and admins — of every district of their tenant — see the queue and the requests, record
 * stock and read the audit trail; admins assign officers their districts.
 */
final class DistrictDesk {
    private static final Log LOG = Log.of(DistrictDesk.class);
    private static final Set<String> STOCK_FIELDS = Set.of("change", "units", "model", "note");
    private static final Set<String> ASSIGNMENT_FIELDS = Set.of("districts");
    /** A Cognito sub (or user name) as it may appear in a path. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final LaptopLedger ledger;
    private final OfficerDistricts officers;
    private final Clock clock;
    private final LaptopAccess access;

    DistrictDesk(LaptopLedger ledger, OfficerDistricts officers, Clock clock, LaptopAccess access) {
        this.ledger = ledger;
        this.officers = officers;
        this.clock = clock;
        this.access = access;
    }

    /** GET /api/laptops/requests/{requestId}: 1 GetItem (+1 of the officer's districts) + 1 Query of its audit trail (GSI1). */
    Map<String, Object> requestWithTrail(Caller caller, String requestId) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        LaptopRequest request = access.found(caller.tenant(), requestId);
        Actor actor = access.actorFor(caller, request);
        if (actor.kind() == Actor.Kind.LEARNER) {
            throw new ProblemException(LaptopRefusal.LAPTOP_REQUEST_NOT_FOUND);
        }
        Map<String, Object> body = LaptopView.forOfficer(request, access.positionOf(request));
        body.put("audit", ledger.requestAudit(caller.tenant(), request.district(), request.requestId()).stream()
                .map(LaptopView::audit).toList());
        return body;
    }

    /** GET /api/laptops/districts: an officer's districts (1 GetItem + 1 BatchGetItem) or all of an admin's tenant (1 Query, GSI1). */
    Map<String, Object> districts(Caller caller) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        TenantId tenant = caller.tenant();
        boolean all = caller.has(Role.ADMIN);
        List<StockCounts> counts = all ? ledger.districts(tenant) : ledger.districts(tenant, officers.of(tenant, caller.userId()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", all ? "tenant" : "assigned");
        body.put("districts", counts.stream().map(LaptopView::stock).toList());
        return body;
    }

    /**
     * GET /api/laptops/districts/{district}/requests?state=active|closed&cursor=: the district's
     * counts and a page of its requests (active ones in arrival order with queue positions).
     * (1 GetItem of the officer's districts) + 1 GetItem + 1 Query (GSI1) + 1 Query of the queue's head.
     */
    Map<String, Object> districtRequests(Caller caller, String district, String state, String cursor) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        boolean active = true;
        if (state != null && !state.equals("active")) {
            if (state.equals("closed")) {
                active = false;
            } else {
                errors.add("state", "invalid-value");
            }
        }
        if (cursor != null && cursor.length() > 1000) {
            errors.add("cursor", "invalid-value");
        }
        errors.throwIfAny();
        StockCounts counts = managed(caller, district);
        var page = ledger.requests(caller.tenant(), district, active, cursor, Laptops.PAGE);
        Map<String, Integer> positions = active && counts.waiting() > 0
                ? ledger.queueHead(caller.tenant(), district, Laptops.QUEUE_HEAD) : Map.of();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("district", LaptopView.stock(counts));
        body.put("state", active ? "active" : "closed");
        body.put("requests", page.items().stream()
                .map(r -> LaptopView.forOfficer(r, positions.getOrDefault(r.requestId(), 0))).toList());
        body.put("next", page.next());
        return body;
    }

    /**
     * POST /api/laptops/districts/{district}/stock {"change": RECEIVED|WRITTEN_OFF, "units", "model"?, "note"?}:
     * an immutable stock entry; received units approve the queue's first requests at once.
     * (1 GetItem of the officer's districts) + 2 GetItem + 1 transaction (+ serving the queue).
     */
    Map<String, Object> changeStock(Caller caller, String district, Map<String, Object> body) {
        return changeStock(caller, district, body, Optional.empty());
    }

    /** With an Idempotency-Key (docs/adr/0023): the same delivery or write-off sent again is recorded once. */
    Map<String, Object> changeStock(Caller caller, String district, Map<String, Object> body,
                                    Optional<IdempotencyKey> key) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, STOCK_FIELDS, errors);
        StockChange change = null;
        Object given = body.get("change");
        if (given == null) {
            errors.add("change", "required");
        } else if (given instanceof String s && (s.equals("RECEIVED") || s.equals("WRITTEN_OFF"))) {
            change = StockChange.valueOf(s);
        } else {
            errors.add("change", "invalid-value");
        }
        long units = 0;
        Object n = body.get("units");
        if (n == null) {
            errors.add("units", "required");
        } else if (!(n instanceof Integer || n instanceof Long)) {
            errors.add("units", "invalid-value");
        } else if (((Number) n).longValue() < 1 || ((Number) n).longValue() > LaptopRules.MAX_UNITS_PER_CHANGE) {
            errors.add("units", "out-of-range");
        } else {
            units = ((Number) n).longValue();
        }
        String model = LaptopAccess.text(body, "model", LaptopRules.MAX_MODEL_LENGTH, errors);
        String note = LaptopAccess.text(body, "note", LaptopRules.MAX_REASON_LENGTH, errors);
        errors.throwIfAny();
        managed(caller, district);
        LaptopLedger.ChangeKey changeKey = key.map(k -> new LaptopLedger.ChangeKey(
                k.idFor(caller.tenant(), caller.userId(), "laptop-stock-change"),
                IdempotencyKey.fingerprint(body))).orElse(null);
        var result = ledger.changeStock(caller.tenant(), district, change, units, model, note, officerActor(caller),
                clock.instant(), changeKey);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("district", LaptopView.stock(result.counts()));
        view.put("approved", result.approved());
        return view;
    }

    /** GET /api/laptops/districts/{district}/audit?cursor=: (1 GetItem of the officer's districts) + 1 GetItem + 1 Query, newest first. */
    Map<String, Object> districtAudit(Caller caller, String district, String cursor) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        if (cursor != null && cursor.length() > 200) {
            FieldErrors errors = new FieldErrors();
            errors.add("cursor", "invalid-value");
            errors.throwIfAny();
        }
        managed(caller, district);
        var page = ledger.districtAudit(caller.tenant(), district, cursor, Laptops.PAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.items().stream().map(LaptopView::audit).toList());
        body.put("next", page.next());
        return body;
    }

    /**
     * PUT /api/laptops/officers/{userId}/districts {"districts": [...]}: an admin sets the
     * districts an officer of their tenant looks after (an empty list: none). Every district
     * must exist in the admin's tenant. 1 BatchGetItem + 1 PutItem (or DeleteItem).
     */
    Map<String, Object> assignOfficer(Caller caller, String userId, Map<String, Object> body) {
        caller.require(Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, ASSIGNMENT_FIELDS, errors);
        TreeSet<String> districts = new TreeSet<>();
        Object given = body.get("districts");
        if (given == null) {
            errors.add("districts", "required");
        } else if (!(given instanceof List<?> list) || list.size() > Laptops.MAX_DISTRICTS_PER_OFFICER) {
            errors.add("districts", given instanceof List<?> ? "out-of-range" : "invalid-value");
        } else {
            for (Object d : list) {
                if (!(d instanceof String s) || !LaptopRules.isDistrictId(s) || !districts.add(s)) {
                    errors.add("districts", "invalid-value");
                    break;
                }
            }
        }
        errors.throwIfAny();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new ProblemException(Problem.NOT_FOUND);
        }
        TenantId tenant = caller.tenant();
        if (!districts.isEmpty() && ledger.districts(tenant, districts).size() != districts.size()) {
            throw new ProblemException(LaptopRefusal.DISTRICT_NOT_FOUND);
        }
        officers.assign(tenant, userId, districts, caller.userId(), clock.instant());
        LOG.info("officer districts set", "tenant", tenant.value(), "districts", districts.size());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("userId", userId);
        view.put("districts", List.copyOf(districts));
        return view;
    }

    /**
     * The district's counts, when the caller manages it: admins every district of their tenant,
     * officers their own. A district id that does not exist is a 404; one of another district's
     * officers a 403 (district ids are public: the 25 gu).
     */
    StockCounts managed(Caller caller, String district) {
        if (!LaptopRules.isDistrictId(district)) {
            throw new ProblemException(LaptopRefusal.DISTRICT_NOT_FOUND);
        }
        if (!caller.has(Role.ADMIN) && !officers.of(caller.tenant(), caller.userId()).contains(district)) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        return ledger.stock(caller.tenant(), district).orElseThrow(() -> new ProblemException(LaptopRefusal.DISTRICT_NOT_FOUND));
    }

    static Actor officerActor(Caller caller) {
        return new Actor(caller.userId(), caller.has(Role.ADMIN) ? Actor.Kind.ADMIN : Actor.Kind.OFFICER);
    }

}

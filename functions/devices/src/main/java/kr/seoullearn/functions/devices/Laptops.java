package kr.seoullearn.functions.devices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.laptops.domain.StockChange;
import kr.seoullearn.laptops.domain.StockCounts;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Laptops on loan: an approved learner requests one in their district (a unit at once, or a
 * place in the district's first-come first-served queue), confirms receipt and may cancel;
 * district officers — of their own districts only — and admins — of every district of their
 * tenant — see the queue, mark units ready, reject with a reason, record returns and stock,
 * and read the audit trail. The tenant is always the caller's (the token's), so another
 * tenant's records are unreachable; another district's request answers 404 like a missing one.
 */
public final class Laptops {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final int PAGE = 50;
    /** Waiting requests whose position the officer's list shows. */
    static final int QUEUE_HEAD = 100;
    private static final Log LOG = Log.of(Laptops.class);
    private static final Set<String> REQUEST_FIELDS = Set.of("agreeToLoanTerms");
    private static final Set<String> STATUS_FIELDS = Set.of("status", "version", "reason");
    private static final Set<String> STOCK_FIELDS = Set.of("change", "units", "model", "note");
    private static final Set<String> ASSIGNMENT_FIELDS = Set.of("districts");
    /** A Cognito sub (or user name) as it may appear in a path. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final int MAX_DISTRICTS_PER_OFFICER = 40;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    /** An answer with its status: 201 for an approval, 202 for a place in the queue. */
    record Answer(int status, Map<String, Object> body) {}

    private final ApplicationStore applications;
    private final LaptopLedger ledger;
    private final OfficerDistricts officers;
    private final Clock clock;
    private final Supplier<String> requestIds;

    public Laptops(ApplicationStore applications, LaptopLedger ledger, OfficerDistricts officers, Clock clock) {
        this(applications, ledger, officers, clock, () -> UUID.randomUUID().toString());
    }

    Laptops(ApplicationStore applications, LaptopLedger ledger, OfficerDistricts officers, Clock clock,
            Supplier<String> requestIds) {
        this.applications = applications;
        this.ledger = ledger;
        this.officers = officers;
        this.clock = clock;
        this.requestIds = requestIds;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    // ------------------------------------------------------------------ learners

    /** GET /api/laptops/mine: 1 GetItem (+1 GetItem of the request, +1 Query while queued). */
    Map<String, Object> mine(Caller caller) {
        caller.require(Role.LEARNER);
        TenantId tenant = caller.tenant();
        Map<String, Object> body = new LinkedHashMap<>();
        // no "request" when the learner never asked for one
        ledger.latest(tenant, caller.userId()).ifPresent(r -> body.put("request", LaptopView.forLearner(r, positionOf(r))));
        return body;
    }

    /** POST /api/laptops/requests {"agreeToLoanTerms": true}: 1 GetItem + 1 transaction (+1 UpdateItem and 1 Query when queued). */
    Answer request(Caller caller, Map<String, Object> body, String idempotencyKey) {
        caller.require(Role.LEARNER);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, REQUEST_FIELDS, errors);
        Object agreed = body.get("agreeToLoanTerms");
        if (agreed == null) {
            errors.add("agreeToLoanTerms", "required");
        } else if (!Boolean.TRUE.equals(agreed)) {
            errors.add("agreeToLoanTerms", agreed instanceof Boolean ? "must-be-true" : "invalid-value");
        }
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            errors.add("Idempotency-Key", "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Application application = applications.find(tenant, caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (application.status() != RegistrationStatus.APPROVED) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        if (!LaptopRules.isDistrictId(application.district())) {
            throw new ProblemException(Problem.DISTRICT_NOT_FOUND);
        }
        var placed = ledger.request(new LaptopLedger.NewRequest(tenant, caller.userId(), application.district(),
                requestIds.get(), LaptopRules.pickupCode(), idempotencyKey, clock.instant()));
        LOG.info("laptop request", "tenant", tenant.value(), "district", application.district(),
                "outcome", placed.request().status().name(), "replayed", placed.replayed());
        int status = placed.request().status() == LaptopStatus.REQUESTED ? 202 : 201;
        return new Answer(placed.replayed() ? 200 : status, LaptopView.forLearner(placed.request(), placed.position()));
    }

    // ------------------------------------------------------------------ status changes (learners and officers)

    /**
     * POST /api/laptops/requests/{requestId}/status {"status", "version", "reason"?}: the owner
     * confirms receipt (LOANED) or cancels; an officer of the district or an admin marks it
     * READY_FOR_PICKUP, REJECTED (with a reason) or RETURNED. 1 GetItem (+1 GetItem of the
     * officer's districts) + 1 transaction; a unit coming back serves the queue (1 GetItem, and
     * 1 Query + 1 transaction + 1 GetItem when someone waits).
     */
    Map<String, Object> changeStatus(Caller caller, String requestId, Map<String, Object> body) {
        caller.require(Role.LEARNER, Role.DISTRICT_OFFICER, Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, STATUS_FIELDS, errors);
        LaptopStatus to = null;
        Object given = body.get("status");
        if (given == null) {
            errors.add("status", "required");
        } else {
            to = target(given);
            if (to == null) {
                errors.add("status", "invalid-value");
            }
        }
        long version = errors.version(body);
        String reason = text(body, "reason", LaptopRules.MAX_REASON_LENGTH, errors);
        if (to != null && LaptopRules.needsReason(to) && reason == null && !hasError(body, "reason")) {
            errors.add("reason", "required");
        }
        errors.throwIfAny();
        LaptopRequest current = found(caller.tenant(), requestId);
        Actor actor = actorFor(caller, current);
        if (current.version() != version) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("requestStatus", current.status().name(),
                    "version", current.version()));
        }
        if (!LaptopRules.allowed(actor.kind(), current.status(), to)) {
            throw new ProblemException(Problem.LAPTOP_STATUS_CHANGE_NOT_ALLOWED, Map.of("requestStatus", current.status().name()));
        }
        LocalDate dueOn = to == LaptopStatus.LOANED ? LaptopRules.dueOn(today()) : null;
        LaptopRequest after = ledger.change(current, version, to, actor, reason, dueOn, clock.instant());
        return actor.kind() == Actor.Kind.LEARNER
                ? LaptopView.forLearner(after, positionOf(after))
                : LaptopView.forOfficer(after, positionOf(after));
    }

    private static LaptopStatus target(Object given) {
        if (!(given instanceof String s)) {
            return null;
        }
        for (LaptopStatus status : LaptopStatus.values()) {
            if (status.name().equals(s) && (LaptopRules.learnerTargets().contains(status)
                    || LaptopRules.officerTargets().contains(status))) {
                return status;
            }
        }
        return null;
    }

    /**
     * The capacity the caller acts in on this request: its owner as a learner, an admin of the
     * tenant, or an officer of its district. Anyone else gets the same 404 as for a missing
     * request, so that another learner's or district's requests cannot be probed.
     */
    private Actor actorFor(Caller caller, LaptopRequest request) {
        if (caller.has(Role.LEARNER) && request.userId().equals(caller.userId())) {
            return new Actor(caller.userId(), Actor.Kind.LEARNER);
        }
        if (caller.has(Role.ADMIN)) {
            return new Actor(caller.userId(), Actor.Kind.ADMIN);
        }
        if (caller.has(Role.DISTRICT_OFFICER) && officers.of(caller.tenant(), caller.userId()).contains(request.district())) {
            return new Actor(caller.userId(), Actor.Kind.OFFICER);
        }
        throw new ProblemException(Problem.LAPTOP_REQUEST_NOT_FOUND);
    }

    // ------------------------------------------------------------------ officers and admins

    /** GET /api/laptops/requests/{requestId}: 1 GetItem (+1 of the officer's districts) + 1 Query of its audit trail (GSI1). */
    Map<String, Object> requestWithTrail(Caller caller, String requestId) {
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        LaptopRequest request = found(caller.tenant(), requestId);
        Actor actor = actorFor(caller, request);
        if (actor.kind() == Actor.Kind.LEARNER) {
            throw new ProblemException(Problem.LAPTOP_REQUEST_NOT_FOUND);
        }
        Map<String, Object> body = LaptopView.forOfficer(request, positionOf(request));
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
        var page = ledger.requests(caller.tenant(), district, active, cursor, PAGE);
        Map<String, Integer> positions = active && counts.waiting() > 0
                ? ledger.queueHead(caller.tenant(), district, QUEUE_HEAD) : Map.of();
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
        caller.require(Role.DISTRICT_OFFICER, Role.ADMIN);
        FieldErrors errors = new FieldErrors();
        unknownFields(body, STOCK_FIELDS, errors);
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
        String model = text(body, "model", LaptopRules.MAX_MODEL_LENGTH, errors);
        String note = text(body, "note", LaptopRules.MAX_REASON_LENGTH, errors);
        errors.throwIfAny();
        managed(caller, district);
        var result = ledger.changeStock(caller.tenant(), district, change, units, model, note, officerActor(caller),
                clock.instant());
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
        var page = ledger.districtAudit(caller.tenant(), district, cursor, PAGE);
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
        unknownFields(body, ASSIGNMENT_FIELDS, errors);
        java.util.TreeSet<String> districts = new java.util.TreeSet<>();
        Object given = body.get("districts");
        if (given == null) {
            errors.add("districts", "required");
        } else if (!(given instanceof List<?> list) || list.size() > MAX_DISTRICTS_PER_OFFICER) {
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
            throw new ProblemException(Problem.DISTRICT_NOT_FOUND);
        }
        officers.assign(tenant, userId, districts);
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
    private StockCounts managed(Caller caller, String district) {
        if (!LaptopRules.isDistrictId(district)) {
            throw new ProblemException(Problem.DISTRICT_NOT_FOUND);
        }
        if (!caller.has(Role.ADMIN) && !officers.of(caller.tenant(), caller.userId()).contains(district)) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        return ledger.stock(caller.tenant(), district).orElseThrow(() -> new ProblemException(Problem.DISTRICT_NOT_FOUND));
    }

    private static Actor officerActor(Caller caller) {
        return new Actor(caller.userId(), caller.has(Role.ADMIN) ? Actor.Kind.ADMIN : Actor.Kind.OFFICER);
    }

    private LaptopRequest found(TenantId tenant, String requestId) {
        if (!LaptopRules.isRequestId(requestId)) {
            throw new ProblemException(Problem.LAPTOP_REQUEST_NOT_FOUND);
        }
        return ledger.find(tenant, requestId).orElseThrow(() -> new ProblemException(Problem.LAPTOP_REQUEST_NOT_FOUND));
    }

    private int positionOf(LaptopRequest r) {
        return r.status() == LaptopStatus.REQUESTED && r.ticket() != null ? ledger.position(r.tenant(), r.district(), r.ticket()) : 0;
    }

    private static void unknownFields(Map<String, Object> body, Set<String> known, FieldErrors errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
    }

    /** An optional text field: trimmed, null when absent or blank; too long or not text is an error. */
    private static String text(Map<String, Object> body, String field, int max, FieldErrors errors) {
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

    private static boolean hasError(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v != null && (!(v instanceof String s) || s.strip().length() > LaptopRules.MAX_REASON_LENGTH);
    }
}

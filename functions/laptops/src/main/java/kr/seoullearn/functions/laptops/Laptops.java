package kr.seoullearn.functions.laptops;

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
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopRules;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.domain.LaptopUnit;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
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
    private static final Set<String> STATUS_FIELDS = Set.of("status", "version", "reason", "serial");
    static final int MAX_DISTRICTS_PER_OFFICER = 40;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

    /** An answer with its status: 201 for an approval, 202 for a place in the queue. */
    record Answer(int status, Map<String, Object> body) {}

    private final ApplicationStore applications;
    private final LaptopLedger ledger;
    private final OfficerDistricts officers;
    private final Clock clock;
    private final Supplier<String> requestIds;
    private final LaptopAccess access;
    private final DistrictDesk desk;
    private final LoanDesk loans;

    public Laptops(ApplicationStore applications, ProgrammeCatalogue programmes, LaptopLedger ledger, OfficerDistricts officers,
                   Clock clock) {
        this(applications, programmes, ledger, officers, clock, () -> UUID.randomUUID().toString());
    }

    Laptops(ApplicationStore applications, ProgrammeCatalogue programmes, LaptopLedger ledger, OfficerDistricts officers,
            Clock clock, Supplier<String> requestIds) {
        this.applications = applications;
        this.ledger = ledger;
        this.officers = officers;
        this.clock = clock;
        this.requestIds = requestIds;
        this.access = new LaptopAccess(ledger, officers);
        this.desk = new DistrictDesk(ledger, officers, clock, access);
        this.loans = new LoanDesk(ledger, officers, programmes, clock, access, desk);
    }

    /** Units, overdue loans, extensions and the officers' list. */
    LoanDesk loans() {
        return loans;
    }

    /** The officers' and admins' routes. */
    DistrictDesk desk() {
        return desk;
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
        ledger.latest(tenant, caller.userId()).ifPresent(r -> body.put("request", LaptopView.forLearner(r, access.positionOf(r))));
        return body;
    }

    /** POST /api/laptops/requests {"agreeToLoanTerms": true}: 1 GetItem + 1 transaction (+1 UpdateItem and 1 Query when queued). */
    Answer request(Caller caller, Map<String, Object> body, String idempotencyKey) {
        caller.require(Role.LEARNER);
        FieldErrors errors = new FieldErrors();
        LaptopAccess.unknownFields(body, REQUEST_FIELDS, errors);
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
            throw new ProblemException(LaptopRefusal.DISTRICT_NOT_FOUND);
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
        LaptopAccess.unknownFields(body, STATUS_FIELDS, errors);
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
        String reason = LaptopAccess.text(body, "reason", LaptopRules.MAX_REASON_LENGTH, errors);
        String serial = null;
        if (body.containsKey("serial") || to == LaptopStatus.LOANED && (caller.has(Role.DISTRICT_OFFICER) || caller.has(Role.ADMIN))) {
            serial = LoanDesk.unitId(body, "serial", errors);
        }
        if (to != null && LaptopRules.needsReason(to) && reason == null && !LaptopAccess.hasError(body, "reason")) {
            errors.add("reason", "required");
        }
        errors.throwIfAny();
        LaptopRequest current = access.found(caller.tenant(), requestId);
        Actor actor = access.actorFor(caller, current);
        if (current.version() != version) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("requestStatus", current.status().name(),
                    "version", current.version()));
        }
        if (!LaptopRules.allowed(actor.kind(), current.status(), to)) {
            throw new ProblemException(LaptopRefusal.LAPTOP_STATUS_CHANGE_NOT_ALLOWED, Map.of("requestStatus", current.status().name()));
        }
        LaptopUnit unit = null;
        LocalDate dueOn = null;
        if (to == LaptopStatus.LOANED) {
            // the officer hands a registered, free unit of the district over and records its serial number
            unit = loans.unitForPickup(current, serial);
            dueOn = loans.terms(caller.tenant()).dueOn(today());
        } else if (to == LaptopStatus.RETURNED && current.serial() != null) {
            // the unit coming back must be the one lent
            if (serial == null) {
                FieldErrors missing = new FieldErrors();
                missing.add("serial", "required");
                missing.throwIfAny();
            }
            if (!serial.equals(current.serial())) {
                throw new ProblemException(LaptopRefusal.LAPTOP_SERIAL_MISMATCH);
            }
        }
        LaptopRequest after = ledger.change(current, version, to, actor, reason, dueOn, unit, clock.instant());
        return actor.kind() == Actor.Kind.LEARNER
                ? LaptopView.forLearner(after, access.positionOf(after))
                : LaptopView.forOfficer(after, access.positionOf(after));
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

}

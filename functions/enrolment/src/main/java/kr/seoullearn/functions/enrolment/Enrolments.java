package kr.seoullearn.functions.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.domain.EnrolmentRefusal;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.enrolment.domain.SeatCounts;
import kr.seoullearn.catalog.domain.CatalogRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Learners enrol with providers of their level, up to the programme's pick limit, and get a
 * seat or a place in the waitlist; admins set a provider's seats in their tenant and see its
 * usage. The tenant is always the caller's (the token's), so another tenant's learners and
 * seats are unreachable. Dates are Seoul dates.
 */
public final class Enrolments {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Waiting learners an admin sees on the usage page. */
    static final int USAGE_HEAD = 10;
    static final int MAX_SEATS = 1_000_000;
    /** Notices listed with the learner's enrolments. */
    static final int NOTICES = 10;
    private static final Log LOG = Log.of(Enrolments.class);
    private static final Set<String> ENROL_FIELDS = Set.of("providerId");
    private static final Set<String> SEATS_FIELDS = Set.of("seats");

    /** An answer with its status: 201 for a seat, 202 for a place in the waitlist. */
    record Answer(int status, Map<String, Object> body) {}

    private final ApplicationStore applications;
    private final ProgrammeCatalogue programmes;
    private final Catalog catalogue;
    private final EnrolmentLedger ledger;
    private final SeatActivity activity;
    private final Clock clock;
    private final Supplier<String> learnerRefs;

    public Enrolments(ApplicationStore applications, ProgrammeCatalogue programmes, Catalog catalogue, EnrolmentLedger ledger,
                      SeatActivity activity, Clock clock) {
        this(applications, programmes, catalogue, ledger, activity, clock, () -> UUID.randomUUID().toString());
    }

    public Enrolments(ApplicationStore applications, ProgrammeCatalogue programmes, Catalog catalogue, EnrolmentLedger ledger,
                      SeatActivity activity, Clock clock, Supplier<String> learnerRefs) {
        this.applications = applications;
        this.programmes = programmes;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.activity = activity;
        this.clock = clock;
        this.learnerRefs = learnerRefs;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SEOUL));
    }

    /**
     * GET /api/enrolments: 1 Query of the enrolments + 1 Query of the programme + 1 Query of
     * notices (+1 Query of providers when there are any, +1 Query per waitlist entry).
     */
    Map<String, Object> mine(Caller caller) {
        caller.require(Role.LEARNER);
        TenantId tenant = caller.tenant();
        List<Enrolment> held = ledger.enrolments(tenant, caller.userId());
        Map<String, Provider> providers = held.isEmpty() ? Map.of() : providers();
        LocalDate today = today();
        EligibilityProgramme programme = programmes.inForce(tenant, today).orElse(null);
        EligibilityProgramme.Inactivity rule = programme == null ? null : programme.inactivity();
        List<Map<String, Object>> enrolled = new ArrayList<>();
        List<Map<String, Object>> waiting = new ArrayList<>();
        for (Enrolment e : held) {
            Provider p = providers.get(e.providerId());
            if (e.enrolled()) {
                enrolled.add(EnrolmentView.enrolled(e, p, today, rule));
            } else {
                waiting.add(EnrolmentView.waiting(e, p, ledger.position(tenant, e.providerId(), e.ticket())));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (programme != null) {
            body.put("pickLimit", programme.pickLimit());
        }
        body.put("picksUsed", held.size());
        body.put("enrolments", enrolled);
        body.put("waitlist", waiting);
        body.put("notices", activity.notices(tenant, caller.userId(), NOTICES).stream().map(EnrolmentView::notice).toList());
        return body;
    }

    /**
     * POST /api/admin/providers/{providerId}/activity (text/csv): a provider's usage report,
     * lines {@code learnerRef,lastActiveOn}. Every line is checked first: one wrong line and
     * nothing is recorded (400 validation-failed, each wrong line named). Then ⌈n/100⌉
     * BatchGetItem + 1 UpdateItem per reference of a current seat.
     */
    Map<String, Object> importActivity(Caller caller, String providerId, String contentType, String csv) {
        caller.require(Role.ADMIN);
        if (!Provider.isValidId(providerId)) {
            throw new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND);
        }
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(Problem.UNSUPPORTED_MEDIA_TYPE);
        }
        List<SeatActivity.Report> lines = UsageReport.parse(csv, today());
        provider(providerId);
        TenantId tenant = caller.tenant();
        SeatActivity.ImportOutcome outcome = activity.record(tenant, providerId, lines);
        LOG.info("activity recorded", "tenant", tenant.value(), "providerId", providerId, "lines", lines.size(),
                "updated", outcome.updated(), "unchanged", outcome.unchanged(), "unknown", outcome.unknown());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerId", providerId);
        body.put("lines", lines.size());
        body.put("updated", outcome.updated());
        body.put("unchanged", outcome.unchanged());
        body.put("unknown", outcome.unknown());
        return body;
    }

    /** POST /api/enrolments {"providerId"}: 3 reads + 1 transaction (+1 when a seat was just taken by someone else). */
    Answer enrol(Caller caller, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !ENROL_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        String providerId = null;
        Object given = body.get("providerId");
        if (given == null) {
            errors.add("providerId", "required");
        } else if (given instanceof String s && Provider.isValidId(s)) {
            providerId = s;
        } else {
            errors.add("providerId", "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Provider provider = provider(providerId);
        Application application = applications.find(tenant, caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (application.status() != RegistrationStatus.APPROVED) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        EnrolmentRules.refusal(provider, application.schoolLevel()).ifPresent(problem -> {
            throw new ProblemException(problem);
        });
        EligibilityProgramme programme = programmes.inForce(tenant, today())
                .orElseThrow(() -> new ProblemException(Problem.NO_PROGRAMME));
        var admission = ledger.admit(new EnrolmentLedger.Request(tenant, caller.userId(), providerId, programme.pickLimit(),
                learnerRefs.get(), clock.instant()));
        LOG.info("enrolment", "tenant", tenant.value(), "providerId", providerId, "outcome", admission.enrolment().status().name());
        return switch (admission) {
            case EnrolmentLedger.Enrolled e -> new Answer(201, EnrolmentView.enrolled(e.enrolment(), provider, today()));
            case EnrolmentLedger.Waitlisted w -> new Answer(202, EnrolmentView.waiting(w.enrolment(), provider, w.position()));
        };
    }

    /** DELETE /api/enrolments/{providerId}: 1 GetItem + 1 transaction; a freed seat goes to the first in line (1 GetItem, and 1 Query + 1 transaction when someone waits). */
    void withdraw(Caller caller, String providerId) {
        caller.require(Role.LEARNER);
        if (!Provider.isValidId(providerId)) {
            throw new ProblemException(EnrolmentRefusal.ENROLMENT_NOT_FOUND);
        }
        TenantId tenant = caller.tenant();
        Enrolment held = ledger.find(tenant, caller.userId(), providerId)
                .orElseThrow(() -> new ProblemException(EnrolmentRefusal.ENROLMENT_NOT_FOUND));
        Enrolment gone = ledger.withdraw(held);
        if (gone.enrolled()) {
            int promoted = ledger.fillFreeSeats(tenant, providerId, clock.instant());
            LOG.info("seat freed", "tenant", tenant.value(), "providerId", providerId, "promoted", promoted);
        }
    }

    /** PUT /api/admin/providers/{providerId}/seats {"seats"}: raising them promotes the first in line at once. */
    Map<String, Object> setSeats(Caller caller, String providerId, Map<String, Object> body) {
        caller.require(Role.ADMIN);
        if (!Provider.isValidId(providerId)) {
            throw new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND);
        }
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !SEATS_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Object given = body.get("seats");
        int seats = -1;
        if (given == null) {
            errors.add("seats", "required");
        } else if (!(given instanceof Integer || given instanceof Long)) {
            errors.add("seats", "invalid-value");
        } else if (((Number) given).longValue() < 0 || ((Number) given).longValue() > MAX_SEATS) {
            errors.add("seats", "out-of-range");
        } else {
            seats = ((Number) given).intValue();
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Provider provider = provider(providerId);
        SeatCounts after = ledger.setSeats(tenant, providerId, seats, caller.userId(), clock.instant());
        int promoted = provider.takesNewLearners() ? ledger.fillFreeSeats(tenant, providerId, after, clock.instant()) : 0;
        LOG.info("seats set", "tenant", tenant.value(), "providerId", providerId, "seats", seats, "promoted", promoted);
        Map<String, Object> view = EnrolmentView.usage(tenant, provider, ledger.usage(tenant, providerId, USAGE_HEAD));
        view.put("promoted", promoted);
        return view;
    }

    /** GET /api/admin/providers: every provider with its seats and waitlist in the admin's tenant (1 Query + 1 GetItem per provider). */
    Map<String, Object> overview(Caller caller) {
        caller.require(Role.ADMIN);
        TenantId tenant = caller.tenant();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Provider p : catalogue.providers()) {
            Map<String, Object> v = EnrolmentView.usage(tenant, p, ledger.usage(tenant, p.id(), 0));
            v.remove("waitlistHead");
            v.put("name", Map.of("ko", p.nameKo(), "en", p.nameEn()));
            v.put("levels", p.levels().stream().map(Enum::name).toList());
            items.add(v);
        }
        return Map.of("tenant", tenant.value(), "items", items);
    }

    /** GET /api/admin/providers/{providerId}/usage: 1 Query of providers + 1 GetItem + 1 Query of the waitlist's head. */
    Map<String, Object> usage(Caller caller, String providerId) {
        caller.require(Role.ADMIN);
        if (!Provider.isValidId(providerId)) {
            throw new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND);
        }
        Provider provider = provider(providerId);
        return EnrolmentView.usage(caller.tenant(), provider, ledger.usage(caller.tenant(), providerId, USAGE_HEAD));
    }

    private Provider provider(String providerId) {
        Provider p = providers().get(providerId);
        if (p == null) {
            throw new ProblemException(CatalogRefusal.PROVIDER_NOT_FOUND);
        }
        return p;
    }

    /** The catalogue's providers (a handful: one Query). */
    private Map<String, Provider> providers() {
        return catalogue.providers().stream().collect(Collectors.toMap(Provider::id, Function.identity()));
    }
}

package kr.seoullearn.functions.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.platform.tenant.TenantDirectory;

/**
 * The daily inactivity run (docs/product.md, "Catalogue and provider access": seats of learners inactive for a set period
 * can be reclaimed after reminders). Per tenant whose programme in force
 * has an inactivity rule, per provider: reads only the seats idle for the rule's period (an
 * index by last activity), and for each one sends the next reminder or, after two, reclaims the
 * seat and hands it to the first in line. Safe to run twice a day or after a pause: each step is
 * conditional on the seat being as it was read, and reminders are spaced by the rule. A step that
 * throws (a throttled call, a malformed item) stays with its seat, provider or tenant: counted as
 * failed and left as it was for the next day's run, never stopping the others (docs/adr/0023).
 */
final class InactivityReclaim {
    private static final Log LOG = Log.of(InactivityReclaim.class);

    /** What one run did; {@code failed}: seats, providers or tenants whose step threw (left as they were for the next run). */
    record Outcome(int tenants, int idleSeats, int reminded, int reclaimed, int promoted, int failed) {
        Outcome(int tenants, int idleSeats, int reminded, int reclaimed, int promoted) {
            this(tenants, idleSeats, reminded, reclaimed, promoted, 0);
        }
    }

    private final TenantDirectory tenants;
    private final ProgrammeCatalogue programmes;
    private final Catalog catalogue;
    private final EnrolmentLedger ledger;
    private final SeatActivity activity;
    private final Clock clock;

    InactivityReclaim(TenantDirectory tenants, ProgrammeCatalogue programmes, Catalog catalogue, EnrolmentLedger ledger,
                      SeatActivity activity, Clock clock) {
        this.tenants = tenants;
        this.programmes = programmes;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.activity = activity;
        this.clock = clock;
    }

    Outcome run() {
        LocalDate today = LocalDate.now(clock.withZone(Enrolments.SEOUL));
        var providers = catalogue.providers();
        int tenantsWithRule = 0;
        AtomicInteger idle = new AtomicInteger();
        AtomicInteger reminded = new AtomicInteger();
        AtomicInteger reclaimed = new AtomicInteger();
        int promoted = 0;
        AtomicInteger failed = new AtomicInteger();
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            EligibilityProgramme.Inactivity rule;
            try {
                rule = programmes.inForce(tenant.id(), today).map(EligibilityProgramme::inactivity).orElse(null);
            } catch (RuntimeException e) {
                failed(failed, "tenant", tenant.id().value(), e);
                continue;
            }
            if (rule == null) {
                continue; // off by default
            }
            tenantsWithRule++;
            LocalDate idleBefore = today.minusDays(rule.afterDays() - 1L); // idle for afterDays days or more
            for (Provider provider : providers) {
                AtomicInteger freed = new AtomicInteger();
                try {
                    activity.idleSeats(tenant.id(), provider.id(), idleBefore, seat -> {
                        idle.incrementAndGet();
                        try {
                            step(rule, seat, today, reminded, reclaimed, freed);
                        } catch (RuntimeException e) {
                            failed(failed, "seat", tenant.id().value(), e);
                        }
                    });
                    if (freed.get() > 0 && provider.takesNewLearners()) {
                        promoted += ledger.fillFreeSeats(tenant.id(), provider.id(), clock.instant());
                    }
                } catch (RuntimeException e) {
                    failed(failed, "provider", tenant.id().value(), e);
                }
            }
        }
        Outcome outcome = new Outcome(tenantsWithRule, idle.get(), reminded.get(), reclaimed.get(), promoted, failed.get());
        LOG.info("inactivity run", "tenants", outcome.tenants(), "idleSeats", outcome.idleSeats(), "reminded", outcome.reminded(),
                "reclaimed", outcome.reclaimed(), "promoted", outcome.promoted(), "failed", outcome.failed());
        return outcome;
    }

    private void step(EligibilityProgramme.Inactivity rule, kr.seoullearn.enrolment.domain.Enrolment seat, LocalDate today,
                      AtomicInteger reminded, AtomicInteger reclaimed, AtomicInteger freed) {
        switch (EnrolmentRules.inactivityStep(rule, seat.activity(), today)) {
            case REMIND -> {
                var next = new kr.seoullearn.enrolment.domain.Enrolment.Activity(seat.activity().lastActiveOn(),
                        seat.activity().reminders() + 1, today);
                if (activity.remind(seat, today, EnrolmentRules.reclaimFrom(rule, next), clock.instant())) {
                    reminded.incrementAndGet();
                }
            }
            case RECLAIM -> {
                if (activity.reclaim(seat, clock.instant())) {
                    reclaimed.incrementAndGet();
                    freed.incrementAndGet();
                }
            }
            case NONE -> { }
        }
    }

    private static void failed(AtomicInteger failed, String what, String tenant, RuntimeException e) {
        failed.incrementAndGet();
        LOG.warn("inactivity step failed", "what", what, "tenant", tenant, "failure",
                e instanceof kr.seoullearn.platform.http.ProblemException p ? p.problem().code() : e.getClass().getSimpleName());
    }
}

package kr.seoullearn.functions.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.catalogue.port.Catalogue;
import kr.seoullearn.catalogue.domain.Provider;
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
 * conditional on the seat being as it was read, and reminders are spaced by the rule.
 */
final class InactivityReclaim {
    private static final Log LOG = Log.of(InactivityReclaim.class);

    /** What one run did. */
    record Outcome(int tenants, int idleSeats, int reminded, int reclaimed, int promoted) {}

    private final TenantDirectory tenants;
    private final ProgrammeCatalogue programmes;
    private final Catalogue catalogue;
    private final EnrolmentLedger ledger;
    private final SeatActivity activity;
    private final Clock clock;

    InactivityReclaim(TenantDirectory tenants, ProgrammeCatalogue programmes, Catalogue catalogue, EnrolmentLedger ledger,
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
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            EligibilityProgramme.Inactivity rule = programmes.inForce(tenant.id(), today).map(EligibilityProgramme::inactivity).orElse(null);
            if (rule == null) {
                continue; // off by default
            }
            tenantsWithRule++;
            LocalDate idleBefore = today.minusDays(rule.afterDays() - 1L); // idle for afterDays days or more
            for (Provider provider : providers) {
                AtomicInteger freed = new AtomicInteger();
                activity.idleSeats(tenant.id(), provider.id(), idleBefore, seat -> {
                    idle.incrementAndGet();
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
                });
                if (freed.get() > 0 && provider.takesNewLearners()) {
                    promoted += ledger.fillFreeSeats(tenant.id(), provider.id(), clock.instant());
                }
            }
        }
        Outcome outcome = new Outcome(tenantsWithRule, idle.get(), reminded.get(), reclaimed.get(), promoted);
        LOG.info("inactivity run", "tenants", outcome.tenants(), "idleSeats", outcome.idleSeats(), "reminded", outcome.reminded(),
                "reclaimed", outcome.reclaimed(), "promoted", outcome.promoted());
        return outcome;
    }
}

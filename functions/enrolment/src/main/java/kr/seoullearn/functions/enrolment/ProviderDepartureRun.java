package kr.seoullearn.functions.enrolment;

import java.util.List;
import java.util.function.BooleanSupplier;
import kr.seoullearn.enrolment.domain.Departure;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.enrolment.port.SeatActivity.Notice;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The departures worker (docs/adr/0023): for each provider departure not done, tenant by tenant,
 * tells each seated learner (PROVIDER_LEAVING, access until the grace date) and then each waiting
 * learner (WAITLIST_CLOSED, the place given back), a page at a time, saving the progress after
 * every page. Every notice's id is made from the departure, so a step done twice (a run stopped
 * after telling and before saving, two runs at once) tells nobody twice; a run that runs out of
 * time or meets an error stops, and the next run resumes from the saved page. Logs carry ids and
 * counts, never a learner.
 */
final class ProviderDepartureRun {
    static final int PAGE = 100;
    private static final Log LOG = Log.of(ProviderDepartureRun.class);

    /** What a run did: departures seen, finished, learners told and waiting learners closed now, departures that failed (resumed next run). */
    record Outcome(int departures, int finished, int learnersTold, int waitlistClosed, int failed, boolean outOfTime) {}

    private final ProviderDepartures departures;
    private final TenantDirectory tenants;
    private final SeatActivity activity;
    private final EnrolmentLedger ledger;
    private final int page;

    ProviderDepartureRun(ProviderDepartures departures, TenantDirectory tenants, SeatActivity activity, EnrolmentLedger ledger) {
        this(departures, tenants, activity, ledger, PAGE);
    }

    /** {@code page}: learners per step (tests use small pages to stop and resume between them). */
    ProviderDepartureRun(ProviderDepartures departures, TenantDirectory tenants, SeatActivity activity, EnrolmentLedger ledger, int page) {
        this.departures = departures;
        this.tenants = tenants;
        this.activity = activity;
        this.ledger = ledger;
        this.page = page;
    }

    Outcome run(BooleanSupplier timeLeft) {
        int seen = 0;
        int finished = 0;
        int failed = 0;
        int[] told = new int[2];
        boolean outOfTime = false;
        List<Departure> open = departures.open();
        for (Departure d : open) {
            seen++;
            if (!timeLeft.getAsBoolean()) {
                outOfTime = true;
                break;
            }
            try {
                Departure after = work(d, timeLeft, told);
                if (after != null && after.done()) {
                    finished++;
                    LOG.info("provider departure done", "departure", after.id(), "learnersTold", after.learnersTold(),
                            "waitlistClosed", after.waitlistClosed());
                }
            } catch (RuntimeException e) {
                // this departure stops where its progress was saved; the others go on
                failed++;
                LOG.warn("provider departure stopped", "departure", d.id(), "failure", e instanceof ProblemException p
                        ? p.problem().code() : e.getClass().getSimpleName());
            }
        }
        Outcome o = new Outcome(seen, finished, told[0], told[1], failed, outOfTime || !timeLeft.getAsBoolean());
        LOG.info("provider departures run", "departures", o.departures(), "finished", o.finished(), "learnersTold", o.learnersTold(),
                "waitlistClosed", o.waitlistClosed(), "failed", o.failed(), "outOfTime", o.outOfTime());
        return o;
    }

    /** Works on one departure until it is done, time runs out, or another run took it over (null). */
    private Departure work(Departure d, BooleanSupplier timeLeft, int[] told) {
        for (TenantDirectory.Tenant t : tenants.all()) {
            TenantId tenant = t.id();
            if (d.tenantsDone().contains(tenant.value())) {
                continue;
            }
            d = d.working(tenant.value());
            while (d.phase() == Departure.Phase.SEATS) {
                if (!timeLeft.getAsBoolean()) {
                    return d;
                }
                SeatActivity.SeatPage seats = activity.seats(tenant, d.providerId(), d.cursor(), page);
                int now = 0;
                for (var seat : seats.seats()) {
                    if (activity.tellOnce(tenant, seat.userId(), new Notice(Notice.Kind.PROVIDER_LEAVING, d.providerId(), d.graceUntil(), d.at()),
                            d.leavingNoticeId())) {
                        now++;
                    }
                }
                d = save(d, d.seatsTold(now, seats.next()));
                if (d == null) {
                    return null;
                }
                told[0] += now;
            }
            while (true) {
                if (!timeLeft.getAsBoolean()) {
                    return d;
                }
                List<EnrolmentLedger.WaitingLearner> head = ledger.usage(tenant, d.providerId(), page).head();
                if (head.isEmpty()) {
                    break;
                }
                int now = 0;
                int off = 0;
                for (EnrolmentLedger.WaitingLearner w : head) {
                    // told first, then taken off: a stop in between is mended by the next run (told once, taken off then)
                    if (activity.tellOnce(tenant, w.userId(), new Notice(Notice.Kind.WAITLIST_CLOSED, d.providerId(), null, d.at()),
                            d.closedNoticeId())) {
                        now++;
                    }
                    var entry = ledger.find(tenant, w.userId(), d.providerId());
                    if (entry.isPresent() && !entry.get().enrolled()) {
                        try {
                            ledger.withdraw(entry.get());
                            off++;
                        } catch (ProblemException gone) {
                            // withdrawn by the learner meanwhile
                        }
                    }
                }
                d = save(d, d.waitlistClosed(now));
                if (d == null) {
                    return null;
                }
                told[1] += now;
                if (off == 0) {
                    // nothing could be taken off this time: leave the rest to the next run rather than loop
                    LOG.warn("provider departure: waitlist did not move", "departure", d.id(), "tenant", tenant.value());
                    return d;
                }
            }
            d = save(d, d.tenantDone());
            if (d == null) {
                return null;
            }
        }
        return save(d, d.finished());
    }

    /** The progress saved, or null when another run saved first (it goes on; this one stops). */
    private Departure save(Departure previous, Departure next) {
        return departures.advance(previous, next) ? next : null;
    }
}

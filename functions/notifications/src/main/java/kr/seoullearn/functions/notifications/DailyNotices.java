package kr.seoullearn.functions.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.laptops.port.OverdueNotices;
import kr.seoullearn.mentoring.port.TermEndNotices;
import kr.seoullearn.notifications.domain.QuietHours;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;

/**
 * The daily notices (docs/adr/0027), as of the scheduled time's Seoul day: per tenant, the laptops
 * context's overdue escalation step (a "laptop overdue" notice once per stage) and the mentoring
 * context's term-ending step (a "term ending" notice once per term end). Each notice is written in
 * the transaction that records it was given, and carries 09:00 Seoul of that day as its time, so a
 * run repeated the same day writes the same notice and a later run finds it recorded. The dispatch
 * (every minute) delivers them. A tenant or a step that fails is counted and the rest go on.
 */
final class DailyNotices {
    private static final Log LOG = Log.of(DailyNotices.class);
    /** The hour the day's notices carry (and go out at, when the step runs before it). */
    static final LocalTime HOUR = LocalTime.of(9, 0);

    record Outcome(LocalDate day, int tenants, int failures, int overdue, int overdueTold, int termsEnding, int termEndingTold) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", "daily-notices");
            m.put("day", day.toString());
            m.put("tenants", tenants);
            m.put("failures", failures);
            m.put("overdue", overdue);
            m.put("overdueTold", overdueTold);
            m.put("termsEnding", termsEnding);
            m.put("termEndingTold", termEndingTold);
            return m;
        }
    }

    private final TenantDirectory tenants;
    private final OverdueNotices overdue;
    private final TermEndNotices terms;

    DailyNotices(TenantDirectory tenants, OverdueNotices overdue, TermEndNotices terms) {
        this.tenants = tenants;
        this.overdue = overdue;
        this.terms = terms;
    }

    Outcome run(Instant scheduledTime) {
        LocalDate today = scheduledTime.atZone(QuietHours.SEOUL).toLocalDate();
        Instant at = today.atTime(HOUR).atZone(QuietHours.SEOUL).toInstant();
        int count = 0;
        int failures = 0;
        int late = 0;
        int lateTold = 0;
        int ending = 0;
        int endingTold = 0;
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            count++;
            try {
                OverdueNotices.Outcome o = overdue.tell(tenant.id(), today, at);
                late += o.overdue();
                lateTold += o.told();
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("overdue step failed", "tenant", tenant.id().value(), "error", e.getClass().getSimpleName());
            }
            try {
                TermEndNotices.Outcome o = terms.tell(tenant.id(), today, at);
                ending += o.ending();
                endingTold += o.told();
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("term-ending step failed", "tenant", tenant.id().value(), "error", e.getClass().getSimpleName());
            }
        }
        Outcome outcome = new Outcome(today, count, failures, late, lateTold, ending, endingTold);
        LOG.info("daily notices", "day", today.toString(), "tenants", count, "failures", failures, "overdue", late,
                "overdueTold", lateTold, "termsEnding", ending, "termEndingTold", endingTold);
        return outcome;
    }
}

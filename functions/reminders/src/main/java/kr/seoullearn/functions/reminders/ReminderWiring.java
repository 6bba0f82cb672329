package kr.seoullearn.functions.reminders;

import java.util.EnumMap;
import java.util.Map;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.reminders.port.DigestPlans;
import kr.seoullearn.reminders.port.Notifier;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.TenantDirectory;

/** Which source answers for which kind: the one place a new reminder kind is plugged in. */
final class ReminderWiring {
    private ReminderWiring() {}

    static ReminderRun run(TenantDirectory tenants, ReminderSettingsStore settings, ReminderQueue queue, Recipients recipients,
                           Notifier notifier, ApplicationStore applications, ProgrammeCatalogue programmes, Catalog catalogue,
                           MentoringLedger mentoring, LaptopLedger laptops, DigestPlans plans) {
        ReviewDigest digest = new ReviewDigest(applications, recipients, queue, plans);
        EnrolmentNoticeSource notices = new EnrolmentNoticeSource(catalogue);
        Map<ReminderKind, ReminderSource> sources = new EnumMap<>(ReminderKind.class);
        sources.put(ReminderKind.DOCUMENTS_MISSING, new DocumentsMissingSource(applications, programmes));
        sources.put(ReminderKind.INACTIVITY_REMINDER, notices);
        sources.put(ReminderKind.SEAT_RECLAIMED, notices);
        sources.put(ReminderKind.PROVIDER_LEAVING, notices);
        sources.put(ReminderKind.WAITLIST_CLOSED, notices);
        sources.put(ReminderKind.REVIEW_DIGEST, digest);
        sources.put(ReminderKind.SESSION_24H, new SessionSource(mentoring));
        sources.put(ReminderKind.SESSION_1H, new SessionSource(mentoring));
        LaptopSource laptop = new LaptopSource(laptops);
        sources.put(ReminderKind.LAPTOP_READY, laptop);
        sources.put(ReminderKind.LAPTOP_RETURN_SOON, laptop);
        sources.put(ReminderKind.LAPTOP_RETURN_DUE, laptop);
        return new ReminderRun(tenants, settings, queue, recipients, notifier, sources, digest);
    }
}

package kr.seoullearn.functions.reminders;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.reminders.domain.DueReminder;

/**
 * The enrolment notices (inactivity reminder, seat reclaimed, provider leaving, waitlist closed;
 * ADR 12): each was written with its due reminder in one transaction, so it always applies; the
 * message names the provider (Korean name in Korean, else the English one) and the notice's date.
 */
final class EnrolmentNoticeSource implements ReminderSource {
    private final Catalog catalogue;
    /** Provider names are read once per run at most (a warm function keeps them a few minutes). */
    private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    private Map<String, Provider> providers;
    private long readAt;

    EnrolmentNoticeSource(Catalog catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Map<String, Object>> content(DueReminder r, Language language) {
        if (providers == null || System.nanoTime() - readAt > FRESH_NANOS) {
            Map<String, Provider> read = new HashMap<>();
            catalogue.providers().forEach(p -> read.put(p.id(), p)); // one Query, only when a notice is due
            providers = read;
            readAt = System.nanoTime();
        }
        String id = r.params().get("providerId");
        Provider p = id == null ? null : providers.get(id);
        Map<String, Object> values = new HashMap<>();
        values.put("provider", p == null ? String.valueOf(id) : language == Language.KO ? p.nameKo() : p.nameEn());
        if (r.params().containsKey("date")) {
            values.put("date", LocalDate.parse(r.params().get("date")));
        }
        return Optional.of(values);
    }
}

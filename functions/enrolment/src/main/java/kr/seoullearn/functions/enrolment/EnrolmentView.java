package kr.seoullearn.functions.enrolment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.tenant.TenantId;

/** Enrolments, waitlist entries and seat usage as the API shows them (docs/api/openapi.yaml). */
final class EnrolmentView {
    private EnrolmentView() {}

    /**
     * A seat: the access link while the provider's lectures are open to the learner; for a
     * provider that left, {@code accessUntil} (the end of its grace period) — and no link after it.
     */
    static Map<String, Object> enrolled(Enrolment e, Provider provider, LocalDate today) {
        return enrolled(e, provider, today, null);
    }

    /**
     * As {@link #enrolled(Enrolment, Provider, LocalDate)}; with the programme's inactivity rule,
     * also the last recorded activity and, once reminded, the first day the seat can be reclaimed.
     */
    static Map<String, Object> enrolled(Enrolment e, Provider provider, LocalDate today, EligibilityProgramme.Inactivity rule) {
        Map<String, Object> v = common(e, provider);
        EnrolmentRules.Access access = EnrolmentRules.access(provider, today);
        if (access.open()) {
            v.put("accessUrl", provider.accessUrl(e.tenant(), e.learnerRef()));
        }
        if (access.until() != null) {
            v.put("accessUntil", access.until().toString());
        }
        v.put("accessOpen", access.open());
        if (rule != null && e.activity() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("lastActiveOn", e.activity().lastActiveOn().toString());
            a.put("reminders", e.activity().reminders());
            if (e.activity().reminders() > 0) {
                a.put("reclaimFrom", EnrolmentRules.reclaimFrom(rule, e.activity()).toString());
            }
            v.put("activity", a);
        }
        return v;
    }

    static Map<String, Object> notice(SeatActivity.Notice n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", n.kind().name());
        v.put("providerId", n.providerId());
        if (n.date() != null) {
            v.put("date", n.date().toString());
        }
        v.put("at", n.at().toString());
        return v;
    }

    static Map<String, Object> waiting(Enrolment e, Provider provider, int position) {
        Map<String, Object> v = common(e, provider);
        v.put("position", position);
        return v;
    }

    private static Map<String, Object> common(Enrolment e, Provider provider) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("providerId", e.providerId());
        if (provider != null) {
            v.put("name", Map.of("ko", provider.nameKo(), "en", provider.nameEn()));
            v.put("providerStatus", provider.status().name());
        }
        v.put("status", e.status().name());
        v.put("since", e.since().toString());
        return v;
    }

    static Map<String, Object> usage(TenantId tenant, Provider provider, EnrolmentLedger.Usage usage) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("providerId", provider.id());
        v.put("tenant", tenant.value());
        v.put("providerStatus", provider.status().name());
        if (provider.graceUntil() != null) {
            v.put("graceUntil", provider.graceUntil().toString());
        }
        v.put("seats", usage.counts().seats());
        v.put("used", usage.counts().used());
        v.put("free", usage.counts().free());
        v.put("waiting", usage.counts().waiting());
        List<Map<String, Object>> head = new ArrayList<>();
        for (EnrolmentLedger.WaitingLearner w : usage.head()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("position", w.position());
            entry.put("userId", w.userId());
            entry.put("queuedAt", w.queuedAt().toString());
            head.add(entry);
        }
        v.put("waitlistHead", head);
        return v;
    }
}

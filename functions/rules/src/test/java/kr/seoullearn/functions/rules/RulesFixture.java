package kr.seoullearn.functions.rules;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.http.Json;

/** Calls of the rules routes as API Gateway sends them, and a clock a test moves. */
final class RulesFixture {
    private RulesFixture() {}

    /** A clock a test sets (the functions' clock is injected, never slept on). */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant at) {
            now.set(at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static APIGatewayV2HTTPResponse call(RulesHandler handler, String routeKey, Map<String, String> path, String body,
                                         String user, String tenant, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(routeKey, Events.claims(user, tenant, groups), body, "en");
        event.setPathParameters(path);
        return handler.handleRequest(event, null);
    }

    static Map<String, String> path(String kind, String draftId) {
        Map<String, String> p = new LinkedHashMap<>();
        if (kind != null) {
            p.put("kind", kind);
        }
        if (draftId != null) {
            p.put("draftId", draftId);
        }
        return p;
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }

    static String code(APIGatewayV2HTTPResponse r) {
        return String.valueOf(json(r).get("code"));
    }

    /** Seoul's programme from 1 March 2026 (as the seed's): income line 80 %, two categories, pick limit 2. */
    static Map<String, Object> programme2026() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", "seoul");
        m.put("id", "seoul-2026");
        m.put("effectiveFrom", "2026-03-01");
        m.put("name", Map.of("ko", "서울런 2026", "en", "Seoul Learn 2026"));
        m.put("categories", List.of(
                Map.of("code", "LOW_INCOME", "recordsCanDecide", true, "requiredDocuments", List.of("INCOME_PROOF")),
                Map.of("code", "MULTICULTURAL", "recordsCanDecide", false, "requiredDocuments", List.of("MULTICULTURAL_FAMILY_CERTIFICATE"))));
        m.put("incomeLinePercent", 80);
        m.put("minAge", 6);
        m.put("maxAge", 24);
        m.put("schoolLevels", List.of("ELEMENTARY", "MIDDLE", "HIGH"));
        m.put("pickLimit", 2);
        m.put("laptopLoan", Map.of("loanDays", 365, "maxExtensionDays", 90));
        return m;
    }

    static Map<String, Object> mentoring2021() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", "seoul");
        m.put("id", "seoul-mentoring-launch");
        m.put("effectiveFrom", "2021-03-01");
        m.putAll(Map.of("sessionMinutes", 30, "totalSessions", 16, "windowWeeks", 8, "weeklyCap", 2, "weeklyCapWithMentorConsent", 2,
                "minNoticeHours", 24, "lateCancelHours", 12, "trialSessions", 0, "levels", List.of("ELEMENTARY", "MIDDLE", "HIGH"),
                "extensionSessions", 8));
        m.putAll(Map.of("extensionWeeks", 4, "mentorStandardCapacity", 4, "mentorMaxCapacity", 10));
        return m;
    }

    static Map<String, Object> recruitment2021() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", "seoul");
        m.put("id", "seoul-recruitment-launch");
        m.put("effectiveFrom", "2021-03-01");
        m.putAll(Map.of("schoolTypes", List.of("UNIVERSITY", "GRADUATE_SCHOOL"), "enrolmentStates", List.of("ENROLLED", "ON_LEAVE"),
                "maxAge", 39, "minGrade", "C+", "termStartMonth", 3, "termMonths", 12, "renewalWindowDays", 60, "notesReadDays", 90,
                "standardCapacity", 4));
        return m;
    }
}

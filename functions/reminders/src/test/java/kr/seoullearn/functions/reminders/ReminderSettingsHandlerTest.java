package kr.seoullearn.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The admin's reminder switches: own tenant only, bad input and wrong roles are 4xx problems and write nothing. */
class ReminderSettingsHandlerTest {
    /** In memory, with the adapter's version check. */
    static final class InMemorySettings implements ReminderSettingsStore {
        final Map<TenantId, ReminderSettings> byTenant = new HashMap<>();
        int saves;

        @Override
        public ReminderSettings find(TenantId tenant) {
            return byTenant.getOrDefault(tenant, ReminderSettings.DEFAULT);
        }

        @Override
        public ReminderSettings save(TenantId tenant, Set<ReminderKind> off, long expectedVersion) {
            if (find(tenant).version() != expectedVersion) {
                throw new ProblemException(Problem.VERSION_CONFLICT);
            }
            saves++;
            ReminderSettings s = new ReminderSettings(off, expectedVersion + 1);
            byTenant.put(tenant, s);
            return s;
        }
    }

    private final InMemorySettings store = new InMemorySettings();
    private final ReminderSettingsHandler handler = new ReminderSettingsHandler(store);

    private APIGatewayV2HTTPResponse call(String routeKey, String group, String tenant, String body, String lang) {
        return handler.handleRequest(Events.http(routeKey, Events.claims("user-1", tenant, group), body, lang), null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSwitchesAKindOffForTheirOwnTenantOnly() {
        var saved = call("PUT /api/admin/reminders", "admins", "chungbuk", "{\"version\":0,\"off\":[\"review-digest\"]}", "en");
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(Json.readObject(saved.getBody())).containsEntry("version", 1).containsEntry("off", java.util.List.of("review-digest"));
        assertThat(store.find(new TenantId("chungbuk")).enabled(ReminderKind.REVIEW_DIGEST)).isFalse();
        assertThat(store.find(TenantId.SEOUL).enabled(ReminderKind.REVIEW_DIGEST)).isTrue();
        var seen = Json.readObject(call("GET /api/admin/reminders", "admins", "chungbuk", null, "ko").getBody());
        assertThat((java.util.List<Object>) seen.get("kinds")).contains(Map.<String, Object>of("kind", "review-digest", "enabled", false),
                Map.<String, Object>of("kind", "documents-missing", "enabled", true));
    }

    @Test
    void badInputIsA400InTheCallersLanguageAndWritesNothing() {
        for (String body : new String[] {"{\"version\":0,\"off\":[\"no-such-kind\"]}", "{\"off\":[]}", "{\"version\":0}",
                "{\"version\":0,\"off\":\"review-digest\"}", "{\"version\":0,\"off\":[],\"tenant\":\"seoul\"}", "[]", "{not json",
                "{\"version\":-1,\"off\":[]}", "{\"version\":0,\"off\":[1]}"}) {
            var r = call("PUT /api/admin/reminders", "admins", "seoul", body, "vi");
            assertThat(r.getStatusCode()).as(body + " → " + r.getBody()).isEqualTo(400);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(r.getHeaders()).containsEntry("content-language", "vi");
        }
        assertThat(store.saves).isZero();
    }

    @Test
    void onlyAdminsAndAStaleVersionIsAConflict() {
        for (String group : new String[] {"learners", "reviewers", "mentors", "district-officers", "applicants"}) {
            assertThat(call("GET /api/admin/reminders", group, "seoul", null, "en").getStatusCode()).as(group).isEqualTo(403);
            assertThat(call("PUT /api/admin/reminders", group, "seoul", "{\"version\":0,\"off\":[]}", "en").getStatusCode()).isEqualTo(403);
        }
        assertThat(call("PUT /api/admin/reminders", "admins", "seoul", "{\"version\":0,\"off\":[]}", "en").getStatusCode()).isEqualTo(200);
        assertThat(call("PUT /api/admin/reminders", "admins", "seoul", "{\"version\":0,\"off\":[]}", "en").getStatusCode()).isEqualTo(409);
    }
}

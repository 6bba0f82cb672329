package kr.seoullearn.functions.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.port.Inbox;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The inbox and preferences routes through real HTTP API events: the caller's own only, strict input, wrong roles refused. */
class NotificationsHandlerTest {
    static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    /** In memory, keyed by tenant and person as the adapter's partition is. */
    static final class InMemory implements Inbox, PreferencesStore {
        final Map<String, List<Entry>> inboxes = new HashMap<>();
        final Map<String, NotificationPreferences> prefs = new HashMap<>();
        int saves;

        @Override
        public Page page(TenantId tenant, String userId, String after, int limit) {
            List<Entry> all = inboxes.getOrDefault(tenant.value() + "/" + userId, List.of());
            List<Entry> older = all.stream().filter(e -> after == null || e.id().compareTo(after) < 0).limit(limit).toList();
            return new Page(older, null, (int) all.stream().filter(e -> e.readAt() == null).count());
        }

        @Override
        public Optional<Entry> markRead(TenantId tenant, String userId, String id, Instant now) {
            List<Entry> all = inboxes.getOrDefault(tenant.value() + "/" + userId, new ArrayList<>());
            for (int i = 0; i < all.size(); i++) {
                Entry e = all.get(i);
                if (e.id().equals(id)) {
                    Entry read = new Entry(e.id(), e.kind(), e.params(), e.at(), e.readAt() == null ? now : e.readAt());
                    all.set(i, read);
                    return Optional.of(read);
                }
            }
            return Optional.empty();
        }

        @Override
        public NotificationPreferences find(TenantId tenant, String userId) {
            return prefs.getOrDefault(tenant.value() + "/" + userId, NotificationPreferences.defaults());
        }

        @Override
        public NotificationPreferences save(TenantId tenant, String userId, NotificationPreferences chosen) {
            if (find(tenant, userId).version() != chosen.version()) {
                throw new ProblemException(Problem.VERSION_CONFLICT);
            }
            saves++;
            NotificationPreferences saved = new NotificationPreferences(chosen.language(), chosen.smsNumber(), chosen.channels(),
                    chosen.quietHours(), chosen.version() + 1);
            prefs.put(tenant.value() + "/" + userId, saved);
            return saved;
        }
    }

    /** Codes in memory (the limits themselves are proven against moto in SmsVerificationsIT). */
    static final class InMemoryCodes implements SmsVerifications {
        final Map<String, String> codes = new HashMap<>();
        final Map<String, String> verified = new HashMap<>();

        @Override
        public Issued issue(TenantId tenant, String userId, Holder holder, String number, Instant now) {
            codes.put(tenant.value() + "/" + userId + "/" + holder + "/" + number, "123456");
            return new Issued("123456", now.plusSeconds(600));
        }

        @Override
        public void verify(TenantId tenant, String userId, Holder holder, String number, String code, Instant now) {
            String key = tenant.value() + "/" + userId + "/" + holder;
            if (!code.equals(codes.remove(key + "/" + number))) {
                throw new ProblemException(kr.seoullearn.notifications.domain.SmsVerificationRefusal.SMS_CODE_WRONG);
            }
            verified.put(key, number);
        }

        @Override
        public boolean verified(TenantId tenant, String userId, Holder holder, String number) {
            return number != null && number.equals(verified.get(tenant.value() + "/" + userId + "/" + holder));
        }

        @Override
        public void forget(TenantId tenant, String userId, Holder holder) {
            verified.remove(tenant.value() + "/" + userId + "/" + holder);
        }
    }

    private final InMemory store = new InMemory();
    private final InMemoryCodes codes = new InMemoryCodes();
    private final List<String> texts = new ArrayList<>();
    private final NotificationsHandler handler = new NotificationsHandler(store, store, Clock.fixed(NOW, ZoneOffset.UTC),
            new SmsNumberVerification(codes, store, (t, u) -> Optional.empty(), (to, subject, text) -> {
                texts.add(text);
                return "m-" + texts.size();
            }, Clock.fixed(NOW, ZoneOffset.UTC)));

    private APIGatewayV2HTTPResponse call(String routeKey, String group, String body, String lang, Map<String, String> path,
                                          Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.http(routeKey, Events.claims("user-1", "seoul", group), body, lang);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        return handler.handleRequest(event, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLearnerReadsTheirOwnNoticesInTheirLanguageAndMarksOneRead() {
        Notice n = Notice.of(TenantId.SEOUL, NoticeKind.SESSION_MOVED, "s-1", "user-1",
                Map.of("start", "2026-12-09T09:00:00Z", "newStart", "2026-12-10T09:30:00Z"), NOW);
        store.inboxes.put("seoul/user-1", new ArrayList<>(List.of(new Inbox.Entry(n.id(), n.kind(), n.params(), n.at(), null))));
        var page = call("GET /api/me/notifications", "learners", null, "en", null, Map.of("limit", "5"));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        Map<String, Object> body = Json.readObject(page.getBody());
        assertThat(body).containsEntry("unread", 1);
        assertThat((List<Map<String, Object>>) body.get("notifications")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("kind", "session-moved").containsEntry("read", false);
            assertThat((String) e.get("title")).isEqualTo("[Seoul Learn] Mentoring session moved to Thursday 10 December 2026, 18:30 (Seoul time)");
        });
        var read = call("POST /api/me/notifications/{id}/read", "learners", null, "ko", Map.of("id", n.id()), null);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(Json.readObject(read.getBody())).containsEntry("read", true).containsEntry("readAt", NOW.toString());
        assertThat(call("POST /api/me/notifications/{id}/read", "learners", null, "ko",
                Map.of("id", "20261207T000000000Z-0f0e0d0c-0b0a-3908-8706-050403020100"), null).getStatusCode()).isEqualTo(404);
        assertThat(call("POST /api/me/notifications/{id}/read", "learners", null, "ko", Map.of("id", "../x"), null).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void staffAreRefusedBeforeTheirInputIsRead() {
        for (String group : List.of("reviewers", "admins", "district-officers")) {
            var r = call("PUT /api/me/preferences", group, "{\"version\":", "vi", null, null);
            assertThat(r.getStatusCode()).as(group).isEqualTo(403);
            assertThat(call("GET /api/me/notifications", group, null, "vi", null, null).getStatusCode()).isEqualTo(403);
        }
        assertThat(store.saves).isZero();
    }

    @Test
    void badInputIsAProblemInTheCallersLanguageAndSavesNothing() {
        var r = call("PUT /api/me/preferences", "mentors", "{\"version\":0,\"smsNumber\":\"12345\",\"channels\":{\"x\":[]}}", "vi", null, null);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(r.getBody()).contains("validation-failed").contains("invalid-phone-number").contains("unknown-kind");
        assertThat(call("GET /api/me/notifications", "applicants", null, "zh", null, Map.of("limit", "500")).getStatusCode())
                .isEqualTo(400);
        assertThat(store.saves).isZero();
        var saved = call("PUT /api/me/preferences", "mentors", "{\"version\":0,\"language\":\"zh\",\"smsNumber\":\"+821012345678\"}",
                "vi", null, null);
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(Json.readObject(saved.getBody())).containsEntry("version", 1).containsEntry("language", "zh");
        assertThat(call("PUT /api/me/preferences", "mentors", "{\"version\":0}", "vi", null, null).getStatusCode()).isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewNumberIsSentACodeInTheChosenLanguageAndIsVerifiedOnlyByIt() {
        var saved = Json.readObject(call("PUT /api/me/preferences", "learners",
                "{\"version\":0,\"language\":\"vi\",\"smsNumber\":\"+821012345678\"}", "ko", null, null).getBody());
        assertThat(saved).containsEntry("smsVerified", false);
        assertThat((Map<String, Object>) saved.get("smsVerification")).containsEntry("codeSent", true);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).contains("123456").contains("Seoul Learn");
        var malformed = call("POST /api/me/preferences/sms-number/verification", "learners", "{\"code\":\"12a456\"}", "en", null, null);
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("validation-failed");
        var wrong = call("POST /api/me/preferences/sms-number/verification", "learners", "{\"code\":\"654321\"}", "en", null, null);
        assertThat(wrong.getStatusCode()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("sms-code-wrong");
        codes.issue(TenantId.SEOUL, "user-1", SmsVerifications.Holder.SELF, "+821012345678", NOW);
        var right = call("POST /api/me/preferences/sms-number/verification", "learners", "{\"code\":\"123456\",\"for\":\"self\"}", "en", null, null);
        assertThat(right.getStatusCode()).as(right.getBody()).isEqualTo(200);
        assertThat(Json.readObject(call("GET /api/me/preferences", "learners", null, "en", null, null).getBody()))
                .containsEntry("smsVerified", true);
        var again = call("POST /api/me/preferences/sms-number/verification-code", "learners", null, "en", null, null);
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getBody()).contains("sms-number-already-verified");
        // another number: no longer verified, a code to the new one
        var changed = Json.readObject(call("PUT /api/me/preferences", "learners",
                "{\"version\":1,\"smsNumber\":\"+821099998888\"}", "en", null, null).getBody());
        assertThat(changed).containsEntry("smsVerified", false);
        assertThat(texts).hasSize(2);
        var guardian = call("POST /api/me/preferences/sms-number/verification-code", "learners", "{\"for\":\"guardian\"}", "en", null, null);
        assertThat(guardian.getStatusCode()).isEqualTo(409);
        assertThat(guardian.getBody()).contains("sms-number-missing");
        assertThat(call("POST /api/me/preferences/sms-number/verification-code", "reviewers", null, "en", null, null).getStatusCode())
                .isEqualTo(403);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Side effects happen once, through the running local cloud (docs/adr/0023): a provider's leaving
 * sent three times (and twice more at once) is one departure; its worker, fired again and again and
 * in parallel, and the reminder runs after it, send each learner exactly one e-mail — read back from
 * the local SES. A round created twice with one Idempotency-Key is one round; the key with another
 * request is a 422 problem.
 */
class SideEffectsOnceE2E {
    private static final String DEPARTURES = "/_local/schedules/ProviderDepartureFunction.Every5Minutes";
    private static final String REMINDERS = "/_local/schedules/ReminderFunction.Every15Minutes";
    private static LocalCloudClient cloud;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        mailbox = new LocalMailbox(URI.create(String.valueOf(cloud.state().get("awsEndpoint"))));
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected, String... headers) {
        HttpResponse<String> r = cloud.send(method, path, body, body == null ? null : "application/json", token, headers);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    private static Map<String, Object> fire(String schedule, Instant at) {
        HttpResponse<String> r = cloud.send("POST", schedule + (at == null ? "" : "?at=" + at), null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.readObject(r.body());
    }

    private static final String SEOUL_MIDDLE = "learner@seoul-learn.local";
    private static final String SEOUL_ELEMENTARY = "learner.elementary@seoul-learn.local";
    private static final String CHUNGBUK = "learner@chungbuk.seoul-learn.local";

    /** The demo learner gives up every provider (what another test or a failed run left). */
    @SuppressWarnings("unchecked")
    private static void giveUpEverything(String token) {
        Map<String, Object> mine = api("GET", "/api/enrolments", null, token, 200);
        for (String list : List.of("enrolments", "waitlist")) {
            for (Map<String, Object> e : (List<Map<String, Object>>) mine.get(list)) {
                assertThat(cloud.send("DELETE", "/api/enrolments/" + e.get("providerId"), null, null, token).statusCode()).isEqualTo(204);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProviderLeavingRetriedThreeTimesSendsEachLearnerExactlyOneNotice() {
        // providers and their leaving are the catalogue operators'; seats are the tenant admin's
        String admin = cloud.signIn("admin@seoul-learn.local").idToken();
        String operator = cloud.signIn("catalogue@seoul-learn.local").idToken();
        String providerId = "t-once-" + UUID.randomUUID().toString().substring(0, 8);
        String suffix = providerId.substring(7);
        String name = "Once Learning " + suffix;
        api("PUT", "/api/admin/providers/" + providerId, "{\"nameKo\":\"한번 학습 " + suffix + "\",\"nameEn\":\"" + name + "\",\"levels\":[\"ELEMENTARY\",\"MIDDLE\"],"
                + "\"accessUrlTemplate\":\"https://" + providerId + ".example/{tenant}/{learnerRef}\"}", operator, 200);
        api("PUT", "/api/admin/providers/" + providerId + "/seats", "{\"seats\":2}", admin, 200);
        // two demo learners of Seoul take its two seats; Chungbuk's, where it gave no seats, waits
        List<String[]> seated = new ArrayList<>();
        for (String email : List.of(SEOUL_MIDDLE, SEOUL_ELEMENTARY)) {
            String token = cloud.signIn(email).idToken();
            giveUpEverything(token);
            api("POST", "/api/enrolments", "{\"providerId\":\"" + providerId + "\"}", token, 201);
            seated.add(new String[] {email, token});
        }
        String[] waiting = {CHUNGBUK, cloud.signIn(CHUNGBUK).idToken()};
        giveUpEverything(waiting[1]);
        api("POST", "/api/enrolments", "{\"providerId\":\"" + providerId + "\"}", waiting[1], 202);
        // the leaving, sent three times one after another and twice at once (a client's timeouts and retries)
        String grace = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).plusDays(30).toString();
        String body = "{\"graceUntil\":\"" + grace + "\"}";
        Map<String, Object> first = api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202);
        assertThat((Map<String, Object>) first.get("departure")).containsEntry("id", providerId + "@" + grace);
        api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202);
        api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202);
        List.of(CompletableFuture.supplyAsync(() -> api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202)),
                CompletableFuture.supplyAsync(() -> api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202)))
                .forEach(CompletableFuture::join);

        // the worker, fired again and again and twice at once; then the reminder runs, repeated
        fire(DEPARTURES, null);
        List.of(CompletableFuture.supplyAsync(() -> fire(DEPARTURES, null)), CompletableFuture.supplyAsync(() -> fire(DEPARTURES, null)))
                .forEach(CompletableFuture::join);
        fire(DEPARTURES, null);
        Map<String, Object> departure = (Map<String, Object>) api("POST", "/api/admin/providers/" + providerId + "/leave", body, operator, 202)
                .get("departure");
        assertThat(departure).containsEntry("status", "DONE").containsEntry("learnersTold", 2).containsEntry("waitlistClosed", 1);
        Instant soon = Instant.now().plus(Duration.ofMinutes(1));
        fire(REMINDERS, soon);
        fire(REMINDERS, soon);
        fire(REMINDERS, soon.plus(Duration.ofMinutes(15)));

        // the demo learners have had other mail: theirs about this provider is what counts
        for (String[] l : seated) {
            assertThat(mailbox.to(l[0])).filteredOn(m -> m.subject().contains(suffix) || m.body().contains(suffix)).as("mail to a seated learner").hasSize(1);
        }
        assertThat(mailbox.to(waiting[0])).filteredOn(m -> m.subject().contains(suffix) || m.body().contains(suffix))
                .as("mail to the waiting learner").hasSize(1);
        Map<String, Object> mine = api("GET", "/api/enrolments", null, seated.get(1)[1], 200);
        assertThat((List<Map<String, Object>>) mine.get("notices")).filteredOn(n -> providerId.equals(n.get("providerId"))).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("kind", "PROVIDER_LEAVING").containsEntry("date", grace));
        for (String[] l : seated) {
            giveUpEverything(l[1]);
        }
    }

    @Test
    void aRoundCreatedTwiceWithOneKeyIsOneRoundAndTheKeyWithAnotherRequestIs422() {
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        String key = UUID.randomUUID().toString();
        String name = "once " + key.substring(0, 8);
        String body = "{\"name\":\"" + name + "\",\"opensOn\":\"2026-11-01\",\"closesOn\":\"2027-02-28\",\"target\":3}";
        Map<String, Object> first = api("POST", "/api/recruitment/rounds", body, reviewer, 201, "Idempotency-Key", key);
        Map<String, Object> again = api("POST", "/api/recruitment/rounds", body, reviewer, 201, "Idempotency-Key", key);
        assertThat(again).isEqualTo(first);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) api("GET", "/api/recruitment/rounds", null, reviewer, 200).get("rounds");
        assertThat(rounds).filteredOn(r -> name.equals(r.get("name"))).hasSize(1);
        HttpResponse<String> other = cloud.send("POST", "/api/recruitment/rounds", body.replace("\"target\":3", "\"target\":4"),
                "application/json", reviewer, "Idempotency-Key", key, "Accept-Language", "vi");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(Json.readObject(other.body())).containsEntry("code", "idempotency-key-reused");
    }
}

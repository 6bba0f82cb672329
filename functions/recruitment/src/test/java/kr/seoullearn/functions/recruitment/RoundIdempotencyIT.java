package kr.seoullearn.functions.recruitment;

import static kr.seoullearn.functions.recruitment.RecruitmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Creating a recruitment round with an Idempotency-Key, through real API Gateway events against
 * the emulator (docs/adr/0023): the same request and key again answers the same round and writes
 * nothing; ten at once make one round; the key with another request is 422
 * {@code idempotency-key-reused} and changes nothing; a malformed key is 400; the same key of
 * another reviewer is another round.
 */
class RoundIdempotencyIT {
    private static RecruitmentFixture f;
    private static final Map<String, Object> BODY = Map.of("name", "겨울 모집", "opensOn", "2026-11-01", "closesOn", "2026-12-31",
            "target", 2, "criteria", List.of("LONG_TERM"));

    @BeforeAll
    static void provision() throws Exception {
        f = new RecruitmentFixture("round-idempotency");
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static APIGatewayV2HTTPResponse create(String reviewer, Object body, String key) {
        Map<String, String> claims = new LinkedHashMap<>(Events.claims(reviewer, "seoul", "reviewers"));
        APIGatewayV2HTTPEvent event = Events.http("POST /api/recruitment/rounds", claims,
                body instanceof String s ? s : Json.write(body), "en");
        if (key != null) {
            event.getHeaders().put("idempotency-key", key);
        }
        return f.handler.handleRequest(event, null);
    }

    private static long roundsNamed(String name) {
        return f.ledger.rounds(TenantId.SEOUL).stream().filter(r -> r.name().equals(name)).count();
    }

    @Test
    void theSameRequestWithTheSameKeyIsOneRoundAndTheSameAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>(BODY);
        body.put("name", "once-" + key);
        var first = create("rev-a", body, key);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        // the same fields in another order are the same request
        Map<String, Object> reordered = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>(body.keySet());
        java.util.Collections.reverse(fields);
        fields.forEach(k -> reordered.put(k, body.get(k)));
        var again = create("rev-a", reordered, key);
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(json(again)).isEqualTo(json(first));
        assertThat(roundsNamed("once-" + key)).isEqualTo(1);
    }

    @Test
    void tenRetriesAtOnceMakeOneRound() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>(BODY);
        body.put("name", "parallel-" + key);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> create("rev-a", body, key));
        }
        List<Object> ids = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(5)) {
            for (var r : pool.invokeAll(calls)) {
                assertThat(r.get().getStatusCode()).as(r.get().getBody()).isEqualTo(201);
                ids.add(json(r.get()).get("roundId"));
            }
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(roundsNamed("parallel-" + key)).isEqualTo(1);
    }

    @Test
    void theKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>(BODY);
        body.put("name", "first-" + key);
        assertThat(create("rev-a", body, key).getStatusCode()).isEqualTo(201);
        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("target", 7);
        var refused = create("rev-a", other, key);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(422);
        assertThat(refused.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(json(refused)).containsEntry("code", "idempotency-key-reused");
        assertThat(f.ledger.rounds(TenantId.SEOUL).stream().filter(r -> r.name().equals("first-" + key)))
                .singleElement().satisfies(r -> assertThat(r.target()).isEqualTo(2));
    }

    @Test
    void aMalformedKeyIs400AndAnotherReviewersSameKeyIsAnotherRound() {
        Map<String, Object> body = new LinkedHashMap<>(BODY);
        body.put("name", "bad-key");
        var bad = create("rev-a", body, "no spaces allowed!");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad)).containsEntry("code", "validation-failed");
        assertThat(roundsNamed("bad-key")).isZero();
        String key = UUID.randomUUID().toString();
        body.put("name", "shared-key-" + key);
        var a = json(create("rev-a", body, key));
        var b = json(create("rev-b", body, key));
        assertThat(a.get("roundId")).isNotEqualTo(b.get("roundId"));
        assertThat(roundsNamed("shared-key-" + key)).isEqualTo(2);
    }
}

package kr.seoullearn.functions.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.dynamo.AuditStorage;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /api/admin/audit through the handler with real HTTP API events, on the emulator: admins
 * only, the token's tenant only, each filter one Query (never a Scan), bad filters a 400 in the
 * caller's language, newest first and paged.
 */
class AuditHandlerIT {
    static final Instant T0 = Instant.parse("2026-11-27T16:30:00Z"); // 01:30 on 28 Nov in Seoul
    static TestStack stack;
    static DynamoDbClient dynamo;
    static final CallCounter counter = new CallCounter();
    static ReportsHandler handler;
    static AuditWrites writes;
    static final String ADMIN = "admin-" + UUID.randomUUID();

    @BeforeAll
    static void stack() {
        stack = TestStack.create("audit-handler");
        dynamo = stack.aws().dynamoDb();
        writes = AuditStorage.writes(stack.table());
        handler = new ReportsHandler(null, new AuditReading(AuditStorage.trail(stack.dynamoDb(counter), stack.table())));
        for (int i = 0; i < 3; i++) {
            record(TenantId.SEOUL, ADMIN, "seats.set", "i-scream", T0.plusSeconds(i));
        }
        record(TenantId.SEOUL, "reviewer-9", "review.decide", "applicant-1", T0.plusSeconds(10));
        record(new TenantId("chungbuk"), ADMIN, "seats.set", "i-scream", T0.plusSeconds(20));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static void record(TenantId tenant, String actor, String action, String subject, Instant at) {
        Transaction tx = Transaction.named("test");
        writes.record(tx, new AuditEntry(null, tenant, actor, action, "provider", subject, at, "c", Map.of("seats", "1"), Map.of("seats", "2")));
        new TransactionRunner(dynamo).attempt(tx);
    }

    static APIGatewayV2HTTPResponse call(String tenant, Map<String, String> query, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http("GET /api/admin/audit", Events.claims(ADMIN, tenant, groups), null, "vi");
        event.setQueryStringParameters(query);
        return handler.handleRequest(event, null);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(APIGatewayV2HTTPResponse r) {
        return (List<Map<String, Object>>) Json.readObject(r.getBody()).get("items");
    }

    @Test
    void anAdminReadsTheirTenantsTrailNewestFirstInOneQuery() {
        counter.reset();
        var r = call("seoul", Map.of("actor", ADMIN), "admins");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(items(r)).extracting(i -> i.get("at"))
                .containsExactly("2026-11-27T16:30:02.000Z", "2026-11-27T16:30:01.000Z", "2026-11-27T16:30:00.000Z");
        assertThat(items(r).get(0)).containsEntry("before", Map.of("seats", "1")).containsEntry("after", Map.of("seats", "2"))
                .containsEntry("action", "seats.set").containsEntry("subjectId", "i-scream");
        assertThat(counter.snapshot()).isEqualTo(Map.of("Query", 1));

        var all = call("seoul", null, "admins");
        assertThat(items(all)).extracting(i -> i.get("action")).contains("review.decide", "seats.set");
        assertThat(items(all)).allSatisfy(i -> assertThat(i.get("at").toString()).doesNotStartWith("2026-11-27T16:30:20"));
    }

    @Test
    void daysAreSeoulDaysAndPagesFollowEachOther() {
        // 28 Nov in Seoul holds them all (16:30 UTC on the 27th is 01:30 on the 28th); the 27th none
        assertThat(items(call("seoul", Map.of("actor", ADMIN, "from", "2026-11-28", "to", "2026-11-28"), "admins"))).hasSize(3);
        assertThat(items(call("seoul", Map.of("actor", ADMIN, "to", "2026-11-27"), "admins"))).isEmpty();
        var first = call("seoul", Map.of("actor", ADMIN, "limit", "2"), "admins");
        String next = (String) Json.readObject(first.getBody()).get("next");
        assertThat(items(first)).hasSize(2);
        var second = call("seoul", Map.of("actor", ADMIN, "limit", "2", "cursor", next), "admins");
        assertThat(items(second)).extracting(i -> i.get("at")).containsExactly("2026-11-27T16:30:00.000Z");
    }

    @Test
    void anotherTenantsEntriesAreOutOfReach() {
        assertThat(items(call("chungbuk", Map.of("actor", ADMIN), "admins"))).singleElement()
                .satisfies(i -> assertThat(i.get("at")).isEqualTo("2026-11-27T16:30:20.000Z"));
        assertThat(call("seoul", Map.of("tenant", "chungbuk"), "admins").getStatusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviewers", "district-officers", "learners", "mentors", "applicants", "catalogue-operators"})
    void onlyAdminsMayRead(String group) {
        counter.reset();
        var r = call("seoul", Map.of("actor", ADMIN), group);
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(counter.snapshot()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor=a b", "action=DROP TABLE", "subject=x@y.kr", "from=2026-13-01", "to=yesterday",
            "from=2026-11-28&to=2026-11-01", "limit=0", "limit=101", "limit=ten", "cursor=eyJ4IjoiMSJ9", "cursor=%%%"})
    void badFiltersAre400InTheCallersLanguageAndReadNothing(String query) {
        counter.reset();
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        var r = call("seoul", params, "admins");
        assertThat(r.getStatusCode()).as(query).isEqualTo(400);
        assertThat(r.getHeaders().get("content-type")).startsWith("application/problem+json");
        assertThat(Json.readObject(r.getBody())).containsEntry("code", "audit-filter-invalid");
        assertThat((String) Json.readObject(r.getBody()).get("title")).isEqualTo("Bộ lọc không hợp lệ");
        assertThat(counter.snapshot()).doesNotContainKey("Scan");
    }

    @Test
    void theLogHoldsNoFilterValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            call("seoul", Map.of("subject", "applicant-1", "actor", "reviewer-9"), "admins");
        } finally {
            Log.redirect(System.out);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("applicant-1");
    }
}

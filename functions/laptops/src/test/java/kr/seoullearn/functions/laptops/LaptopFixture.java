package kr.seoullearn.functions.laptops;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.laptops.dynamo.LaptopsStorage;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test class's own copy of the template's table with districts, officers and approved
 * learners in it, and the handler as the template wires it, on a DynamoDB client whose calls
 * are counted.
 */
final class LaptopFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    /** The fixture programme's limit on extending a loan. */
    static final int LOAN_EXTENSION_DAYS = 30;
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    final TestStack stack;
    final DynamoDbClient dynamo;
    final CallCounter counter = new CallCounter();
    final ApplicationStore applications;
    final LaptopLedger ledger;
    final OfficerDistricts officers;
    final LaptopsHandler handler;
    private final java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(NOW.toEpochMilli());
    /** Starts at {@link #NOW} and moves on a millisecond at every reading: changes keep their order. */
    final Clock clock = new Clock() {
        private final java.util.concurrent.atomic.AtomicLong millis = LaptopFixture.this.millis;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    };
    private final Map<String, EligibilityProgramme> programmeOf = new ConcurrentHashMap<>();

    LaptopFixture(String purpose) {
        stack = TestStack.create(purpose);
        dynamo = stack.aws().dynamoDb();
        applications = RegistrationStorage.applications(dynamo, stack.table());
        officers = LaptopsStorage.officers(dynamo, stack.table());
        DynamoDbClient counted = stack.dynamoDb(counter);
        ledger = LaptopsStorage.ledger(counted, stack.table());
        handler = new LaptopsHandler(new Laptops(RegistrationStorage.applications(counted, stack.table()),
                RegistrationStorage.programmes(counted, stack.table()), ledger, LaptopsStorage.officers(counted, stack.table()), clock));
    }

    @Override
    public void close() {
        stack.close();
    }

    void district(String tenant, String district, long units) {
        ledger.openDistrict(new TenantId(tenant), district, "Test Book 14", units, clock.instant());
    }

    String officer(String tenant, String... districts) {
        String sub = "officer-" + UUID.randomUUID();
        officers.assign(new TenantId(tenant), sub, Set.of(districts));
        return sub;
    }

    /** A learner approved by the records check, living in a district of a tenant. */
    String learner(String tenant, String district) {
        programmeOf.computeIfAbsent(tenant, t -> {
            EligibilityProgramme p = new EligibilityProgramme(new TenantId(t), t + "-2026", LocalDate.of(2026, 3, 1), null,
                    Map.of("en", t), List.of(new EligibilityProgramme.Category("LOW_INCOME", true, List.of())), 80, 6, 24,
                    Set.of(SchoolLevel.values()), 1, null, null, new EligibilityProgramme.LaptopLoan(365, LOAN_EXTENSION_DAYS));
            RegistrationStorage.programmes(dynamo, stack.table()).save(p);
            return p;
        });
        String sub = "sub-" + UUID.randomUUID();
        TenantId t = new TenantId(tenant);
        String email = sub + "@example.org";
        RegistrationStorage.profiles(dynamo, stack.table()).createIfAbsent(Profile.newDraft(t, sub, email, Language.KO, NOW));
        var draft = applications.find(t, sub).orElseThrow();
        var withProfile = new Application(t, sub, email, draft.status(), draft.version(), "학습자",
                LocalDate.of(2012, 1, 1), SchoolLevel.MIDDLE, 1, district, Language.KO, List.of("LOW_INCOME"),
                null, null, null, null, NOW, null, null);
        var saved = applications.saveProfile(withProfile, draft.version());
        applications.submit(saved, saved.version(), programmeOf.get(tenant), List.of(), true, NOW);
        return sub;
    }

    APIGatewayV2HTTPResponse call(String route, String sub, String tenant, Map<String, String> path, String body,
                                  String... groups) {
        return callQuery(route, sub, tenant, path, Map.of(), body, groups);
    }

    APIGatewayV2HTTPResponse callQuery(String route, String sub, String tenant, Map<String, String> path, Map<String, String> query,
                                  String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims(sub, tenant, groups), body, "en");
        if (path != null && !path.isEmpty()) {
            event.setPathParameters(path);
        }
        if (query != null && !query.isEmpty()) {
            event.setQueryStringParameters(query);
        }
        return handler.handleRequest(event, null);
    }

    APIGatewayV2HTTPResponse request(String learner, String tenant) {
        return call("POST /api/laptops/requests", learner, tenant, null, "{\"agreeToLoanTerms\":true}", "learners");
    }

    APIGatewayV2HTTPResponse status(String sub, String tenant, String requestId, String status, long version, String reason,
                                    String... groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("version", version);
        if (reason != null) {
            body.put("reason", reason);
        }
        return call("POST /api/laptops/requests/{requestId}/status", sub, tenant, Map.of("requestId", requestId), Json.write(body),
                groups);
    }

    APIGatewayV2HTTPResponse stockChange(String sub, String tenant, String district, String change, long units, String... groups) {
        return call("POST /api/laptops/districts/{district}/stock", sub, tenant, Map.of("district", district),
                "{\"change\":\"" + change + "\",\"units\":" + units + "}", groups);
    }

    /** The injected clock moves on (the overdue lists read "today" from it). */
    void advance(java.time.Duration by) {
        millis.addAndGet(by.toMillis());
    }

    APIGatewayV2HTTPResponse registerUnit(String sub, String tenant, String district, String serial, String assetTag, String... groups) {
        return call("POST /api/laptops/districts/{district}/units", sub, tenant, Map.of("district", district),
                Json.write(Map.of("serial", serial, "assetTag", assetTag)), groups);
    }

    /** The officer hands the unit over: READY_FOR_PICKUP → LOANED with its serial number. */
    APIGatewayV2HTTPResponse pickup(String sub, String tenant, String requestId, long version, String serial, String... groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "LOANED");
        body.put("version", version);
        if (serial != null) {
            body.put("serial", serial);
        }
        return call("POST /api/laptops/requests/{requestId}/status", sub, tenant, Map.of("requestId", requestId), Json.write(body),
                groups);
    }

    APIGatewayV2HTTPResponse giveBack(String sub, String tenant, String requestId, long version, String serial, String... groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "RETURNED");
        body.put("version", version);
        if (serial != null) {
            body.put("serial", serial);
        }
        return call("POST /api/laptops/requests/{requestId}/status", sub, tenant, Map.of("requestId", requestId), Json.write(body),
                groups);
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }

    Map<String, AttributeValue> stockItem(String tenant, String district) {
        return dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("T#" + tenant + "#DISTRICT#" + district),
                        Keys.SK, AttributeValue.fromS("STOCK")))).item();
    }

    long number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    /** Every item of a district's partition (stock, queue, audit). */
    List<Map<String, AttributeValue>> districtItems(String tenant, String district) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + tenant + "#DISTRICT#" + district)))).items();
    }

    List<Map<String, AttributeValue>> queueItems(String tenant, String district) {
        return districtItems(tenant, district).stream().filter(i -> i.get(Keys.SK).s().startsWith("WAIT#")).toList();
    }

    /** A learner's partition but the profile and application (their laptop marker, when any). */
    List<Map<String, AttributeValue>> learnerLaptopItems(String tenant, String sub) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND SK = :sk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(new TenantId(tenant), sub)),
                                ":sk", AttributeValue.fromS("LAPTOP"))))
                .items();
    }

    int writes() {
        return WRITES.stream().mapToInt(counter::count).sum();
    }
}

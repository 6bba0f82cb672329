package kr.seoullearn.functions.enrolment;

import kr.seoullearn.enrolment.port.EnrolmentLedger;

import kr.seoullearn.enrolment.port.SeatActivity;

import kr.seoullearn.enrolment.dynamo.EnrolmentStorage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test class's own copy of the template's table with providers, seats, programmes and
 * approved learners in it, and the handler as the template wires it, on a DynamoDB client
 * whose calls are counted.
 */
final class EnrolmentFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    /** Writes a refused request must never make. */
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    final TestStack stack;
    final DynamoDbClient dynamo;
    final CallCounter counter = new CallCounter();
    final Catalog catalogue;
    final CatalogAdmin catalogueAdmin;
    final CatalogSeeding catalogueSeeding;
    final ApplicationStore applications;
    final ProfileRepository profiles;
    final ProgrammeCatalogue programmes;
    final EnrolmentLedger ledger;
    final SeatActivity activity;
    final EnrolmentHandler handler;
    private final Map<String, EligibilityProgramme> programmeOf = new ConcurrentHashMap<>();

    EnrolmentFixture(String purpose) {
        stack = TestStack.create(purpose);
        dynamo = stack.aws().dynamoDb();
        catalogue = CatalogStorage.publicCatalogue(dynamo, stack.table());
        catalogueAdmin = CatalogStorage.admin(dynamo, stack.table());
        catalogueSeeding = CatalogStorage.seeding(dynamo, stack.table());
        applications = RegistrationStorage.applications(dynamo, stack.table());
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        programmes = RegistrationStorage.programmes(dynamo, stack.table());
        DynamoDbClient counted = stack.dynamoDb(counter);
        ledger = EnrolmentStorage.ledger(counted, stack.table());
        activity = EnrolmentStorage.activity(counted, stack.table());
        handler = new EnrolmentHandler(new Enrolments(RegistrationStorage.applications(counted, stack.table()),
                RegistrationStorage.programmes(counted, stack.table()), CatalogStorage.publicCatalogue(counted, stack.table()), ledger, activity,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "ref-" + UUID.randomUUID()),
                new CatalogManagement(CatalogStorage.admin(counted, stack.table()), EnrolmentStorage.departures(counted, stack.table()),
                        Clock.fixed(NOW, ZoneOffset.UTC)),
                new CourseImport(CatalogStorage.admin(counted, stack.table()), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** The handler as the template wires it, on another day (the usage report's dates are checked against today). */
    EnrolmentHandler handlerAt(Clock clock) {
        DynamoDbClient counted = stack.dynamoDb(counter);
        return new EnrolmentHandler(new Enrolments(RegistrationStorage.applications(counted, stack.table()),
                RegistrationStorage.programmes(counted, stack.table()), CatalogStorage.publicCatalogue(counted, stack.table()), ledger, activity,
                clock, () -> "ref-" + UUID.randomUUID()),
                new CatalogManagement(CatalogStorage.admin(counted, stack.table()), EnrolmentStorage.departures(counted, stack.table()),
                        clock),
                new CourseImport(CatalogStorage.admin(counted, stack.table()), clock));
    }

    /** The departures worker as the template wires it (ProviderDepartureHandler), on this fixture's table. */
    ProviderDepartureRun departures() {
        return departures(ProviderDepartureRun.PAGE);
    }

    ProviderDepartureRun departures(int page) {
        DynamoDbClient counted = stack.dynamoDb(counter);
        return new ProviderDepartureRun(EnrolmentStorage.departures(counted, stack.table()), new DynamoTenantDirectory(counted, stack.table()),
                activity, ledger, page);
    }

    @Override
    public void close() {
        stack.close();
    }

    Provider provider(String id, SchoolLevel... levels) {
        Provider p = new Provider(id, "업체 " + id, "Provider " + id, List.of(levels),
                "https://" + id + ".example/seoul-learn/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null);
        catalogueSeeding.saveProvider(p);
        return p;
    }

    void deactivate(Provider p, LocalDate graceUntil) {
        catalogueSeeding.saveProvider(p.deactivated(graceUntil));
    }

    /** The programme in force in a tenant, with its pick limit. */
    void programme(String tenant, int pickLimit) {
        programme(tenant, pickLimit, null);
    }

    /** The programme in force in a tenant, with its pick limit and inactivity rule (null: off); the tenant exists. */
    void programme(String tenant, int pickLimit, EligibilityProgramme.Inactivity inactivity) {
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                Keys.SK, AttributeValue.fromS(tenant), "type", AttributeValue.fromS("TENANT"),
                "nameKo", AttributeValue.fromS(tenant), "nameEn", AttributeValue.fromS(tenant))));
        EligibilityProgramme p = new EligibilityProgramme(new TenantId(tenant), tenant + "-2026", LocalDate.of(2026, 3, 1), null,
                Map.of("en", tenant), List.of(new EligibilityProgramme.Category("LOW_INCOME", true, List.of())), 80, 6, 24,
                Set.of(SchoolLevel.values()), pickLimit, null, inactivity);
        programmes.save(p);
        programmeOf.put(tenant, p);
    }

    /** Seats as the catalogue writes them (used starts at 0). */
    void seats(String tenant, String providerId, int seats) {
        catalogueSeeding.saveSeats(new ProviderSeats(new TenantId(tenant), providerId, seats, 0));
    }

    /** A seats item as it is after some of its seats were taken (the catalogue's item, as seeded). */
    void seatsTaken(String tenant, String providerId, int seats, int used) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.seats(new TenantId(tenant), providerId).attributes());
        item.put("type", AttributeValue.fromS("SEATS"));
        item.put("tenant", AttributeValue.fromS(tenant));
        item.put("providerId", AttributeValue.fromS(providerId));
        item.put("seats", AttributeValue.fromN(Integer.toString(seats)));
        item.put("used", AttributeValue.fromN(Integer.toString(used)));
        dynamo.putItem(r -> r.tableName(stack.table()).item(item));
    }

    /** A learner approved by the records check, at a school level, in a tenant with a programme. */
    String learner(String tenant, SchoolLevel level) {
        String sub = "sub-" + UUID.randomUUID();
        TenantId t = new TenantId(tenant);
        String email = sub + "@example.org";
        profiles.createIfAbsent(Profile.newDraft(t, sub, email, Language.KO, NOW));
        var draft = applications.find(t, sub).orElseThrow();
        var withProfile = new Application(t, sub, email, draft.status(), draft.version(), "학습자",
                LocalDate.of(2012, 1, 1), level, level.grades() > 0 ? 1 : null, "mapo-gu", Language.KO, List.of("LOW_INCOME"),
                null, null, null, null, NOW, null, null);
        var saved = applications.saveProfile(withProfile, draft.version());
        applications.submit(saved, saved.version(), programmeOf.get(tenant), List.of(), true, NOW);
        return sub;
    }

    APIGatewayV2HTTPResponse call(String route, String sub, String tenant, String providerId, String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims(sub, tenant, groups), body, "en");
        if (providerId != null) {
            event.setPathParameters(Map.of("providerId", providerId));
        }
        return handler.handleRequest(event, null);
    }

    /** A call with a path parameter of any name and a content type (the usage report is CSV). */
    APIGatewayV2HTTPResponse callWith(String route, String sub, String tenant, Map<String, String> path, String contentType, String body,
                                  String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, Events.claims(sub, tenant, groups), body, "en");
        event.getHeaders().put("content-type", contentType);
        event.setPathParameters(path);
        return handler.handleRequest(event, null);
    }

    APIGatewayV2HTTPResponse enrol(String sub, String tenant, String providerId) {
        return call("POST /api/enrolments", sub, tenant, null, "{\"providerId\":\"" + providerId + "\"}", "learners");
    }

    Map<String, Object> mine(String sub, String tenant) {
        APIGatewayV2HTTPResponse r = call("GET /api/enrolments", sub, tenant, null, null, "learners");
        if (r.getStatusCode() != 200) {
            throw new AssertionError("GET /api/enrolments answered " + r.getStatusCode() + ": " + r.getBody());
        }
        return Json.readObject(r.getBody());
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }

    /** The seats item as stored. */
    Map<String, AttributeValue> seatsItem(String tenant, String providerId) {
        return dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true)
                .key(Keys.seats(new TenantId(tenant), providerId).attributes())).item();
    }

    int number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : 0;
    }

    /**
     * Every item of a learner's partition but the profile and their in-app inbox (the approval's
     * notice, docs/adr/0027): the enrolments and the pick counter.
     */
    List<Map<String, AttributeValue>> learnerItems(String tenant, String sub) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(new TenantId(tenant), sub)))))
                .items().stream().filter(i -> !i.get(Keys.SK).s().equals(Keys.PROFILE) && !i.get(Keys.SK).s().startsWith("INBOX#")).toList();
    }

    /** A provider's waitlist entries as stored, in key order. */
    List<Map<String, AttributeValue>> waitlist(String tenant, String providerId) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :w)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.providerSeats(new TenantId(tenant), providerId)),
                        ":w", AttributeValue.fromS(TicketQueue.WAIT_PREFIX)))).items();
    }

    int writes() {
        return WRITES.stream().mapToInt(counter::count).sum();
    }
}

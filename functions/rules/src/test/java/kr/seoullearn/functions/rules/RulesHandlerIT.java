package kr.seoullearn.functions.rules;

import static kr.seoullearn.functions.rules.RulesFixture.call;
import static kr.seoullearn.functions.rules.RulesFixture.code;
import static kr.seoullearn.functions.rules.RulesFixture.json;
import static kr.seoullearn.functions.rules.RulesFixture.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.MentoringRulesJson;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import kr.seoullearn.recruitment.dynamo.RecruitmentStorage;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.rules.dynamo.RulesStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The rules routes through the handler with real HTTP API events, on the emulator: an admin drafts
 * next year's programme, sees what changes, publishes it with a start date, and each context's own
 * reader finds it in force from that date (the clock is injected); published rules never change; a
 * second publication of the same draft is answered the same; a stale draft and a lost race are
 * clean 409s; the catalogue operator adds a partner area in one transaction.
 */
class RulesHandlerIT {
    static final Instant DEC_7 = Instant.parse("2026-12-07T01:00:00Z"); // 10:00 in Seoul
    static final String ADMIN = "admin-1";
    static TestStack stack;
    static DynamoDbClient dynamo;
    static final CallCounter counter = new CallCounter();
    static final RulesFixture.MovableClock clock = new RulesFixture.MovableClock(DEC_7);
    static RulesHandler handler;

    @BeforeAll
    static void stack() {
        stack = TestStack.create("rules-handler");
        dynamo = stack.aws().dynamoDb();
        DynamoDbClient counted = stack.dynamoDb(counter);
        handler = new RulesHandler(RulesStorage.book(counted, stack.table()), RulesStorage.areas(counted, stack.table()), clock);
        RegistrationStorage.programmes(dynamo, stack.table()).save(ProgrammeJson.fromMap(RulesFixture.programme2026()));
        MentoringStorage.rules(dynamo, stack.table()).save(MentoringRulesJson.fromMap(RulesFixture.mentoring2021()));
        RecruitmentStorage.ledger(dynamo, stack.table()).saveRules(RecruitmentRulesJson.fromMap(RulesFixture.recruitment2021()));
        Map<String, AttributeValue> provider = new HashMap<>(Map.of("PK", AttributeValue.fromS("CAT#PROVIDER"),
                "SK", AttributeValue.fromS("ebs"), "providerId", AttributeValue.fromS("ebs"), "status", AttributeValue.fromS("ACTIVE")));
        dynamo.putItem(r -> r.tableName(stack.table()).item(provider));
        Map<String, AttributeValue> gone = new HashMap<>(provider);
        gone.put("SK", AttributeValue.fromS("gone"));
        gone.put("status", AttributeValue.fromS("INACTIVE"));
        dynamo.putItem(r -> r.tableName(stack.table()).item(gone));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static APIGatewayV2HTTPResponse admin(String route, String kind, String draftId, Object body) {
        return call(handler, route, path(kind, draftId), body == null ? null : Json.write(body), ADMIN, "seoul", "admins");
    }

    static int items(String pk) {
        return dynamo.query(r -> r.tableName(stack.table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminDraftsPreviewsAndPublishesNextYearsProgrammeAndItTakesEffectOnItsDate() {
        clock.set(DEC_7);
        var created = admin("POST /api/admin/rules/{kind}/drafts", "programme", null, Map.of("effectiveFrom", "2027-03-01"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        Map<String, Object> draft = json(created);
        String id = (String) draft.get("draftId");
        assertThat(draft).containsEntry("version", 1).containsEntry("stale", false);
        assertThat((List<Object>) draft.get("changes")).as("a copy of the rules in force changes nothing").isEmpty();
        assertThat((Map<String, Object>) draft.get("compareWith")).containsEntry("id", "seoul-2026");

        Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) draft.get("definition"));
        next.put("incomeLinePercent", 90);
        List<Object> categories = new ArrayList<>((List<Object>) next.get("categories"));
        categories.add(Map.of("code", "YOUNG_CARER", "recordsCanDecide", false, "requiredDocuments", List.of("YOUNG_CARER_CONFIRMATION")));
        next.put("categories", categories);
        next.put("quota", 5000);
        next.put("name", Map.of("ko", "서울런 2027", "en", "Seoul Learn 2027"));
        var saved = admin("PUT /api/admin/rules/{kind}/drafts/{draftId}", "programme", id,
                Map.of("version", 1, "effectiveFrom", "2027-03-01", "definition", next));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        List<Map<String, Object>> changes = (List<Map<String, Object>>) json(saved).get("changes");
        assertThat(changes).contains(Map.of("field", "incomeLinePercent", "from", 80, "to", 90));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("field", "categories")
                .containsEntry("added", List.of("YOUNG_CARER")).containsEntry("removed", List.of()));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("field", "quota").containsEntry("to", 5000));
        assertThat(json(saved)).containsEntry("version", 2);

        counter.reset();
        var published = admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "programme", id, Map.of("version", 2));
        assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(200);
        assertThat(counter.count("TransactWriteItems")).isEqualTo(1);
        assertThat(counter.count("Scan")).isZero();
        String rulesId = (String) ((Map<String, Object>) json(published).get("rules")).get("id");
        assertThat(items("T#seoul#PROGRAMME")).isEqualTo(2);

        var again = admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "programme", id, Map.of("version", 2));
        assertThat(again.getStatusCode()).as("the same publication again").isEqualTo(200);
        assertThat(again.getBody()).isEqualTo(published.getBody());
        assertThat(items("T#seoul#PROGRAMME")).as("nothing written twice").isEqualTo(2);
        var edit = admin("PUT /api/admin/rules/{kind}/drafts/{draftId}", "programme", id,
                Map.of("version", 3, "effectiveFrom", "2027-03-01", "definition", next));
        assertThat(code(edit)).as("published rules never change").isEqualTo("rules-draft-published");
        assertThat(code(admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "programme", id, Map.of("version", 1))))
                .isEqualTo("rules-draft-published");

        // each context's own reader: the old programme until the day before, the new one from its date
        var programmes = RegistrationStorage.programmes(dynamo, stack.table());
        assertThat(programmes.inForce(TenantId.SEOUL, LocalDate.parse("2027-02-28")).orElseThrow().id()).isEqualTo("seoul-2026");
        var inForce = programmes.inForce(TenantId.SEOUL, LocalDate.parse("2027-03-01")).orElseThrow();
        assertThat(inForce.id()).isEqualTo(rulesId);
        assertThat(inForce.incomeLinePercent()).isEqualTo(90);
        assertThat(inForce.quota()).isEqualTo(5000);
        assertThat(inForce.category("YOUNG_CARER")).isPresent();
        Map<String, AttributeValue> item = dynamo.query(r -> r.tableName(stack.table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#seoul#PROGRAMME"))).scanIndexForward(false).limit(1)).items().get(0);
        assertThat(item.get("admitted").n()).as("the quota counter starts at zero").isEqualTo("0");
        assertThat(item.get("quota").n()).isEqualTo("5000");

        // the overview: in force today the old one, coming the new one
        Map<String, Object> overview = json(admin("GET /api/admin/rules", null, null, null));
        Map<String, Object> programme = ((List<Map<String, Object>>) overview.get("kinds")).get(0);
        assertThat((Map<String, Object>) programme.get("inForce")).containsEntry("id", "seoul-2026");
        assertThat((List<Map<String, Object>>) programme.get("upcoming")).extracting(u -> u.get("id")).containsExactly(rulesId);
        clock.set(Instant.parse("2027-02-28T15:00:00Z")); // 1 March, midnight in Seoul
        overview = json(admin("GET /api/admin/rules", null, null, null));
        programme = ((List<Map<String, Object>>) overview.get("kinds")).get(0);
        assertThat((Map<String, Object>) programme.get("inForce")).containsEntry("id", rulesId);

        // the audit trail has the publication once, with before and after
        var audit = dynamo.query(r -> r.tableName(stack.table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#seoul#AUDIT")))).items().stream()
                .filter(a -> a.get("action").s().equals("rules.publish") && a.get("subjectId").s().equals(rulesId)).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("after").m().get("effectiveFrom").s()).isEqualTo("2027-03-01");
        assertThat(audit.get(0).get("before").m().get("status").s()).isEqualTo("DRAFT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftSavedBeforeOtherRulesWerePublishedIsStaleUntilSavedAgain() {
        clock.set(DEC_7);
        String first = (String) json(admin("POST /api/admin/rules/{kind}/drafts", "recruitment", null,
                Map.of("effectiveFrom", "2027-03-01"))).get("draftId");
        Map<String, Object> secondDraft = json(admin("POST /api/admin/rules/{kind}/drafts", "recruitment", null,
                Map.of("effectiveFrom", "2027-09-01")));
        String second = (String) secondDraft.get("draftId");
        assertThat(admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "recruitment", first, Map.of("version", 1))
                .getStatusCode()).isEqualTo(200);
        Map<String, Object> seen = json(admin("GET /api/admin/rules/{kind}/drafts/{draftId}", "recruitment", second, null));
        assertThat(seen).containsEntry("stale", true);
        assertThat(code(admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "recruitment", second, Map.of("version", 1))))
                .isEqualTo("rules-draft-stale");
        var resaved = admin("PUT /api/admin/rules/{kind}/drafts/{draftId}", "recruitment", second,
                Map.of("version", 1, "effectiveFrom", "2027-09-01", "definition", seen.get("definition")));
        assertThat(json(resaved)).containsEntry("stale", false).containsEntry("version", 2);
        assertThat((Map<String, Object>) json(resaved).get("compareWith")).as("compared with the rules it now follows")
                .containsEntry("effectiveFrom", "2027-03-01");
        assertThat(code(admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "recruitment", second, Map.of("version", 1))))
                .isEqualTo("version-conflict");
        assertThat(admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "recruitment", second, Map.of("version", 2))
                .getStatusCode()).isEqualTo(200);
        assertThat(RecruitmentStorage.ledger(dynamo, stack.table()).rules(TenantId.SEOUL, LocalDate.parse("2027-09-01"))
                .orElseThrow().effectiveFrom()).isEqualTo(LocalDate.parse("2027-09-01"));
    }

    @Test
    void twoDraftsPublishedAtOnceMakeOnePublicationAndOneDraftPublishedTenTimesAtOnceIsPublishedOnce() throws Exception {
        clock.set(DEC_7);
        String a = (String) json(admin("POST /api/admin/rules/{kind}/drafts", "mentoring", null, Map.of("effectiveFrom", "2027-04-01"))).get("draftId");
        String b = (String) json(admin("POST /api/admin/rules/{kind}/drafts", "mentoring", null, Map.of("effectiveFrom", "2027-05-01"))).get("draftId");
        int before = items("T#seoul#MENTORING_RULES");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = i % 2 == 0 ? a : b;
                calls.add(() -> admin("POST /api/admin/rules/{kind}/drafts/{draftId}/publish", "mentoring", id, Map.of("version", 1)));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> f : pool.invokeAll(calls)) {
                APIGatewayV2HTTPResponse r = f.get();
                outcomes.add(r.getStatusCode() == 200 ? "200" : code(r));
            }
            assertThat(outcomes).doesNotContain("internal", "service-unavailable");
            assertThat(outcomes).allMatch(o -> o.equals("200") || o.equals("rules-draft-stale") || o.equals("rules-draft-published")
                    || o.equals("rules-start-too-early"));
            assertThat(items("T#seoul#MENTORING_RULES")).as("exactly one of the two drafts became rules").isEqualTo(before + 1);
            long published = outcomes.stream().filter("200"::equals).count();
            assertThat(published).as("the winner's repeats answer 200 too").isBetween(1L, 5L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStartIsAfterTodayAndAfterTheRulesPublishedLast() {
        clock.set(DEC_7);
        for (String date : new String[] {"2026-12-07", "2026-12-01", "2026-03-01"}) {
            var r = admin("POST /api/admin/rules/{kind}/drafts", "programme", null, Map.of("effectiveFrom", date));
            assertThat(r.getStatusCode()).as(date).isEqualTo(422);
            assertThat(code(r)).isEqualTo("rules-start-too-early");
            assertThat(json(r)).containsKey("earliest");
        }
    }

    @Test
    void badInputIsA400InTheCallersLanguageAndWritesNothing() {
        clock.set(DEC_7);
        int drafts = items("T#seoul#RULES");
        Map<String, Object> programme = new LinkedHashMap<>(RulesFixture.programme2026());
        programme.remove("tenant");
        programme.remove("id");
        programme.remove("effectiveFrom");
        List<Object> bodies = new ArrayList<>(List.of(
                Map.of(), Map.of("effectiveFrom", "2027-13-01"), Map.of("effectiveFrom", 20270301), Map.of("effectiveFrom", "2027-03-01", "x", 1),
                Map.of("effectiveFrom", "2027-03-01", "definition", "text"), Map.of("effectiveFrom", "2027-03-01", "definition", List.of())));
        for (var broken : List.<Map<String, Object>>of(Map.of("incomeLinePercent", -5), Map.of("incomeLinePercent", 80.5),
                Map.of("minAge", 30), Map.of("schoolLevels", List.of("UNIVERSITY")), Map.of("pickLimit", "2"), Map.of("quota", 0),
                Map.of("categories", List.of()), Map.of("categories", List.of(Map.of("code", "lower", "recordsCanDecide", true,
                        "requiredDocuments", List.of("INCOME_PROOF")))),
                Map.of("categories", List.of(Map.of("code", "X_Y", "recordsCanDecide", true, "requiredDocuments", List.of("TRANSCRIPT")))),
                Map.of("name", Map.of("ko", "서울")), Map.of("laptopLoan", Map.of("loanDays", 0)), Map.of("surprise", true))) {
            Map<String, Object> d = new LinkedHashMap<>(programme);
            d.putAll(broken);
            bodies.add(Map.of("effectiveFrom", "2027-03-01", "definition", d));
        }
        for (Object body : bodies) {
            var r = admin("POST /api/admin/rules/{kind}/drafts", "programme", null, body);
            assertThat(r.getStatusCode()).as(Json.write(body) + " → " + r.getBody()).isEqualTo(400);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        for (String raw : new String[] {"[]", "{not json", "", "null"}) {
            var r = call(handler, "POST /api/admin/rules/{kind}/drafts", path("programme", null), raw, ADMIN, "seoul", "admins");
            assertThat(r.getStatusCode()).as(raw).isBetween(400, 499);
        }
        assertThat(items("T#seoul#RULES")).isEqualTo(drafts);
    }

    @Test
    void onlyTheTenantsAdminsAndAnotherTenantsDraftIsNotFound() {
        clock.set(DEC_7);
        String id = (String) json(admin("POST /api/admin/rules/{kind}/drafts", "programme", null, Map.of("effectiveFrom", "2027-06-01"))).get("draftId");
        for (String group : new String[] {"learners", "applicants", "reviewers", "mentors", "district-officers", "catalogue-operators"}) {
            var r = call(handler, "GET /api/admin/rules/{kind}/drafts/{draftId}", path("programme", id), null, "u-" + group, "seoul", group);
            assertThat(r.getStatusCode()).as(group).isEqualTo(403);
            r = call(handler, "POST /api/admin/rules/{kind}/drafts/{draftId}/publish", path("programme", id), "{\"version\":1}", "u", "seoul", group);
            assertThat(r.getStatusCode()).as(group).isEqualTo(403);
        }
        var other = call(handler, "GET /api/admin/rules/{kind}/drafts/{draftId}", path("programme", id), null, "admin-cb", "chungbuk", "admins");
        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(code(other)).isEqualTo("rules-draft-not-found");
        other = call(handler, "POST /api/admin/rules/{kind}/drafts/{draftId}/publish", path("programme", id), "{\"version\":1}", "admin-cb", "chungbuk", "admins");
        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(code(admin("GET /api/admin/rules/{kind}/drafts/{draftId}", "mentoring", id, null))).as("another kind").isEqualTo("rules-draft-not-found");
        assertThat(code(admin("GET /api/admin/rules/{kind}/drafts/{draftId}", "laptops", id, null))).isEqualTo("rules-kind-unknown");
        assertThat(code(admin("GET /api/admin/rules/{kind}/drafts/{draftId}", "programme", "../x", null))).isEqualTo("rules-draft-not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogueOperatorAddsAPartnerAreaInOneTransaction() {
        clock.set(DEC_7);
        Map<String, Object> programme = new LinkedHashMap<>(RulesFixture.programme2026());
        programme.remove("tenant");
        programme.remove("id");
        programme.remove("effectiveFrom");
        programme.put("name", Map.of("ko", "강원런", "en", "Gangwon Learn"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", "gangwon");
        body.put("name", Map.of("ko", "강원특별자치도", "en", "Gangwon", "vi", "Gangwon", "zh", "江原特别自治道"));
        body.put("districts", List.of("chuncheon-si", "wonju-si"));
        body.put("programme", Map.of("effectiveFrom", "2026-12-07", "definition", programme));
        body.put("seats", Map.of("ebs", 40));

        var asAdmin = call(handler, "POST /api/admin/tenants", path(null, null), Json.write(body), ADMIN, "seoul", "admins");
        assertThat(asAdmin.getStatusCode()).isEqualTo(403);
        Map<String, Object> unknownProvider = new LinkedHashMap<>(body);
        unknownProvider.put("seats", Map.of("ebs", 40, "gone", 10));
        var refused = call(handler, "POST /api/admin/tenants", path(null, null), Json.write(unknownProvider), "op-1", null, "catalogue-operators");
        assertThat(code(refused)).as(refused.getBody()).isEqualTo("seats-provider-unknown");
        assertThat(new DynamoTenantDirectory(dynamo, stack.table()).find(new TenantId("gangwon"))).as("nothing written").isEmpty();

        counter.reset();
        var added = call(handler, "POST /api/admin/tenants", path(null, null), Json.write(body), "op-1", null, "catalogue-operators");
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        assertThat(counter.count("TransactWriteItems")).isEqualTo(1);
        assertThat(counter.total()).isEqualTo(1);
        var listing = new DynamoTenantDirectory(dynamo, stack.table()).listings().stream()
                .filter(l -> l.id().value().equals("gangwon")).findFirst().orElseThrow();
        assertThat(listing.names()).containsEntry("zh", "江原特别自治道").containsEntry("ko", "강원특별자치도");
        assertThat(listing.districts()).containsExactly("chuncheon-si", "wonju-si");
        var first = RegistrationStorage.programmes(dynamo, stack.table()).inForce(new TenantId("gangwon"), LocalDate.parse("2026-12-07"));
        assertThat(first).isPresent();
        var seats = dynamo.getItem(r -> r.tableName(stack.table()).key(Map.of("PK", AttributeValue.fromS("T#gangwon#PROVIDER#ebs"),
                "SK", AttributeValue.fromS("SEATS")))).item();
        assertThat(seats.get("seats").n()).isEqualTo("40");
        assertThat(seats.get("used").n()).isEqualTo("0");

        var twice = call(handler, "POST /api/admin/tenants", path(null, null), Json.write(body), "op-1", null, "catalogue-operators");
        assertThat(code(twice)).isEqualTo("tenant-exists");
        // the area's admins draft its next programme from the first one
        var draft = call(handler, "POST /api/admin/rules/{kind}/drafts", path("programme", null), "{\"effectiveFrom\":\"2027-03-01\"}",
                "admin-gw", "gangwon", "admins");
        assertThat(draft.getStatusCode()).as(draft.getBody()).isEqualTo(201);
        assertThat((Map<String, Object>) json(draft).get("compareWith")).containsEntry("effectiveFrom", "2026-12-07");

        for (var broken : List.<Map<String, Object>>of(Map.of("tenant", "Bad#Id"), Map.of("districts", List.of()),
                Map.of("districts", List.of("A B")), Map.of("seats", Map.of("ebs", 0)), Map.of("name", Map.of("en", "x")),
                Map.of("programme", Map.of("effectiveFrom", "2026-12-01", "definition", programme)), Map.of("extra", 1))) {
            Map<String, Object> b = new LinkedHashMap<>(body);
            b.put("tenant", "jeju");
            b.putAll(broken);
            var r = call(handler, "POST /api/admin/tenants", path(null, null), Json.write(b), "op-1", null, "catalogue-operators");
            assertThat(r.getStatusCode()).as(Json.write(broken) + " → " + r.getBody()).isEqualTo(400);
        }
        assertThat(new DynamoTenantDirectory(dynamo, stack.table()).find(new TenantId("jeju"))).isEmpty();
    }
}

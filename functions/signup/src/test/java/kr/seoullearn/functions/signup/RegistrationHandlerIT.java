package kr.seoullearn.functions.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.registration.local.LocalTestHouseholdsRegistry;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Registration through real API Gateway events against the template's table and user pool. */
class RegistrationHandlerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static CognitoIdentityProviderClient cognito;
    private static final CallCounter calls = new CallCounter();
    private static RegistrationHandler handler;
    private static ProfileRepository profiles;
    private static ProgrammeCatalogue catalogue;

    @BeforeAll
    static void provision() throws Exception {
        stack = TestStack.create("registration");
        dynamo = stack.dynamoDb(calls);
        cognito = stack.aws().cognito();
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        catalogue = RegistrationStorage.programmes(dynamo, stack.table());
        for (String file : List.of("seoul-2021", "seoul-2026", "chungbuk")) {
            catalogue.save(programme(file));
        }
        handler = new RegistrationHandler(new Registration(RegistrationStorage.applications(dynamo, stack.table()), catalogue,
                new LocalTestHouseholdsRegistry(), new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), stack.stack().userPoolId(),
                Clock.fixed(NOW, ZoneOffset.UTC), RegistrationStorage.recordsCheckLimits(dynamo, stack.table(), Clock.fixed(NOW, ZoneOffset.UTC)),
                () -> "a-key-for-this-test-only-32-bytes-or-more".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                kr.seoullearn.privacy.dynamo.PrivacyStorage.consents(dynamo, stack.table())));
    }

    @BeforeEach
    void resetCounter() {
        calls.reset();
    }

    private static EligibilityProgramme programme(String which) {
        return switch (which) {
            case "seoul-2021" -> ProgrammeJson.fromMap(Json.readObject("""
                    {"tenant":"seoul","id":"seoul-2021","effectiveFrom":"2021-03-01","effectiveUntil":"2026-02-28",
                     "categories":[{"code":"LOW_INCOME","recordsCanDecide":true,"requiredDocuments":["INCOME_PROOF"]},
                                   {"code":"OUT_OF_SCHOOL","recordsCanDecide":false,"requiredDocuments":["OUT_OF_SCHOOL_CONFIRMATION"]},
                                   {"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                     "incomeLinePercent":50,"minAge":6,"maxAge":24,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH","NOT_IN_SCHOOL","ADULT"],"pickLimit":1}"""));
            case "seoul-2026" -> ProgrammeJson.fromMap(Json.readObject("""
                    {"tenant":"seoul","id":"seoul-2026","effectiveFrom":"2026-03-01",
                     "categories":[{"code":"LOW_INCOME","recordsCanDecide":true,"requiredDocuments":["INCOME_PROOF"]},
                                   {"code":"OUT_OF_SCHOOL","recordsCanDecide":false,"requiredDocuments":["OUT_OF_SCHOOL_CONFIRMATION"]},
                                   {"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]},
                                   {"code":"SINGLE_PARENT","recordsCanDecide":true,"requiredDocuments":["SINGLE_PARENT_CERTIFICATE"]}],
                     "incomeLinePercent":80,"minAge":6,"maxAge":24,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH","NOT_IN_SCHOOL","ADULT"],"pickLimit":2}"""));
            default -> ProgrammeJson.fromMap(Json.readObject("""
                    {"tenant":"chungbuk","id":"chungbuk-pilot","effectiveFrom":"2025-03-01",
                     "categories":[{"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                     "incomeLinePercent":60,"minAge":8,"maxAge":19,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH"],"pickLimit":1,"quota":100}"""));
        };
    }

    /** A confirmed applicant: in the user pool (group applicants) with a DRAFT profile. */
    private static String applicant(String tenant) {
        String email = "a-" + UUID.randomUUID() + "@example.org";
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                AttributeType.builder().name("email").value(email).build(),
                AttributeType.builder().name("custom:tenant").value(tenant).build()));
        String sub = cognito.adminGetUser(r -> r.userPoolId(pool).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(email).groupName("applicants"));
        profiles.createIfAbsent(Profile.newDraft(new TenantId(tenant), sub, email, Language.KO, NOW));
        return sub;
    }

    private static APIGatewayV2HTTPResponse call(String route, String sub, String tenant, String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, sub == null ? null : Events.claims(sub, tenant, groups), body, "en");
        if (route.contains("{tenant}")) {
            event.setPathParameters(Map.of("tenant", tenant));
        }
        return handler.handleRequest(event, null);
    }

    private static Map<String, Object> json(APIGatewayV2HTTPResponse response) {
        return Json.readObject(response.getBody());
    }

    private static long version(String sub, String tenant) {
        return ((Number) json(call("GET /api/registration", sub, tenant, null, "applicants")).get("version")).longValue();
    }

    private static APIGatewayV2HTTPResponse save(String sub, String tenant, String profileJson) {
        return call("PUT /api/registration", sub, tenant, "{\"version\":" + version(sub, tenant) + "," + profileJson + "}", "applicants");
    }

    private static List<String> groupsOf(String sub) {
        String pool = stack.stack().userPoolId();
        String username = profiles.find(TenantId.SEOUL, sub).map(Profile::username).orElseThrow();
        return cognito.adminListGroupsForUser(r -> r.userPoolId(pool).username(username)).groups().stream()
                .map(GroupType::groupName).toList();
    }

    // ------------------------------------------------------------------ the programme in force

    @Test
    void theProgrammeInForceOnTheApplicationDateApplies() {
        APIGatewayV2HTTPResponse response = call("GET /api/programmes/{tenant}/current", null, "seoul", null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("id", "seoul-2026").containsEntry("incomeLinePercent", 80);
        assertThat(calls.snapshot()).containsExactly(Map.entry("Query", 1));
        // and before March 2026 it was the launch programme
        var in2025 = catalogue.inForce(TenantId.SEOUL, LocalDate.of(2025, 11, 28)).orElseThrow();
        assertThat(in2025.id()).isEqualTo("seoul-2021");
        assertThat(in2025.incomeLinePercent()).isEqualTo(50);
        assertThat(catalogue.inForce(TenantId.SEOUL, LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    void anUnknownTenantHasNoProgramme() {
        assertThat(call("GET /api/programmes/{tenant}/current", null, "atlantis", null).getStatusCode()).isEqualTo(404);
        assertThat(call("GET /api/programmes/{tenant}/current", null, "../x", null).getStatusCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ journeys

    @Test
    void aLowIncomeApplicantFoundInTheRecordsIsApprovedWithoutUploadingAnything() {
        String sub = applicant("seoul");
        assertThat(save(sub, "seoul", """
                "name":"김하은","birthDate":"2012-05-14","schoolLevel":"MIDDLE","grade":2,"district":"gangnam-gu",
                "preferredLanguage":"ko","categories":["LOW_INCOME"],
                "guardian":{"name":"김정숙","contact":"010-1234-5678","consent":true}""").getStatusCode()).isEqualTo(200);
        calls.reset();
        var checked = call("POST /api/registration/records-check", sub, "seoul",
                "{\"version\":" + version(sub, "seoul") + ",\"householdHeadName\":\"김정숙\",\"householdHeadBirthDate\":\"1980-02-03\"}", "applicants");
        assertThat(checked.getStatusCode()).isEqualTo(200);
        assertThat(json(checked)).extractingByKey("recordsCheck").asString().contains("VERIFIED");
        assertThat(json(checked).get("requiredDocuments")).isEqualTo(List.of());
        // the identifying data of the household head is not stored anywhere
        var stored = dynamo.query(r -> r.tableName(stack.table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub))))).items();
        assertThat(stored.toString()).doesNotContain("1980-02-03");
        var submitted = call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants");
        assertThat(submitted.getStatusCode()).isEqualTo(200);
        assertThat(json(submitted)).containsEntry("status", "APPROVED");
        assertThat(json(submitted).get("decision").toString()).contains("byRecords=true");
        assertThat(groupsOf(sub)).containsExactly("learners");
    }

    @Test
    void theSubmissionRecordsThePrivacyNoticeTheGuardianAcceptedAndRefusesAnotherVersion() {
        String sub = applicant("seoul");
        assertThat(save(sub, "seoul", """
                "name":"박서연","birthDate":"2013-09-01","schoolLevel":"MIDDLE","grade":1,"district":"mapo-gu",
                "preferredLanguage":"ko","categories":["LOW_INCOME"],
                "guardian":{"name":"박보호","contact":"010-9876-5432","consent":true}""").getStatusCode()).isEqualTo(200);
        String current = kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT;
        assertThat(json(call("GET /api/registration", sub, "seoul", null, "applicants"))).containsEntry("privacyNotice", current);
        long before = version(sub, "seoul");
        var consentKey = Map.of("PK", AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub)),
                "SK", AttributeValue.fromS("CONSENT#PRIVACY#" + current));

        // another wording than the one in force, or none: refused, nothing written
        var outdated = call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + before + ",\"privacyNotice\":\"2020-01-01\"}", "applicants");
        assertThat(outdated.getStatusCode()).isEqualTo(409);
        assertThat(json(outdated)).containsEntry("code", "privacy-notice-outdated").containsEntry("currentVersion", current);
        for (String body : List.of("{\"version\":" + before + "}", "{\"version\":" + before + ",\"privacyNotice\":7}")) {
            var refused = call("POST /api/registration/submit", sub, "seoul", body, "applicants");
            assertThat(refused.getStatusCode()).as(body).isEqualTo(400);
            assertThat(refused.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        assertThat(version(sub, "seoul")).isEqualTo(before);
        assertThat(dynamo.getItem(r -> r.tableName(stack.table()).key(consentKey)).hasItem()).isFalse();

        // the current one: the guardian of a child under 14 accepted it, when the application was sent
        var submitted = call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + before + ",\"privacyNotice\":\"" + current + "\"}", "applicants");
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
        var consent = dynamo.getItem(r -> r.tableName(stack.table()).key(consentKey)).item();
        assertThat(consent.get("version").s()).isEqualTo(current);
        assertThat(consent.get("acceptedBy").s()).isEqualTo("GUARDIAN");
        assertThat(consent.get("guardianName").s()).isEqualTo("박보호");
        assertThat(consent.get("acceptedAt").s()).isEqualTo(NOW.toString());
    }

    @Test
    void anOutOfSchoolApplicantIsSubmittedForReviewWithTheDocumentsStillToCome() {
        String sub = applicant("seoul");
        save(sub, "seoul", """
                "name":"최지우","birthDate":"2008-03-08","schoolLevel":"NOT_IN_SCHOOL","district":"mapo-gu",
                "preferredLanguage":"en","categories":["OUT_OF_SCHOOL"]""");
        var submitted = call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants");
        assertThat(submitted.getStatusCode()).isEqualTo(200);
        assertThat(json(submitted)).containsEntry("status", "SUBMITTED")
                .containsEntry("requiredDocuments", List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION.name()))
                .containsEntry("missingDocuments", List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION.name()));
        assertThat(groupsOf(sub)).containsExactly("applicants");
        // once submitted, the profile can no longer be changed
        var edit = save(sub, "seoul", "\"district\":\"jung-gu\"");
        assertThat(edit.getStatusCode()).isEqualTo(409);
        assertThat(edit.getBody()).contains("application-not-editable");
    }

    @Test
    void underFourteenWithoutGuardianConsentCannotSubmit() {
        String sub = applicant("seoul");
        save(sub, "seoul", """
                "name":"박서준","birthDate":"2016-01-30","schoolLevel":"ELEMENTARY","grade":4,"district":"nowon-gu",
                "preferredLanguage":"ko","categories":["MULTICULTURAL"],
                "guardian":{"name":"박미경","contact":"010-2222-3333","consent":false}""");
        var refused = call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants");
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(refused.getBody()).contains("guardian-consent-required");
        assertThat(json(call("GET /api/registration", sub, "seoul", null, "applicants"))).containsEntry("status", "DRAFT")
                .containsEntry("guardianRequired", true);
    }

    @Test
    void aResidentRegistrationNumberInAnyFieldIsRefusedAndNothingIsWritten() {
        String sub = applicant("seoul");
        long before = version(sub, "seoul");
        for (String body : List.of("\"name\":\"120514-4123456\"", "\"guardian\":{\"name\":\"x\",\"contact\":\"8002032123456\",\"consent\":true}",
                "\"rrn\":\"anything\"")) {
            var refused = save(sub, "seoul", body);
            assertThat(refused.getStatusCode()).as(body).isEqualTo(400);
            assertThat(refused.getBody()).contains("resident-registration-number");
        }
        var check = call("POST /api/registration/records-check", sub, "seoul",
                "{\"version\":" + before + ",\"householdHeadName\":\"800203-2123456\",\"householdHeadBirthDate\":\"1980-02-03\"}", "applicants");
        assertThat(check.getStatusCode()).isEqualTo(400);
        assertThat(version(sub, "seoul")).isEqualTo(before);
    }

    // ------------------------------------------------------------------ bad input, roles, ownership

    @Test
    void badInputIsAClear4xxProblemAndNothingIsWritten() {
        String sub = applicant("seoul");
        long before = version(sub, "seoul");
        Map<String, Integer> cases = new HashMap<>();
        cases.put("{not json", 400);
        cases.put("[]", 400);
        cases.put("{\"version\":\"one\"}", 400);
        cases.put("{\"version\":" + before + ",\"birthDate\":\"14/05/2012\"}", 400);
        cases.put("{\"version\":" + before + ",\"schoolLevel\":\"UNIVERSITY\"}", 400);
        cases.put("{\"version\":" + before + ",\"categories\":[1,2]}", 400);
        cases.put("{\"version\":" + before + ",\"admin\":true}", 400);
        cases.put("{\"version\":" + (before + 7) + ",\"district\":\"jung-gu\"}", 409);
        cases.forEach((body, status) -> {
            var response = call("PUT /api/registration", sub, "seoul", body, "applicants");
            assertThat(response.getStatusCode()).as(body).isEqualTo(status);
            assertThat(response.getHeaders()).as(body).containsEntry("content-type", "application/problem+json");
        });
        for (String route : List.of("POST /api/registration/records-check", "POST /api/registration/submit")) {
            assertThat(call(route, sub, "seoul", "{}", "applicants").getStatusCode()).as(route).isEqualTo(400);
            assertThat(call(route, sub, "seoul", "", "applicants").getStatusCode()).as(route).isEqualTo(400);
        }
        assertThat(version(sub, "seoul")).isEqualTo(before);
    }

    @Test
    void onlyApplicantsChangeARegistrationAndNoneIsReachableAcrossTenants() {
        String sub = applicant("seoul");
        long v = version(sub, "seoul");
        for (String group : List.of("reviewers", "mentors", "admins", "district-officers")) {
            var response = call("PUT /api/registration", sub, "seoul", "{\"version\":" + v + ",\"district\":\"jung-gu\"}", group);
            assertThat(response.getStatusCode()).as(group).isEqualTo(403);
        }
        assertThat(call("GET /api/registration", sub, "seoul", null, "reviewers").getStatusCode()).isEqualTo(403);
        String check = "{\"version\":" + v + ",\"householdHeadName\":\"x\",\"householdHeadBirthDate\":\"1980-01-01\"}";
        String submit = "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}";
        for (var route : Map.of("POST /api/registration/records-check", check, "POST /api/registration/submit", submit).entrySet()) {
            assertThat(call(route.getKey(), sub, "seoul", route.getValue(), "learners").getStatusCode()).as(route.getKey()).isEqualTo(403);
            assertThat(call(route.getKey(), sub, "chungbuk", route.getValue(), "applicants").getStatusCode())
                    .as(route.getKey() + " in another tenant").isEqualTo(404);
        }
        // the same person's token claiming another tenant finds no registration there
        assertThat(call("GET /api/registration", sub, "chungbuk", null, "applicants").getStatusCode()).isEqualTo(404);
        assertThat(call("PUT /api/registration", sub, "chungbuk", "{\"version\":" + v + ",\"district\":\"x-gu\"}", "applicants")
                .getStatusCode()).isEqualTo(404);
        // someone else's registration is never addressed: there is no id in the routes, only the token's subject
        String other = applicant("seoul");
        assertThat(json(call("GET /api/registration", other, "seoul", null, "applicants"))).doesNotContainKey("name");
        assertThat(call("GET /api/registration", null, "seoul", null).getStatusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ the quota under a burst

    @Test
    void twoHundredParallelSubmissionsToAProgrammeWithAHundredPlacesAdmitExactlyAHundred() throws Exception {
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String sub = "burst-" + i + "-" + UUID.randomUUID();
            profiles.createIfAbsent(Profile.newDraft(new TenantId("chungbuk"), sub, sub, Language.VI, NOW));
            var body = "{\"version\":1,\"name\":\"Applicant " + i + "\",\"birthDate\":\"2012-01-01\",\"schoolLevel\":\"MIDDLE\",\"grade\":1,"
                    + "\"district\":\"cheongju-si\",\"preferredLanguage\":\"vi\",\"categories\":[\"MULTICULTURAL\"]}";
            assertThat(call("PUT /api/registration", sub, "chungbuk", body, "applicants").getStatusCode()).isEqualTo(200);
            subs.add(sub);
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Callable<APIGatewayV2HTTPResponse>> submissions = subs.stream()
                .<Callable<APIGatewayV2HTTPResponse>>map(sub -> () -> call("POST /api/registration/submit", sub, "chungbuk",
                        "{\"version\":2,\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants")).toList();
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        for (Future<APIGatewayV2HTTPResponse> f : pool.invokeAll(submissions)) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat(answers.stream().filter(r -> r.getStatusCode() == 200)).hasSize(100);
        assertThat(answers.stream().filter(r -> r.getStatusCode() == 409)).hasSize(100)
                .allSatisfy(r -> assertThat(r.getBody()).contains("\"code\":\"programme-full\"").contains("The programme is full"));
        // the programme's item holds its quota counter: T#chungbuk#PROGRAMME, found by its programmeId
        String programmeId = programme("chungbuk").id();
        var counter = dynamo.query(r -> r.tableName(stack.table()).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(new TenantId("chungbuk"), "PROGRAMME")))))
                .items().stream().filter(i -> programmeId.equals(i.get("programmeId").s())).findFirst().orElseThrow();
        assertThat(counter.get("admitted").n()).isEqualTo("100");
        // the review queue holds exactly the admitted, in submission order
        var store = RegistrationStorage.applications(dynamo, stack.table());
        List<String> queued = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.queue(new TenantId("chungbuk"), cursor, 50);
            page.applications().forEach(a -> queued.add(a.submittedAt() + "#" + a.userId()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(queued).hasSize(100).isSorted();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewersDocumentRequestIsShownAndTheApplicantResubmitsOnceEverythingArrived() {
        String sub = applicant("seoul");
        save(sub, "seoul", """
                "name":"최지우","birthDate":"2008-03-08","schoolLevel":"NOT_IN_SCHOOL","district":"mapo-gu",
                "preferredLanguage":"en","categories":["OUT_OF_SCHOOL"]""");
        call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants");
        var store = RegistrationStorage.applications(dynamo, stack.table());
        // nothing requested yet: 409, nothing written
        var early = call("POST /api/registration/resubmit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + "}", "applicants");
        assertThat(early.getStatusCode()).isEqualTo(409);
        assertThat(early.getBody()).contains("no-document-request");
        var a = store.find(TenantId.SEOUL, sub).orElseThrow();
        store.requestDocuments(a, a.version(), new kr.seoullearn.registration.port.ApplicationStore.DocumentRequest(
                List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION), "expired", "reviewer-x", NOW.minusSeconds(60)));

        var view = json(call("GET /api/registration", sub, "seoul", null, "applicants"));
        assertThat((Map<String, Object>) view.get("documentRequest"))
                .containsEntry("documents", List.of("OUT_OF_SCHOOL_CONFIRMATION"))
                .containsEntry("missing", List.of("OUT_OF_SCHOOL_CONFIRMATION"))
                .containsEntry("template", "expired")
                .doesNotContainKey("requestedBy");
        for (String bad : List.of("{}", "{\"version\":\"x\"}", "{\"version\":1,\"documents\":[]}", "{\"x\":")) {
            assertThat(call("POST /api/registration/resubmit", sub, "seoul", bad, "applicants").getStatusCode()).as(bad).isEqualTo(400);
        }
        assertThat(call("POST /api/registration/resubmit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + "}", "learners")
                .getStatusCode()).isEqualTo(403);
        var missing = call("POST /api/registration/resubmit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + "}", "applicants");
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(missing.getBody()).contains("requested-documents-missing").contains("OUT_OF_SCHOOL_CONFIRMATION");

        // the document arrives and is verified
        Map<String, AttributeValue> doc = new java.util.HashMap<>();
        doc.put(Keys.PK, AttributeValue.fromS(Keys.user(TenantId.SEOUL, sub)));
        doc.put(Keys.SK, AttributeValue.fromS("DOC#d1"));
        doc.put("type", AttributeValue.fromS("DOCUMENT"));
        doc.put("documentId", AttributeValue.fromS("d1"));
        doc.put("kind", AttributeValue.fromS("OUT_OF_SCHOOL_CONFIRMATION"));
        doc.put("status", AttributeValue.fromS("VERIFIED"));
        dynamo.putItem(r -> r.tableName(stack.table()).item(doc));
        var stale = call("POST /api/registration/resubmit", sub, "seoul", "{\"version\":" + (version(sub, "seoul") - 1) + "}", "applicants");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        var done = call("POST /api/registration/resubmit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + "}", "applicants");
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(200);
        assertThat(json(done)).doesNotContainKey("documentRequest").containsEntry("status", "SUBMITTED");
        var entries = kr.seoullearn.audit.dynamo.AuditStorage.trail(dynamo, stack.table()).page(TenantId.SEOUL,
                new kr.seoullearn.audit.domain.AuditQuery(null, null, sub, null, null, 10, null)).entries();
        assertThat(entries).extracting(kr.seoullearn.audit.domain.AuditEntry::action)
                .containsExactly("registration.resubmit", "review.request-documents");
        assertThat(entries.get(0).actor()).isEqualTo(sub);
    }


    // ------------------------------------------------------------------ appeals (docs/adr/0040)

    /** A submitted out-of-school application, rejected by "reviewer-9" {@code daysAgo} days before the handler's clock. */
    private static String rejected(int daysAgo) {
        String sub = applicant("seoul");
        save(sub, "seoul", """
                "name":"최지우","birthDate":"2008-03-08","schoolLevel":"NOT_IN_SCHOOL","district":"mapo-gu",
                "preferredLanguage":"en","categories":["OUT_OF_SCHOOL"]""");
        assertThat(call("POST /api/registration/submit", sub, "seoul", "{\"version\":" + version(sub, "seoul") + ",\"privacyNotice\":\""
                + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", "applicants").getStatusCode()).isEqualTo(200);
        var store = RegistrationStorage.applications(dynamo, stack.table());
        var a = store.find(TenantId.SEOUL, sub).orElseThrow();
        store.decide(a, a.version(), new kr.seoullearn.registration.domain.Application.Decision("REJECTED", "unreadable", "reviewer-9",
                NOW.minus(java.time.Duration.ofDays(daysAgo))));
        return sub;
    }

    @Test
    void aRejectedApplicantAppealsOnceAndTheApplicationWaitsForAnotherReviewer() {
        String sub = rejected(3);
        var before = json(call("GET /api/registration", sub, "seoul", null, "applicants"));
        assertThat(before).containsEntry("appealUntil", NOW.minus(java.time.Duration.ofDays(3)).plus(java.time.Duration.ofDays(30)).toString());
        long v = version(sub, "seoul");
        for (String body : List.of("{not json", "{}", "{\"version\":" + v + "}", "{\"reason\":\"  \",\"version\":" + v + "}",
                "{\"reason\":7,\"version\":" + v + "}", "{\"reason\":\"x\"}", "{\"reason\":\"x\",\"version\":" + v + ",\"extra\":1}",
                "{\"reason\":\"" + "x".repeat(1001) + "\",\"version\":" + v + "}",
                "{\"reason\":\"my number 120514-4123456\",\"version\":" + v + "}",
                "{\"reason\":\"bell\\u0007\",\"version\":" + v + "}")) {
            var refused = call("POST /api/registration/appeal", sub, "seoul", body, "applicants");
            assertThat(refused.getStatusCode()).as(body).isBetween(400, 499);
            assertThat(refused.getHeaders()).as(body).containsEntry("content-type", "application/problem+json");
        }
        assertThat(call("POST /api/registration/appeal", sub, "seoul", "{\"reason\":\"x\",\"version\":" + v + "}", "learners")
                .getStatusCode()).isEqualTo(403);
        assertThat(call("POST /api/registration/appeal", sub, "seoul", "{\"reason\":\"x\",\"version\":" + (v - 1) + "}", "applicants")
                .getStatusCode()).isEqualTo(409);
        assertThat(version(sub, "seoul")).isEqualTo(v);

        var appealed = call("POST /api/registration/appeal", sub, "seoul",
                "{\"reason\":\"The confirmation was sent by the school last week.\\nPlease look again.\",\"version\":" + v + "}", "applicants");
        assertThat(appealed.getStatusCode()).isEqualTo(200);
        assertThat(json(appealed)).containsEntry("status", "REJECTED").doesNotContainKeys("appealUntil", "privacyNotice");
        assertThat(json(appealed).get("appeal").toString()).contains("status=OPEN").contains("The confirmation was sent")
                .doesNotContain("reviewer-9");
        // once: a second appeal is refused, and the application cannot be changed or sent while it waits
        var second = call("POST /api/registration/appeal", sub, "seoul", "{\"reason\":\"again\",\"version\":" + version(sub, "seoul") + "}",
                "applicants");
        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(second.getBody()).contains("appeal-not-allowed");
        var edit = save(sub, "seoul", "\"district\":\"jung-gu\"");
        assertThat(edit.getStatusCode()).isEqualTo(409);
        assertThat(edit.getBody()).contains("application-not-editable");
    }

    @Test
    void anAppealAfterThirtyDaysOrOfAnApplicationNotRejectedIsRefused() {
        String late = rejected(31);
        assertThat(json(call("GET /api/registration", late, "seoul", null, "applicants"))).doesNotContainKey("appealUntil");
        var tooLate = call("POST /api/registration/appeal", late, "seoul", "{\"reason\":\"x\",\"version\":" + version(late, "seoul") + "}",
                "applicants");
        assertThat(tooLate.getStatusCode()).isEqualTo(409);
        assertThat(tooLate.getBody()).contains("appeal-too-late");
        String draft = applicant("seoul");
        var notRejected = call("POST /api/registration/appeal", draft, "seoul", "{\"reason\":\"x\",\"version\":" + version(draft, "seoul") + "}",
                "applicants");
        assertThat(notRejected.getStatusCode()).isEqualTo(409);
        assertThat(notRejected.getBody()).contains("appeal-not-allowed");
    }
}

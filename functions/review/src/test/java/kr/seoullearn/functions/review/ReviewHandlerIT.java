package kr.seoullearn.functions.review;

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
import java.util.UUID;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The reviewers' routes against the template's table, user pool and documents bucket. */
class ReviewHandlerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final String REVIEWER = "reviewer-1";
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static CognitoIdentityProviderClient cognito;
    private static S3Client s3;
    private static ApplicationStore store;
    private static ProfileRepository profiles;
    private static ReviewHandler handler;
    private static String bucket;
    private static final EligibilityProgramme PROGRAMME = new EligibilityProgramme(TenantId.SEOUL, "p", java.time.LocalDate.of(2026, 3, 1),
            null, Map.of(), List.of(new EligibilityProgramme.Category("OUT_OF_SCHOOL", false,
            List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION))), 80, 6, 24, java.util.Set.of(SchoolLevel.values()), 1, null);

    @BeforeAll
    static void provision() {
        stack = TestStack.withLocalS3("review");
        dynamo = stack.aws().dynamoDb();
        cognito = stack.aws().cognito();
        s3 = stack.s3();
        bucket = stack.stack().bucket("DocumentsBucket");
        store = RegistrationStorage.applications(dynamo, stack.table());
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        handler = new ReviewHandler(new Review(store, new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), new S3DocumentRetention(kr.seoullearn.platform.aws.S3Objects.at(stack.s3Endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials(), bucket)),
                stack.stack().userPoolId(), Clock.fixed(NOW, ZoneOffset.UTC)), new ReviewTools(store, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @org.junit.jupiter.api.AfterAll
    static void stopLocalS3() {
        stack.close();
    }

    /** A submitted out-of-school application in a tenant, submitted at the given minute. */
    private static String submitted(String tenant, int minute, boolean withVerifiedDocument) {
        String email = "r-" + UUID.randomUUID() + "@example.org";
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(email).groupName("applicants"));
        String sub = "sub-" + UUID.randomUUID();
        TenantId t = new TenantId(tenant);
        profiles.createIfAbsent(Profile.newDraft(t, sub, email, Language.KO, NOW));
        var draft = store.find(t, sub).orElseThrow();
        var withProfile = new kr.seoullearn.registration.domain.Application(t, sub, email, draft.status(), draft.version(), "신청자 " + minute,
                java.time.LocalDate.of(2008, 1, 1), SchoolLevel.NOT_IN_SCHOOL, null, "mapo-gu", Language.KO, List.of("OUT_OF_SCHOOL"),
                null, null, null, null, NOW, null, null);
        var saved = store.saveProfile(withProfile, draft.version());
        store.submit(saved, saved.version(), PROGRAMME, List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION), false,
                NOW.plusSeconds(60L * minute));
        if (withVerifiedDocument) {
            String key = "tenant/" + tenant + "/applicant/" + sub + "/" + UUID.randomUUID();
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf")
                    .tagging("state=submitted&GuardDutyMalwareScanStatus=NO_THREATS_FOUND"), RequestBody.fromString("%PDF-1.4 test"));
            Map<String, AttributeValue> doc = new HashMap<>();
            doc.put(Keys.PK, AttributeValue.fromS(Keys.user(t, sub)));
            doc.put(Keys.SK, AttributeValue.fromS("DOC#d1"));
            doc.put("type", AttributeValue.fromS("DOCUMENT"));
            doc.put("documentId", AttributeValue.fromS("d1"));
            doc.put("kind", AttributeValue.fromS("OUT_OF_SCHOOL_CONFIRMATION"));
            doc.put("status", AttributeValue.fromS("VERIFIED"));
            doc.put("s3Key", AttributeValue.fromS(key));
            doc.put("contentType", AttributeValue.fromS("application/pdf"));
            dynamo.putItem(r -> r.tableName(stack.table()).item(doc));
        }
        return sub;
    }

    private static APIGatewayV2HTTPResponse call(String route, String userId, String tenant, String query, String body, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, Events.claims(REVIEWER, tenant, groups), body, "ko");
        if (userId != null) {
            event.setPathParameters(Map.of("userId", userId));
        }
        if (query != null) {
            Map<String, String> params = new HashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv[1]);
            }
            event.setQueryStringParameters(params);
        }
        return handler.handleRequest(event, null);
    }

    private static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theQueueListsTheTenantsSubmittedApplicationsOldestFirstPageByPage() {
        List<String> mine = new ArrayList<>();
        for (int minute : new int[] {30, 10, 20}) {
            mine.add(submitted("queue-a", minute, false));
        }
        submitted("queue-b", 5, false);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = json(call("GET /api/review/applications", null, "queue-a", cursor == null ? "limit=2" : "limit=2&cursor=" + cursor,
                    null, "reviewers"));
            ((List<Map<String, Object>>) page.get("items")).forEach(i -> seen.add((String) i.get("userId")));
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertThat(seen).containsExactly(mine.get(1), mine.get(2), mine.get(0));
    }

    @Test
    void aCursorFromAnotherTenantsQueueOrABadLimitIsRefused() {
        submitted("cur-a", 1, false);
        submitted("cur-a", 2, false);
        String cursor = (String) json(call("GET /api/review/applications", null, "cur-a", "limit=1", null, "reviewers")).get("next");
        assertThat(cursor).isNotNull();
        assertThat(call("GET /api/review/applications", null, "cur-b", "cursor=" + cursor, null, "reviewers").getStatusCode()).isEqualTo(400);
        assertThat(call("GET /api/review/applications", null, "cur-a", "cursor=%%%", null, "reviewers").getStatusCode()).isEqualTo(400);
        assertThat(call("GET /api/review/applications", null, "cur-a", "limit=500", null, "reviewers").getStatusCode()).isEqualTo(400);
        assertThat(call("GET /api/review/applications", null, "cur-a", "limit=abc", null, "reviewers").getStatusCode()).isEqualTo(400);
    }

    @Test
    void onlyReviewersOfTheSameTenantSeeAnApplication() {
        String sub = submitted("seoul", 3, true);
        assertThat(call("GET /api/review/applications/{userId}", sub, "seoul", null, null, "reviewers").getStatusCode()).isEqualTo(200);
        for (String group : List.of("learners", "applicants", "mentors", "district-officers", "admins")) {
            assertThat(call("GET /api/review/applications/{userId}", sub, "seoul", null, null, group).getStatusCode()).as(group).isEqualTo(403);
            assertThat(call("GET /api/review/applications", null, "seoul", null, null, group).getStatusCode()).as(group).isEqualTo(403);
        }
        assertThat(call("GET /api/review/applications/{userId}", sub, "chungbuk", null, null, "reviewers").getStatusCode()).isEqualTo(404);
        assertThat(call("GET /api/review/applications/{userId}", "no-such-user", "seoul", null, null, "reviewers").getStatusCode()).isEqualTo(404);
        assertThat(call("GET /api/review/applications/{userId}", "../../x", "seoul", null, null, "reviewers").getStatusCode()).isEqualTo(404);
    }

    @Test
    void approvalNeedsTheDocumentsThenMovesTheApplicantIntoTheLearners() throws Exception {
        String missing = submitted("seoul", 4, false);
        var refused = call("POST /api/review/applications/{userId}/decision", missing, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + version(missing) + "}", "reviewers");
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody()).contains("decision-not-allowed").contains("OUT_OF_SCHOOL_CONFIRMATION");

        String complete = submitted("seoul", 5, true);
        var approved = call("POST /api/review/applications/{userId}/decision", complete, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + version(complete) + "}", "reviewers");
        assertThat(approved.getStatusCode()).isEqualTo(200);
        assertThat(json(approved)).containsEntry("status", "APPROVED");
        assertThat(json(approved).get("decision").toString()).contains("decidedBy=" + REVIEWER);
        String username = profiles.find(TenantId.SEOUL, complete).orElseThrow().username();
        assertThat(cognito.adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(username)).groups()
                .stream().map(GroupType::groupName)).containsExactly("learners");
        String key = store.dossier(TenantId.SEOUL, complete).orElseThrow().documents().get(0).s3Key();
        assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet()).extracting(t -> t.key() + "=" + t.value())
                .as("decided, and the scan result kept").containsExactlyInAnyOrder("state=decided", "GuardDutyMalwareScanStatus=NO_THREATS_FOUND");
        // copied in place (so the 30 days count from the decision), bytes and type unchanged
        var copy = s3.getObject(r -> r.bucket(bucket).key(key));
        assertThat(copy.response().contentType()).isEqualTo("application/pdf");
        assertThat(new String(copy.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 test");
        // decided: off the queue, and a second decision is refused
        assertThat(call("POST /api/review/applications/{userId}/decision", complete, "seoul", null,
                "{\"decision\":\"REJECT\",\"reason\":\"late\",\"version\":" + version(complete) + "}", "reviewers").getStatusCode()).isEqualTo(409);
    }

    @Test
    void aRejectionNeedsAReasonAndLetsTheApplicantResubmit() {
        String sub = submitted("seoul", 6, false);
        var noReason = call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"REJECT\",\"version\":" + version(sub) + "}", "reviewers");
        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("\"field\":\"reason\"");
        var rejected = call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"REJECT\",\"reason\":\"The confirmation is not readable. Upload a clearer photo.\",\"version\":" + version(sub) + "}",
                "reviewers");
        assertThat(rejected.getStatusCode()).isEqualTo(200);
        var application = store.find(TenantId.SEOUL, sub).orElseThrow();
        assertThat(application.editable()).isTrue();
        assertThat(application.decision().reason()).startsWith("The confirmation");
    }

    @Test
    void badDecisionsAreClear4xxProblemsAndChangeNothing() {
        String sub = submitted("seoul", 7, true);
        long v = version(sub);
        for (String body : List.of("{not json", "{}", "{\"decision\":\"MAYBE\",\"version\":" + v + "}",
                "{\"decision\":\"APPROVE\"}", "{\"decision\":\"APPROVE\",\"version\":" + v + ",\"extra\":1}",
                "{\"decision\":\"REJECT\",\"reason\":\"" + "x".repeat(501) + "\",\"version\":" + v + "}",
                "{\"decision\":\"REJECT\",\"reason\":\"see 120514-4123456\",\"version\":" + v + "}")) {
            var response = call("POST /api/review/applications/{userId}/decision", sub, "seoul", null, body, "reviewers");
            assertThat(response.getStatusCode()).as(body).isBetween(400, 499);
            assertThat(response.getHeaders()).as(body).containsEntry("content-type", "application/problem+json");
        }
        var stale = call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + (v - 1) + "}", "reviewers");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(stale.getBody()).contains("version-conflict");
        assertThat(call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + v + "}", "learners").getStatusCode()).isEqualTo(403);
        assertThat(call("POST /api/review/applications/{userId}/decision", sub, "chungbuk", null,
                "{\"decision\":\"APPROVE\",\"version\":" + v + "}", "reviewers").getStatusCode()).isEqualTo(404);
        assertThat(version(sub)).isEqualTo(v);
    }

    @Test
    void aReviewerWhoAppliedCannotDecideTheirOwnApplication() {
        String sub = submitted("seoul", 8, true);
        long v = version(sub);
        APIGatewayV2HTTPEvent event = Events.http("POST /api/review/applications/{userId}/decision",
                Events.claims(sub, "seoul", "applicants", "reviewers"), "{\"decision\":\"APPROVE\",\"version\":" + v + "}", "en");
        event.setPathParameters(Map.of("userId", sub));

        var refused = handler.handleRequest(event, null);

        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getBody()).contains("self-decision-not-allowed");
        assertThat(version(sub)).isEqualTo(v);
        // a colleague may
        assertThat(call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + v + "}", "reviewers").getStatusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ reviewer tools (ADR 31)

    @SuppressWarnings("unchecked")
    private static List<Object> ids(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return ((List<Map<String, Object>>) json(r).get("items")).stream().map(i -> i.get("userId")).toList();
    }

    private static List<kr.seoullearn.audit.domain.AuditEntry> audit(String tenant, String subject) {
        return kr.seoullearn.audit.dynamo.AuditStorage.trail(dynamo, stack.table()).page(new TenantId(tenant),
                new kr.seoullearn.audit.domain.AuditQuery(null, null, subject, null, null, 50, null)).entries();
    }

    @Test
    void filtersAreQueriesOfTheTenantsListsAndBadFiltersAre400() {
        String a = submitted("tools-f", 1, false);
        String b = submitted("tools-f", 2, false);
        String other = submitted("tools-g", 3, false);
        // b moves to another district and level by hand (the helper makes them all alike)
        dynamo.updateItem(r -> r.tableName(stack.table()).key(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(new TenantId("tools-f"), b)),
                        Keys.SK, AttributeValue.fromS(Keys.PROFILE)))
                .updateExpression("SET district = :d, schoolLevel = :l, birthDate = :b")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("nowon-gu"), ":l", AttributeValue.fromS("MIDDLE"),
                        ":b", AttributeValue.fromS("2013-06-01"))));
        String list = "GET /api/review/applications";
        assertThat(ids(call(list, null, "tools-f", null, null, "reviewers"))).containsExactly(a, b);
        assertThat(ids(call(list, null, "tools-f", "district=nowon-gu", null, "reviewers"))).containsExactly(b);
        assertThat(ids(call(list, null, "tools-f", "district=mapo-gu&category=OUT_OF_SCHOOL", null, "reviewers"))).containsExactly(a);
        assertThat(ids(call(list, null, "tools-f", "schoolLevel=MIDDLE", null, "reviewers"))).containsExactly(b);
        assertThat(ids(call(list, null, "tools-f", "category=LOW_INCOME", null, "reviewers"))).isEmpty();
        // ages on NOW's day: a was born 2008-01-01 (18), b 2013-06-01 (13)
        assertThat(ids(call(list, null, "tools-f", "minAge=14", null, "reviewers"))).containsExactly(a);
        assertThat(ids(call(list, null, "tools-f", "maxAge=13", null, "reviewers"))).containsExactly(b);
        assertThat(ids(call(list, null, "tools-f", "status=SUBMITTED", null, "reviewers"))).containsExactly(a, b);
        assertThat(ids(call(list, null, "tools-f", "waitingDays=30", null, "reviewers"))).isEmpty();
        // search by reference: the tenant's own only
        assertThat(ids(call(list, null, "tools-f", "reference=" + a, null, "reviewers"))).containsExactly(a);
        assertThat(ids(call(list, null, "tools-f", "reference=" + other, null, "reviewers"))).isEmpty();
        // decided list: newest first, once decided
        call("POST /api/review/applications/{userId}/decision", a, "tools-f", null,
                "{\"decision\":\"REJECT\",\"reason\":\"not in time\",\"version\":" + version("tools-f", a) + "}", "reviewers");
        assertThat(ids(call(list, null, "tools-f", "list=decided", null, "reviewers"))).containsExactly(a);
        assertThat(ids(call(list, null, "tools-f", "list=decided&status=APPROVED", null, "reviewers"))).isEmpty();
        assertThat(ids(call(list, null, "tools-f", null, null, "reviewers"))).containsExactly(b);
        for (String bad : List.of("list=all", "status=DRAFT", "category=a b", "district=Nowon", "schoolLevel=UNI", "minAge=-1",
                "maxAge=100", "minAge=15&maxAge=10", "waitingDays=999", "reference=../x", "limit=0", "cursor=bm90LWEtY3Vyc29y")) {
            var r = call(list, null, "tools-f", bad, null, "reviewers");
            assertThat(r.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(r.getHeaders()).as(bad).containsEntry("content-type", "application/problem+json");
        }
        assertThat(call(list, null, "tools-f", "district=nowon-gu", null, "learners").getStatusCode()).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDocumentRequestPutsTheApplicationBackToTheApplicantAndIsAudited() {
        String sub = submitted("tools-r", 1, false);
        long v = version("tools-r", sub);
        String route = "POST /api/review/applications/{userId}/document-request";
        for (String bad : List.of("{}", "{\"documents\":[],\"template\":\"missing\",\"version\":" + v + "}",
                "{\"documents\":[\"PASSPORT\"],\"template\":\"missing\",\"version\":" + v + "}",
                "{\"documents\":[\"TRANSCRIPT\"],\"template\":\"missing\",\"version\":" + v + "}",
                "{\"documents\":[\"INCOME_PROOF\"],\"template\":\"Please send your passport, Kim\",\"version\":" + v + "}",
                "{\"documents\":[\"INCOME_PROOF\"],\"template\":\"missing\"}",
                "{\"documents\":[\"INCOME_PROOF\"],\"template\":\"missing\",\"version\":" + v + ",\"note\":\"x\"}", "[1]", "{\"x\":")) {
            var r = call(route, sub, "tools-r", null, bad, "reviewers");
            assertThat(r.getStatusCode()).as(bad).isEqualTo(400);
        }
        String body = "{\"documents\":[\"OUT_OF_SCHOOL_CONFIRMATION\",\"INCOME_PROOF\"],\"template\":\"unreadable\",\"version\":" + v + "}";
        assertThat(call(route, sub, "tools-r", null, body, "learners").getStatusCode()).isEqualTo(403);
        assertThat(call(route, sub, "chungbuk", null, body, "reviewers").getStatusCode()).isEqualTo(404);
        assertThat(version("tools-r", sub)).isEqualTo(v);

        var done = call(route, sub, "tools-r", null, body, "reviewers");
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(200);
        assertThat((Map<String, Object>) json(done).get("documentRequest"))
                .containsEntry("documents", List.of("OUT_OF_SCHOOL_CONFIRMATION", "INCOME_PROOF")).containsEntry("template", "unreadable");
        // off the queue, on the requests' list; a second request while it is open is refused
        assertThat(ids(call("GET /api/review/applications", null, "tools-r", null, null, "reviewers"))).doesNotContain(sub);
        assertThat(ids(call("GET /api/review/applications", null, "tools-r", "list=requested", null, "reviewers"))).containsExactly(sub);
        var again = call(route, sub, "tools-r", null, body.replace("\"version\":" + v, "\"version\":" + (v + 1)), "reviewers");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getBody()).contains("document-request-not-allowed");
        assertThat(audit("tools-r", sub)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("review.request-documents");
            assertThat(e.actor()).isEqualTo(REVIEWER);
            assertThat(e.after()).containsEntry("requested", "OUT_OF_SCHOOL_CONFIRMATION INCOME_PROOF").containsEntry("template", "unreadable");
        });

        // the applicant resubmits (registration's side of the port): back at its first place in the queue
        var a = store.find(new TenantId("tools-r"), sub).orElseThrow();
        store.resubmit(a, a.version(), NOW.plusSeconds(3600));
        assertThat(ids(call("GET /api/review/applications", null, "tools-r", null, null, "reviewers"))).containsExactly(sub);
        assertThat(store.documentRequest(new TenantId("tools-r"), sub)).isEmpty();
        assertThat(audit("tools-r", sub)).extracting(kr.seoullearn.audit.domain.AuditEntry::action)
                .containsExactly("registration.resubmit", "review.request-documents");
        // a resubmission with no open request is refused and writes no entry
        var now = store.find(new TenantId("tools-r"), sub).orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.resubmit(now, now.version(), NOW.plusSeconds(7200)))
                .isInstanceOfSatisfying(kr.seoullearn.platform.http.ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(kr.seoullearn.registration.domain.RegistrationRefusal.NO_DOCUMENT_REQUEST));
        assertThat(audit("tools-r", sub)).hasSize(2);
    }

    @Test
    void concurrentDocumentRequestsMakeOneRequestAndOneEntry() throws Exception {
        String sub = submitted("tools-c", 1, false);
        long v = version("tools-c", sub);
        String body = "{\"documents\":[\"INCOME_PROOF\"],\"template\":\"missing\",\"version\":" + v + "}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> call("POST /api/review/applications/{userId}/document-request", sub, "tools-c", null, body,
                        "reviewers").getStatusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(version("tools-c", sub)).isEqualTo(v + 1);
        assertThat(audit("tools-c", sub)).hasSize(1);
    }

    @Test
    void aReviewerCannotRequestDocumentsOfTheirOwnApplication() {
        String sub = submitted("tools-s", 1, false);
        long v = version("tools-s", sub);
        APIGatewayV2HTTPEvent event = Events.http("POST /api/review/applications/{userId}/document-request",
                Events.claims(sub, "tools-s", "applicants", "reviewers"),
                "{\"documents\":[\"INCOME_PROOF\"],\"template\":\"missing\",\"version\":" + v + "}", "en");
        event.setPathParameters(Map.of("userId", sub));
        var refused = handler.handleRequest(event, null);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getBody()).contains("self-decision-not-allowed");
        assertThat(version("tools-s", sub)).isEqualTo(v);
        assertThat(audit("tools-s", sub)).isEmpty();
    }

    private static long version(String tenant, String sub) {
        return store.find(new TenantId(tenant), sub).orElseThrow().version();
    }

    private static long version(String sub) {
        return store.find(TenantId.SEOUL, sub).orElseThrow().version();
    }

    private static APIGatewayV2HTTPResponse callAs(String reviewer, String route, String userId, String tenant, String query, String body,
                                                   String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, Events.claims(reviewer, tenant, groups), body, "en");
        if (userId != null) {
            event.setPathParameters(Map.of("userId", userId));
        }
        if (query != null) {
            event.setQueryStringParameters(Map.of("list", query));
        }
        return handler.handleRequest(event, null);
    }

    /** Rejected by {@link #REVIEWER} through the route, then appealed by its applicant (docs/adr/0040). */
    private static String appealed(int minute) {
        String sub = submitted("seoul", minute, true);
        assertThat(call("POST /api/review/applications/{userId}/decision", sub, "seoul", null,
                "{\"decision\":\"REJECT\",\"reason\":\"Income above the line\",\"version\":" + version(sub) + "}", "reviewers")
                .getStatusCode()).isEqualTo(200);
        var rejected = store.find(TenantId.SEOUL, sub).orElseThrow();
        store.appeal(rejected, rejected.version(), "Our income fell", NOW.plusSeconds(3600), NOW.minus(java.time.Duration.ofDays(30)));
        return sub;
    }

    @Test
    void anAppealIsDecidedOnceByAnotherReviewerAndApprovingMakesALearner() {
        String sub = appealed(40);
        String route = "POST /api/review/applications/{userId}/appeal-decision";
        var list = callAs("reviewer-2", "GET /api/review/applications", null, "seoul", "appeals", null, "reviewers");
        assertThat(list.getStatusCode()).isEqualTo(200);
        assertThat(list.getBody()).contains(sub).contains("\"appeal\":\"OPEN\"");
        var shown = callAs("reviewer-2", "GET /api/review/applications/{userId}", sub, "seoul", null, null, "reviewers");
        assertThat(json(shown).get("appeal").toString()).contains("status=OPEN").contains("against=" + REVIEWER).contains("Our income fell");

        // the reviewer who rejected may not decide it (403), nor may the wrong role or another tenant
        var same = call(route, sub, "seoul", null, "{\"decision\":\"APPROVE\",\"version\":" + version(sub) + "}", "reviewers");
        assertThat(same.getStatusCode()).isEqualTo(403);
        assertThat(same.getBody()).contains("appeal-same-reviewer");
        assertThat(callAs("reviewer-2", route, sub, "seoul", null, "{\"decision\":\"APPROVE\",\"version\":" + version(sub) + "}",
                "learners").getStatusCode()).isEqualTo(403);
        assertThat(callAs("reviewer-2", route, sub, "chungbuk", null, "{\"decision\":\"APPROVE\",\"version\":" + version(sub) + "}",
                "reviewers").getStatusCode()).isEqualTo(404);
        assertThat(callAs(sub, route, sub, "seoul", null, "{\"decision\":\"APPROVE\",\"version\":" + version(sub) + "}",
                "reviewers").getBody()).contains("self-decision-not-allowed");
        long v = version(sub);
        for (String body : List.of("{not json", "{}", "{\"decision\":\"REJECT\",\"reason\":\"x\",\"version\":" + v + "}",
                "{\"decision\":\"UPHOLD\",\"version\":" + v + "}", "{\"decision\":\"APPROVE\"}",
                "{\"decision\":\"APPROVE\",\"version\":" + v + ",\"extra\":1}",
                "{\"decision\":\"UPHOLD\",\"reason\":\"" + "x".repeat(501) + "\",\"version\":" + v + "}",
                "{\"decision\":\"UPHOLD\",\"reason\":\"see 120514-4123456\",\"version\":" + v + "}",
                "{\"decision\":\"UPHOLD\",\"reason\":7,\"version\":" + v + "}")) {
            var response = callAs("reviewer-2", route, sub, "seoul", null, body, "reviewers");
            assertThat(response.getStatusCode()).as(body).isBetween(400, 499);
            assertThat(response.getHeaders()).as(body).containsEntry("content-type", "application/problem+json");
        }
        var stale = callAs("reviewer-2", route, sub, "seoul", null, "{\"decision\":\"APPROVE\",\"version\":" + (v - 1) + "}", "reviewers");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(version(sub)).isEqualTo(v);

        var approved = callAs("reviewer-2", route, sub, "seoul", null, "{\"decision\":\"APPROVE\",\"version\":" + v + "}", "reviewers");
        assertThat(approved.getStatusCode()).isEqualTo(200);
        assertThat(json(approved)).containsEntry("status", "APPROVED");
        assertThat(json(approved).get("appeal").toString()).contains("status=APPROVED").contains("decidedBy=reviewer-2");
        String username = profiles.find(TenantId.SEOUL, sub).orElseThrow().username();
        assertThat(cognito.adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(username)).groups()
                .stream().map(GroupType::groupName)).containsExactly("learners");
        // final: no second decision
        var again = callAs("reviewer-3", route, sub, "seoul", null,
                "{\"decision\":\"UPHOLD\",\"reason\":\"no\",\"version\":" + version(sub) + "}", "reviewers");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getBody()).contains("appeal-decision-not-allowed");
    }

    @Test
    void anApplicationWithoutAnOpenAppealHasNoAppealToDecide() {
        String sub = submitted("seoul", 41, true);
        var response = callAs("reviewer-2", "POST /api/review/applications/{userId}/appeal-decision", sub, "seoul", null,
                "{\"decision\":\"APPROVE\",\"version\":" + version(sub) + "}", "reviewers");
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).contains("appeal-decision-not-allowed");
        assertThat(callAs("reviewer-2", "GET /api/review/applications", null, "seoul", "nonsense", null, "reviewers").getStatusCode())
                .isEqualTo(400);
    }
}

package kr.seoullearn.functions.recruitment;

import kr.seoullearn.mentoring.port.MentoringLedger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage;
import kr.seoullearn.recruitment.dynamo.RecruitmentStorage;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test class's own copy of the template's table and user pool with the seed's recruitment
 * rules, and the handler as the template wires it (real Cognito groups on the emulator), on a
 * DynamoDB client whose calls are counted. The handler adds people to groups by the token's
 * {@code cognito:username}, so test people exist in the pool under that name.
 */
final class RecruitmentFixture implements AutoCloseable {
    /** Saturday 28 November 2026, 11:00 in Seoul: the term in force is March 2026 to February 2027. */
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    final TestStack stack;
    final DynamoDbClient dynamo;
    final CognitoIdentityProviderClient cognito;
    final CallCounter counter = new CallCounter();
    final RecruitmentLedger ledger;
    final MentoringLedger mentoring;
    final RecruitmentHandler handler;

    @SuppressWarnings("unchecked")
    RecruitmentFixture(String purpose) throws Exception {
        stack = TestStack.create(purpose);
        dynamo = stack.aws().dynamoDb();
        cognito = stack.aws().cognito();
        ledger = RecruitmentStorage.ledger(dynamo, stack.table());
        mentoring = kr.seoullearn.mentoring.dynamo.MentoringStorage.ledger(dynamo, stack.table());
        try (var in = RecruitmentFixture.class.getResourceAsStream("/seed/recruitment-rules.json")) {
            com.fasterxml.jackson.jr.ob.JSON.std.listFrom(in)
                    .forEach(o -> ledger.saveRules(RecruitmentRulesJson.fromMap((Map<String, Object>) o)));
        }
        handler = handler(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The handler with another clock (terms and renewals), on the counted client. */
    RecruitmentHandler handler(Clock clock) {
        DynamoDbClient counted = stack.dynamoDb(counter);
        return new RecruitmentHandler(new Recruitment(RecruitmentStorage.ledger(counted, stack.table()),
                MentorOnboardingStorage.onboarding(counted, stack.table()), new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), stack.stack().userPoolId(), clock));
    }

    @Override
    public void close() {
        stack.close();
    }

    /** A round opened by a reviewer (through the ledger), open now. */
    String round(String tenant, int target) {
        String id = "round-" + UUID.randomUUID();
        ledger.createRound(new Round(new TenantId(tenant), id, "Test round", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31),
                target, 0, EnumSet.allOf(Criterion.class), "reviewer", NOW));
        return id;
    }

    /** The pool's user names are e-mail addresses: the token's {@code cognito:username} of a test person. */
    static String username(String sub) {
        return sub + "@example.org";
    }

    /** A signed-up person in the pool and in a group. */
    String person(String group) {
        String sub = "sub-" + UUID.randomUUID();
        String pool = stack.stack().userPoolId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username(sub)).messageAction("SUPPRESS"));
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(username(sub)).groupName(group));
        return sub;
    }

    List<String> groupsOf(String sub) {
        return cognito.adminListGroupsForUser(r -> r.userPoolId(stack.stack().userPoolId()).username(username(sub))).groups().stream()
                .map(GroupType::groupName).sorted().toList();
    }

    /** A document of the person's as the documents function records it once checked. */
    String document(String tenant, String sub, String kind, String status) {
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> doc = new HashMap<>();
        doc.put(Keys.PK, AttributeValue.fromS(Keys.user(new TenantId(tenant), sub)));
        doc.put(Keys.SK, AttributeValue.fromS(Keys.document(id)));
        doc.put("type", AttributeValue.fromS("DOCUMENT"));
        doc.put("documentId", AttributeValue.fromS(id));
        doc.put("kind", AttributeValue.fromS(kind));
        doc.put("status", AttributeValue.fromS(status));
        dynamo.putItem(r -> r.tableName(stack.table()).item(doc));
        return id;
    }

    /** A complete application body with the person's two verified documents. */
    Map<String, Object> applicationBody(String tenant, String sub) {
        Map<String, Object> b = facts("2003-04-05", "B+");
        b.put("name", "지원자");
        b.put("university", "서울대학교");
        b.put("programme", "수학교육과");
        b.put("year", 3);
        b.put("subjects", List.of("MATH", "SCIENCE"));
        b.put("levels", List.of("MIDDLE", "HIGH"));
        b.put("languages", List.of("ko", "en"));
        b.put("availability", List.of(Map.of("day", "MON", "from", "18:00", "to", "21:00")));
        b.put("commitmentSemesters", 2);
        b.put("mode", "ONLINE");
        b.put("statement", "수학을 좋아하게 돕고 싶습니다.");
        b.put("educationMajor", true);
        b.put("enrolmentDocumentId", document(tenant, sub, "ENROLMENT_PROOF", "VERIFIED"));
        b.put("transcriptDocumentId", document(tenant, sub, "TRANSCRIPT", "VERIFIED"));
        b.put("privacyNotice", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT); // accepted with the application (docs/adr/0037)
        return b;
    }

    static Map<String, Object> facts(String birthDate, String grade) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("schoolType", "UNIVERSITY");
        b.put("enrolmentState", "ENROLLED");
        b.put("birthDate", birthDate);
        b.put("lastGrade", grade);
        return b;
    }

    APIGatewayV2HTTPResponse call(String route, String sub, String tenant, Map<String, String> path, Object body, String language,
                                  String... groups) {
        return call(handler, route, sub, tenant, path, body, language, groups);
    }

    APIGatewayV2HTTPResponse call(RecruitmentHandler h, String route, String sub, String tenant, Map<String, String> path, Object body,
                                  String language, String... groups) {
        String text = body == null ? null : body instanceof String s ? s : Json.write(body);
        Map<String, String> claims = new LinkedHashMap<>(Events.claims(sub, tenant, groups));
        claims.put("cognito:username", username(sub));
        APIGatewayV2HTTPEvent event = Events.http(route, claims, text, language);
        if (path != null && !path.isEmpty()) {
            event.setPathParameters(path);
        }
        return h.handleRequest(event, null);
    }

    int writes() {
        return counter.snapshot().entrySet().stream().filter(e -> WRITES.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return Json.readObject(r.getBody());
    }
}

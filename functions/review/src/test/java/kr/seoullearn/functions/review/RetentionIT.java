package kr.seoullearn.functions.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.platform.cognito.CognitoGroupMembership;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RetentionPeriods;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.RetentionDue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Retention with injected times (docs/adr/0038), against the template's table and bucket on the
 * emulator and S3Proxy: a draft's profile expires 180 days after its last save and not once it is
 * submitted; a rejected application 180 days after the decision, an approved one not; decided
 * documents (either way) 30 days after the decision, in the table (TTL) and in the bucket (tag
 * {@code state=decided}); a retag that fails at the decision stays due, is tried again by the
 * scheduled run and given up after its attempts; and the bucket's lifecycle rules say the same
 * periods as the code.
 */
class RetentionIT {
    private static final Instant CREATED = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant SAVED = Instant.parse("2026-09-10T03:00:00Z");
    private static final Instant SUBMITTED = Instant.parse("2026-09-11T03:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-10-02T05:00:00Z");
    private static final String TENANT = "retain";
    private static final TenantId T = new TenantId(TENANT);
    private static final EligibilityProgramme PROGRAMME = new EligibilityProgramme(T, "p", java.time.LocalDate.of(2026, 3, 1),
            null, Map.of(), List.of(new EligibilityProgramme.Category("OUT_OF_SCHOOL", false,
            List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION))), 80, 6, 24, java.util.Set.of(SchoolLevel.values()), 1, null);
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static ApplicationStore store;
    private static ProfileRepository profiles;
    private static RetentionDue due;
    private static String bucket;
    private static S3DocumentRetention s3Retention;
    private static final AtomicBoolean s3Down = new AtomicBoolean();
    /** The bucket as the review function sees it, or failing as a throttled S3 would. */
    private static final DocumentRetention flaky = documents -> {
        if (s3Down.get()) {
            throw new AwsCallFailed("s3", "SlowDown", 503, true, null);
        }
        return s3Retention.markDecided(documents);
    };

    @BeforeAll
    static void provision() {
        stack = TestStack.withLocalS3("retention");
        dynamo = stack.aws().dynamoDb();
        bucket = stack.stack().bucket("DocumentsBucket");
        store = RegistrationStorage.applications(dynamo, stack.table());
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        due = RegistrationStorage.retentionDue(dynamo, stack.table());
        s3Retention = new S3DocumentRetention(S3Objects.at(stack.s3Endpoint(), stack.aws().region(),
                kr.seoullearn.local.aws.LocalAws.credentials(), bucket));
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                Keys.SK, AttributeValue.fromS(TENANT), "nameKo", AttributeValue.fromS("보관"), "nameEn", AttributeValue.fromS("Retain"))));
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))).item();
    }

    private static Long expiresAt(Map<String, AttributeValue> item) {
        return item.containsKey(Keys.TTL) ? Long.valueOf(item.get(Keys.TTL).n()) : null;
    }

    private static List<Map<String, AttributeValue>> dueItems() {
        return dynamo.query(r -> r.tableName(stack.table()).consistentRead(true).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.tenant(T, "RETAG"))))).items();
    }

    /** A draft created, saved and submitted at the times above, with one checked document in the bucket. */
    private static String submittedWithADocument() {
        String email = "ret-" + UUID.randomUUID() + "@example.org";
        String pool = stack.stack().userPoolId();
        stack.aws().cognito().adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        String sub = "sub-" + UUID.randomUUID();
        profiles.createDraft(Profile.newDraft(T, sub, email, Language.KO, CREATED));
        assertThat(expiresAt(item(Keys.user(T, sub), "PROFILE"))).as("a new draft: 180 days")
                .isEqualTo(CREATED.plus(Duration.ofDays(180)).getEpochSecond());
        var draft = store.find(T, sub).orElseThrow();
        var withProfile = new Application(T, sub, email, draft.status(), draft.version(), "보관 신청자", java.time.LocalDate.of(2008, 1, 1),
                SchoolLevel.NOT_IN_SCHOOL, null, "mapo-gu", Language.KO, List.of("OUT_OF_SCHOOL"), null, null, null, null, CREATED, null, null);
        var saved = store.saveProfile(withProfile, draft.version(), SAVED);
        assertThat(expiresAt(item(Keys.user(T, sub), "PROFILE"))).as("saved: 180 days from the save")
                .isEqualTo(SAVED.plus(Duration.ofDays(180)).getEpochSecond());
        store.submit(saved, saved.version(), PROGRAMME, List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION), false, SUBMITTED);
        assertThat(expiresAt(item(Keys.user(T, sub), "PROFILE"))).as("submitted: kept until decided").isNull();
        String key = "tenant/" + TENANT + "/applicant/" + sub + "/" + UUID.randomUUID();
        stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf")
                .tagging("state=submitted&GuardDutyMalwareScanStatus=NO_THREATS_FOUND"), RequestBody.fromString("%PDF-1.4 test"));
        Map<String, AttributeValue> doc = new HashMap<>();
        doc.put(Keys.PK, AttributeValue.fromS(Keys.user(T, sub)));
        doc.put(Keys.SK, AttributeValue.fromS("DOC#d1"));
        doc.put("type", AttributeValue.fromS("DOCUMENT"));
        doc.put("documentId", AttributeValue.fromS("d1"));
        doc.put("kind", AttributeValue.fromS("OUT_OF_SCHOOL_CONFIRMATION"));
        doc.put("status", AttributeValue.fromS("VERIFIED"));
        doc.put("s3Key", AttributeValue.fromS(key));
        doc.put("contentType", AttributeValue.fromS("application/pdf"));
        doc.put(Keys.TTL, AttributeValue.fromN(Long.toString(RetentionPeriods.undecidedDocumentExpires(SUBMITTED).getEpochSecond())));
        dynamo.putItem(r -> r.tableName(stack.table()).item(doc));
        return sub;
    }

    private static String stateTag(String sub) {
        String key = item(Keys.user(T, sub), "DOC#d1").get("s3Key").s();
        return stack.s3().getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet().stream()
                .filter(t -> t.key().equals("state")).map(t -> t.value()).findFirst().orElse(null);
    }

    private static APIGatewayV2HTTPResponse decide(String sub, String decision) {
        Review review = new Review(store, new CognitoGroupMembership(kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(),
                stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials())), flaky, due, stack.stack().userPoolId(),
                Clock.fixed(DECIDED, ZoneOffset.UTC));
        ReviewHandler handler = new ReviewHandler(review, new ReviewTools(store, Clock.fixed(DECIDED, ZoneOffset.UTC)));
        long version = store.find(T, sub).orElseThrow().version();
        String body = "APPROVE".equals(decision) ? "{\"decision\":\"APPROVE\",\"version\":" + version + "}"
                : "{\"decision\":\"REJECT\",\"reason\":\"서류가 흐립니다\",\"version\":" + version + "}";
        APIGatewayV2HTTPEvent event = Events.http("POST /api/review/applications/{userId}/decision",
                Events.claims("reviewer-1", TENANT, "reviewers"), body, "ko");
        event.setPathParameters(Map.of("userId", sub));
        return handler.handleRequest(event, null);
    }

    @Test
    void aRejectionPutsTheDocumentsOnThe30DayRuleAndTheApplicationOn180Days() {
        String sub = submittedWithADocument();

        APIGatewayV2HTTPResponse r = decide(sub, "REJECT");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(expiresAt(item(Keys.user(T, sub), "PROFILE"))).as("rejected: 180 days after the decision")
                .isEqualTo(DECIDED.plus(Duration.ofDays(180)).getEpochSecond());
        assertThat(expiresAt(item(Keys.user(T, sub), "DOC#d1"))).as("its document's record: 30 days after the decision")
                .isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(stateTag(sub)).as("its file: the bucket's 30-day rule").isEqualTo("decided");
        assertThat(dueItems()).noneMatch(i -> i.get("userId").s().equals(sub));
    }

    @Test
    void anApprovalKeepsTheLearnersProfileAndPutsTheDocumentsOnThe30DayRule() {
        String sub = submittedWithADocument();

        APIGatewayV2HTTPResponse r = decide(sub, "APPROVE");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(expiresAt(item(Keys.user(T, sub), "PROFILE"))).as("a learner's profile stays while they take part").isNull();
        assertThat(expiresAt(item(Keys.user(T, sub), "DOC#d1"))).isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(stateTag(sub)).isEqualTo("decided");
    }

    @Test
    void aRetagThatFailsAtTheDecisionStaysDueAndTheScheduledRunFinishesIt() {
        String sub = submittedWithADocument();
        s3Down.set(true);
        APIGatewayV2HTTPResponse r;
        try {
            r = decide(sub, "REJECT");
        } finally {
            s3Down.set(false);
        }
        // the decision stands; the file keeps its backstop expiry meanwhile (never none)
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(stateTag(sub)).isEqualTo("submitted");
        assertThat(dueItems()).filteredOn(i -> i.get("userId").s().equals(sub)).singleElement()
                .satisfies(i -> assertThat(i.get("attempts").n()).isEqualTo("1"))
                .satisfies(i -> assertThat(expiresAt(i)).isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond()));

        // a run while S3 still fails counts another attempt and goes on
        RetagRunHandler run = new RetagRunHandler(new DynamoTenantDirectory(dynamo, stack.table()), due, store, flaky);
        s3Down.set(true);
        try {
            assertThat(run.handleRequest(Map.of(), null)).containsEntry("failed", 1);
        } finally {
            s3Down.set(false);
        }
        assertThat(dueItems()).filteredOn(i -> i.get("userId").s().equals(sub)).singleElement()
                .satisfies(i -> assertThat(i.get("attempts").n()).isEqualTo("2"));

        // the next run succeeds: the file and its record are on the 30-day rule, the due item is gone
        assertThat(run.handleRequest(Map.of(), null)).containsEntry("settled", 1);
        assertThat(stateTag(sub)).isEqualTo("decided");
        assertThat(expiresAt(item(Keys.user(T, sub), "DOC#d1"))).isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(dueItems()).noneMatch(i -> i.get("userId").s().equals(sub));
    }

    /** A checked recruitment document of a mentor applicant (no registration profile), its file tagged as undecided. */
    private static String recruitmentDocument(String sub, String kind) {
        String documentId = kind.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID();
        String key = "tenant/" + TENANT + "/applicant/" + sub + "/" + documentId;
        stack.s3().putObject(r -> r.bucket(bucket).key(key).contentType("application/pdf")
                .tagging("state=submitted&GuardDutyMalwareScanStatus=NO_THREATS_FOUND"), RequestBody.fromString("%PDF-1.4 transcript"));
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(T, sub)),
                Keys.SK, AttributeValue.fromS("DOC#" + documentId), "type", AttributeValue.fromS("DOCUMENT"),
                "documentId", AttributeValue.fromS(documentId), "kind", AttributeValue.fromS(kind),
                "status", AttributeValue.fromS("VERIFIED"), "s3Key", AttributeValue.fromS(key),
                "contentType", AttributeValue.fromS("application/pdf"),
                Keys.TTL, AttributeValue.fromN(Long.toString(RetentionPeriods.undecidedDocumentExpires(SUBMITTED).getEpochSecond())))));
        return documentId;
    }

    private static String stateTag(String sub, String documentId) {
        String key = item(Keys.user(T, sub), "DOC#" + documentId).get("s3Key").s();
        return stack.s3().getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet().stream()
                .filter(t -> t.key().equals("state")).map(t -> t.value()).findFirst().orElse(null);
    }

    private static kr.seoullearn.recruitment.domain.MentorApplication mentorApplication(String round, String sub, String enrolment,
                                                                                        String transcript) {
        return new kr.seoullearn.recruitment.domain.MentorApplication(T, round, sub, sub, "보관 멘토", "서울대학교", "수학교육과", 3,
                "UNIVERSITY", "ENROLLED", java.time.LocalDate.of(2003, 4, 5), kr.seoullearn.recruitment.domain.Grade.B_PLUS,
                java.util.Set.of(kr.seoullearn.mentoring.domain.MentoringSubject.MATH), java.util.Set.of(SchoolLevel.MIDDLE),
                java.util.Set.of(Language.KO), List.of(new kr.seoullearn.mentoring.domain.Availability.Window(java.time.DayOfWeek.MONDAY,
                java.time.LocalTime.of(18, 0), java.time.LocalTime.of(21, 0))), 2, "ONLINE", "statement", false, true, enrolment,
                transcript, kr.seoullearn.recruitment.domain.MentorApplication.Status.SUBMITTED, Map.of(), null, null, null, null,
                SUBMITTED, 0);
    }

    @Test
    void aRecruitmentDecisionEitherWayPutsTheApplicationsFilesOnThe30DayRuleAndAFailedRetagIsRetried() {
        var recruitment = kr.seoullearn.recruitment.dynamo.RecruitmentStorage.ledger(dynamo, stack.table());
        String round = "round-" + UUID.randomUUID();
        recruitment.createRound(new kr.seoullearn.recruitment.domain.Round(T, round, "Round", java.time.LocalDate.of(2026, 9, 1),
                java.time.LocalDate.of(2026, 10, 31), 5, 0, java.util.EnumSet.allOf(kr.seoullearn.recruitment.domain.Criterion.class),
                "reviewer-1", CREATED));
        RetagRunHandler run = new RetagRunHandler(new DynamoTenantDirectory(dynamo, stack.table()), due, store, flaky);

        // not selected: the due item is written with the decision; the run (S3 throttled first) retags both files
        String rejectedSub = "sub-" + UUID.randomUUID();
        String enrolment = recruitmentDocument(rejectedSub, "ENROLMENT_PROOF");
        String transcript = recruitmentDocument(rejectedSub, "TRANSCRIPT");
        String laterRound = recruitmentDocument(rejectedSub, "TRANSCRIPT"); // uploaded for another round: not this decision's
        var rejected = mentorApplication(round, rejectedSub, enrolment, transcript);
        recruitment.submit(rejected, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, DECIDED, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));
        recruitment.reject(rejected, "정원 초과", "reviewer-1", DECIDED);
        assertThat(expiresAt(item(Keys.user(T, rejectedSub), "MENTOR_APPLICATION#" + round)))
                .as("an application not selected: 180 days after the decision, as a rejected learner's")
                .isEqualTo(DECIDED.plus(Duration.ofDays(180)).getEpochSecond());
        assertThat(dueItems()).filteredOn(i -> i.get("userId").s().equals(rejectedSub)).singleElement().satisfies(i -> {
            assertThat(i.get("documentIds").l()).extracting(AttributeValue::s).containsExactlyInAnyOrder(enrolment, transcript);
            assertThat(expiresAt(i)).isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond());
        });
        s3Down.set(true);
        try {
            run.handleRequest(Map.of(), null);
        } finally {
            s3Down.set(false);
        }
        assertThat(stateTag(rejectedSub, transcript)).as("a failed retag leaves the backstop").isEqualTo("submitted");
        assertThat(dueItems()).filteredOn(i -> i.get("userId").s().equals(rejectedSub)).singleElement()
                .satisfies(i -> assertThat(i.get("attempts").n()).isEqualTo("1"));

        // selected: the same, in the selection's transaction
        String selectedSub = "sub-" + UUID.randomUUID();
        String selectedEnrolment = recruitmentDocument(selectedSub, "ENROLMENT_PROOF");
        String selectedTranscript = recruitmentDocument(selectedSub, "TRANSCRIPT");
        var chosen = mentorApplication(round, selectedSub, selectedEnrolment, selectedTranscript);
        recruitment.submit(chosen, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, DECIDED, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));
        recruitment.select(chosen, new kr.seoullearn.mentoring.domain.Mentor(T, selectedSub, chosen.name(), chosen.university(),
                chosen.subjects(), chosen.levels(), chosen.languages(), 3, 0,
                new kr.seoullearn.mentoring.domain.Availability(chosen.availability(), java.util.Set.of(), 0),
                java.time.LocalDate.of(2027, 2, 28), java.time.LocalDate.of(2027, 5, 29)), java.time.LocalDate.of(2026, 11, 1), "reviewer-1",
                DECIDED);
        assertThat(expiresAt(item(Keys.user(T, selectedSub), "MENTOR_APPLICATION#" + round)))
                .as("a selected mentor's application stays while they mentor").isNull();
        assertThat(dueItems()).filteredOn(i -> i.get("userId").s().equals(selectedSub)).singleElement()
                .satisfies(i -> assertThat(i.get("documentIds").l()).hasSize(2));

        run.handleRequest(Map.of(), null);

        for (String[] doc : List.of(new String[] {rejectedSub, enrolment}, new String[] {rejectedSub, transcript},
                new String[] {selectedSub, selectedEnrolment}, new String[] {selectedSub, selectedTranscript})) {
            assertThat(stateTag(doc[0], doc[1])).as("the file on the bucket's 30-day rule").isEqualTo("decided");
            assertThat(expiresAt(item(Keys.user(T, doc[0]), "DOC#" + doc[1]))).as("its record: 30 days after the decision")
                    .isEqualTo(DECIDED.plus(Duration.ofDays(30)).getEpochSecond());
        }
        assertThat(stateTag(rejectedSub, laterRound)).as("a file the decided application did not name").isEqualTo("submitted");
        assertThat(expiresAt(item(Keys.user(T, rejectedSub), "DOC#" + laterRound)))
                .isEqualTo(RetentionPeriods.undecidedDocumentExpires(SUBMITTED).getEpochSecond());
        assertThat(dueItems()).noneMatch(i -> i.get("userId").s().equals(rejectedSub) || i.get("userId").s().equals(selectedSub));
    }

    @Test
    void aRetagThatNeverSucceedsIsGivenUpAfterItsAttemptsAndTheFileKeepsItsBackstop() {
        String sub = submittedWithADocument();
        String pk = Keys.tenant(T, "RETAG");
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(pk),
                Keys.SK, AttributeValue.fromS(DECIDED + "#" + sub), "userId", AttributeValue.fromS(sub),
                "decidedAt", AttributeValue.fromS(DECIDED.toString()), "attempts", AttributeValue.fromN(Integer.toString(RetentionDue.MAX_ATTEMPTS)))));
        RetagRunHandler run = new RetagRunHandler(new DynamoTenantDirectory(dynamo, stack.table()), due, store, flaky);

        assertThat(run.handleRequest(Map.of(), null)).containsEntry("givenUp", 1);

        assertThat(dueItems()).noneMatch(i -> i.get("userId").s().equals(sub));
        assertThat(stateTag(sub)).as("the undecided backstop rule still applies").isEqualTo("submitted");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBucketsLifecycleRulesSayTheSamePeriodsAsTheCode() throws Exception {
        Template template = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
        Map<String, Object> bucketProperties = Template.map(template.resources().get("DocumentsBucket").get("Properties"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) Template.map(bucketProperties.get("LifecycleConfiguration")).get("Rules");
        Map<String, Integer> daysByState = new HashMap<>();
        for (Map<String, Object> rule : rules) {
            if (rule.get("TagFilters") instanceof List<?> filters && !filters.isEmpty()) {
                Map<String, Object> filter = (Map<String, Object>) filters.get(0);
                assertThat(filter.get("Key")).isEqualTo("state");
                daysByState.put((String) filter.get("Value"), ((Number) rule.get("ExpirationInDays")).intValue());
            }
        }
        assertThat(daysByState).containsExactlyInAnyOrderEntriesOf(Map.of(
                "unsubmitted", (int) RetentionPeriods.UNSUBMITTED_UPLOAD.toDays(),
                "submitted", (int) RetentionPeriods.UNDECIDED_DOCUMENTS.toDays(),
                "decided", (int) RetentionPeriods.DECIDED_DOCUMENTS.toDays()));
    }
}

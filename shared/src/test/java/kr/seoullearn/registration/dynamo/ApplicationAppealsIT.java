package kr.seoullearn.registration.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.AppealRules;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.RetentionPeriods;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Appeals against the emulator (docs/adr/0040): once, within the window, kept while open, decided
 * once by another reviewer than the one who rejected — each a DynamoDB condition, so parallel
 * appeals and parallel decisions leave exactly one; approving takes a quota place as a submission does.
 */
class ApplicationAppealsIT {
    private static final TenantId TENANT = new TenantId("chungbuk");
    private static final Instant REJECTED_AT = Instant.parse("2026-11-28T01:00:00Z");
    private static final Instant APPEALED_AT = REJECTED_AT.plus(Duration.ofDays(3));
    private static final Instant DECIDED_AT = APPEALED_AT.plus(Duration.ofDays(2));
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static ApplicationStore store;
    private static ProfileRepository profiles;
    private static ProgrammeCatalogue programmes;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("registration-appeals");
        dynamo = stack.aws().dynamoDb();
        store = RegistrationStorage.applications(dynamo, stack.table());
        profiles = RegistrationStorage.profiles(dynamo, stack.table());
        programmes = RegistrationStorage.programmes(dynamo, stack.table());
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    private static EligibilityProgramme programme(int quota) {
        EligibilityProgramme p = ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"chungbuk","id":"appeal-%s","effectiveFrom":"2025-03-01",
                 "categories":[{"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":[]}],
                 "incomeLinePercent":60,"minAge":8,"maxAge":19,"schoolLevels":["MIDDLE"],"pickLimit":1,"quota":%d}"""
                .formatted(UUID.randomUUID(), quota)));
        programmes.save(p);
        return p;
    }

    /** A submitted application of {@code p}, rejected by "rejecter" at {@link #REJECTED_AT}. */
    private static Application rejected(EligibilityProgramme p) {
        String sub = "a-" + UUID.randomUUID();
        profiles.createIfAbsent(Profile.newDraft(TENANT, sub, sub, Language.KO, REJECTED_AT));
        Application a = store.find(TENANT, sub).orElseThrow();
        Application filled = new Application(TENANT, sub, sub, a.status(), a.version(), "Applicant", LocalDate.of(2012, 1, 1),
                SchoolLevel.MIDDLE, 1, "cheongju-si", Language.KO, List.of("MULTICULTURAL"), null, null, null, null,
                a.createdAt(), null, null);
        Application saved = store.saveProfile(filled, a.version());
        Application submitted = store.submit(saved, saved.version(), p, List.of(), false, REJECTED_AT.minusSeconds(3600));
        return store.decide(submitted, submitted.version(), new Application.Decision("REJECTED", "income", "rejecter", REJECTED_AT));
    }

    private static Application appealed(Application a) {
        return store.appeal(a, a.version(), "My family's income fell this year", APPEALED_AT, APPEALED_AT.minus(AppealRules.WINDOW));
    }

    private static Map<String, AttributeValue> item(Application a) {
        return dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true)
                .key(RegistrationKeys.profile(TENANT, a.userId()).attributes())).item();
    }

    private static long admitted(EligibilityProgramme p) {
        return Long.parseLong(dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true)
                .key(RegistrationKeys.programme(p).attributes())).item().get("admitted").n());
    }

    private static void refused(Runnable r, Refusal refusal) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(refusal));
    }

    private static List<String> kindsTold(Application a) {
        return dynamo.query(r -> r.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :p AND begins_with(SK, :s)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.user(TENANT, a.userId())),
                        ":s", AttributeValue.fromS("INBOX#")))).items().stream().map(i -> i.get("kind").s()).toList();
    }

    private static List<Map<String, AttributeValue>> auditOf(Application a) {
        return dynamo.query(r -> r.tableName(stack.table()).consistentRead(true)
                .keyConditionExpression("PK = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.tenant(TENANT, "AUDIT", "SUBJECT", a.userId())))))
                .items().stream().filter(i -> i.toString().contains("review.appeal-decide")).toList();
    }

    @Test
    void anAppealIsKeptOpenOnTheAppealsListAndFreezesTheApplication() {
        Application a = rejected(programme(5));
        assertThat(item(a)).containsKey("expiresAt");

        Application open = appealed(a);

        assertThat(open.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(open.appeal().open()).isTrue();
        assertThat(open.appeal().against()).isEqualTo("rejecter");
        assertThat(open.appeal().reason()).isEqualTo("My family's income fell this year");
        // the rejection's 180-day deletion cannot take an application under appeal
        assertThat(item(a)).doesNotContainKey("expiresAt");
        var page = store.list(TENANT, new ApplicationStore.QueueFilter(ApplicationStore.ReviewList.APPEALS, null, null, null, null,
                null, null, null, LocalDate.of(2026, 12, 1)), null, 50);
        assertThat(page.applications()).extracting(Application::userId).contains(a.userId());
        // no edits and no second appeal while it is open
        refused(() -> store.saveProfile(open, open.version()), RegistrationRefusal.APPLICATION_NOT_EDITABLE);
        refused(() -> store.appeal(open, open.version(), "again", APPEALED_AT, APPEALED_AT.minus(AppealRules.WINDOW)),
                RegistrationRefusal.APPEAL_NOT_ALLOWED);
    }

    @Test
    void anAppealAfterTheWindowIsRefusedAndChangesNothing() {
        Application a = rejected(programme(5));
        Instant late = REJECTED_AT.plus(AppealRules.WINDOW).plusSeconds(1);

        refused(() -> store.appeal(a, a.version(), "late", late, late.minus(AppealRules.WINDOW)), RegistrationRefusal.APPEAL_TOO_LATE);

        assertThat(store.find(TENANT, a.userId()).orElseThrow().appeal()).isNull();
        assertThat(item(a)).containsKey("expiresAt");
    }

    @Test
    void tenParallelAppealsMakeOne() throws Exception {
        Application a = rejected(programme(5));
        List<Object> results = race(10, i -> () -> store.appeal(a, a.version(), "reason " + i, APPEALED_AT,
                APPEALED_AT.minus(AppealRules.WINDOW)));

        assertThat(results).filteredOn(r -> r instanceof Application).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ProblemException).hasSize(9);
        assertThat(store.find(TENANT, a.userId()).orElseThrow().version()).isEqualTo(a.version() + 1);
    }

    @Test
    void neitherTheRejecterNorTheApplicantCanDecideTheAppealEvenPastTheJavaChecks() {
        EligibilityProgramme p = programme(5);
        Application open = appealed(rejected(p));

        refused(() -> store.decideAppeal(open, open.version(), true, null, "rejecter", DECIDED_AT), RegistrationRefusal.APPEAL_SAME_REVIEWER);
        refused(() -> store.decideAppeal(open, open.version(), true, null, open.userId(), DECIDED_AT), Problem.SELF_DECISION);

        Application now = store.find(TENANT, open.userId()).orElseThrow();
        assertThat(now.version()).isEqualTo(open.version());
        assertThat(now.appeal().open()).isTrue();
        assertThat(admitted(p)).isZero();
        assertThat(auditOf(open)).isEmpty();
    }

    @Test
    void approvingOnAppealTakesAQuotaPlaceTellsTheApplicantAndIsAudited() {
        EligibilityProgramme p = programme(5);
        Application open = appealed(rejected(p));
        assertThat(admitted(p)).isZero();

        Application approved = store.decideAppeal(open, open.version(), true, null, "second", DECIDED_AT);

        assertThat(approved.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(approved.appeal().status()).isEqualTo(Application.Appeal.APPROVED);
        assertThat(approved.decision().decidedBy()).isEqualTo("second");
        assertThat(admitted(p)).isEqualTo(1);
        assertThat(item(open).get("quotaPlace").s()).isEqualTo(RegistrationKeys.programme(p).sk());
        assertThat(item(open)).doesNotContainKeys("expiresAt", "appealOpen");
        assertThat(kindsTold(open)).contains("APPLICATION_APPROVED");
        assertThat(auditOf(open)).hasSize(1);
        // final: a second decision is refused
        refused(() -> store.decideAppeal(approved, approved.version(), false, "no", "third", DECIDED_AT),
                RegistrationRefusal.APPEAL_DECISION_NOT_ALLOWED);
    }

    @Test
    void approvingOnAppealIntoAFullProgrammeIsRefusedAndNothingChanges() {
        EligibilityProgramme p = programme(1);
        Application open = appealed(rejected(p));
        Application other = rejected(p);
        // the freed place goes to another submission
        Application resent = store.submit(other, other.version(), p, List.of(), false, DECIDED_AT);
        assertThat(resent.status()).isEqualTo(RegistrationStatus.SUBMITTED);

        refused(() -> store.decideAppeal(open, open.version(), true, null, "second", DECIDED_AT), RegistrationRefusal.PROGRAMME_FULL);

        assertThat(admitted(p)).isEqualTo(1);
        assertThat(store.find(TENANT, open.userId()).orElseThrow().appeal().open()).isTrue();
        assertThat(auditOf(open)).isEmpty();
    }

    @Test
    void upholdingKeepsTheRejectionForAnother180DaysAndIsFinal() {
        EligibilityProgramme p = programme(5);
        Application open = appealed(rejected(p));

        Application upheld = store.decideAppeal(open, open.version(), false, "income above the line", "second", DECIDED_AT);

        assertThat(upheld.status()).isEqualTo(RegistrationStatus.REJECTED);
        assertThat(upheld.appeal().status()).isEqualTo(Application.Appeal.UPHELD);
        assertThat(upheld.appeal().decisionReason()).isEqualTo("income above the line");
        assertThat(Long.parseLong(item(open).get("expiresAt").n())).isEqualTo(RetentionPeriods.rejectedExpires(DECIDED_AT).getEpochSecond());
        assertThat(admitted(p)).isZero();
        assertThat(kindsTold(open)).contains("APPEAL_UPHELD");
        refused(() -> store.appeal(upheld, upheld.version(), "again", DECIDED_AT, DECIDED_AT.minus(AppealRules.WINDOW)),
                RegistrationRefusal.APPEAL_NOT_ALLOWED);
        // the applicant may still correct and send the application again, as after any rejection
        assertThat(upheld.editable()).isTrue();
    }

    @Test
    void twoReviewersDecidingTheSameAppealAtOnceMakeOneDecision() throws Exception {
        EligibilityProgramme p = programme(5);
        Application open = appealed(rejected(p));

        List<Object> results = race(2, i -> () -> store.decideAppeal(open, open.version(), i == 0, i == 0 ? null : "no",
                "reviewer-" + i, DECIDED_AT.plusSeconds(i)));

        assertThat(results).filteredOn(r -> r instanceof Application).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ProblemException).hasSize(1);
        Application now = store.find(TENANT, open.userId()).orElseThrow();
        assertThat(now.version()).isEqualTo(open.version() + 1);
        assertThat(admitted(p)).isEqualTo(now.status() == RegistrationStatus.APPROVED ? 1 : 0);
        assertThat(auditOf(open)).hasSize(1);
    }

    private interface Task {
        Callable<Object> of(int i);
    }

    private static List<Object> race(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Object> c = task.of(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return c.call();
                    } catch (ProblemException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}

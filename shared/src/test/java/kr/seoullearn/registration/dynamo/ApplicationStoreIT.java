package kr.seoullearn.registration.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The application adapters against the emulator, on the template's table: the conditions of a
 * submission and a decision (version, status, quota) and what each leaves behind.
 */
class ApplicationStoreIT {
    private static final TenantId TENANT = new TenantId("chungbuk");
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static ApplicationStore store;
    private static ProfileRepository profiles;
    private static ProgrammeCatalogue programmes;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("registration-applications");
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

    private static EligibilityProgramme programme(String id, int quota) {
        EligibilityProgramme p = ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"chungbuk","id":"%s","effectiveFrom":"2025-03-01",
                 "categories":[{"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                 "incomeLinePercent":60,"minAge":8,"maxAge":19,"schoolLevels":["MIDDLE"],"pickLimit":1,"quota":%d}"""
                .formatted(id, quota)));
        programmes.save(p);
        return p;
    }

    /** A complete DRAFT application, saved at version 2. */
    private static Application draft() {
        String sub = "a-" + UUID.randomUUID();
        profiles.createIfAbsent(Profile.newDraft(TENANT, sub, sub, Language.VI, NOW));
        Application a = store.find(TENANT, sub).orElseThrow();
        Application filled = new Application(TENANT, sub, sub, a.status(), a.version(), "Applicant", LocalDate.of(2012, 1, 1),
                SchoolLevel.MIDDLE, 1, "cheongju-si", Language.VI, List.of("MULTICULTURAL"), null, null, null, null,
                a.createdAt(), null, null);
        return store.saveProfile(filled, a.version());
    }

    private static long admitted(EligibilityProgramme p) {
        return Long.parseLong(dynamo.getItem(r -> r.tableName(stack.table())
                .key(RegistrationKeys.programme(p).attributes())).item().get("admitted").n());
    }

    @Test
    void aSubmissionTakesAPlaceAndJoinsTheReviewQueue() {
        EligibilityProgramme p = programme("queue-" + UUID.randomUUID(), 5);
        Application a = draft();

        Application submitted = store.submit(a, a.version(), p, List.of(DocumentKind.MULTICULTURAL_FAMILY_CERTIFICATE), false, NOW);

        assertThat(submitted.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(submitted.version()).isEqualTo(a.version() + 1);
        assertThat(submitted.requiredDocuments()).containsExactly(DocumentKind.MULTICULTURAL_FAMILY_CERTIFICATE);
        assertThat(admitted(p)).isEqualTo(1);
        assertThat(store.queue(TENANT, null, 50).applications()).extracting(Application::userId).contains(a.userId());
    }

    @Test
    void aFullProgrammeRefusesAndNothingChanges() {
        EligibilityProgramme p = programme("full-" + UUID.randomUUID(), 1);
        Application first = draft();
        store.submit(first, first.version(), p, List.of(), false, NOW);
        Application second = draft();

        assertThatThrownBy(() -> store.submit(second, second.version(), p, List.of(), false, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.PROGRAMME_FULL));
        assertThat(admitted(p)).isEqualTo(1);
        assertThat(store.find(TENANT, second.userId()).orElseThrow().status()).isEqualTo(RegistrationStatus.DRAFT);
    }

    private static Application reject(Application a) {
        Application now = store.find(TENANT, a.userId()).orElseThrow();
        return store.decide(now, now.version(), new Application.Decision("REJECTED", "junk", "reviewer", NOW));
    }

    @Test
    void aRejectionGivesThePlaceBackAndAResubmissionTakesOnlyOne() {
        EligibilityProgramme p = programme("release-" + UUID.randomUUID(), 1);
        Application a = draft();
        store.submit(a, a.version(), p, List.of(), false, NOW);
        assertThat(admitted(p)).isEqualTo(1);

        Application rejected = reject(a);
        assertThat(admitted(p)).isZero();
        // the same place goes to someone else, or back to the applicant: never two for one application
        Application again = store.submit(rejected, rejected.version(), p, List.of(), false, NOW);
        assertThat(again.status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(admitted(p)).isEqualTo(1);
        Application other = draft();
        assertThatThrownBy(() -> store.submit(other, other.version(), p, List.of(), false, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.PROGRAMME_FULL));
    }

    @Test
    void anApprovalKeepsItsPlace() {
        EligibilityProgramme p = programme("keep-" + UUID.randomUUID(), 2);
        Application a = draft();
        Application submitted = store.submit(a, a.version(), p, List.of(), false, NOW);
        store.decide(submitted, submitted.version(), new Application.Decision("APPROVED", null, "reviewer", NOW));
        assertThat(admitted(p)).isEqualTo(1);
    }

    @Test
    void anAccountSubmitsAtMostTheLimitAndTheRefusalSaysSo() {
        EligibilityProgramme p = programme("limit-" + UUID.randomUUID(), 10);
        Application a = draft();
        for (int i = 0; i < kr.seoullearn.registration.domain.RegistrationRules.MAX_SUBMISSIONS; i++) {
            Application current = store.find(TENANT, a.userId()).orElseThrow();
            store.submit(current, current.version(), p, List.of(), false, NOW);
            reject(a);
        }
        Application last = store.find(TENANT, a.userId()).orElseThrow();

        assertThatThrownBy(() -> store.submit(last, last.version(), p, List.of(), false, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(RegistrationRefusal.SUBMISSION_LIMIT_REACHED);
                    assertThat(e.extensions()).containsEntry("maxSubmissions", kr.seoullearn.registration.domain.RegistrationRules.MAX_SUBMISSIONS);
                });
        assertThat(admitted(p)).isZero();
        assertThat(store.find(TENANT, a.userId()).orElseThrow().status()).isEqualTo(RegistrationStatus.REJECTED);
    }

    @Test
    void fiftyParallelSubmissionsAndTheirRejectionsLeaveEveryPlaceFree() throws Exception {
        EligibilityProgramme p = programme("junk-" + UUID.randomUUID(), 10);
        List<Application> drafts = java.util.stream.IntStream.range(0, 50).mapToObj(i -> draft()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var submitted = new java.util.concurrent.ConcurrentLinkedQueue<Application>();
            var refused = new java.util.concurrent.atomic.AtomicInteger();
            var futures = drafts.stream().map(d -> pool.submit(() -> {
                try {
                    submitted.add(store.submit(d, d.version(), p, List.of(), false, NOW));
                } catch (ProblemException e) {
                    assertThat(e.problem()).isEqualTo(RegistrationRefusal.PROGRAMME_FULL);
                    refused.incrementAndGet();
                }
                return null;
            })).toList();
            for (var f : futures) {
                f.get();
            }
            assertThat(submitted).hasSize(10);
            assertThat(refused).hasValue(40);
            assertThat(admitted(p)).isEqualTo(10);

            var rejections = submitted.stream().map(a -> pool.submit(() -> reject(a))).toList();
            for (var f : rejections) {
                f.get();
            }
            assertThat(admitted(p)).isZero();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStaleVersionConflictsAndASubmittedApplicationIsNoLongerEditable() {
        EligibilityProgramme p = programme("stale-" + UUID.randomUUID(), 5);
        Application a = draft();

        assertThatThrownBy(() -> store.submit(a, a.version() - 1, p, List.of(), false, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.VERSION_CONFLICT);
                    assertThat(e.extensions()).containsEntry("currentVersion", a.version());
                });
        assertThat(admitted(p)).isZero();
        Application submitted = store.submit(a, a.version(), p, List.of(), false, NOW);
        assertThatThrownBy(() -> store.saveProfile(submitted, submitted.version()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.APPLICATION_NOT_EDITABLE));
    }

    @Test
    void aDecisionLeavesTheQueueAndASecondOneIsNotAllowed() {
        EligibilityProgramme p = programme("decide-" + UUID.randomUUID(), 5);
        Application a = draft();
        Application submitted = store.submit(a, a.version(), p, List.of(), false, NOW);
        var approve = new Application.Decision("APPROVED", null, "reviewer-1", NOW.plusSeconds(7200));

        assertThatThrownBy(() -> store.decide(submitted, submitted.version() - 1, approve))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.VERSION_CONFLICT));
        Application decided = store.decide(submitted, submitted.version(), approve);

        assertThat(decided.status()).isEqualTo(RegistrationStatus.APPROVED);
        assertThat(decided.decision().decidedBy()).isEqualTo("reviewer-1");
        assertThat(store.queue(TENANT, null, 50).applications()).extracting(Application::userId).doesNotContain(a.userId());
        assertThatThrownBy(() -> store.decide(decided, decided.version(),
                new Application.Decision("REJECTED", "late", "reviewer-2", NOW.plusSeconds(9000))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.DECISION_NOT_ALLOWED));
        // the audit trail holds the one decision that happened, written in its transaction; the
        // refused ones (stale version, decided twice) wrote no entry
        var audit = kr.seoullearn.audit.dynamo.AuditStorage.trail(dynamo, stack.table()).page(TENANT,
                new kr.seoullearn.audit.domain.AuditQuery(null, null, a.userId(), null, null, 10, null)).entries();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("review.decide");
            assertThat(e.actor()).isEqualTo("reviewer-1");
            assertThat(e.before()).containsEntry("status", "SUBMITTED").containsEntry("version", Long.toString(submitted.version()));
            assertThat(e.after()).containsEntry("status", "APPROVED").containsEntry("version", Long.toString(submitted.version() + 1));
        });
    }
}

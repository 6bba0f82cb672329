package kr.seoullearn.registration.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.figures.dynamo.FiguresStorage;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.ProfileCorrection;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.port.ProfileCorrections;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.SchoolYearRollover;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The school-year rollover against the emulator on the template's table (docs/adr/0041), with
 * injected dates: across 28 February → 1 March, across the programme year's end, up to the age
 * limit; runs that resume, rerun, race each other and race a learner's own correction. Each test
 * uses its own tenant, so nothing another test writes is counted.
 */
class SchoolYearRolloverIT {
    private static final Instant DECIDED = Instant.parse("2026-05-10T01:00:00Z");
    private static final LocalDate FEB_28 = LocalDate.of(2027, 2, 28);
    private static final LocalDate MAR_1 = LocalDate.of(2027, 3, 1);
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static ProgrammeCatalogue programmes;
    private static SchoolYearRollover rollover;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("registration-rollover");
        dynamo = stack.aws().dynamoDb();
        programmes = RegistrationStorage.programmes(dynamo, stack.table());
        rollover = rollover(DynamoSchoolYearRollover.PAGE);
    }

    private static SchoolYearRollover rollover(int page) {
        return new DynamoSchoolYearRollover(dynamo, stack.table(), NotificationsStorage.writes(stack.table()),
                FiguresStorage.writes(stack.table()), page);
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    private static TenantId tenant(String until, int maxAge) {
        String id = "t" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = new TenantId(id);
        programmes.save(ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"%s","id":"p-2026","effectiveFrom":"2026-03-01"%s,
                 "categories":[{"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                 "incomeLinePercent":60,"minAge":6,"maxAge":%d,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH","NOT_IN_SCHOOL"],"pickLimit":2}"""
                .formatted(id, until == null ? "" : ",\"effectiveUntil\":\"" + until + "\"", maxAge))));
        return tenant;
    }

    /** An approved learner as the decision leaves them (on the decided list, GSI1). */
    private static String learner(TenantId tenant, SchoolLevel level, Integer grade, LocalDate birth) {
        String sub = "u-" + UUID.randomUUID();
        Map<String, AttributeValue> item = new HashMap<>(ItemKey.of(Keys.user(tenant, sub), Keys.PROFILE).attributes());
        item.put("type", s("PROFILE"));
        item.put("tenant", s(tenant.value()));
        item.put("userId", s(sub));
        item.put("username", s(sub));
        item.put("status", s("APPROVED"));
        item.put("version", n(4));
        item.put("displayName", s("Learner"));
        item.put("birthDate", s(birth.toString()));
        item.put("schoolLevel", s(level.name()));
        if (grade != null) {
            item.put("grade", n(grade));
        }
        item.put("district", s("jongno-gu"));
        item.put("language", s("ko"));
        item.put("programmeId", s("p-2026"));
        item.put("submissions", n(1));
        item.put("quotaPlace", s("FROM#2026-03-01#p-2026"));
        item.put("decidedAt", s(DECIDED.toString()));
        item.put("decisionOutcome", s("APPROVED"));
        item.put(Keys.GSI1PK, s(Keys.tenant(tenant, "DECIDED")));
        item.put(Keys.GSI1SK, s(DECIDED + "#" + sub));
        dynamo.putItem(p -> p.tableName(stack.table()).item(item));
        return sub;
    }

    private static String learner(TenantId tenant, SchoolLevel level, Integer grade) {
        return learner(tenant, level, grade, LocalDate.of(2014, 6, 1));
    }

    private static Map<String, AttributeValue> profile(TenantId tenant, String sub) {
        return dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(ItemKey.of(Keys.user(tenant, sub), Keys.PROFILE).attributes())).item();
    }

    /** The kinds of the notices in the learner's inbox. */
    private static List<String> notices(TenantId tenant, String sub) {
        return dynamo.query(q -> q.tableName(stack.table()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :inbox)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.user(tenant, sub)), ":inbox", s("INBOX#"))))
                .items().stream().map(i -> i.get("kind").s()).toList();
    }

    private static String placement(TenantId tenant, String sub) {
        Map<String, AttributeValue> p = profile(tenant, sub);
        return p.get("status").s() + " " + p.get("schoolLevel").s() + (p.containsKey("grade") ? " " + p.get("grade").n() : "");
    }

    private static SchoolYearRollover.Run run(TenantId tenant, LocalDate day) {
        return rollover.run(tenant, day, day.atTime(0, 10).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant(), () -> true);
    }

    @Test
    void onTheFirstOfMarchEachLearnerMovesUpOnceAndIsTold() {
        TenantId tenant = tenant(null, 24);
        String e5 = learner(tenant, SchoolLevel.ELEMENTARY, 5);
        String e6 = learner(tenant, SchoolLevel.ELEMENTARY, 6);
        String m3 = learner(tenant, SchoolLevel.MIDDLE, 3);
        String h2 = learner(tenant, SchoolLevel.HIGH, 2);
        String h3 = learner(tenant, SchoolLevel.HIGH, 3);
        String out = learner(tenant, SchoolLevel.NOT_IN_SCHOOL, null);

        SchoolYearRollover.Run feb = run(tenant, FEB_28);
        assertThat(feb.finished()).isTrue();
        assertThat(feb.counts()).containsEntry("seen", 6).containsEntry("unchanged", 6).containsEntry("movedUp", 0);
        assertThat(placement(tenant, e5)).isEqualTo("APPROVED ELEMENTARY 5");

        SchoolYearRollover.Run mar = run(tenant, MAR_1);
        assertThat(mar.counts()).containsEntry("seen", 6).containsEntry("movedUp", 2).containsEntry("levelChanged", 2)
                .containsEntry("graduated", 1).containsEntry("kept", 1).containsEntry("failed", 0);
        assertThat(placement(tenant, e5)).isEqualTo("APPROVED ELEMENTARY 6");
        assertThat(placement(tenant, e6)).isEqualTo("APPROVED MIDDLE 1");
        assertThat(placement(tenant, m3)).isEqualTo("APPROVED HIGH 1");
        assertThat(placement(tenant, h2)).isEqualTo("APPROVED HIGH 3");
        assertThat(placement(tenant, h3)).isEqualTo("EXPIRED HIGH 3");
        assertThat(placement(tenant, out)).isEqualTo("APPROVED NOT_IN_SCHOOL");
        assertThat(profile(tenant, h3)).containsEntry("endReason", s("GRADUATED")).doesNotContainKey("quotaPlace")
                .containsEntry("submissions", n(0));
        assertThat(mar.endedUsernames()).containsExactly(h3);
        assertThat(notices(tenant, e5)).containsExactly("GRADE_MOVED_UP");
        assertThat(notices(tenant, e6)).containsExactly("MOVED_TO_MIDDLE_SCHOOL");
        assertThat(notices(tenant, m3)).containsExactly("MOVED_TO_HIGH_SCHOOL");
        assertThat(notices(tenant, h3)).containsExactly("GRADUATED");
        assertThat(notices(tenant, out)).isEmpty();
        assertThat(profile(tenant, e5).get("version").n()).isEqualTo("5");

        // the same day again (a retry): the finished run is answered, nothing changes
        assertThat(run(tenant, MAR_1).counts()).isEqualTo(mar.counts());
        // the next day: a new run, and nobody moves a second time this school year
        SchoolYearRollover.Run next = run(tenant, MAR_1.plusDays(1));
        assertThat(next.counts()).containsEntry("seen", 5).containsEntry("unchanged", 5).containsEntry("movedUp", 0)
                .containsEntry("levelChanged", 0);
        assertThat(placement(tenant, e5)).isEqualTo("APPROVED ELEMENTARY 6");
        assertThat(notices(tenant, e5)).hasSize(1);
        assertThat(rollover.lastRun(tenant).orElseThrow().day()).isEqualTo(MAR_1.plusDays(1));
    }

    @Test
    void aLearnerWhoCorrectedTheirLevelThisSchoolYearIsNotMovedAgain() {
        TenantId tenant = tenant(null, 24);
        String sub = learner(tenant, SchoolLevel.ELEMENTARY, 6);
        ProfileCorrections corrections = RegistrationStorage.corrections(dynamo, stack.table());
        Application current = corrections.find(tenant, sub).orElseThrow();
        Instant march2 = Instant.parse("2027-03-01T00:00:00Z"); // 09:00 Seoul, 1 March: the new school year
        corrections.correct(current, new ProfileCorrection.Changes(null, null, null, true, SchoolLevel.MIDDLE, 1),
                current.version(), march2, null);

        SchoolYearRollover.Run mar = run(tenant, LocalDate.of(2027, 3, 2));
        assertThat(mar.counts()).containsEntry("kept", 1).containsEntry("levelChanged", 0);
        assertThat(placement(tenant, sub)).isEqualTo("APPROVED MIDDLE 1");
        assertThat(notices(tenant, sub)).isEmpty();
    }

    @Test
    void approvalsExpireAfterTheProgrammeYearWithAnInvitationToApplyAgain() {
        TenantId tenant = tenant("2027-02-28", 24);
        String sub = learner(tenant, SchoolLevel.MIDDLE, 2);

        assertThat(run(tenant, FEB_28).counts()).containsEntry("expired", 0).containsEntry("unchanged", 1);
        assertThat(placement(tenant, sub)).isEqualTo("APPROVED MIDDLE 2");

        SchoolYearRollover.Run mar = run(tenant, MAR_1);
        assertThat(mar.counts()).containsEntry("expired", 1).containsEntry("movedUp", 0);
        Map<String, AttributeValue> p = profile(tenant, sub);
        assertThat(p).containsEntry("status", s("EXPIRED")).containsEntry("endReason", s("PROGRAMME_YEAR_ENDED"))
                .containsEntry("endedOn", s("2027-03-01")).containsEntry("submissions", n(0)).doesNotContainKey("quotaPlace");
        assertThat(notices(tenant, sub)).containsExactly("PARTICIPATION_ENDED");
        // an expired learner is no longer walked
        assertThat(run(tenant, MAR_1.plusDays(1)).counts()).containsEntry("seen", 0);
        assertThat(notices(tenant, sub)).hasSize(1);
    }

    @Test
    void aSuccessorProgrammeEndsThePreviousOnesYear() {
        TenantId tenant = tenant(null, 24);
        programmes.save(ProgrammeJson.fromMap(Json.readObject("""
                {"tenant":"%s","id":"p-2027","effectiveFrom":"2027-03-01",
                 "categories":[{"code":"MULTICULTURAL","recordsCanDecide":false,"requiredDocuments":["MULTICULTURAL_FAMILY_CERTIFICATE"]}],
                 "incomeLinePercent":70,"minAge":6,"maxAge":24,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH"],"pickLimit":2}"""
                .formatted(tenant.value()))));
        String sub = learner(tenant, SchoolLevel.MIDDLE, 2);
        assertThat(run(tenant, MAR_1).counts()).containsEntry("expired", 1);
        assertThat(placement(tenant, sub)).isEqualTo("EXPIRED MIDDLE 2");
    }

    @Test
    void pastTheAgeLimitALearnerIsToldThirtyDaysAheadThenLeaves() {
        TenantId tenant = tenant(null, 19);
        // 20 on 2027-04-20: past the limit of 19 from that day
        String sub = learner(tenant, SchoolLevel.NOT_IN_SCHOOL, null, LocalDate.of(2007, 4, 20));

        assertThat(run(tenant, LocalDate.of(2027, 3, 20)).counts()).containsEntry("ageNoticed", 0);
        assertThat(run(tenant, LocalDate.of(2027, 3, 21)).counts()).containsEntry("ageNoticed", 1);
        assertThat(profile(tenant, sub)).containsEntry("ageNoticeFor", s("2027-04-20"));
        assertThat(run(tenant, LocalDate.of(2027, 3, 22)).counts()).containsEntry("ageNoticed", 0).containsEntry("unchanged", 1);
        assertThat(run(tenant, LocalDate.of(2027, 4, 19)).counts()).containsEntry("agedOut", 0);
        assertThat(placement(tenant, sub)).startsWith("APPROVED");
        assertThat(run(tenant, LocalDate.of(2027, 4, 20)).counts()).containsEntry("agedOut", 1);
        assertThat(profile(tenant, sub)).containsEntry("status", s("EXPIRED")).containsEntry("endReason", s("AGE_LIMIT"));
        assertThat(notices(tenant, sub)).containsExactlyInAnyOrder("AGE_LIMIT_AHEAD", "AGE_LIMIT_REACHED");
    }

    @Test
    void aRunThatStopsResumesFromItsCursorAndOneBrokenLearnerStopsNobody() {
        TenantId tenant = tenant(null, 24);
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subs.add(learner(tenant, SchoolLevel.ELEMENTARY, 2));
        }
        // a learner whose item the step cannot read: counted as failed, the others go on
        String broken = learner(tenant, SchoolLevel.ELEMENTARY, 2);
        dynamo.updateItem(u -> u.tableName(stack.table()).key(ItemKey.of(Keys.user(tenant, broken), Keys.PROFILE).attributes())
                .updateExpression("SET schoolLevel = :bad").expressionAttributeValues(Map.of(":bad", s("KINDERGARTEN"))));
        SchoolYearRollover small = rollover(2);
        Instant at = Instant.parse("2027-02-28T15:10:00Z");

        SchoolYearRollover.Run first = small.run(tenant, MAR_1, at, () -> false);
        assertThat(first.finished()).isFalse();
        assertThat(first.counts().get("seen")).isEqualTo(2);
        SchoolYearRollover.Run rest = small.run(tenant, MAR_1, at, () -> true);
        assertThat(rest.finished()).isTrue();
        assertThat(rest.counts()).containsEntry("seen", 6).containsEntry("movedUp", 5).containsEntry("failed", 1);
        for (String sub : subs) {
            assertThat(placement(tenant, sub)).isEqualTo("APPROVED ELEMENTARY 3");
            assertThat(notices(tenant, sub)).containsExactly("GRADE_MOVED_UP");
        }
    }

    @Test
    void twoRunsAtOnceMoveEachLearnerExactlyOnce() throws Exception {
        TenantId tenant = tenant(null, 24);
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            subs.add(learner(tenant, SchoolLevel.ELEMENTARY, 1 + i % 6));
        }
        SchoolYearRollover small = rollover(5);
        Instant at = Instant.parse("2027-02-28T15:10:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SchoolYearRollover.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return small.run(tenant, MAR_1, at, () -> true);
            }));
        }
        go.countDown();
        for (Future<SchoolYearRollover.Run> f : runs) {
            f.get();
        }
        pool.shutdown();
        // whichever run stopped first, the day's run is finished by calling it again (a retry)
        SchoolYearRollover.Run done = small.run(tenant, MAR_1, at, () -> true);
        assertThat(done.finished()).isTrue();
        for (int i = 0; i < subs.size(); i++) {
            int grade = 1 + i % 6;
            assertThat(placement(tenant, subs.get(i))).isEqualTo(grade == 6 ? "APPROVED MIDDLE 1" : "APPROVED ELEMENTARY " + (grade + 1));
            assertThat(notices(tenant, subs.get(i))).hasSize(1);
            assertThat(profile(tenant, subs.get(i)).get("version").n()).isEqualTo("5");
        }
        assertThat(done.counts().get("movedUp") + done.counts().get("levelChanged")).isEqualTo(24);
        assertThat(done.counts()).containsEntry("seen", 24).containsEntry("failed", 0);
    }

    @Test
    void aRolloverRacingTheLearnersOwnCorrectionMovesThemExactlyOnce() throws Exception {
        TenantId tenant = tenant(null, 24);
        ProfileCorrections corrections = RegistrationStorage.corrections(dynamo, stack.table());
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subs.add(learner(tenant, SchoolLevel.ELEMENTARY, 4));
        }
        Instant at = Instant.parse("2027-03-01T01:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        Future<?> learners = pool.submit(() -> {
            go.await();
            for (String sub : subs) {
                Application current = corrections.find(tenant, sub).orElseThrow();
                try {
                    corrections.correct(current, new ProfileCorrection.Changes(null, null, null, true, SchoolLevel.MIDDLE, 1),
                            current.version(), at, null);
                } catch (ProblemException e) {
                    refused.incrementAndGet(); // the rollover moved them first: the version they read is gone
                }
            }
            return null;
        });
        Future<SchoolYearRollover.Run> run = pool.submit(() -> {
            go.await();
            return rollover(3).run(tenant, MAR_1, at, () -> true);
        });
        go.countDown();
        learners.get();
        SchoolYearRollover.Run r = run.get();
        pool.shutdown();
        int moved = 0;
        for (String sub : subs) {
            // the rollover first (E5; a correction read after it may still set M1 — the learner's own, once), or the correction first (M1, kept)
            assertThat(placement(tenant, sub)).isIn("APPROVED ELEMENTARY 5", "APPROVED MIDDLE 1");
            List<String> told = notices(tenant, sub);
            assertThat(told).hasSizeLessThanOrEqualTo(1);
            if (!told.isEmpty()) {
                assertThat(told).containsExactly("GRADE_MOVED_UP");
                moved++;
            }
            assertThat(profile(tenant, sub)).containsEntry("rolledYear", n(2027));
        }
        assertThat(r.counts().get("movedUp")).isEqualTo(moved);
        assertThat(r.counts().get("kept")).isEqualTo(subs.size() - moved);
        assertThat(refused.get()).isLessThanOrEqualTo(moved);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}

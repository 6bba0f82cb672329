package kr.seoullearn.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.registration.domain.DocumentsReminders;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reminders run against the emulator, from the state that calls for each reminder to the
 * e-mail moto's SES accepted (read back from /moto-api/data.json): in the recipient's language
 * with Seoul times, at most once however often the run is repeated or overlaps, retried after a
 * refused send, not sent when switched off or no longer applying.
 */
class RemindersIT {
    /** 10:00 in Seoul. */
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private RemindersFixture f;

    @BeforeEach
    void provision() {
        f = new RemindersFixture("reminders");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant at(Duration after) {
        return T0.plus(after);
    }

    // ------------------------------------------------------------------ documents missing

    @Test
    void documentsAskedForAtSubmissionAreRemindedThreeDaysLaterInTheApplicantsLanguageOnce() {
        var vi = f.person("seoul", "applicants", Language.VI, RegistrationStatus.DRAFT);
        var done = f.person("seoul", "applicants", Language.KO, RegistrationStatus.DRAFT);
        for (var p : List.of(vi, done)) {
            f.profile(p, Map.of("categories", AttributeValue.fromL(List.of(AttributeValue.fromS("MULTICULTURAL")))));
            var a = f.applications.find(p.tenant(), p.sub()).orElseThrow();
            f.applications.submit(a, a.version(), programme(), List.of(DocumentKind.MULTICULTURAL_FAMILY_CERTIFICATE), false, T0);
        }
        f.document(done, "MULTICULTURAL_FAMILY_CERTIFICATE", "VERIFIED"); // uploaded in time: no reminder

        assertThat(f.run().run(at(Duration.ofDays(3).minusMinutes(15))).total().sent()).as("not yet due").isZero();
        ReminderRun.Outcome due = f.run().run(at(Duration.ofDays(3)));
        assertThat(due.byKind().get(ReminderKind.DOCUMENTS_MISSING)).isEqualTo(new ReminderRun.Counts(2, 1, 1, 0));

        assertThat(f.mailTo(vi)).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo(RemindersFixture.SENDER);
            assertThat(m.subject()).isEqualTo("[Seoul Learn] Chúng tôi vẫn chưa nhận được giấy tờ của bạn");
            assertThat(m.body()).contains("- Giấy chứng nhận gia đình đa văn hóa");
        });
        assertThat(f.mailTo(done)).isEmpty();
        // later runs send nothing more
        for (int i = 1; i <= 3; i++) {
            assertThat(f.run().run(at(Duration.ofDays(3).plusMinutes(15L * i))).total().due()).isZero();
        }
        assertThat(f.mailTo(vi)).hasSize(1);
    }

    @Test
    void aDraftWhoseCategoriesNeedDocumentsIsRemindedThreeDaysAfterItWasStartedUnlessSubmittedSince() {
        var draft = f.person("seoul", "applicants", Language.ZH, RegistrationStatus.DRAFT);
        var submitted = f.person("seoul", "applicants", Language.EN, RegistrationStatus.DRAFT);
        for (var p : List.of(draft, submitted)) {
            f.profile(p, Map.of("categories", AttributeValue.fromL(List.of(AttributeValue.fromS("MULTICULTURAL")))));
            // what the post-confirmation trigger writes when the draft is made (PostConfirmationHandlerIT)
            f.queue.schedule(DocumentsReminders.forDraft(p.tenant(), p.sub(), T0));
        }
        var a = f.applications.find(submitted.tenant(), submitted.sub()).orElseThrow();
        f.applications.submit(a, a.version(), programme(), List.of(DocumentKind.MULTICULTURAL_FAMILY_CERTIFICATE), false,
                at(Duration.ofDays(1)));

        ReminderRun.Outcome o = f.run().run(at(Duration.ofDays(3)));
        assertThat(o.byKind().get(ReminderKind.DOCUMENTS_MISSING)).isEqualTo(new ReminderRun.Counts(2, 1, 1, 0));
        assertThat(f.mailTo(draft)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Seoul Learn] 我们还没有收到你的材料");
            assertThat(m.body()).contains("- 多文化家庭证明").contains("请不要回复");
        });
        assertThat(f.mailTo(submitted)).as("the submission has its own reminder, a day later").isEmpty();
        f.run().run(at(Duration.ofDays(4)));
        assertThat(f.mailTo(submitted)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("- Multicultural family certificate"));
    }

    // ------------------------------------------------------------------ enrolment notices

    @Test
    void everyEnrolmentNoticeIsDeliveredByEmailOnceWithTheProvidersNameAndTheDate() {
        var ko = f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED);
        var en = f.person("seoul", "learners", Language.EN, RegistrationStatus.APPROVED);
        f.activity.tell(ko.tenant(), ko.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.PROVIDER_LEAVING, "mirae",
                LocalDate.of(2026, 12, 31), T0));
        f.activity.tell(en.tenant(), en.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));

        ReminderRun.Outcome o = f.run().run(at(Duration.ofMinutes(15)));
        assertThat(o.byKind().get(ReminderKind.PROVIDER_LEAVING).sent()).isEqualTo(1);
        assertThat(o.byKind().get(ReminderKind.WAITLIST_CLOSED).sent()).isEqualTo(1);
        assertThat(f.mailTo(ko)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[서울런] 미래학습 서비스는 2026년 12월 31일 (목)까지 이용할 수 있어요");
            assertThat(m.body()).contains("2026년 12월 31일 (목)까지는");
        });
        assertThat(f.mailTo(en)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[Seoul Learn] The waiting list of Mirae Learning has closed"));
        assertThat(f.run().run(at(Duration.ofMinutes(30))).total().sent()).isZero();
    }

    @Test
    void anInactivityReminderWrittenByTheDailyRunTellsTheLearnerFromWhenTheSeatCanGo() {
        var zh = f.person("seoul", "learners", Language.ZH, RegistrationStatus.APPROVED);
        LocalDate enrolledOn = LocalDate.of(2026, 10, 31);
        // the seat as the enrolment function keeps it (ADR 12), idle since enrolment
        f.dynamo.putItem(p -> p.tableName(f.stack.table()).item(Map.of(
                "PK", AttributeValue.fromS(kr.seoullearn.platform.dynamo.Keys.user(zh.tenant(), zh.sub())),
                "SK", AttributeValue.fromS("ENROLMENT#mirae"),
                "status", AttributeValue.fromS("ENROLLED"), "providerId", AttributeValue.fromS("mirae"),
                "learnerRef", AttributeValue.fromS("ref-1"), "lastActiveOn", AttributeValue.fromS(enrolledOn.toString()),
                "reminders", AttributeValue.fromN("0"))));
        var seat = new kr.seoullearn.enrolment.domain.Enrolment(zh.tenant(), zh.sub(), "mirae",
                kr.seoullearn.enrolment.domain.Enrolment.Status.ENROLLED, "ref-1", null, T0.minus(Duration.ofDays(31)), null,
                kr.seoullearn.enrolment.domain.Enrolment.Activity.since(enrolledOn));
        assertThat(f.activity.remind(seat, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), T0)).isTrue();

        assertThat(f.run().run(at(Duration.ofMinutes(15))).byKind().get(ReminderKind.INACTIVITY_REMINDER).sent()).isEqualTo(1);
        assertThat(f.mailTo(zh)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("[Seoul Learn] 你已经有一段时间没有在 Mirae Learning 上课了");
            assertThat(m.body()).contains("如果到 2026年12月15日 星期二 还没有上课");
        });
    }

    // ------------------------------------------------------------------ review digest

    @Test
    void eachReviewerOfTheTenantGetsOneDigestADayFrom0800SeoulWithTheCountOfNewApplications() {
        var reviewerKo = f.person("seoul", "reviewers", Language.KO, RegistrationStatus.APPROVED);
        var reviewerVi = f.person("seoul", "reviewers", Language.VI, RegistrationStatus.APPROVED);
        var elsewhere = f.person("chungbuk", "reviewers", Language.KO, RegistrationStatus.APPROVED);
        Instant eightSeoul = Instant.parse("2026-12-01T23:00:00Z"); // 2 December 08:00 in Seoul
        for (int i = 0; i < 3; i++) {
            var p = f.person("seoul", "applicants", Language.KO, RegistrationStatus.DRAFT);
            var a = f.applications.find(p.tenant(), p.sub()).orElseThrow();
            f.applications.submit(a, a.version(), programme(), List.of(), false, eightSeoul.minus(Duration.ofHours(1 + i * 10L)));
        }
        // one older than 24 hours: not new
        var old = f.person("seoul", "applicants", Language.KO, RegistrationStatus.DRAFT);
        var a = f.applications.find(old.tenant(), old.sub()).orElseThrow();
        f.applications.submit(a, a.version(), programme(), List.of(), false, eightSeoul.minus(Duration.ofHours(30)));

        assertThat(f.run().run(eightSeoul.minus(Duration.ofMinutes(15))).byKind().get(ReminderKind.REVIEW_DIGEST).due())
                .as("before 08:00").isZero();
        ReminderRun.Outcome o = f.run().run(eightSeoul);
        // the test stacks share one user pool (same name): reviewers other tests made get it too
        ReminderRun.Counts digest = o.byKind().get(ReminderKind.REVIEW_DIGEST);
        assertThat(digest.due()).isGreaterThanOrEqualTo(2);
        assertThat(digest).isEqualTo(new ReminderRun.Counts(digest.due(), digest.due(), 0, 0));
        assertThat(f.mailTo(reviewerKo)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[서울런] 새 신청 3건 (2026년 12월 2일 (수))"));
        assertThat(f.mailTo(reviewerVi)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("Trong 24 giờ qua có 3 hồ sơ mới."));
        assertThat(f.mailTo(elsewhere)).as("Chungbuk had no new applications").isEmpty();
        // the rest of the day: nothing more
        assertThat(f.run().run(eightSeoul.plus(Duration.ofHours(5))).byKind().get(ReminderKind.REVIEW_DIGEST).due()).isZero();
        assertThat(f.mailTo(reviewerKo)).hasSize(1);
    }

    // ------------------------------------------------------------------ laptops

    @Test
    void aLaptopsReturnIsRemindedOnceEachWhileItStillAppliesAndItsReadinessIsLeftToTheNotice() {
        var vi = f.person("seoul", "learners", Language.VI, RegistrationStatus.APPROVED);
        var ledger = kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(f.dynamo, f.stack.table());
        var officer = new kr.seoullearn.laptops.domain.Actor("officer-1", kr.seoullearn.laptops.domain.Actor.Kind.OFFICER);
        ledger.openDistrict(TenantId.SEOUL, "guro-gu", "Test 14", 3, T0);
        var placed = ledger.request(new kr.seoullearn.laptops.port.LaptopLedger.NewRequest(TenantId.SEOUL, vi.sub(), "guro-gu",
                java.util.UUID.randomUUID().toString(), "PICK-1234", null, T0));
        var r = placed.request();
        if (r.status() == kr.seoullearn.laptops.domain.LaptopStatus.REQUESTED) {
            r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.APPROVED, officer, null, null, T0);
        }
        r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.READY_FOR_PICKUP, officer, null, null, T0);

        // ready for pickup: the notice tells the learner (docs/adr/0027, NotificationDispatchIT); no reminder e-mail besides it
        assertThat(f.run().run(at(Duration.ofMinutes(15))).byKind().get(ReminderKind.LAPTOP_READY).due()).isZero();
        assertThat(f.mailTo(vi)).isEmpty();

        // loaned until 30 days later: a week before and on the day, at 09:00 Seoul
        LocalDate dueOn = LocalDate.of(2026, 12, 31);
        r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.LOANED, officer, null, dueOn, at(Duration.ofHours(1)));
        Instant weekBefore = dueOn.minusDays(7).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
        assertThat(f.run().run(weekBefore.minus(Duration.ofMinutes(15))).byKind().get(ReminderKind.LAPTOP_RETURN_SOON).due()).isZero();
        assertThat(f.run().run(weekBefore).byKind().get(ReminderKind.LAPTOP_RETURN_SOON).sent()).isEqualTo(1);
        assertThat(f.run().run(weekBefore.plus(Duration.ofMinutes(15))).total().sent()).isZero();
        assertThat(f.mailTo(vi)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[Seoul Learn] Còn một tuần nữa là đến hạn trả máy ("
                        + kr.seoullearn.reminders.domain.MessageTemplates.date(dueOn, Language.VI) + ")").endsWith(", 31/12/2026)"));
        // returned early: no reminder on the day
        r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.RETURNED, officer, null, null, weekBefore.plus(Duration.ofDays(2)));
        Instant onTheDay = dueOn.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
        assertThat(f.run().run(onTheDay).byKind().get(ReminderKind.LAPTOP_RETURN_DUE)).isEqualTo(new ReminderRun.Counts(1, 0, 1, 0));
        assertThat(f.mailTo(vi)).hasSize(1);
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void threeRunsAndTwoParallelRunsSendEachReminderExactlyOnce() throws Exception {
        List<RemindersFixture.Person> learners = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var p = f.person("seoul", "learners", Language.values()[i % 4], RegistrationStatus.APPROVED);
            f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
            learners.add(p);
        }
        Instant now = at(Duration.ofMinutes(15));
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Callable<ReminderRun.Outcome>> two = List.of(() -> f.run().run(now), () -> f.run().run(now));
            var outcomes = pool.invokeAll(two);
            int sent = 0;
            for (var o : outcomes) {
                sent += o.get().total().sent();
            }
            assertThat(sent).as("two parallel runs together").isEqualTo(6);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(f.run().run(now).total().sent()).isZero();
        }
        for (var p : learners) {
            assertThat(f.mailTo(p)).as("mail to one learner").hasSize(1);
        }
    }

    @Test
    void aRefusedSendIsRetriedByTheNextRunAndReported() {
        var p = f.person("seoul", "learners", Language.EN, RegistrationStatus.APPROVED);
        f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
        // SES refuses a sender that is not verified (MessageRejected): nothing goes out
        ReminderRun.Outcome refused = f.run("not-verified@elsewhere.example").run(at(Duration.ofMinutes(15)));
        assertThat(refused.byKind().get(ReminderKind.WAITLIST_CLOSED)).isEqualTo(new ReminderRun.Counts(1, 0, 0, 1));
        assertThat(f.mailTo(p)).isEmpty();
        ReminderRun.Outcome retried = f.run().run(at(Duration.ofMinutes(30)));
        assertThat(retried.byKind().get(ReminderKind.WAITLIST_CLOSED)).isEqualTo(new ReminderRun.Counts(1, 1, 0, 0));
        assertThat(f.mailTo(p)).hasSize(1);
    }

    @Test
    void aKindSwitchedOffByTheTenantIsNotSentAndOtherTenantsAreUnaffected() {
        var seoul = f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED);
        var chungbuk = f.person("chungbuk", "learners", Language.VI, RegistrationStatus.APPROVED);
        f.settings.save(new TenantId("seoul"), Set.of(ReminderKind.WAITLIST_CLOSED), 0);
        for (var p : List.of(seoul, chungbuk)) {
            f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
        }
        ReminderRun.Outcome o = f.run().run(at(Duration.ofMinutes(15)));
        assertThat(o.byKind().get(ReminderKind.WAITLIST_CLOSED)).isEqualTo(new ReminderRun.Counts(2, 1, 1, 0));
        assertThat(f.mailTo(seoul)).isEmpty();
        assertThat(f.mailTo(chungbuk)).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[Seoul Learn] Danh sách chờ của Mirae Learning đã đóng"));
    }

    @Test
    void aRunOutOfTimeLeavesTheRestForTheNextRun() {
        var p = f.person("seoul", "learners", Language.VI, RegistrationStatus.APPROVED);
        f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
        ReminderRun.Outcome late = f.run().run(at(Duration.ofMinutes(15)), () -> false);
        assertThat(late.deferred()).isEqualTo(1);
        assertThat(late.total().due()).isZero();
        assertThat(f.mailTo(p)).isEmpty();
        assertThat(f.run().run(at(Duration.ofMinutes(30))).total().sent()).isEqualTo(1);
        assertThat(f.mailTo(p)).hasSize(1);
    }

    @Test
    void aRunLogsCountsPerKindAndNoPersonalData() {
        var p = f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED);
        f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
        var out = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        kr.seoullearn.platform.log.Log.redirect(System.out);
        try {
            f.run().run(at(Duration.ofMinutes(15)));
        } finally {
            System.setOut(original);
            kr.seoullearn.platform.log.Log.redirect(original);
        }
        String logged = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logged).contains("\"message\":\"reminder run\"").contains("\"sent\":1")
                .contains("\"message\":\"reminders of a kind\"").contains("\"kind\":\"WAITLIST_CLOSED\"")
                .doesNotContain(p.email()).doesNotContain("Test Person").doesNotContain(p.sub());
    }

    private kr.seoullearn.registration.domain.EligibilityProgramme programme() {
        return RegistrationStorage.programmes(f.dynamo, f.stack.table()).inForce(TenantId.SEOUL, LocalDate.of(2026, 12, 1)).orElseThrow();
    }

    @SuppressWarnings("unused")
    private static List<LocalMailbox.Mail> none() {
        return List.of();
    }
}

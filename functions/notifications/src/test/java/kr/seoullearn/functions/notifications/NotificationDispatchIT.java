package kr.seoullearn.functions.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.local.testing.LocalTextMessages;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.dynamo.NotificationsStorage;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The dispatch with its real adapters against the emulator: notices written in a transaction are
 * delivered once per channel (e-mail read back from moto's SES, SMS from moto's SNS) in the
 * recipient's language, however many runs overlap; a text to a minor due at 23:00 Seoul time is
 * held and sent at 08:00; a learner under 14's guardian is told too.
 */
class NotificationDispatchIT {
    static final String SENDER = "no-reply@seoul-learn.example";
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    /** The function's own HTTP-API calls (SNS's Query API, SESv2's REST-JSON), against the emulator. */
    private static kr.seoullearn.platform.aws.AwsQuery sns;
    private static kr.seoullearn.platform.aws.AwsJson ses;
    private static PreferencesStore preferences;
    private static kr.seoullearn.notifications.port.SmsVerifications verifications;
    private static LocalMailbox mailbox;
    private static LocalTextMessages texts;
    private static String tenantName;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("notification-dispatch");
        dynamo = stack.aws().dynamoDb();
        var env = new kr.seoullearn.platform.aws.FunctionEnvironment(Map.of("AWS_ENDPOINT_URL", stack.aws().endpoint().toString(),
                "AWS_REGION", stack.aws().region()));
        var signed = new kr.seoullearn.platform.aws.SignedHttp(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")), stack.aws().region(), Clock.systemUTC());
        sns = kr.seoullearn.platform.aws.AwsQuery.sns(env, signed);
        ses = kr.seoullearn.platform.aws.AwsJson.sesV2(env, signed);
        preferences = NotificationsStorage.preferences(dynamo, stack.table());
        verifications = NotificationsStorage.smsVerificationsOf(dynamo, stack.table());
        mailbox = new LocalMailbox(stack.aws().endpoint());
        texts = new LocalTextMessages(stack.aws().endpoint());
        tenantName = "n" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.putItem(p -> p.tableName(stack.table()).item(Map.of(Keys.PK, s(Keys.TENANTS), Keys.SK, s(tenantName),
                "nameKo", s("시험"), "nameEn", s("Test"))));
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    /** Only this test's tenant: the table is shared with other tests' tenants. */
    private static final kr.seoullearn.platform.tenant.TenantDirectory ONLY = new kr.seoullearn.platform.tenant.TenantDirectory() {
        private Tenant only() {
            return new Tenant(new TenantId(tenantName), "시험", "Test");
        }

        @Override
        public java.util.Optional<Tenant> find(TenantId id) {
            return id.equals(only().id()) ? java.util.Optional.of(only()) : java.util.Optional.empty();
        }

        @Override
        public List<Tenant> all() {
            return List.of(only());
        }
    };

    private static NotificationDispatch dispatch(Instant now) {
        CognitoContacts contacts = new CognitoContacts(RegistrationStorage.applications(dynamo, stack.table()), preferences,
                kr.seoullearn.platform.cognito.CognitoUsers.at(stack.aws().endpoint(), stack.aws().region(), kr.seoullearn.local.aws.LocalAws.credentials()),
                stack.stack().userPoolId(), Clock.fixed(now, ZoneOffset.UTC), verifications);
        return new NotificationDispatch(ONLY, NotificationsStorage.outbox(dynamo, stack.table()), contacts, preferences,
                Map.of(Channel.EMAIL, new SesMessenger(ses, SENDER), Channel.SMS, new SnsSmsMessenger(sns, "SeoulLearn")));
    }

    private static NotificationDispatch.Outcome run(Instant now) {
        return dispatch(now).run(now, () -> true);
    }

    record Person(String sub, String email, TenantId tenant) {}

    /** The number proved by its code, through the real store (the code read from its answer, as the text would carry it). */
    private static void verify(Person p, kr.seoullearn.notifications.port.SmsVerifications.Holder holder, String number) {
        Instant now = Instant.now();
        var issued = verifications.issue(p.tenant(), p.sub(), holder, number, now);
        verifications.verify(p.tenant(), p.sub(), holder, number, issued.code(), now);
    }

    private static Person person(Language language, String birthDate, String guardianContact, String smsNumber) {
        Person p = unverified(language, birthDate, guardianContact, smsNumber);
        if (smsNumber != null) {
            verify(p, kr.seoullearn.notifications.port.SmsVerifications.Holder.SELF, smsNumber);
        }
        if (guardianContact != null && CognitoContacts.guardian(guardianContact) != null
                && CognitoContacts.guardian(guardianContact).smsNumber() != null) {
            verify(p, kr.seoullearn.notifications.port.SmsVerifications.Holder.GUARDIAN, CognitoContacts.guardian(guardianContact).smsNumber());
        }
        return p;
    }

    private static Person unverified(Language language, String birthDate, String guardianContact, String smsNumber) {
        String email = "notified-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String pool = stack.stack().userPoolId();
        var cognito = stack.aws().cognito();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                AttributeType.builder().name("email").value(email).build(),
                AttributeType.builder().name("email_verified").value("true").build(),
                AttributeType.builder().name("custom:tenant").value(tenantName).build()));
        String sub = cognito.adminGetUser(r -> r.userPoolId(pool).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        TenantId tenant = new TenantId(tenantName);
        RegistrationStorage.profiles(dynamo, stack.table()).createIfAbsent(new Profile(tenant, sub, email,
                RegistrationStatus.APPROVED, "Test Person", language, Instant.parse("2026-11-01T00:00:00Z"), 1));
        Map<String, AttributeValue> set = new java.util.HashMap<>(Map.of(":b", s(birthDate)));
        String update = "SET birthDate = :b";
        if (guardianContact != null) {
            set.put(":g", s(guardianContact));
            update += ", guardianContact = :g";
        }
        String expression = update;
        dynamo.updateItem(u -> u.tableName(stack.table()).key(Map.of(Keys.PK, s(Keys.user(tenant, sub)), Keys.SK, s(Keys.PROFILE)))
                .updateExpression(expression).expressionAttributeValues(set));
        if (smsNumber != null) {
            preferences.save(tenant, sub, NotificationPreferences.parse(Map.of("version", 0, "smsNumber", smsNumber)));
        }
        return new Person(sub, email, tenant);
    }

    private static void tell(Notice notice) {
        Transaction tx = Transaction.named("a state change");
        NotificationsStorage.writes(stack.table()).add(tx, notice);
        new TransactionRunner(dynamo).commit(tx);
    }

    private static String number() {
        return "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    @Test
    void eachChannelGetsOneMessageInTheRecipientsLanguageHoweverManyRunsOverlap() {
        String phone = number();
        Person learner = person(Language.VI, "2005-03-01", null, phone);
        Instant at = Instant.parse("2026-12-07T03:00:00Z"); // 12:00 Seoul
        tell(Notice.of(learner.tenant(), NoticeKind.SESSION_BOOKED, "session-a", learner.sub(),
                Map.of("start", "2026-12-09T09:00:00Z"), at));

        Instant now = at.plusSeconds(30);
        List.of(CompletableFuture.supplyAsync(() -> run(now)), CompletableFuture.supplyAsync(() -> run(now)),
                CompletableFuture.supplyAsync(() -> run(now))).forEach(CompletableFuture::join);
        run(now.plusSeconds(60));

        assertThat(mailbox.to(learner.email())).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("[Seoul Learn] Đã đặt buổi cố vấn: 18:00 giờ Seoul, ").endsWith("09/12/2026");
            assertThat(m.from()).isEqualTo(SENDER);
        });
        assertThat(texts.to(phone)).singleElement()
                .satisfies(t -> assertThat(t.message()).startsWith("[Seoul Learn] Đã đặt buổi cố vấn: 18:00 giờ Seoul, ").endsWith("09/12/2026"));
    }

    @Test
    void aTextToAMinorDueAt23InSeoulIsSentAtEightInTheMorning() {
        String phone = number();
        Person minor = person(Language.KO, "2011-05-01", null, phone); // 15: a minor, no guardian copies
        Instant eleven = Instant.parse("2026-12-07T14:00:00Z"); // 23:00 Seoul
        tell(Notice.of(minor.tenant(), NoticeKind.MENTOR_ASSIGNED, "mentorship-q", minor.sub(), Map.of(), eleven));

        NotificationDispatch.Outcome night = run(eleven.plusSeconds(20));
        assertThat(night.held()).isEqualTo(1);
        assertThat(mailbox.to(minor.email())).as("e-mail does not ring a phone: sent at once").hasSize(1);
        assertThat(texts.to(phone)).as("no text at night").isEmpty();
        run(Instant.parse("2026-12-07T22:59:00Z")); // 07:59 Seoul
        assertThat(texts.to(phone)).isEmpty();

        Instant eight = Instant.parse("2026-12-07T23:00:00Z"); // 08:00 Seoul
        List.of(CompletableFuture.supplyAsync(() -> run(eight)), CompletableFuture.supplyAsync(() -> run(eight)))
                .forEach(CompletableFuture::join);
        run(eight.plusSeconds(60));
        assertThat(texts.to(phone)).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("[서울런] 멘토가 정해졌어요. 앱에서 멘토링을 예약하세요."));
        assertThat(mailbox.to(minor.email())).hasSize(1);
    }

    @Test
    void theGuardianOfALearnerUnder14IsToldTooAndAnAdultsTextIsNotHeld() {
        String phone = number();
        Person child = person(Language.ZH, "2015-02-01", "010-" + phone.substring(5, 9) + "-" + phone.substring(9), null);
        Instant at = Instant.parse("2026-12-07T13:30:00Z"); // 22:30 Seoul: the guardian is an adult
        tell(Notice.of(child.tenant(), NoticeKind.APPLICATION_REJECTED, child.sub() + "@x", child.sub(),
                Map.of("reason", "서류가 읽히지 않아요"), at));
        run(at.plusSeconds(10));
        run(at.plusSeconds(70));
        assertThat(texts.to(phone)).singleElement().satisfies(t -> assertThat(t.message()).startsWith("【致监护人】 【首尔学习】你的申请未通过"));
        assertThat(mailbox.to(child.email())).singleElement().satisfies(m -> assertThat(m.body()).contains("原因：서류가 읽히지 않아요"));
    }

    @Test
    void channelsSwitchedOffAreNotUsed() {
        String phone = number();
        Person learner = person(Language.EN, "2000-01-01", null, null);
        preferences.save(learner.tenant(), learner.sub(), NotificationPreferences.parse(Map.of("version", 0, "smsNumber", phone,
                "channels", Map.of("laptop-ready", List.of("sms")))));
        verify(learner, kr.seoullearn.notifications.port.SmsVerifications.Holder.SELF, phone);
        Instant at = Instant.parse("2026-12-07T04:00:00Z");
        tell(Notice.of(learner.tenant(), NoticeKind.LAPTOP_READY, "req-1@2", learner.sub(), Map.of(), at));
        run(at.plusSeconds(5));
        assertThat(mailbox.to(learner.email())).isEmpty();
        assertThat(texts.to(phone)).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("[Seoul Learn] Your laptop is ready. See the app for where to pick it up."));
    }

    @Test
    void anUnverifiedNumberGetsNoTextOnlyEmailAndTheInboxAndAChangedNumberIsUnverified() {
        String phone = number();
        String guardianPhone = number();
        Person learner = unverified(Language.EN, "2016-01-01", guardianPhone, phone); // under 14, nobody typed a code
        Instant at = Instant.parse("2026-12-07T04:00:00Z"); // 13:00 Seoul
        tell(Notice.of(learner.tenant(), NoticeKind.APPLICATION_APPROVED, learner.sub() + "@u", learner.sub(), Map.of(), at));
        run(at.plusSeconds(5));
        run(at.plusSeconds(65));
        assertThat(texts.to(phone)).as("the person's own number, not verified").isEmpty();
        assertThat(texts.to(guardianPhone)).as("the guardian's phone, not verified").isEmpty();
        assertThat(mailbox.to(learner.email())).hasSize(1);
        assertThat(inbox(learner, NoticeKind.APPLICATION_APPROVED)).hasSize(1);

        // verified, then the number changed: the new one is not verified, nothing goes to either
        verify(learner, kr.seoullearn.notifications.port.SmsVerifications.Holder.SELF, phone);
        String other = number();
        preferences.save(learner.tenant(), learner.sub(), NotificationPreferences.parse(Map.of("version", 1, "smsNumber", other)));
        tell(Notice.of(learner.tenant(), NoticeKind.LAPTOP_READY, "req-u@1", learner.sub(), Map.of(), at.plusSeconds(120)));
        run(at.plusSeconds(130));
        assertThat(texts.to(other)).isEmpty();
        assertThat(texts.to(phone)).isEmpty();
        assertThat(mailbox.to(learner.email())).hasSize(2);
    }

    // ------------------------------------------------------------------ laptops and mentor terms

    private static final kr.seoullearn.laptops.domain.Actor OFFICER =
            new kr.seoullearn.laptops.domain.Actor("officer-1", kr.seoullearn.laptops.domain.Actor.Kind.OFFICER);

    private static Instant seoul(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
    }

    /** The learner's laptop request, through the laptops context's own transactions, to READY_FOR_PICKUP. */
    private static kr.seoullearn.laptops.domain.LaptopRequest ready(Person learner, Instant at) {
        var ledger = kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(dynamo, stack.table());
        String district = "d" + UUID.randomUUID().toString().substring(0, 8);
        ledger.openDistrict(learner.tenant(), district, "Test 14", 3, at);
        var r = ledger.request(new kr.seoullearn.laptops.port.LaptopLedger.NewRequest(learner.tenant(), learner.sub(), district,
                UUID.randomUUID().toString(), "PICK-1234", null, at)).request();
        if (r.status() == kr.seoullearn.laptops.domain.LaptopStatus.REQUESTED) {
            r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.APPROVED, OFFICER, null, null, at);
        }
        return ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.READY_FOR_PICKUP, OFFICER, null, null, at);
    }

    private static DailyNotices daily() {
        return new DailyNotices(ONLY, kr.seoullearn.laptops.dynamo.LaptopsStorage.overdue(dynamo, stack.table()),
                kr.seoullearn.mentoring.dynamo.MentoringStorage.termEnds(dynamo, stack.table()));
    }

    private static List<kr.seoullearn.notifications.port.Inbox.Entry> inbox(Person p, NoticeKind kind) {
        return NotificationsStorage.inboxOf(dynamo, stack.table()).page(p.tenant(), p.sub(), null, 50).entries().stream()
                .filter(e -> e.kind() == kind).toList();
    }

    /** Runs the daily step three times at once and once more: answers how many notices were written in all. */
    private static int dailyRepeated(Instant at) {
        var runs = List.of(CompletableFuture.supplyAsync(() -> daily().run(at)), CompletableFuture.supplyAsync(() -> daily().run(at)),
                CompletableFuture.supplyAsync(() -> daily().run(at)));
        int told = runs.stream().map(CompletableFuture::join).mapToInt(o -> o.overdueTold() + o.termEndingTold()).sum();
        DailyNotices.Outcome again = daily().run(at.plusSeconds(3600));
        return told + again.overdueTold() + again.termEndingTold();
    }

    @Test
    void aLaptopReadyForPickupIsToldOncePerChannelAndNoReminderIsPlannedBesideIt() {
        String phone = number();
        Person learner = person(Language.VI, "2000-01-01", null, phone);
        Instant at = Instant.parse("2026-12-07T03:00:00Z"); // 12:00 Seoul
        ready(learner, at);
        List.of(CompletableFuture.supplyAsync(() -> run(at.plusSeconds(10))), CompletableFuture.supplyAsync(() -> run(at.plusSeconds(10))))
                .forEach(CompletableFuture::join);
        run(at.plusSeconds(70));

        assertThat(mailbox.to(learner.email())).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("[Seoul Learn] Máy tính xách tay đã sẵn sàng"));
        assertThat(texts.to(phone)).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("[Seoul Learn] Máy tính đã sẵn sàng. Xem nơi nhận trong ứng dụng."));
        assertThat(inbox(learner, NoticeKind.LAPTOP_READY)).hasSize(1);
        // the old reminder e-mail is gone: nothing due for the reminders run (docs/adr/0013) about it
        List<kr.seoullearn.reminders.domain.DueReminder> due = new java.util.ArrayList<>();
        kr.seoullearn.reminders.dynamo.RemindersStorage.queue(dynamo, stack.table())
                .due(learner.tenant(), at.minusSeconds(3600), at.plusSeconds(86_400), due::add);
        assertThat(due).filteredOn(r -> r.recipientId().equals(learner.sub())).isEmpty();
    }

    @Test
    void anOverdueLaptopIsToldOncePerEscalationStageInTheBorrowersLanguageAndNotAfterItsReturn() {
        String phone = number();
        Person learner = person(Language.ZH, "2000-01-01", null, phone);
        Instant lent = seoul("2026-11-01T10:00:00");
        var ledger = kr.seoullearn.laptops.dynamo.LaptopsStorage.ledger(dynamo, stack.table());
        var r = ready(learner, lent);
        java.time.LocalDate dueOn = java.time.LocalDate.of(2026, 12, 1);
        r = ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.LOANED, OFFICER, null, dueOn, lent);
        run(lent.plusSeconds(30)); // the "ready" notice goes out first
        int mailsBefore = mailbox.to(learner.email()).size();

        assertThat(dailyRepeated(seoul("2026-12-01T09:00:00"))).as("on the due date: not overdue yet").isZero();
        Instant dayOne = seoul("2026-12-02T09:00:00");
        assertThat(dailyRepeated(dayOne)).as("a day late: the reminder stage, once").isEqualTo(1);
        assertThat(dailyRepeated(seoul("2026-12-05T09:00:00"))).as("still the reminder stage").isZero();
        List.of(CompletableFuture.supplyAsync(() -> run(dayOne.plusSeconds(5))), CompletableFuture.supplyAsync(() -> run(dayOne.plusSeconds(5))))
                .forEach(CompletableFuture::join);
        run(dayOne.plusSeconds(65));
        assertThat(mailbox.to(learner.email())).hasSize(mailsBefore + 1).last().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("【首尔学习】请归还笔记本电脑");
            assertThat(m.body()).contains("笔记本电脑的归还日期是 2026年12月1日 星期二。");
        });
        assertThat(texts.to(phone)).filteredOn(t -> t.message().contains("已过归还日期")).singleElement()
                .satisfies(t -> assertThat(t.message()).isEqualTo("【首尔学习】笔记本电脑已过归还日期（2026年12月1日 星期二），请归还。"));

        // a week late: the officer's stage, and the borrower is told again, once
        assertThat(dailyRepeated(seoul("2026-12-08T09:00:00"))).isEqualTo(1);
        assertThat(inbox(learner, NoticeKind.LAPTOP_OVERDUE)).hasSize(2);
        // returned: no more notices, not even at the admins' stage
        r = ledger.find(learner.tenant(), r.requestId()).orElseThrow();
        ledger.change(r, r.version(), kr.seoullearn.laptops.domain.LaptopStatus.RETURNED, OFFICER, null, null, seoul("2026-12-09T10:00:00"));
        assertThat(dailyRepeated(seoul("2027-01-02T09:00:00"))).isZero();
        assertThat(inbox(learner, NoticeKind.LAPTOP_OVERDUE)).hasSize(2);
    }

    @Test
    void aMentorIsToldOnceThatTheTermEndsAndAgainBeforeARenewedTermEnds() {
        String phone = number();
        Person mentor = person(Language.VI, "2003-05-05", null, phone);
        java.time.LocalDate ends = java.time.LocalDate.of(2027, 2, 28);
        var onboarding = kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage.onboarding(dynamo, stack.table());
        Transaction tx = Transaction.named("selection");
        onboarding.onboard(tx, new kr.seoullearn.mentoring.domain.Mentor(mentor.tenant(), mentor.sub(), "Test Mentor", "SNU",
                java.util.Set.of(kr.seoullearn.mentoring.domain.MentoringSubject.MATH), java.util.Set.of(kr.seoullearn.platform.school.SchoolLevel.HIGH),
                java.util.Set.of(Language.VI), 3, 0, kr.seoullearn.mentoring.domain.Availability.NONE, ends, ends.plusMonths(1)),
                java.time.LocalDate.of(2026, 3, 1));
        new TransactionRunner(dynamo).commit(tx);

        assertThat(dailyRepeated(seoul("2027-02-13T09:00:00"))).as("15 days before: not yet").isZero();
        Instant told = seoul("2027-02-14T09:00:00");
        assertThat(dailyRepeated(told)).as("two weeks before: once").isEqualTo(1);
        assertThat(dailyRepeated(seoul("2027-02-20T09:00:00"))).isZero();
        run(told.plusSeconds(5));
        run(told.plusSeconds(65));
        assertThat(mailbox.to(mentor.email())).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("[Seoul Learn] Nhiệm kỳ cố vấn kết thúc ngày ").endsWith(", 28/02/2027");
            assertThat(m.body()).contains("đăng ký gia hạn");
        });
        assertThat(texts.to(phone)).singleElement()
                .satisfies(t -> assertThat(t.message()).startsWith("[Seoul Learn] Nhiệm kỳ cố vấn kết thúc ngày ").endsWith(", 28/02/2027."));

        // renewed for a year: told again two weeks before the new end, once
        java.time.LocalDate renewed = ends.plusYears(1);
        Transaction renewal = Transaction.named("renewal");
        onboarding.extendTerm(renewal, mentor.tenant(), mentor.sub(), ends, renewed, renewed.plusMonths(1),
                kr.seoullearn.platform.http.Problem.VERSION_CONFLICT);
        new TransactionRunner(dynamo).commit(renewal);
        assertThat(dailyRepeated(seoul("2028-02-14T09:00:00"))).isEqualTo(1);
        assertThat(inbox(mentor, NoticeKind.TERM_ENDING)).extracting(e -> e.params().get("endOn"))
                .containsExactly(renewed.toString(), ends.toString());
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @SuppressWarnings("unused")
    private static URI endpoint() {
        return stack.aws().endpoint();
    }
}

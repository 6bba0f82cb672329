package kr.seoullearn.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.local.testing.EmulatorFaults;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.reminders.domain.DeadLetter;
import kr.seoullearn.reminders.domain.ReminderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One bad reminder or one failing tenant never stops a run (docs/adr/0023), against the emulator:
 * a due item that is not a reminder is quarantined at once; a reminder whose recipient lookup is
 * throttled (the emulator answers TooManyRequestsException to every try, through the real SDK
 * client and its own retries) is retried by the next runs and quarantined after
 * {@link ReminderRun#MAX_ATTEMPTS}; every other reminder goes out once; an unverified address gets
 * nothing; the counts say so, and the dead letters are there for an operator.
 */
class ReminderRunIsolationIT {
    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private static final String ADMIN_GET_USER = "AWSCognitoIdentityProviderService.AdminGetUser";
    private RemindersFixture f;
    private EmulatorFaults faults;

    @BeforeEach
    void provision() {
        f = new RemindersFixture("reminders-isolation");
        faults = new EmulatorFaults(f.stack.aws().endpoint());
    }

    @AfterEach
    void close() {
        faults.clear();
        f.close();
    }

    private void waitlistClosed(RemindersFixture.Person p) {
        f.activity.tell(p.tenant(), p.sub(), new SeatActivity.Notice(SeatActivity.Notice.Kind.WAITLIST_CLOSED, "mirae", null, T0));
    }

    @Test
    void aPoisonedItemAndAThrottledLookupLeaveEveryOtherReminderDeliveredAndAreQuarantinedAfterTheLastTry() {
        List<RemindersFixture.Person> fine = List.of(
                f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED),
                f.person("seoul", "learners", Language.VI, RegistrationStatus.APPROVED),
                f.person("chungbuk", "learners", Language.EN, RegistrationStatus.APPROVED));
        var throttled = f.person("seoul", "learners", Language.ZH, RegistrationStatus.APPROVED);
        var unverified = f.person("seoul", "learners", Language.EN, RegistrationStatus.APPROVED, false);
        fine.forEach(this::waitlistClosed);
        waitlistClosed(throttled);
        waitlistClosed(unverified);
        // GIVEN a due item no producer could have written (no tenant, no kind), due before the others
        f.dynamo.putItem(p -> p.tableName(f.stack.table()).item(Map.of(
                "PK", AttributeValue.fromS("T#seoul#DUE#2026-12-01T00"), "SK", AttributeValue.fromS("2026-12-01T00:59:00Z#GARBAGE"),
                "type", AttributeValue.fromS("DUE_REMINDER"), "dueAt", AttributeValue.fromS("not a time"))));
        // AND Cognito throttles every lookup of one recipient
        faults.throttle(ADMIN_GET_USER, throttled.email(), 10_000);

        // WHEN the run goes
        ReminderRun.Outcome first = runLogged(T0.plus(Duration.ofMinutes(15)));

        // THEN every other reminder went out, once, and the run says what it could not do
        for (var p : fine) {
            assertThat(f.mailTo(p)).as("mail to a learner beside the bad ones").hasSize(1);
        }
        assertThat(f.mailTo(throttled)).isEmpty();
        assertThat(f.mailTo(unverified)).as("an address nobody verified").isEmpty();
        assertThat(first.byKind().get(ReminderKind.WAITLIST_CLOSED)).isEqualTo(new ReminderRun.Counts(5, 3, 0, 1, 1, 0, 1));
        assertThat(first.unreadable()).isEqualTo(1);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(first.tenantsFailed()).isZero();
        assertThat(lastLog).contains("\"message\":\"reminder run\"").contains("\"sent\":3").contains("\"retried\":1")
                .contains("\"quarantined\":1").contains("\"unverified\":1").contains("\"failed\":1")
                .doesNotContain(throttled.email()).doesNotContain(unverified.email()).doesNotContain(throttled.sub());
        assertThat(f.queue.deadLetters(TenantId.SEOUL, 10)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isNull();
            assertThat(d.failure()).isEqualTo("unreadable");
            assertThat(d.subject()).isEqualTo("2026-12-01T00:59:00Z#GARBAGE");
        });

        // WHEN the dependency stays throttled: runs 2..4 retry, run 5 gives up
        for (int run = 2; run < ReminderRun.MAX_ATTEMPTS; run++) {
            var o = f.run().run(T0.plus(Duration.ofMinutes(15L * run)));
            assertThat(o.byKind().get(ReminderKind.WAITLIST_CLOSED)).as("run " + run).isEqualTo(new ReminderRun.Counts(1, 0, 0, 1, 1, 0, 0));
        }
        var last = f.run().run(T0.plus(Duration.ofMinutes(15L * ReminderRun.MAX_ATTEMPTS)));
        assertThat(last.byKind().get(ReminderKind.WAITLIST_CLOSED)).isEqualTo(new ReminderRun.Counts(1, 0, 0, 1, 0, 1, 0));

        // THEN it is a dead letter an operator can read (ids and codes only), and no run meets it again
        List<DeadLetter> dead = f.queue.deadLetters(TenantId.SEOUL, 10);
        assertThat(dead).hasSize(2);
        assertThat(dead).filteredOn(d -> d.kind() == ReminderKind.WAITLIST_CLOSED).singleElement().satisfies(d -> {
            assertThat(d.recipientId()).isEqualTo(throttled.sub());
            assertThat(d.attempts()).isEqualTo(ReminderRun.MAX_ATTEMPTS);
            assertThat(d.failure()).isEqualTo("TooManyRequestsException");
        });
        faults.clear();
        assertThat(f.run().run(T0.plus(Duration.ofMinutes(15L * (ReminderRun.MAX_ATTEMPTS + 1)))).total().due()).isZero();
        assertThat(f.mailTo(throttled)).isEmpty();
        for (var p : fine) {
            assertThat(f.mailTo(p)).hasSize(1);
        }
    }

    @Test
    void aThrottledLookupThatRecoversIsSentByTheNextRunOnce() {
        var p = f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED);
        waitlistClosed(p);
        faults.throttle(ADMIN_GET_USER, p.email(), 10_000);
        assertThat(f.run().run(T0.plus(Duration.ofMinutes(15))).total().retried()).isEqualTo(1);
        faults.clear();
        assertThat(f.run().run(T0.plus(Duration.ofMinutes(30))).total().sent()).isEqualTo(1);
        assertThat(f.run().run(T0.plus(Duration.ofMinutes(45))).total().due()).isZero();
        assertThat(f.mailTo(p)).hasSize(1);
    }

    @Test
    void aTenantWhoseOwnReadsFailIsCountedAndTheOtherTenantsStillGetTheirReminders() {
        var seoul = f.person("seoul", "learners", Language.KO, RegistrationStatus.APPROVED);
        var chungbuk = f.person("chungbuk", "learners", Language.VI, RegistrationStatus.APPROVED);
        waitlistClosed(seoul);
        waitlistClosed(chungbuk);
        // Seoul's due bucket cannot be read (DynamoDB answers 500 to every try of that Query)
        faults.fail("DynamoDB_20120810.Query", "T#seoul#DUE#", 10_000, 500, "InternalServerError");
        ReminderRun.Outcome o = f.run().run(T0.plus(Duration.ofMinutes(15)));
        assertThat(o.tenantsFailed()).isEqualTo(1);
        assertThat(f.mailTo(chungbuk)).hasSize(1);
        assertThat(f.mailTo(seoul)).isEmpty();
        faults.clear();
        assertThat(f.run().run(T0.plus(Duration.ofMinutes(30))).total().sent()).isEqualTo(1);
        assertThat(f.mailTo(seoul)).hasSize(1);
    }

    private String lastLog = "";

    private ReminderRun.Outcome runLogged(Instant at) {
        var out = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        Log.redirect(System.out);
        try {
            return f.run().run(at);
        } finally {
            System.setOut(original);
            Log.redirect(original);
            lastLog = out.toString(StandardCharsets.UTF_8);
        }
    }
}

package kr.seoullearn.functions.enrolment;

import kr.seoullearn.catalog.dynamo.CatalogStorage;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.NOW;
import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.seoullearn.registration.dynamo.RegistrationStorage;
import kr.seoullearn.platform.tenant.DynamoTenantDirectory;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inactivity reclaim against the template's table on the emulator: seats idle for the period
 * are reminded twice a week apart, then handed to the first in line; a usage report (CSV,
 * through the admin route) moves activity forward and cancels the reminders.
 */
class InactivityReclaimIT {
    private static final EligibilityProgramme.Inactivity RULE = new EligibilityProgramme.Inactivity(30, 7);
    private static final LocalDate ENROLLED_ON = LocalDate.of(2026, 11, 28);
    private static EnrolmentFixture f;

    /** A table of its own for each test: a run goes over every tenant and provider, so tests must not see each other's seats. */
    @BeforeEach
    void provision() {
        f = new EnrolmentFixture("inactivity");
        f.programme("seoul", 1, RULE);
        f.programme("chungbuk", 1); // no rule: off by default
        for (String p : List.of("idle-a", "idle-b", "idle-c")) {
            f.provider(p, SchoolLevel.MIDDLE);
            f.seats("seoul", p, 1);
            f.seats("chungbuk", p, 5);
        }
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    /** A run of the daily job on a day counted from the enrolments (all made on 2026-11-28). */
    private static InactivityReclaim.Outcome runOnDay(int days) {
        Clock clock = Clock.fixed(NOW.plus(Duration.ofDays(days)), ZoneOffset.UTC);
        return new InactivityReclaim(new DynamoTenantDirectory(f.dynamo, f.stack.table()), RegistrationStorage.programmes(f.dynamo, f.stack.table()),
                CatalogStorage.publicCatalogue(f.dynamo, f.stack.table()), f.ledger, f.activity, clock).run();
    }

    /** The e-mails (due reminders) written in Seoul on that day's run. */
    private static List<kr.seoullearn.reminders.domain.DueReminder> dueEmails(int day) {
        List<kr.seoullearn.reminders.domain.DueReminder> due = new java.util.ArrayList<>();
        java.time.Instant at = NOW.plus(Duration.ofDays(day));
        kr.seoullearn.reminders.dynamo.RemindersStorage.queue(f.dynamo, f.stack.table())
                .due(new TenantId("seoul"), at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)), due::add);
        return due;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> notices(String sub, String tenant) {
        return (List<Map<String, Object>>) f.mine(sub, tenant).get("notices");
    }

    private static String refOf(String sub, String tenant, String provider) {
        return f.ledger.find(new TenantId(tenant), sub, provider).map(Enrolment::learnerRef).orElseThrow();
    }

    /** A usage report sent through the admin route on the given day (dates after it are refused). */
    private static Map<String, Object> report(int onDay, String tenant, String provider, String csv) {
        var event = kr.seoullearn.local.testing.Events.http("POST /api/admin/providers/{providerId}/activity",
                kr.seoullearn.local.testing.Events.claims("admin-" + tenant, tenant, "admins"), csv, "en");
        event.getHeaders().put("content-type", "text/csv; charset=utf-8");
        event.setPathParameters(Map.of("providerId", provider));
        var r = f.handlerAt(Clock.fixed(NOW.plus(Duration.ofDays(onDay)), ZoneOffset.UTC)).handleRequest(event, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json(r);
    }

    @Test
    void aSeatWhoseReminderKeepsFailingIsCountedAndTheOtherSeatsAreStillReminded() {
        String failing = f.learner("seoul", SchoolLevel.MIDDLE);
        String fine = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(f.enrol(failing, "seoul", "idle-a").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(fine, "seoul", "idle-b").getStatusCode()).isEqualTo(201);
        var faults = new kr.seoullearn.local.testing.EmulatorFaults(f.stack.aws().endpoint());
        try {
            // DynamoDB answers 500 to every try of the one seat's reminder transaction
            faults.fail("DynamoDB_20120810.TransactWriteItems", failing, 1_000, 500, "InternalServerError");
            InactivityReclaim.Outcome run = runOnDay(30);
            assertThat(run.failed()).isEqualTo(1);
            assertThat(run.reminded()).isEqualTo(1);
            assertThat(notices(fine, "seoul")).singleElement().satisfies(n -> assertThat(n).containsEntry("kind", "INACTIVITY_REMINDER"));
            assertThat(notices(failing, "seoul")).isEmpty();
        } finally {
            faults.clear();
        }
        // left as it was: the next run reminds it
        assertThat(runOnDay(31).reminded()).isEqualTo(1);
        assertThat(notices(failing, "seoul")).singleElement().satisfies(n -> assertThat(n).containsEntry("kind", "INACTIVITY_REMINDER"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIdleSeatIsRemindedTwiceThenGoesToTheFirstInLine() {
        String idle = f.learner("seoul", SchoolLevel.MIDDLE);
        String waiting = f.learner("seoul", SchoolLevel.MIDDLE);
        assertThat(f.enrol(idle, "seoul", "idle-a").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(waiting, "seoul", "idle-a").getStatusCode()).isEqualTo(202);

        // 29 idle days: nothing; 30: the first reminder, saying from when the seat can go
        assertThat(runOnDay(29).reminded()).isZero();
        assertThat(runOnDay(30).reminded()).isEqualTo(1);
        assertThat(notices(idle, "seoul")).singleElement().satisfies(n -> assertThat(n)
                .containsEntry("kind", "INACTIVITY_REMINDER").containsEntry("providerId", "idle-a")
                .containsEntry("date", ENROLLED_ON.plusDays(44).toString()));
        Map<String, Object> seat = ((List<Map<String, Object>>) f.mine(idle, "seoul").get("enrolments")).get(0);
        assertThat((Map<String, Object>) seat.get("activity")).containsEntry("reminders", 1)
                .containsEntry("lastActiveOn", ENROLLED_ON.toString()).containsEntry("reclaimFrom", ENROLLED_ON.plusDays(44).toString());
        // the notice's e-mail is due at once, written in the same transaction (docs/adr/0013)
        assertThat(dueEmails(30)).filteredOn(r -> r.recipientId().equals(idle)).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(kr.seoullearn.reminders.domain.ReminderKind.INACTIVITY_REMINDER))
                .satisfies(r -> assertThat(r.params()).containsEntry("providerId", "idle-a")
                        .containsEntry("date", ENROLLED_ON.plusDays(44).toString()));
        // a second run the same day (or the next) does not remind again
        assertThat(runOnDay(30).reminded()).isZero();
        assertThat(runOnDay(36).reminded()).isZero();
        // a week later the second reminder; a week after that the seat goes to the first in line
        assertThat(runOnDay(37).reminded()).isEqualTo(1);
        assertThat(runOnDay(43).reclaimed()).isZero();
        InactivityReclaim.Outcome reclaim = runOnDay(44);
        assertThat(reclaim.reclaimed()).isEqualTo(1);
        assertThat(reclaim.promoted()).isEqualTo(1);

        assertThat((List<Object>) f.mine(idle, "seoul").get("enrolments")).isEmpty();
        assertThat(f.mine(idle, "seoul")).containsEntry("picksUsed", 0);
        assertThat(notices(idle, "seoul")).first().satisfies(n -> assertThat(n).containsEntry("kind", "SEAT_RECLAIMED"));
        assertThat(dueEmails(44)).filteredOn(r -> r.recipientId().equals(idle))
                .extracting(kr.seoullearn.reminders.domain.DueReminder::kind).contains(kr.seoullearn.reminders.domain.ReminderKind.SEAT_RECLAIMED);
        assertThat((List<Map<String, Object>>) f.mine(waiting, "seoul").get("enrolments")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("providerId", "idle-a").containsEntry("status", "ENROLLED"));
        var seats = f.seatsItem("seoul", "idle-a");
        assertThat(f.number(seats, "used")).isEqualTo(1);
        assertThat(f.number(seats, "waiting")).isZero();
        // the reclaimed learner's access reference no longer counts in usage reports
        assertThat(runOnDay(44).reclaimed()).as("nothing twice").isZero();
    }

    @Test
    void aUsageReportMovesActivityForwardAndCancelsTheReminders() {
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        String elsewhere = f.learner("chungbuk", SchoolLevel.MIDDLE);
        assertThat(f.enrol(learner, "seoul", "idle-b").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(elsewhere, "chungbuk", "idle-b").getStatusCode()).isEqualTo(201);
        assertThat(runOnDay(30).reminded()).as("only Seoul has the rule").isEqualTo(1);

        String ref = refOf(learner, "seoul", "idle-b");
        String otherTenantsRef = refOf(elsewhere, "chungbuk", "idle-b");
        Map<String, Object> outcome = report(32, "seoul", "idle-b", "learnerRef,lastActiveOn\n"
                + ref + "," + ENROLLED_ON.plusDays(31) + "\n"
                + ref + "," + ENROLLED_ON.plusDays(20) + "\n"   // the same learner again, older: the latest counts
                + otherTenantsRef + "," + ENROLLED_ON.plusDays(31) + "\n"
                + "ref-not-an-enrolment," + ENROLLED_ON.plusDays(31) + "\n");
        assertThat(outcome).containsEntry("lines", 4).containsEntry("updated", 1).containsEntry("unchanged", 0).containsEntry("unknown", 2);
        // an older report changes nothing
        assertThat(report(32, "seoul", "idle-b", "learnerRef,lastActiveOn\n" + ref + "," + ENROLLED_ON.plusDays(10) + "\n"))
                .containsEntry("updated", 0).containsEntry("unchanged", 1);
        // the other tenant's seat was not touched through Seoul's report
        assertThat(f.ledger.find(new TenantId("chungbuk"), elsewhere, "idle-b").orElseThrow().activity().lastActiveOn()).isEqualTo(ENROLLED_ON);

        Enrolment.Activity after = f.ledger.find(new TenantId("seoul"), learner, "idle-b").orElseThrow().activity();
        assertThat(after).isEqualTo(new Enrolment.Activity(ENROLLED_ON.plusDays(31), 0, null));
        // idle again only 30 days after the reported day
        assertThat(runOnDay(44).reclaimed()).isZero();
        assertThat(runOnDay(60).reminded()).isZero();
        assertThat(runOnDay(61).reminded()).isEqualTo(1);
    }

    @Test
    void aRunReadsOnlyTheIdleSeats() {
        List<String> learners = List.of(f.learner("seoul", SchoolLevel.MIDDLE), f.learner("seoul", SchoolLevel.MIDDLE),
                f.learner("seoul", SchoolLevel.MIDDLE));
        f.seats("seoul", "idle-c", 3);
        learners.forEach(l -> assertThat(f.enrol(l, "seoul", "idle-c").getStatusCode()).isEqualTo(201));
        // two of the three were active last week
        StringBuilder csv = new StringBuilder("learnerRef,lastActiveOn\n");
        for (String l : learners.subList(0, 2)) {
            csv.append(refOf(l, "seoul", "idle-c")).append(',').append(ENROLLED_ON.plusDays(25)).append('\n');
        }
        assertThat(report(26, "seoul", "idle-c", csv.toString())).containsEntry("updated", 2);
        var before = f.ledger.find(new TenantId("seoul"), learners.get(2), "idle-c").orElseThrow().activity();
        InactivityReclaim.Outcome run = runOnDay(40);
        assertThat(run.idleSeats()).as("seats read: the idle one, not the three").isEqualTo(1);
        var after = f.ledger.find(new TenantId("seoul"), learners.get(2), "idle-c").orElseThrow().activity();
        assertThat(after.reminders()).isEqualTo(before.reminders() + 1);
        for (String l : learners.subList(0, 2)) {
            assertThat(f.ledger.find(new TenantId("seoul"), l, "idle-c").orElseThrow().activity().reminders()).isZero();
        }
    }
}

package kr.seoullearn.functions.enrolment;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.local.testing.EmulatorFaults;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider's leaving is told to each learner exactly once, against the emulator (docs/adr/0023):
 * however often the request is retried, however often the worker stops (out of time after any
 * page, or failing between telling and saving its progress) and is resumed, and with workers
 * running in parallel. "Once" is counted where it matters: one notice and one due e-mail per learner.
 */
class ProviderDepartureIT {
    private EnrolmentFixture f;
    private EmulatorFaults faults;
    private final List<Learner> seated = new ArrayList<>();
    private final List<Learner> waiting = new ArrayList<>();

    record Learner(String sub, String tenant) {}

    @BeforeEach
    void provision() {
        f = new EnrolmentFixture("departures");
        faults = new EmulatorFaults(f.stack.aws().endpoint());
        f.provider("leaver", SchoolLevel.HIGH);
        for (String tenant : List.of("seoul", "chungbuk")) {
            f.programme(tenant, 1);
            int seats = tenant.equals("seoul") ? 5 : 3;
            f.seats(tenant, "leaver", seats);
            for (int i = 0; i < seats; i++) {
                String sub = f.learner(tenant, SchoolLevel.HIGH);
                assertThat(f.enrol(sub, tenant, "leaver").getStatusCode()).isEqualTo(201);
                seated.add(new Learner(sub, tenant));
            }
            for (int i = 0; i < 3; i++) {
                String sub = f.learner(tenant, SchoolLevel.HIGH);
                assertThat(f.enrol(sub, tenant, "leaver").getStatusCode()).isEqualTo(202);
                waiting.add(new Learner(sub, tenant));
            }
        }
    }

    @AfterEach
    void close() {
        faults.clear();
        f.close();
    }

    private Map<String, Object> leave() {
        // a provider's leaving is the catalogue operators' (the shared catalogue is no tenant's)
        var r = f.callWith("POST /api/admin/providers/{providerId}/leave", "operator-1", null, Map.of("providerId", "leaver"),
                "application/json", "{\"graceUntil\":\"2027-01-31\"}", "catalogue-operators");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(202);
        return json(r);
    }

    @Test
    void aDepartureStoppedAfterEveryPageAndRetriedThreeTimesTellsEachLearnerOnce() {
        for (int i = 0; i < 3; i++) {
            leave();
        }
        // each run may take one page of two learners, then runs out of time; the next resumes
        int runs = 0;
        ProviderDepartureRun.Outcome o;
        do {
            AtomicInteger checks = new AtomicInteger();
            o = f.departures(2).run(() -> checks.incrementAndGet() <= 2);
            runs++;
            assertThat(runs).as("runs needed").isLessThan(40);
        } while (o.finished() == 0);
        assertThat(runs).as("it took several resumed runs").isGreaterThan(3);
        assertTheLearnersWereToldOnce();
        @SuppressWarnings("unchecked")
        Map<String, Object> departure = (Map<String, Object>) leave().get("departure");
        assertThat(departure).containsEntry("status", "DONE").containsEntry("learnersTold", 8).containsEntry("waitlistClosed", 6);
    }

    @Test
    void aWorkerThatFailsBetweenTellingAndSavingIsResumedWithoutTellingAnyoneTwice() {
        leave();
        // the progress cannot be saved (DynamoDB answers 500 to the departure's Put, every try)
        faults.fail("DynamoDB_20120810.PutItem", "DEPARTURES", 1_000, 500, "InternalServerError");
        var failed = f.departures(3).run(() -> true);
        assertThat(failed.failed()).isEqualTo(1);
        assertThat(failed.finished()).isZero();
        faults.clear();
        var resumed = f.departures(3).run(() -> true);
        assertThat(resumed.finished()).isEqualTo(1);
        assertThat(resumed.learnersTold()).as("the first page was told before the failure").isEqualTo(seated.size() - 3);
        assertTheLearnersWereToldOnce();
    }

    @Test
    void parallelRequestsAndParallelWorkersTellEachLearnerOnce() throws Exception {
        try (var pool = Executors.newFixedThreadPool(3)) {
            List<Callable<Map<String, Object>>> requests = List.of(this::leave, this::leave, this::leave);
            for (var r : pool.invokeAll(requests)) {
                assertThat(r.get()).containsEntry("status", "INACTIVE");
            }
            List<Callable<ProviderDepartureRun.Outcome>> workers = List.of(() -> f.departures(2).run(() -> true),
                    () -> f.departures(2).run(() -> true), () -> f.departures(2).run(() -> true));
            for (var w : pool.invokeAll(workers)) {
                w.get();
            }
        }
        // a worker that lost a race stops; whatever is left, one more run finishes
        f.departures(2).run(() -> true);
        assertTheLearnersWereToldOnce();
    }

    private void assertTheLearnersWereToldOnce() {
        var queue = RemindersStorage.queue(f.dynamo, f.stack.table());
        for (var group : List.of(seated, waiting)) {
            SeatActivity.Notice.Kind kind = group == seated ? SeatActivity.Notice.Kind.PROVIDER_LEAVING : SeatActivity.Notice.Kind.WAITLIST_CLOSED;
            for (Learner l : group) {
                TenantId tenant = new TenantId(l.tenant());
                assertThat(f.activity.notices(tenant, l.sub(), 10)).as("notices of a learner").singleElement()
                        .satisfies(n -> assertThat(n.kind()).isEqualTo(kind));
                List<DueReminder> due = new ArrayList<>();
                queue.due(tenant, EnrolmentFixture.NOW.minus(Duration.ofHours(1)), EnrolmentFixture.NOW.plus(Duration.ofHours(1)), r -> {
                    if (r.recipientId().equals(l.sub())) {
                        due.add(r);
                    }
                });
                assertThat(due).as("e-mails planned for a learner").singleElement()
                        .satisfies(r -> assertThat(r.kind()).isEqualTo(ReminderKind.valueOf(kind.name())));
            }
        }
        for (Learner l : waiting) {
            assertThat(f.ledger.find(new TenantId(l.tenant()), l.sub(), "leaver")).as("off the waitlist").isEmpty();
        }
        for (Learner l : seated) {
            assertThat(f.ledger.find(new TenantId(l.tenant()), l.sub(), "leaver")).as("still seated until the grace date").isPresent();
        }
    }
}

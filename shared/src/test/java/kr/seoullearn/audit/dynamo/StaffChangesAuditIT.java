package kr.seoullearn.audit.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.domain.AuditQuery;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.enrolment.dynamo.EnrolmentStorage;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.laptops.dynamo.LaptopsStorage;
import kr.seoullearn.laptops.port.OfficerDistricts;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.dynamo.RemindersStorage;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff changes that used to be plain writes (seats, officers' districts, reminder switches) are
 * now one transaction with their audit entry, on the state as read, against the emulator: under
 * concurrent admins every change that succeeded has exactly one entry, and the entries' before →
 * after chain without gaps (each before is the previous after), so no entry tells a false "before";
 * a refused change writes none.
 */
class StaffChangesAuditIT {
    private static final TenantId TENANT = new TenantId("seoul");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static AuditTrail trail;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("staff-changes-audit");
        dynamo = stack.aws().dynamoDb();
        trail = AuditStorage.trail(dynamo, stack.table());
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    private static List<AuditEntry> entries(String subject, String action) {
        List<AuditEntry> all = new ArrayList<>(trail.page(TENANT, new AuditQuery(null, action, subject, null, null, 100, null)).entries());
        all.sort(Comparator.comparing(AuditEntry::timeKey));
        return all;
    }

    /**
     * The entries in the order of the changes they record, followed from the first ({@code field}
     * was {@code first} before it): each next entry is the one whose before is this one's after.
     * Fails when an entry is left over or two claim the same before (a "before" that was not true).
     */
    private static List<AuditEntry> chain(List<AuditEntry> entries, String field, String first) {
        List<AuditEntry> left = new ArrayList<>(entries);
        List<AuditEntry> ordered = new ArrayList<>();
        String value = first;
        while (!left.isEmpty()) {
            String now = value;
            List<AuditEntry> next = left.stream().filter(e -> now.equals(e.before().get(field))).toList();
            assertThat(next).as("the entry whose before is %s=%s, among %s", field, now, left).hasSize(1);
            ordered.add(next.get(0));
            left.remove(next.get(0));
            value = next.get(0).after().get(field);
        }
        return ordered;
    }

    private static <T> List<Object> together(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (var c : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightAdminsSettingSeatsAtOnceLeaveEightEntriesWhoseBeforeIsEachThePreviousAfter() throws Exception {
        EnrolmentLedger ledger = EnrolmentStorage.ledger(dynamo, stack.table());
        String provider = "p-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.setSeats(TENANT, provider, 10, "admin-0", Instant.now());
        List<java.util.concurrent.Callable<Object>> calls = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            int seats = 10 + i;
            String admin = "admin-" + i;
            calls.add(() -> ledger.setSeats(TENANT, provider, seats, admin, Instant.now()));
        }
        List<Object> outcomes = together(calls);
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isNotInstanceOf(Throwable.class));

        List<AuditEntry> trail = chain(entries(provider, "seats.set"), "seats", "NONE");
        assertThat(trail).hasSize(9);
        int stored = Integer.parseInt(dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(Keys.seats(TENANT, provider).attributes())).item().get("seats").n());
        assertThat(trail.get(trail.size() - 1).after()).containsEntry("seats", Integer.toString(stored));
        assertThat(trail).extracting(AuditEntry::actor).containsExactlyInAnyOrder("admin-0", "admin-1", "admin-2", "admin-3", "admin-4",
                "admin-5", "admin-6", "admin-7", "admin-8");
    }

    @Test
    void seatsBelowThoseInUseAreRefusedAndRecordedNowhere() {
        EnrolmentLedger ledger = EnrolmentStorage.ledger(dynamo, stack.table());
        String provider = "p-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.setSeats(TENANT, provider, 5, "admin-1", Instant.now());
        dynamo.updateItem(u -> u.tableName(stack.table()).key(Keys.seats(TENANT, provider).attributes())
                .updateExpression("SET used = :three").expressionAttributeValues(Map.of(":three", AttributeValue.fromN("3"))));
        assertThatThrownBy(() -> ledger.setSeats(TENANT, provider, 2, "admin-2", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().code()).isEqualTo("seats-below-used"));
        assertThat(entries(provider, "seats.set")).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("admin-1"));
    }

    @Test
    void twoAdminsAssigningAnOfficerAtOnceEachSucceedOnWhatTheyReadOrAreToldItChanged() throws Exception {
        OfficerDistricts officers = LaptopsStorage.officers(dynamo, stack.table());
        String officer = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        officers.assign(TENANT, officer, Set.of("nowon-gu"), "admin-1", Instant.now());
        List<Object> outcomes = together(List.<java.util.concurrent.Callable<Object>>of(
                () -> { officers.assign(TENANT, officer, Set.of("gangseo-gu"), "admin-2", Instant.now()); return "ok"; },
                () -> { officers.assign(TENANT, officer, Set.of("guro-gu", "mapo-gu"), "admin-3", Instant.now()); return "ok"; }));
        long succeeded = outcomes.stream().filter("ok"::equals).count();
        assertThat(outcomes).filteredOn(o -> !"ok".equals(o)).allSatisfy(o ->
                assertThat(((ProblemException) o).problem().code()).isEqualTo("version-conflict"));
        List<AuditEntry> trail = chain(entries(officer, "laptops.officer-districts"), "districts", "");
        assertThat(trail).hasSize(1 + (int) succeeded);
        assertThat(String.join(",", new java.util.TreeSet<>(officers.of(TENANT, officer))))
                .isEqualTo(trail.get(trail.size() - 1).after().get("districts"));
        // emptied: the item goes, the entry says what it was
        officers.assign(TENANT, officer, Set.of(), "admin-1", Instant.now());
        assertThat(officers.of(TENANT, officer)).isEmpty();
        assertThat(entries(officer, "laptops.officer-districts").get(trail.size()).after()).containsEntry("districts", "");
    }

    @Test
    void reminderSwitchesAtAStaleVersionAreRefusedAndRecordedNowhere() {
        TenantId tenant = new TenantId("switches-" + UUID.randomUUID().toString().substring(0, 6));
        ReminderSettingsStore settings = RemindersStorage.settings(dynamo, stack.table());
        var saved = settings.save(tenant, Set.of(ReminderKind.values()[0]), 0, "admin-1", Instant.now());
        assertThat(saved.version()).isEqualTo(1);
        assertThatThrownBy(() -> settings.save(tenant, Set.of(), 0, "admin-2", Instant.now()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().code()).isEqualTo("version-conflict"));
        List<AuditEntry> trail = new ArrayList<>(AuditStorage.trail(dynamo, stack.table())
                .page(tenant, new AuditQuery(null, "reminders.switches", tenant.value(), null, null, 10, null)).entries());
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("off", "").containsEntry("version", "0");
            assertThat(e.after()).containsEntry("off", ReminderKind.values()[0].name()).containsEntry("version", "1");
        });
    }
}

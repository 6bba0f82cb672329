package kr.seoullearn.mentoring.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The mentoring adapter against the emulator, on the template's table: each refusal comes from
 * the condition that names it, and what the reads return comes from the items' attributes.
 */
class DynamoMentoringLedgerIT {
    private static final TenantId TENANT = new TenantId("adapter");
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static MentoringLedger ledger;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("mentoring-ledger");
        dynamo = stack.aws().dynamoDb();
        ledger = MentoringStorage.ledger(dynamo, stack.table());
    }

    @AfterAll
    static void close() {
        dynamo.close();
        stack.close();
    }

    private static Mentorship mentorship(String mentee, String mentor, int quota, int weeklyCap) {
        Mentorship m = new Mentorship(TENANT, UUID.randomUUID().toString(), mentee, mentor, "학습자", "멘토", "rules", 30, quota, 0, weeklyCap,
                0, 24, 12, 8, 4, NOW, NOW.plus(56, ChronoUnit.DAYS), Mentorship.Status.ACTIVE, NOW, weeklyCap, weeklyCap);
        dynamo.putItem(p -> p.tableName(stack.table()).item(MentoringItems.item(m)));
        return m;
    }

    private static Session session(Mentorship m, String seoulLocal) {
        String id = UUID.randomUUID().toString();
        return new Session(TENANT, m.id(), id, m.menteeId(), m.mentorId(), java.time.LocalDateTime.parse(seoulLocal).atZone(BookingRules.SEOUL)
                .toInstant(), 30, Session.Status.BOOKED, "https://meet.example/" + id, null, NOW, null);
    }

    private static MentoringRefusal refusal(Runnable change) {
        try {
            change.run();
        } catch (ProblemException e) {
            return (MentoringRefusal) e.problem();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aBookingHoldsBothPeoplesHalfHoursAndTheWeekAndEachRefusalNamesItsCondition() {
        String mentor = "mentor-" + UUID.randomUUID();
        Mentorship first = mentorship("mentee-" + UUID.randomUUID(), mentor, 16, 1);
        Mentorship second = mentorship("mentee-" + UUID.randomUUID(), mentor, 16, 1);
        Mentorship otherMentor = mentorship(first.menteeId(), "mentor-" + UUID.randomUUID(), 16, 1);

        Session booked = ledger.book(first, session(first, "2026-12-02T19:00"));

        Instant unit = booked.start();
        assertThat(ledger.busy(TENANT, mentor, unit, unit.plusSeconds(1800))).containsExactly(unit);
        assertThat(ledger.busy(TENANT, first.menteeId(), unit, unit.plusSeconds(1800))).containsExactly(unit);
        assertThat(ledger.weekCounts(TENANT, first.id())).containsEntry(BookingRules.week(unit), 1);
        assertThat(refusal(() -> ledger.book(second, session(second, "2026-12-02T19:00")))).isEqualTo(MentoringRefusal.SLOT_TAKEN);
        assertThat(refusal(() -> ledger.book(otherMentor, session(otherMentor, "2026-12-02T19:00")))).isEqualTo(MentoringRefusal.MENTEE_BUSY);
        assertThat(refusal(() -> ledger.book(first, session(first, "2026-12-03T19:00")))).isEqualTo(MentoringRefusal.WEEKLY_CAP_REACHED);
        assertThat(ledger.sessions(TENANT, second.id())).isEmpty();
        assertThat(ledger.mentorship(TENANT, first.id()).orElseThrow().used()).isEqualTo(1);
    }

    @Test
    void anEarlyCancelFreesTheHalfHoursAndGivesTheSessionBackToTheQuotaAndTheWeek() {
        Mentorship m = mentorship("mentee-" + UUID.randomUUID(), "mentor-" + UUID.randomUUID(), 1, 2);
        Session s = ledger.book(m, session(m, "2026-12-04T10:00"));
        assertThat(refusal(() -> ledger.book(m, session(m, "2026-12-04T11:00")))).isEqualTo(MentoringRefusal.SESSION_QUOTA_USED_UP);

        ledger.cancel(m, s, false, NOW.plusSeconds(60));

        assertThat(ledger.busy(TENANT, m.mentorId(), s.start(), s.end())).isEmpty();
        assertThat(ledger.weekCounts(TENANT, m.id())).containsEntry(BookingRules.week(s.start()), 0);
        assertThat(ledger.mentorship(TENANT, m.id()).orElseThrow().used()).isZero();
        assertThat(refusal(() -> ledger.cancel(m, s, false, NOW.plusSeconds(120)))).isEqualTo(MentoringRefusal.SESSION_NOT_BOOKED);
    }

    @Test
    void anExtensionIsPendingOnceAndItsDecisionOnlyOnce() {
        Mentorship m = mentorship("mentee-" + UUID.randomUUID(), "mentor-" + UUID.randomUUID(), 16, 2);

        ledger.requestExtension(m, NOW);

        assertThat(ledger.extension(TENANT, m.id()).orElseThrow().mentorshipId()).isEqualTo(m.id());
        assertThat(refusal(() -> ledger.requestExtension(m, NOW.plusSeconds(1)))).isEqualTo(MentoringRefusal.EXTENSION_PENDING);
        Mentorship extended = ledger.decideExtension(m, true, NOW.plusSeconds(2));
        assertThat(extended.quota()).isEqualTo(24);
        assertThat(ledger.mentorship(TENANT, m.id()).orElseThrow().quota()).isEqualTo(24);
        assertThat(refusal(() -> ledger.decideExtension(m, false, NOW.plusSeconds(3)))).isEqualTo(MentoringRefusal.EXTENSION_NOT_PENDING);
    }
}

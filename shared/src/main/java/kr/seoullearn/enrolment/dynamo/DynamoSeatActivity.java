package kr.seoullearn.enrolment.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.reminders.port.ReminderWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Seat activity, reminders and reclaim in the application table (docs/data-model.md,
 * "Inactivity reclaim"): each seat (ENROLLED enrolment) carries {@code lastActiveOn},
 * {@code reminders} and {@code lastRemindedOn}, and is indexed by last activity.
 */
final class DynamoSeatActivity implements SeatActivity {
    private final TransactionRunner runner;
    private final UsageReports reports;
    private final IdleSeats idle;
    private final Notices notices;

    DynamoSeatActivity(DynamoDbClient dynamo, String table, ReminderWrites reminders) {
        this.runner = new TransactionRunner(dynamo);
        this.notices = new Notices(dynamo, table, reminders);
        this.reports = new UsageReports(dynamo, table, runner.backoff());
        this.idle = new IdleSeats(dynamo, runner, table, notices);
    }

    @Override
    public ImportOutcome record(TenantId tenant, String providerId, List<Report> lines) {
        return reports.record(tenant, providerId, lines);
    }

    @Override
    public void idleSeats(TenantId tenant, String providerId, LocalDate before, Consumer<Enrolment> each) {
        idle.each(tenant, providerId, before, each);
    }

    @Override
    public boolean remind(Enrolment seat, LocalDate today, LocalDate reclaimFrom, Instant now) {
        return idle.remind(seat, today, reclaimFrom, now);
    }

    @Override
    public boolean reclaim(Enrolment seat, Instant now) {
        return idle.reclaim(seat, now);
    }

    @Override
    public void tell(TenantId tenant, String userId, Notice notice) {
        Transaction tx = Transaction.named("tell");
        notices.add(tx, tenant, userId, notice);
        runner.commit(tx);
    }

    @Override
    public boolean tellOnce(TenantId tenant, String userId, Notice notice, String noticeId) {
        Transaction tx = Transaction.named("tell once");
        notices.addOnce(tx, tenant, userId, notice, noticeId);
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return true;
        }
        if (outcome.failed(0)) {
            return false; // the notice exists: told before
        }
        throw runner.refusalOf(tx, outcome);
    }

    @Override
    public SeatPage seats(TenantId tenant, String providerId, String cursor, int limit) {
        return idle.page(tenant, providerId, cursor, limit);
    }

    @Override
    public List<Notice> notices(TenantId tenant, String userId, int limit) {
        return notices.latest(tenant, userId, limit);
    }
}

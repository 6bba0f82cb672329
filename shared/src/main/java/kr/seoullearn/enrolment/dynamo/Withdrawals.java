package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ENROLLED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ONE;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.WAITLISTED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ZERO;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.EnrolmentRefusal;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A learner gives up a seat (it is freed: the caller hands it on) or leaves the waitlist. */
final class Withdrawals {
    /** Tries when the enrolment changed since it was read (a waitlist place became a seat). */
    static final int ATTEMPTS = 4;
    private static final Log LOG = Log.of(Withdrawals.class);

    private final TransactionRunner runner;
    private final String table;
    private final Waitlists waitlists;
    private final FigureWrites figures;

    Withdrawals(TransactionRunner runner, String table, Waitlists waitlists, FigureWrites figures) {
        this.runner = runner;
        this.table = table;
        this.waitlists = waitlists;
        this.figures = figures;
    }

    /** {@code reread} finds the enrolment as it is now (after a failed condition). */
    Enrolment withdraw(Enrolment enrolment, Reread reread) {
        Enrolment current = enrolment;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Transaction tx = Transaction.named("withdraw");
            int at = tx.add(deleteEnrolment(current));
            addReleases(tx, current);
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                LOG.info(current.enrolled() ? "withdrew" : "left the waitlist", "tenant", current.tenant().value(),
                        "providerId", current.providerId());
                return current;
            }
            if (!outcome.failed(at)) {
                throw runner.refusalOf(tx, outcome);
            }
            // promoted (or withdrawn by a parallel request) since it was read
            current = reread.find(current.tenant(), current.userId(), current.providerId())
                    .orElseThrow(() -> new ProblemException(EnrolmentRefusal.ENROLMENT_NOT_FOUND));
        }
        throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
    }

    interface Reread {
        Optional<Enrolment> find(TenantId tenant, String userId, String providerId);
    }

    /** The enrolment, still in the status (and under the ticket) it was read in. */
    private TransactWriteItem deleteEnrolment(Enrolment e) {
        var key = EnrolmentKeys.enrolment(e.tenant(), e.userId(), e.providerId()).attributes();
        if (e.enrolled()) {
            return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                    .conditionExpression("#status = :enrolled")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":enrolled", s(ENROLLED)))).build();
        }
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                .conditionExpression("#status = :waitlisted AND #ticket = :ticket")
                .expressionAttributeNames(Map.of("#status", "status", "#ticket", "ticket"))
                .expressionAttributeValues(Map.of(":waitlisted", s(WAITLISTED),
                        ":ticket", AttributeValue.fromN(e.ticket().toString())))).build();
    }

    /** The pick, the seat or the place in line, the reference and the figures go with it. */
    private void addReleases(Transaction tx, Enrolment e) {
        Instant now = Instant.now();
        tx.add(releasePick(table, e.tenant(), e.userId()));
        String counter = e.enrolled() ? "used" : "waiting";
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Keys.seats(e.tenant(), e.providerId()).attributes())
                .updateExpression("SET #n = #n - :one")
                .conditionExpression("#n > :zero")
                .expressionAttributeNames(Map.of("#n", counter))
                .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build());
        if (!e.enrolled()) {
            tx.add(waitlists.of(e.tenant(), e.providerId(), now).leave(e.ticket()));
        }
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(EnrolmentKeys.learnerRef(e.tenant(), e.learnerRef()).attributes())).build());
        figures.count(tx, e.tenant(), now, FigureDelta.of(e.enrolled() ? Figure.SEATS_WITHDRAWN : Figure.SEATS_LEFT_WAITLIST, 1,
                e.providerId()));
        figures.row(tx, FigureRow.of(e.tenant(), now, e.userId(), "ENROLMENT", e.enrolled() ? "WITHDRAWN" : "LEFT_WAITLIST")
                .provider(e.providerId()));
    }

    /** One provider fewer held by the learner. */
    static TransactWriteItem releasePick(String table, TenantId tenant, String userId) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(EnrolmentKeys.picks(tenant, userId).attributes())
                .updateExpression("ADD #picks :minusOne")
                .conditionExpression("#picks > :zero")
                .expressionAttributeNames(Map.of("#picks", "picks"))
                .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"), ":zero", ZERO))).build();
    }
}

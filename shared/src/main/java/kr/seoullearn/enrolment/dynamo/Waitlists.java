package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ENROLLED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.WAITLISTED;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ZERO;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Places;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A provider's waitlist in a tenant as a {@link TicketQueue}: seats and used seats on the seats
 * item ({@link Keys#seats}), {@code waiting} and {@code lastTicket} beside them; a promotion
 * turns each waitlisted enrolment into a seat, while the provider still takes learners.
 */
final class Waitlists {
    /** The seats item counts; the first ticket creates it (0 seats) so that learners can wait for seats to come. */
    static final TicketQueue.Spec SEATS = new TicketQueue.Spec(new Places.Used("seats", "used"), "waiting", "lastTicket", null, null);

    private final DynamoDbClient dynamo;
    private final TransactionRunner runner;
    private final String table;
    private final FigureWrites figures;

    Waitlists(DynamoDbClient dynamo, TransactionRunner runner, String table, FigureWrites figures) {
        this.dynamo = dynamo;
        this.runner = runner;
        this.table = table;
        this.figures = figures;
    }

    /** The waitlist of {@code providerId} in {@code tenant}; promotions made through it are dated {@code now}. */
    TicketQueue of(TenantId tenant, String providerId, Instant now) {
        return new TicketQueue(dynamo, runner, table, SEATS, Keys.seats(tenant, providerId),
                Map.of("type", s("SEATS"), "tenant", s(tenant.value()), "providerId", s(providerId)),
                new Promotion(tenant, providerId, now));
    }

    /** The provider still takes learners when the transaction commits (it may leave at any time). */
    TransactWriteItem providerTakesLearners(String providerId) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(EnrolmentKeys.provider(providerId).attributes())
                .conditionExpression("#status = :active")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":active", s("ACTIVE")))).build();
    }

    /** First in line into free seats: each waitlisted enrolment becomes a seat, active from today. */
    private final class Promotion implements TicketQueue.Promotion {
        private final TenantId tenant;
        private final String providerId;
        private final Instant now;

        Promotion(TenantId tenant, String providerId, Instant now) {
            this.tenant = tenant;
            this.providerId = providerId;
            this.now = now;
        }

        @Override
        public String operation() {
            return "promote";
        }

        @Override
        public List<TransactWriteItem> guards() {
            return List.of(providerTakesLearners(providerId));
        }

        @Override
        public void promote(Transaction tx, TicketQueue.Entry entry) {
            String userId = entry.string("userId");
            String today = EnrolmentItems.seoulDate(now).toString();
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(EnrolmentKeys.enrolment(tenant, userId, providerId).attributes())
                    .updateExpression("SET #status = :enrolled, enrolledAt = :now, lastActiveOn = :today, reminders = :zero, "
                            + "GSI1PK = :seated, GSI1SK = :idle REMOVE #ticket")
                    .conditionExpression("#status = :waitlisted AND #ticket = :ticket")
                    .expressionAttributeNames(Map.of("#status", "status", "#ticket", "ticket"))
                    .expressionAttributeValues(Map.of(":enrolled", s(ENROLLED), ":waitlisted", s(WAITLISTED),
                            ":ticket", EnrolmentItems.n(entry.ticket()), ":now", s(now.toString()), ":today", s(today),
                            ":zero", ZERO, ":seated", s(EnrolmentKeys.seated(tenant, providerId)),
                            ":idle", s(EnrolmentKeys.idleSortKey(today, userId))))).build());
            // the learner is told in the same transaction (docs/adr/0027); keyed on the ticket
            kr.seoullearn.notifications.dynamo.NotificationsStorage.writes(table).add(tx,
                    kr.seoullearn.notifications.domain.Notice.of(tenant, kr.seoullearn.notifications.domain.NoticeKind.WAITLIST_SEAT_GIVEN,
                            providerId + "@" + entry.ticket(), userId, Map.of(), now));
        }

        @Override
        public void promoted(Transaction tx, int count) {
            figures.count(tx, tenant, now, FigureDelta.of(Figure.SEATS_PROMOTED, count, providerId));
        }
    }
}

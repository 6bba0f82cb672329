package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ZERO;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.EnrolmentRefusal;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.domain.SeatCounts;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Enrolments, seats and waitlists in the application table (docs/data-model.md, "Enrolment"):
 * the seats item {@link Keys#seats} (the catalogue's) with {@code seats}, {@code used},
 * {@code waiting} and {@code lastTicket}; the waitlist's entries beside it ({@link Waitlists});
 * the learner's {@code ENROLMENT#<p>} (ENROLLED or WAITLISTED) and {@code PICKS}. Every change is
 * one transaction whose conditions are the invariants ({@link Admissions}, {@link Withdrawals}).
 */
final class DynamoEnrolmentLedger implements EnrolmentLedger {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Waitlists waitlists;
    private final Admissions admissions;
    private final Withdrawals withdrawals;

    DynamoEnrolmentLedger(DynamoDbClient dynamo, String table, FigureWrites figures) {
        this.dynamo = dynamo;
        this.table = table;
        TransactionRunner runner = new TransactionRunner(dynamo);
        this.waitlists = new Waitlists(dynamo, runner, table, figures);
        this.admissions = new Admissions(table, waitlists, figures);
        this.withdrawals = new Withdrawals(runner, table, waitlists, figures);
    }

    @Override
    public Admission admit(Request r) {
        return admissions.admit(r);
    }

    @Override
    public Enrolment withdraw(Enrolment enrolment) {
        return withdrawals.withdraw(enrolment, this::find);
    }

    @Override
    public int fillFreeSeats(TenantId tenant, String providerId, SeatCounts known, Instant now) {
        TicketQueue waitlist = waitlists.of(tenant, providerId, now);
        return known == null ? waitlist.promote() : waitlist.promote(waitlist.counts(EnrolmentItems.attributes(known)));
    }

    @Override
    public SeatCounts setSeats(TenantId tenant, String providerId, int seats, String by, Instant at) {
        TransactionRunner runner = new TransactionRunner(dynamo);
        for (int attempt = 0; ; attempt++) {
            SeatCounts before = readSeats(tenant, providerId);
            if (before.exists() && before.used() > seats) {
                throw new ProblemException(EnrolmentRefusal.SEATS_BELOW_USED, Map.of("used", before.used()));
            }
            if (attempt >= 10) {
                throw new ProblemException(kr.seoullearn.platform.http.Problem.SERVICE_UNAVAILABLE);
            }
            // on the seats as read (so the audit's "before" is true) and never below the seats in use
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values = new java.util.HashMap<>(Map.of(
                    ":seats", EnrolmentItems.n(seats), ":type", s("SEATS"), ":tenant", s(tenant.value()), ":provider", s(providerId),
                    ":zero", ZERO));
            String condition = "attribute_not_exists(PK)";
            if (before.exists()) {
                condition = (before.seats() == 0 ? "(attribute_not_exists(#seats) OR #seats = :before)" : "#seats = :before")
                        + " AND (attribute_not_exists(#used) OR #used <= :seats)";
                values.put(":before", EnrolmentItems.n(before.seats()));
            }
            String asRead = condition;
            kr.seoullearn.platform.dynamo.Transaction tx = kr.seoullearn.platform.dynamo.Transaction.named("set seats");
            int item = tx.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(Keys.seats(tenant, providerId).attributes())
                    .updateExpression("SET #seats = :seats, #type = :type, #tenant = :tenant, #provider = :provider, "
                            + "#used = if_not_exists(#used, :zero), #waiting = if_not_exists(#waiting, :zero), "
                            + "#last = if_not_exists(#last, :zero)")
                    .conditionExpression(asRead)
                    .expressionAttributeNames(Map.of("#seats", "seats", "#type", "type", "#tenant", "tenant",
                            "#provider", "providerId", "#used", "used", "#waiting", "waiting", "#last", "lastTicket"))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            kr.seoullearn.audit.dynamo.AuditStorage.writes(table).record(tx, kr.seoullearn.audit.domain.AuditEntry.of(tenant, by,
                    "seats.set", "provider", providerId, at,
                    before.exists() ? Map.of("seats", Integer.toString(before.seats()), "used", Integer.toString(before.used()))
                            : Map.of("seats", "NONE"),
                    Map.of("seats", Integer.toString(seats))));
            TransactionRunner.Outcome outcome = runner.attempt(tx);
            if (outcome.committed()) {
                return readSeats(tenant, providerId);
            }
            if (!outcome.failed(item)) {
                throw runner.refusalOf(tx, outcome);
            }
            runner.backoff().pause(attempt); // seats changed or learners took them meanwhile: read again
        }
    }

    @Override
    public Usage usage(TenantId tenant, String providerId, int headSize) {
        SeatCounts counts = readSeats(tenant, providerId);
        List<WaitingLearner> head = new ArrayList<>();
        if (counts.waiting() > 0 && headSize > 0) {
            for (TicketQueue.Entry entry : waitlists.of(tenant, providerId, Instant.now()).head(headSize)) {
                head.add(new WaitingLearner(entry.string("userId"), entry.ticket(), EnrolmentRules.position(head.size()),
                        Instant.parse(entry.string("queuedAt"))));
            }
        }
        return new Usage(counts, List.copyOf(head));
    }

    @Override
    public List<Enrolment> enrolments(TenantId tenant, String userId) {
        return Queries.all(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(EnrolmentKeys.learner(tenant, userId)),
                                ":prefix", s(EnrolmentKeys.ENROLMENT_PREFIX))).build())
                .stream().map(item -> EnrolmentItems.enrolment(tenant, item)).toList();
    }

    @Override
    public Optional<Enrolment> find(TenantId tenant, String userId, String providerId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(EnrolmentKeys.enrolment(tenant, userId, providerId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EnrolmentItems.enrolment(tenant, item));
    }

    @Override
    public int position(TenantId tenant, String providerId, long ticket) {
        return EnrolmentRules.position((int) waitlists.of(tenant, providerId, Instant.now()).ahead(ticket));
    }

    SeatCounts readSeats(TenantId tenant, String providerId) {
        return EnrolmentItems.counts(dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Keys.seats(tenant, providerId).attributes())).item());
    }
}

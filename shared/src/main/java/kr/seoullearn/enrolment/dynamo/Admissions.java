package kr.seoullearn.enrolment.dynamo;

import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.ONE;
import static kr.seoullearn.enrolment.dynamo.EnrolmentItems.s;

import java.util.Map;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.domain.EnrolmentRefusal;
import kr.seoullearn.enrolment.domain.EnrolmentRules;
import kr.seoullearn.enrolment.port.EnrolmentLedger.Admission;
import kr.seoullearn.enrolment.port.EnrolmentLedger.Enrolled;
import kr.seoullearn.enrolment.port.EnrolmentLedger.Request;
import kr.seoullearn.enrolment.port.EnrolmentLedger.Waitlisted;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.platform.dynamo.TicketQueue;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A learner asks for a seat: a seat when one is free and nobody waits, else a place in the
 * provider's waitlist ({@link TicketQueue}). In the same transaction: the enrolment (one per
 * learner and provider), the provider still takes learners, one more pick within the limit, the
 * access link's reference and the figures.
 */
final class Admissions {
    private final String table;
    private final Waitlists waitlists;
    private final FigureWrites figures;

    Admissions(String table, Waitlists waitlists, FigureWrites figures) {
        this.table = table;
        this.waitlists = waitlists;
        this.figures = figures;
    }

    Admission admit(Request r) {
        TicketQueue waitlist = waitlists.of(r.tenant(), r.providerId(), r.now());
        return waitlist.admit("admit", new Arrival(r, waitlist));
    }

    private final class Arrival implements TicketQueue.Arrival<Admission> {
        private final Request r;
        private final TicketQueue waitlist;
        private int picks;

        Arrival(Request r, TicketQueue waitlist) {
            this.r = r;
            this.waitlist = waitlist;
        }

        private Enrolment enrolment(Long ticket) {
            return ticket == null
                    ? new Enrolment(r.tenant(), r.userId(), r.providerId(), Enrolment.Status.ENROLLED, r.learnerRef(), null, r.now(),
                            null, Enrolment.Activity.since(EnrolmentItems.seoulDate(r.now())))
                    : new Enrolment(r.tenant(), r.userId(), r.providerId(), Enrolment.Status.WAITLISTED, r.learnerRef(), r.now(), null,
                            ticket);
        }

        @Override
        public void writes(Transaction tx, Long ticket) {
            Enrolment e = enrolment(ticket);
            // in the order their refusals take precedence
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(EnrolmentItems.item(e))
                    .conditionExpression("attribute_not_exists(PK)")).build(), EnrolmentRefusal.ALREADY_ENROLLED);
            tx.add(waitlists.providerTakesLearners(r.providerId()), EnrolmentRefusal.PROVIDER_INACTIVE);
            picks = tx.add(holdPick(), EnrolmentRefusal.PICK_LIMIT_REACHED);
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(EnrolmentItems.refItem(e))
                    .conditionExpression("attribute_not_exists(PK)")).build());
            boolean seat = ticket == null;
            figures.count(tx, r.tenant(), r.now(), FigureDelta.of(seat ? Figure.SEATS_ENROLLED : Figure.SEATS_WAITLISTED, 1,
                    r.providerId()));
            figures.row(tx, FigureRow.of(r.tenant(), r.now(), r.userId(), "ENROLMENT", e.status().name()).provider(r.providerId()));
        }

        /** One more provider held by the learner, within the pick limit. */
        private TransactWriteItem holdPick() {
            return TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(EnrolmentKeys.picks(r.tenant(), r.userId()).attributes())
                    .updateExpression("SET #type = :type ADD #picks :one")
                    .conditionExpression("attribute_not_exists(#picks) OR #picks < :limit")
                    .expressionAttributeNames(Map.of("#type", "type", "#picks", "picks"))
                    .expressionAttributeValues(Map.of(":type", s("PICKS"), ":one", ONE,
                            ":limit", EnrolmentItems.n(r.pickLimit())))).build();
        }

        @Override
        public Map<String, AttributeValue> entry(long ticket) {
            return EnrolmentItems.waitEntry(enrolment(ticket));
        }

        @Override
        public Admission admitted(Long ticket) {
            Enrolment e = enrolment(ticket);
            return ticket == null ? new Enrolled(e) : new Waitlisted(e, EnrolmentRules.position((int) waitlist.ahead(ticket)));
        }

        @Override
        public Admission refused(Transaction tx, TransactionRunner.Outcome outcome, TransactionRunner runner) {
            ProblemException refusal = runner.refusalOf(tx, outcome);
            if (refusal.problem() == EnrolmentRefusal.PICK_LIMIT_REACHED && outcome.failed(picks)) {
                throw new ProblemException(EnrolmentRefusal.PICK_LIMIT_REACHED, Map.of("pickLimit", r.pickLimit()));
            }
            throw refusal;
        }
    }
}

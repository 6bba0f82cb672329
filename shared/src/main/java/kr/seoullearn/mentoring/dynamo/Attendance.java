package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner.Outcome;
import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A mentor's record of a session that started (HELD or NO_SHOW, and a note) with its figures, in
 * one transaction conditional on the status read (docs/adr/0015): recording the same outcome
 * again counts nothing; a changed outcome moves its count. When the status changed since it was
 * read, it is read again and the transaction rebuilt, twice at most.
 */
final class Attendance {
    private static final Set<Session.Status> RECORDABLE = Set.of(Session.Status.BOOKED, Session.Status.HELD, Session.Status.NO_SHOW);
    private static final int READS = 3;

    private final MentoringTable table;

    Attendance(MentoringTable table) {
        this.table = table;
    }

    Session recordAttendance(Session s, Session.Status outcome, String note, Instant now) {
        Session.Status read = s.status();
        for (int attempt = 1; ; attempt++) {
            Transaction tx = transaction(s, read, outcome, note, now);
            Outcome result = table.runner().attempt(tx);
            if (result.committed()) {
                break;
            }
            if (!result.failed(0)) {
                throw table.runner().refusalOf(tx, result);
            }
            Session.Status current = table.get(MentoringKeys.session(s.tenant(), s.mentorshipId(), s.id()))
                    .map(i -> MentoringItems.session(s.tenant(), i).status()).orElse(null);
            if (attempt >= READS || current == null || !RECORDABLE.contains(current)) {
                throw new ProblemException(MentoringRefusal.SESSION_NOT_BOOKED);
            }
            read = current;
        }
        return new Session(s.tenant(), s.mentorshipId(), s.id(), s.menteeId(), s.mentorId(), s.start(), s.minutes(), outcome,
                s.meetingUrl(), note, s.bookedAt(), now, s.calendarUid(), s.sequence());
    }

    private Transaction transaction(Session s, Session.Status read, Session.Status outcome, String note, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":outcome", AttributeValue.fromS(outcome.name()), ":at", AttributeValue.fromS(now.toString()),
                ":booked", AttributeValue.fromS(Session.Status.BOOKED.name()), ":held", AttributeValue.fromS(Session.Status.HELD.name()),
                ":noShow", AttributeValue.fromS(Session.Status.NO_SHOW.name()), ":read", AttributeValue.fromS(read.name())));
        String update = "SET #status = :outcome, changedAt = :at";
        if (note != null) {
            values.put(":note", AttributeValue.fromS(note));
            update += ", #note = :note";
        } else {
            update += " REMOVE #note";
        }
        String expression = update;
        Transaction tx = Transaction.named("attendance");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(MentoringKeys.session(s.tenant(), s.mentorshipId(), s.id()).attributes())
                .updateExpression(expression)
                .conditionExpression("#status IN (:booked, :held, :noShow) AND #status = :read")
                .expressionAttributeNames(Map.of("#status", "status", "#note", "note"))
                .expressionAttributeValues(values)).build(), MentoringRefusal.SESSION_NOT_BOOKED);
        FigureDelta delta = new FigureDelta();
        if (read != outcome) {
            delta.add(figure(outcome), 1);
            if (read != Session.Status.BOOKED) {
                delta.add(figure(read), -1);
            }
        }
        if (!delta.isEmpty()) {
            table.figures().count(tx, s.tenant(), now, delta);
        }
        return tx;
    }

    private static Figure figure(Session.Status status) {
        return status == Session.Status.HELD ? Figure.MENTORING_HELD : Figure.MENTORING_NO_SHOW;
    }
}

package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.dynamo.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The writes booking's transactions are made of: a person's busy half hour
 * {@code T#<tenant>#U#<sub> / BUSY#<instant>} (locked only if free, unlocked or re-pointed only
 * while it names the session), a week's counter, and a session leaving the calendar.
 */
final class SessionWrites {
    /** Lock items outlive their session by this long, then TTL removes them (they only guard the future). */
    static final long LOCK_DAYS_AFTER = 7;
    static final String UNIT = "unit";
    static final String WEEK = "week";
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final String BOOKED = Session.Status.BOOKED.name();

    private final String table;

    SessionWrites(String table) {
        this.table = table;
    }

    /** The person's half hour {@code unit}, for the session, if nobody holds it. */
    TransactWriteItem lock(Session s, String person, Instant unit) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.busy(s.tenant(), person, unit).attributes());
        item.put("type", AttributeValue.fromS("BUSY"));
        item.put(UNIT, AttributeValue.fromS(unit.toString()));
        item.put("mentorshipId", AttributeValue.fromS(s.mentorshipId()));
        item.put("sessionId", AttributeValue.fromS(s.id()));
        item.put(Keys.TTL, MentoringItems.n(s.end().plus(LOCK_DAYS_AFTER, ChronoUnit.DAYS).getEpochSecond()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")).build();
    }

    /** A half hour the old and the new time share: it now names the new session. */
    TransactWriteItem relock(Session old, Session next, String person, Instant unit) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(MentoringKeys.busy(old.tenant(), person, unit).attributes())
                .updateExpression("SET sessionId = :next")
                .conditionExpression("sessionId = :old")
                .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(next.id()), ":old", AttributeValue.fromS(old.id()))))
                .build();
    }

    TransactWriteItem unlock(Session s, String person, Instant unit) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(MentoringKeys.busy(s.tenant(), person, unit).attributes())
                .conditionExpression("sessionId = :sid")
                .expressionAttributeValues(Map.of(":sid", AttributeValue.fromS(s.id())))).build();
    }

    /** One more session in the session's ISO week, below the mentorship's cap as read. */
    TransactWriteItem weekPlusOne(Mentorship m, Session s) {
        String week = BookingRules.week(s.start());
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(MentoringKeys.week(m.tenant(), m.id(), week).attributes())
                .updateExpression("SET #type = :type, #week = :week, #booked = if_not_exists(#booked, :zero) + :one")
                .conditionExpression("attribute_not_exists(#booked) OR #booked < :cap")
                .expressionAttributeNames(Map.of("#type", "type", "#week", WEEK, "#booked", "booked"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("MENTORING_WEEK"), ":week", AttributeValue.fromS(week),
                        ":zero", ZERO, ":one", ONE, ":cap", MentoringItems.n(m.weeklyCap())))).build();
    }

    TransactWriteItem weekMinusOne(Mentorship m, Session s) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(MentoringKeys.week(m.tenant(), m.id(), BookingRules.week(s.start())).attributes())
                .updateExpression("SET #booked = #booked - :one")
                .conditionExpression("#booked > :zero")
                .expressionAttributeNames(Map.of("#booked", "booked"))
                .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE))).build();
    }

    /** The session leaves the calendar (cancelled, cancelled late, moved): only from BOOKED. */
    TransactWriteItem sessionLeaves(Session s, Session.Status outcome, Instant now, String movedTo, Session.Party by) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":outcome", AttributeValue.fromS(outcome.name()),
                ":at", AttributeValue.fromS(now.toString()), ":booked", AttributeValue.fromS(BOOKED),
                ":by", AttributeValue.fromS(by.name())));
        String update = "SET #status = :outcome, changedAt = :at, changedBy = :by";
        if (movedTo != null) {
            // the calendar event moves on to the new session, which carries the next sequence
            values.put(":movedTo", AttributeValue.fromS(movedTo));
            update += ", movedTo = :movedTo";
        } else {
            // a cancel is a change calendars see: the sequence rises (docs/adr/0029-calendars.md)
            values.put(":zero", ZERO);
            values.put(":one", ONE);
            update += ", #sequence = if_not_exists(#sequence, :zero) + :one";
        }
        String expression = update;
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(MentoringKeys.session(s.tenant(), s.mentorshipId(), s.id()).attributes())
                .updateExpression(expression)
                .conditionExpression("#status = :booked")
                .expressionAttributeNames(movedTo != null ? Map.of("#status", "status") : Map.of("#status", "status", "#sequence", "sequence"))
                .expressionAttributeValues(values)).build();
    }
}

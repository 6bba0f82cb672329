package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.reminders.domain.FeatureReminders;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Booking, cancelling and moving sessions, each one transaction (docs/adr/0011-mentoring-booking.md):
 * the mentorship's {@code used < quota}, status, window and weekly cap as read; the week's counter
 * {@code booked < cap}; the session; and the mentor's and the mentee's busy half hours
 * ({@link SessionWrites}). The first failed condition, in the order the writes are added, names
 * the refusal: quota/window/ended, weekly cap, slot taken, mentee busy.
 *
 * <p>A transaction whose answer was lost and which the SDK sent again is answered by DynamoDB
 * (and the local emulator) from its ClientRequestToken rather than run twice; that is the one
 * guard against a retried booking being refused by its own locks, so these transactions carry
 * no witness item and no write token of their own.
 */
final class Booking {
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    private final MentoringTable table;
    private final SessionWrites writes;

    Booking(MentoringTable table) {
        this.table = table;
        this.writes = new SessionWrites(table.name());
    }

    Session book(Mentorship m, Session s) {
        Transaction tx = Transaction.named("book");
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                .updateExpression("SET #used = #used + :one")
                .conditionExpression(MENTORSHIP_TAKES + " AND #used < #quota")
                .expressionAttributeNames(MENTORSHIP_NAMES)
                .expressionAttributeValues(mentorshipValues(m, s, true))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> mentorshipRefusal(old, s));
        tx.add(writes.weekPlusOne(m, s), MentoringRefusal.WEEKLY_CAP_REACHED);
        // a fresh random id: its condition only keeps an existing session from being overwritten
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(MentoringItems.item(s))
                .conditionExpression("attribute_not_exists(PK)")).build());
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            tx.add(writes.lock(s, s.mentorId(), unit), MentoringRefusal.SLOT_TAKEN);
        }
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            tx.add(writes.lock(s, s.menteeId(), unit), MentoringRefusal.MENTEE_BUSY);
        }
        planReminders(tx, s);
        table.notices().add(tx, MentoringNotices.booked(m, s));
        table.figures().count(tx, s.tenant(), s.bookedAt() != null ? s.bookedAt() : Instant.now(), FigureDelta.of(Figure.MENTORING_BOOKED, 1));
        table.runner().commit(tx);
        return s;
    }

    /** A cancel: by the mentee (late: charged) or by the mentor (never charged: {@code late} is false). */
    Session cancel(Mentorship m, Session s, boolean late, Instant now, Session.Party by) {
        Session.Status outcome = late ? Session.Status.LATE_CANCELLED : Session.Status.CANCELLED;
        Transaction tx = Transaction.named(by == Session.Party.MENTOR ? "mentor-cancel" : "cancel");
        tx.add(writes.sessionLeaves(s, outcome, now, null, by), MentoringRefusal.SESSION_NOT_BOOKED);
        if (!late) {
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                    .updateExpression("SET #used = #used - :one")
                    .conditionExpression("#used > :zero")
                    .expressionAttributeNames(Map.of("#used", "used"))
                    .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build());
            tx.add(writes.weekMinusOne(m, s));
        }
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            tx.add(writes.unlock(s, s.mentorId(), unit), MentoringRefusal.SESSION_NOT_BOOKED);
            tx.add(writes.unlock(s, s.menteeId(), unit), MentoringRefusal.SESSION_NOT_BOOKED);
        }
        table.notices().add(tx, MentoringNotices.cancelled(m, s, now, by));
        table.figures().count(tx, s.tenant(), now, FigureDelta.of(late ? Figure.MENTORING_LATE_CANCELLED : Figure.MENTORING_CANCELLED, 1));
        table.runner().commit(tx);
        return s.cancelledAs(outcome, now);
    }

    /**
     * Old session → RESCHEDULED, the new one put, the mentorship checked, the week counters moved
     * when the week changes; half hours only in the new time locked, only in the old time
     * unlocked, shared ones re-pointed. The mentee's new locks come after the mentor's: a slot
     * taken is the likelier reason.
     */
    Session reschedule(Mentorship m, Session old, Session next, Instant now, Session.Party by) {
        Transaction tx = Transaction.named(by == Session.Party.MENTOR ? "mentor-move" : "reschedule");
        tx.add(writes.sessionLeaves(old, Session.Status.RESCHEDULED, now, next.id(), by), MentoringRefusal.SESSION_NOT_BOOKED);
        tx.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table.name())
                        .key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                        .conditionExpression(MENTORSHIP_TAKES)
                        .expressionAttributeNames(Map.of("#status", "status", "#cap", "weeklyCap", "#from", "windowStart", "#until", "windowEnd"))
                        .expressionAttributeValues(mentorshipValues(m, next, false))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                item -> mentorshipRefusal(item, next));
        Map<String, AttributeValue> nextItem = MentoringItems.item(next);
        nextItem.put("movedFrom", AttributeValue.fromS(old.id()));
        nextItem.put("changedBy", AttributeValue.fromS(by.name()));
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(nextItem)
                .conditionExpression("attribute_not_exists(PK)")).build());
        if (!BookingRules.week(old.start()).equals(BookingRules.week(next.start()))) {
            tx.add(writes.weekMinusOne(m, old));
            tx.add(writes.weekPlusOne(m, next), MentoringRefusal.WEEKLY_CAP_REACHED);
        }
        Set<Instant> before = new LinkedHashSet<>(BookingRules.units(old.start(), old.minutes()));
        Set<Instant> after = new LinkedHashSet<>(BookingRules.units(next.start(), next.minutes()));
        List<Instant> menteeLocks = new java.util.ArrayList<>();
        for (String person : List.of(m.mentorId(), m.menteeId())) {
            boolean mentee = person.equals(m.menteeId());
            for (Instant unit : after) {
                if (before.contains(unit)) {
                    tx.add(writes.relock(old, next, person, unit), MentoringRefusal.SESSION_NOT_BOOKED);
                } else if (mentee) {
                    menteeLocks.add(unit);
                } else {
                    tx.add(writes.lock(next, person, unit), MentoringRefusal.SLOT_TAKEN);
                }
            }
            for (Instant unit : before) {
                if (!after.contains(unit)) {
                    tx.add(writes.unlock(old, person, unit), MentoringRefusal.SESSION_NOT_BOOKED);
                }
            }
        }
        for (Instant unit : menteeLocks) {
            tx.add(writes.lock(next, m.menteeId(), unit), MentoringRefusal.MENTEE_BUSY);
        }
        planReminders(tx, next); // the old time's no longer apply: that session is RESCHEDULED
        table.notices().add(tx, MentoringNotices.moved(m, old, next, now, by));
        table.runner().commit(tx);
        return next;
    }

    /** The weekly cap from now on, while the mentorship is ACTIVE: one conditional UpdateItem. */
    Mentorship setWeeklyCap(Mentorship m, int cap) {
        try {
            table.dynamo().updateItem(u -> u.tableName(table.name()).key(MentoringKeys.mentorship(m.tenant(), m.id()).attributes())
                    .updateExpression("SET #cap = :cap")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#cap", "weeklyCap", "#status", "status"))
                    .expressionAttributeValues(Map.of(":cap", MentoringItems.n(cap), ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_ACTIVE);
        }
        return m.withWeeklyCap(cap);
    }

    /** The session's reminders, 24 h and 1 h before to mentee and mentor, due exactly while it is booked. */
    private void planReminders(Transaction tx, Session s) {
        FeatureReminders.session(s.tenant(), s.mentorshipId(), s.id(), s.menteeId(), s.mentorId(), s.start()).forEach(r -> table.reminders().plan(tx, r));
    }

    /** The mentorship takes a session at this start: active, under the weekly cap read, inside the window. */
    private static final String MENTORSHIP_TAKES = "#status = :active AND #cap = :cap AND #from <= :start AND #until >= :end";
    private static final Map<String, String> MENTORSHIP_NAMES = Map.of("#status", "status", "#cap", "weeklyCap",
            "#from", "windowStart", "#until", "windowEnd", "#used", "used", "#quota", "quota");

    private static Map<String, AttributeValue> mentorshipValues(Mentorship m, Session s, boolean one) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()),
                ":cap", MentoringItems.n(m.weeklyCap()),
                ":start", MentoringItems.n(s.start().getEpochSecond()),
                ":end", MentoringItems.n(s.end().getEpochSecond())));
        if (one) {
            values.put(":one", ONE);
        }
        return values;
    }

    /** Why the mentorship did not take the session, from the item as it was. */
    private static Refusal mentorshipRefusal(Map<String, AttributeValue> old, Session s) {
        if (old.isEmpty()) {
            return MentoringRefusal.MENTORSHIP_NOT_FOUND;
        }
        if (!Mentorship.Status.ACTIVE.name().equals(old.get("status").s())) {
            return MentoringRefusal.MENTORSHIP_NOT_ACTIVE;
        }
        if (MentoringItems.number(old, "windowStart") > s.start().getEpochSecond()
                || MentoringItems.number(old, "windowEnd") < s.end().getEpochSecond()) {
            return MentoringRefusal.SESSION_OUTSIDE_WINDOW;
        }
        if (MentoringItems.number(old, "used") >= MentoringItems.number(old, "quota")) {
            return MentoringRefusal.SESSION_QUOTA_USED_UP;
        }
        return Problem.VERSION_CONFLICT; // the weekly cap changed since it was read: read again
    }
}

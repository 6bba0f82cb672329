package kr.seoullearn.mentoring.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.figures.dynamo.DynamoFigures;
import kr.seoullearn.reminders.dynamo.RemindersStorage;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Mentoring in the application table (docs/adr/0011-mentoring-booking.md, docs/data-model.md).
 * Every invariant is a condition of the one write or transaction that changes it:
 *
 * <ul>
 *   <li>a half hour of a person is a lock item {@code T#<tenant>#U#<sub> / BUSY#<instant>}
 *       written with {@code attribute_not_exists}: the mentor's makes a slot bookable once,
 *       the mentee's keeps them out of two sessions at once (a 60-minute session holds two);</li>
 *   <li>the mentorship's {@code used < quota}, status and window, and the week's counter
 *       {@code booked < cap}, are conditions of the same transaction as the session;</li>
 *   <li>the mentor's {@code mentees < max} is a condition of the matching transaction.</li>
 * </ul>
 *
 * A transaction that loses a race (TransactionConflict) is tried again with jitter.
 */
@Singleton
public class DynamoMentoringLedger implements MentoringLedger {
    static final int CONFLICT_RETRIES = 8;
    /** A random token per change, to recognise our own write after a lost answer (see {@link #writtenBy}). */
    static final String WRITE_TOKEN = "writeToken";
    /** Lock items outlive their session by this long, then TTL removes them (they only guard the future). */
    static final long LOCK_DAYS_AFTER = 7;
    private static final Log LOG = Log.of(DynamoMentoringLedger.class);
    private static final AttributeValue ZERO = AttributeValue.fromN("0");
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final String BOOKED = Session.Status.BOOKED.name();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMentoringLedger(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ mentors

    @Override
    public Optional<Mentor> mentor(TenantId tenant, String userId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(mentorKey(tenant, userId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mentor(tenant, item));
    }

    @Override
    public List<Mentor> mentors(TenantId tenant) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentors(tenant)))).build())
                .stream().map(i -> mentor(tenant, i)).toList();
    }

    @Override
    public void saveMentor(Mentor m) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("university", m.university());
        profile.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        profile.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        profile.put("languages", m.languages().stream().map(Language::tag).sorted().toList());
        profile.put("capacity", m.capacity());
        dynamo.updateItem(u -> u.tableName(table).key(mentorKey(m.tenant(), m.userId()))
                .updateExpression("SET #type = :type, #name = :name, #profile = :profile, GSI1PK = :gpk, GSI1SK = :gsk, "
                        + "#mentees = if_not_exists(#mentees, :zero), #availability = if_not_exists(#availability, :availability), "
                        + "#version = if_not_exists(#version, :zero)")
                .expressionAttributeNames(Map.of("#type", "type", "#name", "name", "#profile", "profile", "#mentees", "mentees",
                        "#availability", "availability", "#version", "availabilityVersion"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("MENTOR"), ":name", AttributeValue.fromS(m.name()),
                        ":profile", AttributeValue.fromS(Json.write(profile)),
                        ":gpk", AttributeValue.fromS(MentoringKeys.mentors(m.tenant())), ":gsk", AttributeValue.fromS(m.userId()),
                        ":zero", ZERO, ":availability", AttributeValue.fromS(Json.write(m.availability().toMap())))));
    }

    @Override
    public Availability saveAvailability(TenantId tenant, String mentorId, Availability a, long expectedVersion) {
        long next = expectedVersion + 1;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(mentorKey(tenant, mentorId))
                    .updateExpression("SET #availability = :a, #version = :next")
                    .conditionExpression("attribute_exists(PK) AND #version = :expected")
                    .expressionAttributeNames(Map.of("#availability", "availability", "#version", "availabilityVersion"))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(Json.write(a.toMap())),
                            ":next", AttributeValue.fromN(Long.toString(next)),
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new ProblemException(Problem.MENTOR_NOT_FOUND);
            }
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("version", number(e.item(), "availabilityVersion")));
        }
        return new Availability(a.weekly(), a.away(), next);
    }

    // ------------------------------------------------------------------ requests and matching

    @Override
    public void request(MentoringRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(requestKey(r.tenant(), r.menteeId()));
        item.put("type", AttributeValue.fromS("MENTORING_REQUEST"));
        item.put("menteeId", AttributeValue.fromS(r.menteeId()));
        item.put("menteeName", AttributeValue.fromS(r.menteeName()));
        item.put("level", AttributeValue.fromS(r.level().name()));
        item.put("subjects", AttributeValue.fromS(String.join(",", r.subjects().stream().map(Enum::name).toList())));
        item.put("goals", AttributeValue.fromS(r.goals()));
        item.put("preferredTimes", AttributeValue.fromS(Json.write(new Availability(r.preferredTimes(), Set.of(), 0).toMap())));
        item.put("language", AttributeValue.fromS(r.language().tag()));
        item.put("status", AttributeValue.fromS(MentoringRequest.Status.REQUESTED.name()));
        item.put("requestedAt", AttributeValue.fromS(r.requestedAt().toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(MentoringKeys.openRequests(r.tenant())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(r.requestedAt() + "#" + r.menteeId()));
        String token = UUID.randomUUID().toString();
        item.put(WRITE_TOKEN, AttributeValue.fromS(token));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")).build(),
                    figures(r.tenant(), r.requestedAt(), FigureDelta.of("mentoring.requested", 1)).item()));
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (reasons == null || reasons.isEmpty() || !"ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
            if (writtenBy(requestKey(r.tenant(), r.menteeId()), token)) {
                return; // this very request, written by an attempt the SDK retried
            }
            throw new ProblemException(Problem.MENTORING_ALREADY_REQUESTED);
        }
    }

    @Override
    public Optional<MentoringRequest> request(TenantId tenant, String menteeId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(requestKey(tenant, menteeId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(request(tenant, item));
    }

    @Override
    public List<MentoringRequest> openRequests(TenantId tenant, int limit) {
        return dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.openRequests(tenant))))
                        .limit(limit)).items()
                .stream().map(i -> request(tenant, i)).toList();
    }

    @Override
    public Mentorship match(MentoringRequest r, Mentorship m, int maxCapacity) {
        List<Write> writes = new ArrayList<>();
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(requestKey(r.tenant(), r.menteeId()))
                .updateExpression("SET #status = :matched, mentorshipId = :mid REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :requested")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":matched", AttributeValue.fromS(MentoringRequest.Status.MATCHED.name()),
                        ":requested", AttributeValue.fromS(MentoringRequest.Status.REQUESTED.name()),
                        ":mid", AttributeValue.fromS(m.id())))).build(), fixed(Problem.MENTORING_ALREADY_MATCHED)));
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorKey(m.tenant(), m.mentorId()))
                .updateExpression("SET #mentees = #mentees + :one")
                // a recruited mentor whose term ended gets no new mentees (docs/adr/0014)
                .conditionExpression("attribute_exists(PK) AND #mentees < :max AND (attribute_not_exists(termEnds) OR termEnds >= :today)")
                .expressionAttributeNames(Map.of("#mentees", "mentees"))
                .expressionAttributeValues(Map.of(":one", ONE, ":max", AttributeValue.fromN(Integer.toString(maxCapacity)),
                        ":today", AttributeValue.fromS(seoulDate(m.createdAt()).toString())))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build(), old -> old != null && old.containsKey("termEnds")
                        && old.get("termEnds").s().compareTo(seoulDate(m.createdAt()).toString()) < 0
                        ? Problem.MENTOR_TERM_ENDED : Problem.MENTOR_FULL));
        Write mentorship = new Write(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(m))
                .conditionExpression("attribute_not_exists(PK)")).build(), fixed(Problem.SERVICE_UNAVAILABLE));
        writes.add(mentorship);
        writes.add(figures(m.tenant(), m.createdAt() != null ? m.createdAt() : Instant.now(), FigureDelta.of("mentoring.matched", 1)));
        transact("match", writes, mentorship);
        return m;
    }

    // ------------------------------------------------------------------ mentorships and sessions

    @Override
    public Optional<Mentorship> mentorship(TenantId tenant, String mentorshipId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(mentorshipKey(tenant, mentorshipId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mentorship(tenant, item));
    }

    @Override
    public List<Mentorship> mentorshipsOf(TenantId tenant, String mentorId) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorDesk(tenant, mentorId)),
                        ":prefix", AttributeValue.fromS(MentoringKeys.MENTORSHIP + "#"))).build())
                .stream().map(i -> mentorship(tenant, i)).toList();
    }

    @Override
    public List<Session> sessions(TenantId tenant, String mentorshipId) {
        return queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorship(tenant, mentorshipId)),
                        ":prefix", AttributeValue.fromS(MentoringKeys.SESSION_PREFIX))).build())
                .stream().map(i -> session(tenant, i)).sorted(Comparator.comparing(Session::start)).toList();
    }

    @Override
    public Optional<Session> session(TenantId tenant, String mentorshipId, String sessionId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(sessionKey(tenant, mentorshipId, sessionId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(session(tenant, item));
    }

    @Override
    public List<Session> mentorSessions(TenantId tenant, String mentorId, Instant from, Instant to) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorDesk(tenant, mentorId)),
                        ":from", AttributeValue.fromS(MentoringKeys.SESSION_PREFIX + from),
                        ":to", AttributeValue.fromS(MentoringKeys.SESSION_PREFIX + to))).build())
                .stream().map(i -> session(tenant, i)).toList();
    }

    @Override
    public Map<String, Integer> weekCounts(TenantId tenant, String mentorshipId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorship(tenant, mentorshipId)),
                        ":prefix", AttributeValue.fromS(MentoringKeys.WEEK_PREFIX))).build())
                .forEach(i -> counts.put(i.get(Keys.SK).s().substring(MentoringKeys.WEEK_PREFIX.length()), (int) number(i, "booked")));
        return counts;
    }

    @Override
    public Set<Instant> busy(TenantId tenant, String userId, Instant from, Instant to) {
        Set<Instant> units = new TreeSet<>();
        queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, userId)),
                        ":from", AttributeValue.fromS(MentoringKeys.busy(from)),
                        ":to", AttributeValue.fromS(MentoringKeys.busy(to.minusSeconds(1))))).build())
                .forEach(i -> units.add(Instant.parse(i.get(Keys.SK).s().substring(MentoringKeys.BUSY_PREFIX.length()))));
        return units;
    }

    @Override
    public Session book(Mentorship m, Session s) {
        List<Write> writes = new ArrayList<>();
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorshipKey(m.tenant(), m.id()))
                .updateExpression("SET #used = #used + :one")
                .conditionExpression(MENTORSHIP_TAKES + " AND #used < #quota")
                .expressionAttributeNames(MENTORSHIP_NAMES)
                .expressionAttributeValues(mentorshipValues(m, s, true))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                old -> mentorshipRefusal(old, s)));
        writes.add(weekPlusOne(m, s));
        Write session = new Write(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(s))
                .conditionExpression("attribute_not_exists(PK)")).build(), fixed(Problem.SERVICE_UNAVAILABLE));
        writes.add(session);
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            writes.add(lock(s, s.mentorId(), unit, Problem.SLOT_TAKEN));
        }
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            writes.add(lock(s, s.menteeId(), unit, Problem.MENTEE_BUSY));
        }
        writes.addAll(reminders(s)); // reminders
        writes.add(figures(s.tenant(), s.bookedAt() != null ? s.bookedAt() : Instant.now(), FigureDelta.of("mentoring.booked", 1)));
        transact("book", writes, session);
        return s;
    }

    @Override
    public Session cancel(Mentorship m, Session s, boolean late, Instant now) {
        Session.Status outcome = late ? Session.Status.LATE_CANCELLED : Session.Status.CANCELLED;
        String token = UUID.randomUUID().toString();
        List<Write> writes = new ArrayList<>();
        writes.add(sessionLeaves(s, outcome, now, null, token));
        if (!late) {
            writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorshipKey(m.tenant(), m.id()))
                    .updateExpression("SET #used = #used - :one")
                    .conditionExpression("#used > :zero")
                    .expressionAttributeNames(Map.of("#used", "used"))
                    .expressionAttributeValues(Map.of(":one", ONE, ":zero", ZERO))).build(), fixed(Problem.SERVICE_UNAVAILABLE)));
            writes.add(weekMinusOne(m, s));
        }
        for (Instant unit : BookingRules.units(s.start(), s.minutes())) {
            writes.add(unlock(s, s.mentorId(), unit));
            writes.add(unlock(s, s.menteeId(), unit));
        }
        writes.add(figures(s.tenant(), now, FigureDelta.of(late ? "mentoring.lateCancelled" : "mentoring.cancelled", 1)));
        try {
            transact("cancel", writes, null);
        } catch (ProblemException e) {
            if (!writtenBy(sessionKey(s.tenant(), s.mentorshipId(), s.id()), token)) {
                throw e;
            }
        }
        return s.with(outcome, now);
    }

    @Override
    public Session reschedule(Mentorship m, Session old, Session next, Instant now) {
        List<Write> writes = new ArrayList<>();
        writes.add(sessionLeaves(old, Session.Status.RESCHEDULED, now, next.id(), UUID.randomUUID().toString()));
        writes.add(new Write(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(mentorshipKey(m.tenant(), m.id()))
                .conditionExpression(MENTORSHIP_TAKES)
                .expressionAttributeNames(Map.of("#status", "status", "#cap", "weeklyCap", "#from", "windowStart", "#until", "windowEnd"))
                .expressionAttributeValues(mentorshipValues(m, next, false))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                item -> mentorshipRefusal(item, next)));
        Map<String, AttributeValue> nextItem = item(next);
        nextItem.put("movedFrom", AttributeValue.fromS(old.id()));
        Write created = new Write(TransactWriteItem.builder().put(p -> p.tableName(table).item(nextItem)
                .conditionExpression("attribute_not_exists(PK)")).build(), fixed(Problem.SERVICE_UNAVAILABLE));
        writes.add(created);
        if (!BookingRules.week(old.start()).equals(BookingRules.week(next.start()))) {
            writes.add(weekMinusOne(m, old));
            writes.add(weekPlusOne(m, next));
        }
        Set<Instant> before = new LinkedHashSet<>(BookingRules.units(old.start(), old.minutes()));
        Set<Instant> after = new LinkedHashSet<>(BookingRules.units(next.start(), next.minutes()));
        for (String person : List.of(m.mentorId(), m.menteeId())) {
            Problem taken = person.equals(m.mentorId()) ? Problem.SLOT_TAKEN : Problem.MENTEE_BUSY;
            for (Instant unit : after) {
                writes.add(before.contains(unit) ? relock(old, next, person, unit) : lock(next, person, unit, taken));
            }
            for (Instant unit : before) {
                if (!after.contains(unit)) {
                    writes.add(unlock(old, person, unit));
                }
            }
        }
        // the mentee's locks are checked after the mentor's: a slot taken is the likelier reason
        writes.sort(Comparator.comparingInt(w -> w.problem == LOCK_OF_MENTEE ? 1 : 0));
        writes.addAll(reminders(next)); // reminders: the old time's no longer apply (the session is RESCHEDULED)
        transact("reschedule", writes, created);
        return next;
    }

    @Override
    public Session recordAttendance(Session s, Session.Status outcome, String note, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":outcome", AttributeValue.fromS(outcome.name()), ":at", AttributeValue.fromS(now.toString()),
                ":booked", AttributeValue.fromS(BOOKED), ":held", AttributeValue.fromS(Session.Status.HELD.name()),
                ":noShow", AttributeValue.fromS(Session.Status.NO_SHOW.name())));
        String update = "SET #status = :outcome, changedAt = :at";
        if (note != null) {
            values.put(":note", AttributeValue.fromS(note));
            update += ", #note = :note";
        } else {
            update += " REMOVE #note";
        }
        String expression = update;
        // the outcome and its figures in one transaction, conditional on the status read (ADR 15):
        // recording the same outcome again counts nothing; a changed outcome moves its count
        Session.Status read = s.status();
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> conditionValues = new HashMap<>(values);
            conditionValues.put(":read", AttributeValue.fromS(read.name()));
            FigureDelta delta = new FigureDelta();
            if (read != outcome) {
                delta.add("mentoring." + attendanceFigure(outcome), 1);
                if (read != Session.Status.BOOKED) {
                    delta.add("mentoring." + attendanceFigure(read), -1);
                }
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(sessionKey(s.tenant(), s.mentorshipId(), s.id()))
                    .updateExpression(expression)
                    .conditionExpression("#status IN (:booked, :held, :noShow) AND #status = :read")
                    .expressionAttributeNames(Map.of("#status", "status", "#note", "note"))
                    .expressionAttributeValues(conditionValues)).build());
            if (!delta.isEmpty()) {
                items.add(figures(s.tenant(), now, delta).item());
            }
            try {
                dynamo.transactWriteItems(t -> t.transactItems(items));
                break;
            } catch (TransactionCanceledException e) {
                var now2 = session(s.tenant(), s.mentorshipId(), s.id()).map(Session::status).orElse(null);
                if (attempt >= 2 || now2 == null || !(now2 == Session.Status.BOOKED || now2 == Session.Status.HELD
                        || now2 == Session.Status.NO_SHOW)) {
                    throw new ProblemException(Problem.SESSION_NOT_BOOKED);
                }
                read = now2;
            }
        }
        return new Session(s.tenant(), s.mentorshipId(), s.id(), s.menteeId(), s.mentorId(), s.start(), s.minutes(), outcome,
                s.meetingUrl(), note, s.bookedAt(), now);
    }

    @Override
    public Mentorship setWeeklyCap(Mentorship m, int cap) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(mentorshipKey(m.tenant(), m.id()))
                    .updateExpression("SET #cap = :cap")
                    .conditionExpression("#status = :active")
                    .expressionAttributeNames(Map.of("#cap", "weeklyCap", "#status", "status"))
                    .expressionAttributeValues(Map.of(":cap", n(cap), ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_ACTIVE);
        }
        return m.withWeeklyCap(cap);
    }

    // ------------------------------------------------------------------ extensions

    @Override
    public ExtensionRequest requestExtension(Mentorship m, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(extensionKey(m.tenant(), m.id()));
        item.put("type", AttributeValue.fromS("MENTORING_EXTENSION"));
        item.put("menteeId", AttributeValue.fromS(m.menteeId()));
        item.put("status", AttributeValue.fromS("PENDING"));
        item.put("requestedAt", AttributeValue.fromS(now.toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(MentoringKeys.pendingExtensions(m.tenant())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(now + "#" + m.id()));
        String token = UUID.randomUUID().toString();
        item.put(WRITE_TOKEN, AttributeValue.fromS(token));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #status <> :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))));
        } catch (ConditionalCheckFailedException e) {
            if (writtenBy(extensionKey(m.tenant(), m.id()), token)) {
                return new ExtensionRequest(m.tenant(), m.id(), m.menteeId(), "PENDING", now, null); // our own, retried
            }
            throw new ProblemException(Problem.EXTENSION_PENDING);
        }
        return new ExtensionRequest(m.tenant(), m.id(), m.menteeId(), "PENDING", now, null);
    }

    @Override
    public Optional<ExtensionRequest> extension(TenantId tenant, String mentorshipId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(extensionKey(tenant, mentorshipId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(extension(tenant, item));
    }

    @Override
    public List<ExtensionRequest> pendingExtensions(TenantId tenant, int limit) {
        return dynamo.query(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.pendingExtensions(tenant))))
                        .limit(limit)).items()
                .stream().map(i -> extension(tenant, i)).toList();
    }

    @Override
    public Mentorship decideExtension(Mentorship m, boolean approve, Instant now) {
        String decisionToken = UUID.randomUUID().toString();
        List<Write> writes = new ArrayList<>();
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(extensionKey(m.tenant(), m.id()))
                .updateExpression("SET #status = :decision, decidedAt = :at, #token = :token REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status", "#token", WRITE_TOKEN))
                .expressionAttributeValues(Map.of(":decision", AttributeValue.fromS(approve ? "APPROVED" : "DECLINED"),
                        ":pending", AttributeValue.fromS("PENDING"), ":at", AttributeValue.fromS(now.toString()),
                        ":token", AttributeValue.fromS(decisionToken)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                item -> item == null || item.isEmpty() ? Problem.EXTENSION_NOT_FOUND : Problem.EXTENSION_NOT_PENDING));
        long addSeconds = m.extensionWeeks() * 7L * 24 * 3600;
        if (approve) {
            writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(mentorshipKey(m.tenant(), m.id()))
                    .updateExpression("SET #quota = #quota + :sessions, #until = #until + :seconds ADD extensions :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#quota", "quota", "#until", "windowEnd"))
                    .expressionAttributeValues(Map.of(":sessions", AttributeValue.fromN(Integer.toString(m.extensionSessions())),
                            ":seconds", AttributeValue.fromN(Long.toString(addSeconds)), ":one", ONE))).build(),
                    fixed(Problem.MENTORSHIP_NOT_FOUND)));
        }
        writes.add(figures(m.tenant(), now, FigureDelta.of(approve ? "mentoring.extended" : "mentoring.extensionDeclined", 1)));
        try {
            transact("extension decision", writes, null);
        } catch (ProblemException e) {
            if (!writtenBy(extensionKey(m.tenant(), m.id()), decisionToken)) {
                throw e;
            }
        }
        if (!approve) {
            return m;
        }
        return new Mentorship(m.tenant(), m.id(), m.menteeId(), m.mentorId(), m.menteeName(), m.mentorName(), m.rulesId(),
                m.sessionMinutes(), m.quota() + m.extensionSessions(), m.used(), m.weeklyCap(), m.trialSessions(), m.minNoticeHours(),
                m.lateCancelHours(), m.extensionSessions(), m.extensionWeeks(), m.windowStart(),
                m.windowEnd().plusSeconds(addSeconds), m.status(), m.createdAt(), m.baseWeeklyCap(), m.weeklyCapWithConsent());
    }

    // ------------------------------------------------------------------ transaction parts

    private static String attendanceFigure(Session.Status status) {
        return status == Session.Status.HELD ? "held" : "noShow";
    }

    /** The day's figures (ADR 15), last in a transaction: it has no condition, so it never names the refusal. */
    private Write figures(TenantId tenant, Instant at, FigureDelta delta) {
        return new Write(DynamoFigures.count(table, tenant, at, delta), fixed(Problem.SERVICE_UNAVAILABLE));
    }

    /**
     * Whether the item carries this call's random write token: the change a failed condition
     * refused had already been made by this very call, on an attempt the SDK retried after its
     * answer was lost (DynamoDB answers such a retried transaction by its ClientRequestToken;
     * an emulator may run it again).
     */
    private boolean writtenBy(Map<String, AttributeValue> key, String token) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(key)).item();
        return item != null && item.containsKey(WRITE_TOKEN) && token.equals(item.get(WRITE_TOKEN).s());
    }

    /** A write of a transaction and the problem its failed condition means (given the old item, when returned). */
    private record Write(TransactWriteItem item, Function<Map<String, AttributeValue>, Problem> problem) {}

    // ---- reminders (issue 7, ADR 13) ----
    /** The session's reminders, 24 h and 1 h before to mentee and mentor, written in the booking's transaction. */
    private List<Write> reminders(Session s) {
        return kr.seoullearn.reminders.domain.FeatureReminders.session(s.tenant(), s.mentorshipId(), s.id(), s.menteeId(), s.mentorId(), s.start()).stream()
                .map(r -> new Write(RemindersStorage.dueWrite(table, r), fixed(Problem.SERVICE_UNAVAILABLE))).toList();
    }
    // ---- end reminders ----

    private static Function<Map<String, AttributeValue>, Problem> fixed(Problem p) {
        return old -> p;
    }

    private static final Function<Map<String, AttributeValue>, Problem> LOCK_OF_MENTEE = fixed(Problem.MENTEE_BUSY);

    /** The mentorship takes a session at this start: active, under the weekly cap read, inside the window. */
    private static final String MENTORSHIP_TAKES = "#status = :active AND #cap = :cap AND #from <= :start AND #until >= :end";
    private static final Map<String, String> MENTORSHIP_NAMES = Map.of("#status", "status", "#cap", "weeklyCap",
            "#from", "windowStart", "#until", "windowEnd", "#used", "used", "#quota", "quota");

    private static Map<String, AttributeValue> mentorshipValues(Mentorship m, Session s, boolean one) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":active", AttributeValue.fromS(Mentorship.Status.ACTIVE.name()),
                ":cap", AttributeValue.fromN(Integer.toString(m.weeklyCap())),
                ":start", AttributeValue.fromN(Long.toString(s.start().getEpochSecond())),
                ":end", AttributeValue.fromN(Long.toString(s.end().getEpochSecond()))));
        if (one) {
            values.put(":one", ONE);
        }
        return values;
    }

    private static Problem mentorshipRefusal(Map<String, AttributeValue> old, Session s) {
        if (old == null || old.isEmpty()) {
            return Problem.MENTORSHIP_NOT_FOUND;
        }
        if (!Mentorship.Status.ACTIVE.name().equals(old.get("status").s())) {
            return Problem.MENTORSHIP_NOT_ACTIVE;
        }
        if (number(old, "windowStart") > s.start().getEpochSecond() || number(old, "windowEnd") < s.end().getEpochSecond()) {
            return Problem.SESSION_OUTSIDE_WINDOW;
        }
        if (number(old, "used") >= number(old, "quota")) {
            return Problem.SESSION_QUOTA_USED_UP;
        }
        return Problem.VERSION_CONFLICT; // the weekly cap changed since it was read: read again
    }

    private Write weekPlusOne(Mentorship m, Session s) {
        return new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(weekKey(m.tenant(), m.id(), BookingRules.week(s.start())))
                .updateExpression("SET #type = :type, #booked = if_not_exists(#booked, :zero) + :one")
                .conditionExpression("attribute_not_exists(#booked) OR #booked < :cap")
                .expressionAttributeNames(Map.of("#type", "type", "#booked", "booked"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("MENTORING_WEEK"), ":zero", ZERO, ":one", ONE,
                        ":cap", AttributeValue.fromN(Integer.toString(m.weeklyCap()))))).build(), fixed(Problem.WEEKLY_CAP_REACHED));
    }

    private Write weekMinusOne(Mentorship m, Session s) {
        return new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(weekKey(m.tenant(), m.id(), BookingRules.week(s.start())))
                .updateExpression("SET #booked = #booked - :one")
                .conditionExpression("#booked > :zero")
                .expressionAttributeNames(Map.of("#booked", "booked"))
                .expressionAttributeValues(Map.of(":zero", ZERO, ":one", ONE))).build(), fixed(Problem.SERVICE_UNAVAILABLE));
    }

    /** The session leaves the calendar (cancelled, cancelled late, moved): only from BOOKED. */
    private Write sessionLeaves(Session s, Session.Status outcome, Instant now, String movedTo, String token) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":outcome", AttributeValue.fromS(outcome.name()),
                ":at", AttributeValue.fromS(now.toString()), ":booked", AttributeValue.fromS(BOOKED), ":token", AttributeValue.fromS(token)));
        String update = "SET #status = :outcome, changedAt = :at, " + WRITE_TOKEN + " = :token";
        if (movedTo != null) {
            values.put(":movedTo", AttributeValue.fromS(movedTo));
            update += ", movedTo = :movedTo";
        }
        String expression = update;
        return new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(sessionKey(s.tenant(), s.mentorshipId(), s.id()))
                .updateExpression(expression)
                .conditionExpression("#status = :booked")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build(), fixed(Problem.SESSION_NOT_BOOKED));
    }

    private Write lock(Session s, String person, Instant unit, Problem taken) {
        Map<String, AttributeValue> item = new HashMap<>(busyKey(s.tenant(), person, unit));
        item.put("type", AttributeValue.fromS("BUSY"));
        item.put("mentorshipId", AttributeValue.fromS(s.mentorshipId()));
        item.put("sessionId", AttributeValue.fromS(s.id()));
        item.put(Keys.TTL, AttributeValue.fromN(Long.toString(s.end().plus(LOCK_DAYS_AFTER, ChronoUnit.DAYS).getEpochSecond())));
        return new Write(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build(),
                person.equals(s.menteeId()) ? LOCK_OF_MENTEE : fixed(taken));
    }

    private Write relock(Session old, Session next, String person, Instant unit) {
        return new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(busyKey(old.tenant(), person, unit))
                .updateExpression("SET sessionId = :next")
                .conditionExpression("sessionId = :old")
                .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(next.id()), ":old", AttributeValue.fromS(old.id()))))
                .build(), fixed(Problem.SESSION_NOT_BOOKED));
    }

    private Write unlock(Session s, String person, Instant unit) {
        return new Write(TransactWriteItem.builder().delete(d -> d.tableName(table).key(busyKey(s.tenant(), person, unit))
                .conditionExpression("sessionId = :sid")
                .expressionAttributeValues(Map.of(":sid", AttributeValue.fromS(s.id())))).build(), fixed(Problem.SESSION_NOT_BOOKED));
    }

    /**
     * Runs a transaction; a failed condition becomes the problem of the first write (in list
     * order) whose condition failed; lost races are tried again with jitter.
     *
     * <p>{@code witness}: a put of a new item under a fresh random id. If its
     * {@code attribute_not_exists} fails, the item can only be there because this very
     * transaction committed on an earlier attempt whose answer was lost (the SDK retries a
     * request that timed out; DynamoDB answers such a retry as a success by its
     * ClientRequestToken, an emulator may run it again) — so it succeeded.
     */
    private void transact(String what, List<Write> writes, Write witness) {
        List<TransactWriteItem> items = writes.stream().map(Write::item).toList();
        int witnessAt = witness == null ? -1 : writes.indexOf(witness);
        for (int conflicts = 0; ; conflicts++) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (witnessAt >= 0 && reasons != null && witnessAt < reasons.size()
                        && "ConditionalCheckFailed".equals(reasons.get(witnessAt).code())) {
                    LOG.info("transaction found applied by an earlier attempt", "operation", what);
                    return;
                }
                for (int i = 0; reasons != null && i < reasons.size() && i < writes.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        Problem p = writes.get(i).problem().apply(reasons.get(i).item());
                        if (p == Problem.SERVICE_UNAVAILABLE) {
                            LOG.warn("transaction refused by an internal condition", "operation", what, "item", i);
                        }
                        throw new ProblemException(p);
                    }
                }
                boolean conflicted = reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflicted || conflicts >= CONFLICT_RETRIES) {
                    LOG.warn("transaction cancelled", "operation", what,
                            "reasons", reasons == null ? "none" : reasons.stream().map(CancellationReason::code).toList().toString());
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                backOff(conflicts + 1);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1 + 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    // ------------------------------------------------------------------ keys and items

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> mentorKey(TenantId tenant, String userId) {
        return key(Keys.user(tenant, userId), MentoringKeys.MENTOR);
    }

    static Map<String, AttributeValue> requestKey(TenantId tenant, String menteeId) {
        return key(Keys.user(tenant, menteeId), MentoringKeys.REQUEST);
    }

    static Map<String, AttributeValue> mentorshipKey(TenantId tenant, String id) {
        return key(MentoringKeys.mentorship(tenant, id), MentoringKeys.MENTORSHIP);
    }

    static Map<String, AttributeValue> sessionKey(TenantId tenant, String mentorshipId, String sessionId) {
        return key(MentoringKeys.mentorship(tenant, mentorshipId), MentoringKeys.SESSION_PREFIX + sessionId);
    }

    static Map<String, AttributeValue> weekKey(TenantId tenant, String mentorshipId, String week) {
        return key(MentoringKeys.mentorship(tenant, mentorshipId), MentoringKeys.week(week));
    }

    static Map<String, AttributeValue> extensionKey(TenantId tenant, String mentorshipId) {
        return key(MentoringKeys.mentorship(tenant, mentorshipId), MentoringKeys.EXTENSION);
    }

    static Map<String, AttributeValue> busyKey(TenantId tenant, String userId, Instant unit) {
        return key(Keys.user(tenant, userId), MentoringKeys.busy(unit));
    }

    @SuppressWarnings("unchecked")
    static Mentor mentor(TenantId tenant, Map<String, AttributeValue> item) {
        Map<String, Object> profile = Json.readObject(item.get("profile").s());
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        ((List<Object>) profile.get("subjects")).forEach(s -> subjects.add(MentoringSubject.valueOf(String.valueOf(s))));
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        ((List<Object>) profile.get("levels")).forEach(s -> levels.add(SchoolLevel.valueOf(String.valueOf(s))));
        Set<Language> languages = EnumSet.noneOf(Language.class);
        ((List<Object>) profile.get("languages")).forEach(s -> languages.add(Language.fromTag(String.valueOf(s))));
        String userId = item.get(Keys.PK).s().substring(item.get(Keys.PK).s().lastIndexOf("#U#") + 3);
        Availability availability = item.containsKey("availability")
                ? Availability.fromStored(Json.readObject(item.get("availability").s()), number(item, "availabilityVersion"))
                : Availability.NONE;
        return new Mentor(tenant, userId, item.get("name").s(), String.valueOf(profile.get("university")), subjects, levels, languages,
                ((Number) profile.get("capacity")).intValue(), (int) number(item, "mentees"), availability,
                item.containsKey("termEnds") ? java.time.LocalDate.parse(item.get("termEnds").s()) : null,
                item.containsKey("readUntil") ? java.time.LocalDate.parse(item.get("readUntil").s()) : null);
    }

    @SuppressWarnings("unchecked")
    static MentoringRequest request(TenantId tenant, Map<String, AttributeValue> item) {
        List<MentoringSubject> subjects = new ArrayList<>();
        for (String name : item.get("subjects").s().split(",")) {
            if (!name.isEmpty()) {
                subjects.add(MentoringSubject.valueOf(name));
            }
        }
        Availability preferred = Availability.fromStored(Json.readObject(item.get("preferredTimes").s()), 0);
        return new MentoringRequest(tenant, item.get("menteeId").s(), item.get("menteeName").s(), SchoolLevel.valueOf(item.get("level").s()),
                subjects, item.get("goals").s(), preferred.weekly(), Language.fromTag(item.get("language").s()),
                MentoringRequest.Status.valueOf(item.get("status").s()), Instant.parse(item.get("requestedAt").s()),
                item.containsKey("mentorshipId") ? item.get("mentorshipId").s() : null);
    }

    /** A mentorship's item as stored (seed data and tests that need a state the routes do not make). */
    public static Map<String, AttributeValue> mentorshipItem(Mentorship m) {
        return item(m);
    }

    static Map<String, AttributeValue> item(Mentorship m) {
        Map<String, AttributeValue> item = new HashMap<>(mentorshipKey(m.tenant(), m.id()));
        item.put("type", AttributeValue.fromS("MENTORSHIP"));
        item.put("mentorshipId", AttributeValue.fromS(m.id()));
        item.put("menteeId", AttributeValue.fromS(m.menteeId()));
        item.put("mentorId", AttributeValue.fromS(m.mentorId()));
        item.put("menteeName", AttributeValue.fromS(m.menteeName()));
        item.put("mentorName", AttributeValue.fromS(m.mentorName()));
        item.put("rulesId", AttributeValue.fromS(m.rulesId()));
        item.put("sessionMinutes", n(m.sessionMinutes()));
        item.put("quota", n(m.quota()));
        item.put("used", n(m.used()));
        item.put("weeklyCap", n(m.weeklyCap()));
        item.put("baseWeeklyCap", n(m.baseWeeklyCap()));
        item.put("weeklyCapWithConsent", n(m.weeklyCapWithConsent()));
        item.put("trialSessions", n(m.trialSessions()));
        item.put("minNoticeHours", n(m.minNoticeHours()));
        item.put("lateCancelHours", n(m.lateCancelHours()));
        item.put("extensionSessions", n(m.extensionSessions()));
        item.put("extensionWeeks", n(m.extensionWeeks()));
        item.put("windowStart", AttributeValue.fromN(Long.toString(m.windowStart().getEpochSecond())));
        item.put("windowEnd", AttributeValue.fromN(Long.toString(m.windowEnd().getEpochSecond())));
        item.put("status", AttributeValue.fromS(m.status().name()));
        item.put("createdAt", AttributeValue.fromS(m.createdAt().toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(MentoringKeys.mentorDesk(m.tenant(), m.mentorId())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(MentoringKeys.MENTORSHIP + "#" + m.id()));
        return item;
    }

    static Mentorship mentorship(TenantId tenant, Map<String, AttributeValue> i) {
        return new Mentorship(tenant, i.get("mentorshipId").s(), i.get("menteeId").s(), i.get("mentorId").s(), i.get("menteeName").s(),
                i.get("mentorName").s(), i.get("rulesId").s(), (int) number(i, "sessionMinutes"), (int) number(i, "quota"),
                (int) number(i, "used"), (int) number(i, "weeklyCap"), (int) number(i, "trialSessions"), (int) number(i, "minNoticeHours"),
                (int) number(i, "lateCancelHours"), (int) number(i, "extensionSessions"), (int) number(i, "extensionWeeks"),
                Instant.ofEpochSecond(number(i, "windowStart")), Instant.ofEpochSecond(number(i, "windowEnd")),
                Mentorship.Status.valueOf(i.get("status").s()), Instant.parse(i.get("createdAt").s()),
                (int) (i.containsKey("baseWeeklyCap") ? number(i, "baseWeeklyCap") : number(i, "weeklyCap")),
                (int) (i.containsKey("weeklyCapWithConsent") ? number(i, "weeklyCapWithConsent") : number(i, "weeklyCap")));
    }

    static Map<String, AttributeValue> item(Session s) {
        Map<String, AttributeValue> item = new HashMap<>(sessionKey(s.tenant(), s.mentorshipId(), s.id()));
        item.put("type", AttributeValue.fromS("MENTORING_SESSION"));
        item.put("mentorshipId", AttributeValue.fromS(s.mentorshipId()));
        item.put("sessionId", AttributeValue.fromS(s.id()));
        item.put("menteeId", AttributeValue.fromS(s.menteeId()));
        item.put("mentorId", AttributeValue.fromS(s.mentorId()));
        item.put("start", AttributeValue.fromS(s.start().toString()));
        item.put("minutes", n(s.minutes()));
        item.put("status", AttributeValue.fromS(s.status().name()));
        item.put("meetingUrl", AttributeValue.fromS(s.meetingUrl()));
        item.put("bookedAt", AttributeValue.fromS(s.bookedAt().toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(MentoringKeys.mentorDesk(s.tenant(), s.mentorId())));
        item.put(Keys.GSI1SK, AttributeValue.fromS(MentoringKeys.SESSION_PREFIX + s.start() + "#" + s.mentorshipId() + "#" + s.id()));
        return item;
    }

    static Session session(TenantId tenant, Map<String, AttributeValue> i) {
        return new Session(tenant, i.get("mentorshipId").s(), i.get("sessionId").s(), i.get("menteeId").s(), i.get("mentorId").s(),
                Instant.parse(i.get("start").s()), (int) number(i, "minutes"), Session.Status.valueOf(i.get("status").s()),
                i.get("meetingUrl").s(), i.containsKey("note") ? i.get("note").s() : null, Instant.parse(i.get("bookedAt").s()),
                i.containsKey("changedAt") ? Instant.parse(i.get("changedAt").s()) : null);
    }

    static ExtensionRequest extension(TenantId tenant, Map<String, AttributeValue> i) {
        String pk = i.get(Keys.PK).s();
        return new ExtensionRequest(tenant, pk.substring(pk.lastIndexOf("#MENTORSHIP#") + "#MENTORSHIP#".length()), i.get("menteeId").s(),
                i.get("status").s(), Instant.parse(i.get("requestedAt").s()),
                i.containsKey("decidedAt") ? Instant.parse(i.get("decidedAt").s()) : null);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }

    private static java.time.LocalDate seoulDate(Instant at) {
        return at.atZone(kr.seoullearn.mentoring.domain.BookingRules.SEOUL).toLocalDate();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}

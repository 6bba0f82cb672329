package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.figures.domain.FigureRow;
import kr.seoullearn.figures.port.FigureWrites;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.port.NoticeWrites;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.ProfileCorrection;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.SchoolYearStep;
import kr.seoullearn.registration.domain.SchoolYearStep.EndReason;
import kr.seoullearn.registration.domain.SchoolYearStep.Step;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One learner's rollover step, written as one transaction: the profile's update — conditioned on
 * the version and status as read, and on the step not being done yet ({@code rolledYear} below the
 * school year; for a move also no level correction of the learner's own this school year) — with
 * the learner's notice (inbox + outbox) and the figures. A condition that fails means someone
 * changed the learner meanwhile (their own correction, another run): the profile is read again and
 * the step judged again, so each learner moves at most once a school year.
 */
final class RolloverSteps {
    /** Tries per learner: a learner changing at that very moment is judged again, then left to the next run. */
    static final int TRIES = 3;

    /** What happened to one learner: the count it adds, and for an end the user name for the group change. */
    record Done(String count, String endedUsername) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final NoticeWrites notices;
    private final FigureWrites figures;

    RolloverSteps(DynamoDbClient dynamo, String table, NoticeWrites notices, FigureWrites figures) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.notices = notices;
        this.figures = figures;
    }

    /** Takes the learner's step as of {@code today}; {@code profile} is the item as the walk read it. */
    Done take(TenantId tenant, Map<String, AttributeValue> profile, Map<String, SchoolYearStep.Terms> terms, LocalDate today,
              Instant at) {
        Map<String, AttributeValue> item = profile;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            if (item.isEmpty() || !RegistrationStatus.APPROVED.name().equals(s(item, "status"))) {
                return new Done("unchanged", null);
            }
            Step step = SchoolYearStep.decide(learner(item), terms.get(String.valueOf(s(item, "programmeId"))), today);
            if (step.kind() == SchoolYearStep.Kind.NOTHING) {
                return new Done("unchanged", null);
            }
            Transaction tx = Transaction.named("school-year rollover");
            String count = plan(tx, tenant, item, step, terms.get(String.valueOf(s(item, "programmeId"))), today, at);
            if (runner.attempt(tx).committed()) {
                return new Done(count, step.kind() == SchoolYearStep.Kind.END ? username(item) : null);
            }
            item = reread(tenant, s(item, "userId"));
        }
        return new Done("failed", null);
    }

    static SchoolYearStep.Learner learner(Map<String, AttributeValue> item) {
        String level = s(item, "schoolLevel");
        Integer rolled = n(item, "rolledYear");
        String decidedAt = s(item, "decidedAt");
        // placed for the later of the last rollover's school year and the decision's (an application
        // approved again after an end was filled in for its own school year)
        int decided = decidedAt == null ? Integer.MAX_VALUE : ProfileCorrection.schoolYear(Instant.parse(decidedAt));
        int placed = rolled == null ? decided : Math.max(rolled, decided);
        String birth = s(item, "birthDate");
        String told = s(item, "ageNoticeFor");
        return new SchoolYearStep.Learner(level == null ? null : SchoolLevel.valueOf(level), n(item, "grade"),
                birth == null ? null : LocalDate.parse(birth), placed, n(item, "levelChangedYear"),
                told == null ? null : LocalDate.parse(told));
    }

    private String plan(Transaction tx, TenantId tenant, Map<String, AttributeValue> item, Step step, SchoolYearStep.Terms terms,
                        LocalDate today, Instant at) {
        String userId = s(item, "userId");
        long version = Long.parseLong(item.get("version").n());
        Map<String, String> names = new HashMap<>(Map.of("#version", "version", "#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":read", num(version), ":approved",
                str(RegistrationStatus.APPROVED.name()), ":y", num(step.schoolYear())));
        String condition = "#version = :read AND #status = :approved";
        String notYetThisYear = " AND (attribute_not_exists(rolledYear) OR rolledYear < :y)";
        List<String> set = new ArrayList<>();
        String remove = "";
        String count;
        switch (step.kind()) {
            case MOVE_UP -> {
                SchoolLevel before = SchoolLevel.valueOf(s(item, "schoolLevel"));
                set.addAll(List.of("schoolLevel = :level", "grade = :grade", "rolledYear = :y", "rolledAt = :at", "#version = :next"));
                values.putAll(Map.of(":level", str(step.level().name()), ":grade", num(step.grade()), ":at", str(at.toString()),
                        ":next", num(version + 1)));
                condition += notYetThisYear + " AND (attribute_not_exists(levelChangedYear) OR levelChangedYear < :y)";
                NoticeKind kind = !step.levelChanges(before) ? NoticeKind.GRADE_MOVED_UP
                        : step.level() == SchoolLevel.MIDDLE ? NoticeKind.MOVED_TO_MIDDLE_SCHOOL : NoticeKind.MOVED_TO_HIGH_SCHOOL;
                notices.add(tx, Notice.of(tenant, kind, userId + "@year" + step.schoolYear(), userId,
                        Map.of("grade", String.valueOf(step.grade())), at));
                figures.count(tx, tenant, at, FigureDelta.of(Figure.LEARNERS_MOVED_UP, 1, step.level().name()));
                count = step.levelChanges(before) ? "levelChanged" : "movedUp";
            }
            case KEEP -> {
                set.add("rolledYear = :y");
                condition += notYetThisYear;
                count = "kept";
            }
            case AGE_NOTICE -> {
                set.add("ageNoticeFor = :leaveOn");
                values.put(":leaveOn", str(step.leaveOn().toString()));
                condition += " AND (attribute_not_exists(ageNoticeFor) OR ageNoticeFor <> :leaveOn)";
                notices.add(tx, Notice.of(tenant, NoticeKind.AGE_LIMIT_AHEAD, userId + "@age@" + step.leaveOn(), userId,
                        Map.of("leaveOn", step.leaveOn().toString()), at));
                count = "ageNoticed";
            }
            case END -> {
                set.addAll(List.of("#status = :expired", "endReason = :reason", "endedOn = :today", "submissions = :zero",
                        "#version = :next"));
                values.putAll(Map.of(":expired", str(RegistrationStatus.EXPIRED.name()), ":reason", str(step.reason().name()),
                        ":today", str(today.toString()), ":zero", num(0), ":next", num(version + 1)));
                if (step.reason() == EndReason.GRADUATED) {
                    set.add("rolledYear = :y");
                    condition += notYetThisYear;
                }
                // a new year's application takes a new year's quota place: the old programme's is over
                remove = " REMOVE quotaPlace";
                notices.add(tx, endNotice(tenant, item, step, terms, at));
                figures.count(tx, tenant, at, FigureDelta.of(Figure.LEARNERS_ENDED, 1, step.reason().name()));
                figures.row(tx, FigureRow.of(tenant, at, userId, "APPLICATION", RegistrationStatus.EXPIRED.name())
                        .level(s(item, "schoolLevel")).district(s(item, "district")));
                count = switch (step.reason()) {
                    case PROGRAMME_YEAR_ENDED -> "expired";
                    case GRADUATED -> "graduated";
                    case AGE_LIMIT -> "agedOut";
                };
            }
            default -> throw new IllegalStateException("nothing to plan");
        }
        String update = "SET " + String.join(", ", set) + remove;
        String conditionExpression = condition;
        if (!update.contains(":y") && !conditionExpression.contains(":y")) {
            values.remove(":y");
        }
        tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RegistrationKeys.profile(tenant, userId).attributes())
                .updateExpression(update)
                .conditionExpression(conditionExpression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
        return count;
    }

    private static Notice endNotice(TenantId tenant, Map<String, AttributeValue> item, Step step, SchoolYearStep.Terms terms,
                                    Instant at) {
        String userId = s(item, "userId");
        String subject = userId + "@" + step.reason().name() + "@" + s(item, "decidedAt");
        return switch (step.reason()) {
            case PROGRAMME_YEAR_ENDED -> Notice.of(tenant, NoticeKind.PARTICIPATION_ENDED, subject, userId,
                    Map.of("endOn", terms.programmeEnds().toString()), at);
            case GRADUATED -> Notice.of(tenant, NoticeKind.GRADUATED, subject, userId, Map.of(), at);
            case AGE_LIMIT -> Notice.of(tenant, NoticeKind.AGE_LIMIT_REACHED, subject, userId, Map.of(), at);
        };
    }

    private Map<String, AttributeValue> reread(TenantId tenant, String userId) {
        return dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(RegistrationKeys.profile(tenant, userId).attributes())).item();
    }

    private static String username(Map<String, AttributeValue> item) {
        String username = s(item, "username");
        return username == null ? s(item, "userId") : username;
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Integer n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Integer.valueOf(v.n());
    }
}

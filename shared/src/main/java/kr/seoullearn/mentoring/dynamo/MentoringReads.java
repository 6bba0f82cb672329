package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Mentorships, sessions, week counters and busy half hours as they are stored: GetItems and paged Queries. */
final class MentoringReads {
    private final MentoringTable table;

    MentoringReads(MentoringTable table) {
        this.table = table;
    }

    Optional<Mentorship> mentorship(TenantId tenant, String mentorshipId) {
        return table.get(MentoringKeys.mentorship(tenant, mentorshipId)).map(i -> MentoringItems.mentorship(tenant, i));
    }

    /** A mentor's mentorships, from their desk on GSI1. */
    List<Mentorship> mentorshipsOf(TenantId tenant, String mentorId) {
        return Queries.all(table.dynamo(), QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND begins_with(GSI1SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorDesk(tenant, mentorId)),
                                ":prefix", AttributeValue.fromS(MentoringKeys.deskMentorship("")))).build())
                .stream().map(i -> MentoringItems.mentorship(tenant, i)).toList();
    }

    /** A mentorship's sessions in time order. */
    List<Session> sessions(TenantId tenant, String mentorshipId) {
        return inMentorship(tenant, mentorshipId, MentoringKeys.SESSION_PREFIX).stream()
                .map(i -> MentoringItems.session(tenant, i)).sorted(Comparator.comparing(Session::start)).toList();
    }

    Optional<Session> session(TenantId tenant, String mentorshipId, String sessionId) {
        return table.get(MentoringKeys.session(tenant, mentorshipId, sessionId)).map(i -> MentoringItems.session(tenant, i));
    }

    /** A mentor's sessions starting in [from, to), from their desk on GSI1. */
    List<Session> mentorSessions(TenantId tenant, String mentorId, Instant from, Instant to) {
        return Queries.all(table.dynamo(), QueryRequest.builder().tableName(table.name()).indexName(Keys.GSI1)
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorDesk(tenant, mentorId)),
                                ":from", AttributeValue.fromS(MentoringKeys.SESSION_PREFIX + from),
                                ":to", AttributeValue.fromS(MentoringKeys.SESSION_PREFIX + to))).build())
                .stream().map(i -> MentoringItems.session(tenant, i)).toList();
    }

    /** Sessions booked per ISO week of a mentorship. */
    Map<String, Integer> weekCounts(TenantId tenant, String mentorshipId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        inMentorship(tenant, mentorshipId, MentoringKeys.WEEK_PREFIX).forEach(i -> counts.put(
                MentoringItems.stored(i, SessionWrites.WEEK, Keys.SK, MentoringKeys.WEEK_PREFIX), (int) MentoringItems.number(i, "booked")));
        return counts;
    }

    /** The half hours a person is busy in [from, to): their lock items. */
    Set<Instant> busy(TenantId tenant, String userId, Instant from, Instant to) {
        Set<Instant> units = new TreeSet<>();
        Queries.each(table.dynamo(), QueryRequest.builder().tableName(table.name()).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, userId)),
                                ":from", AttributeValue.fromS(MentoringKeys.busy(from)),
                                ":to", AttributeValue.fromS(MentoringKeys.busy(to.minusSeconds(1))))).build(),
                i -> units.add(Instant.parse(MentoringItems.stored(i, SessionWrites.UNIT, Keys.SK, MentoringKeys.BUSY_PREFIX))));
        return units;
    }

    private List<Map<String, AttributeValue>> inMentorship(TenantId tenant, String mentorshipId, String prefix) {
        return Queries.all(table.dynamo(), QueryRequest.builder().tableName(table.name()).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MentoringKeys.mentorshipPartition(tenant, mentorshipId)),
                        ":prefix", AttributeValue.fromS(prefix))).build());
    }
}

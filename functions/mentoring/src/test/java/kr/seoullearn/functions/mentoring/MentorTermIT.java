package kr.seoullearn.functions.mentoring;

import static kr.seoullearn.functions.mentoring.MentoringFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recruited mentors' terms in matching (docs/adr/0014): a mentor whose term has ended
 * is not proposed and cannot be confirmed (a condition of the matching transaction), and reads
 * their past sessions until {@code readUntil}, not after.
 */
class MentorTermIT {
    private static MentoringFixture f;

    @BeforeAll
    static void provision() {
        f = new MentoringFixture("mentor-term");
        f.tenant(MentoringFixture.launch("seoul", 2, 10));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @AfterEach
    void clockBack() {
        f.clock.set(MentoringFixture.NOW);
    }

    /** The term the recruitment selection writes on the mentor's item. */
    private static void term(String tenant, String mentor, String termEnds, String readUntil) {
        f.dynamo.updateItem(u -> u.tableName(f.stack.table()).key(MentoringStorage.mentorKey(new TenantId(tenant), mentor).attributes())
                .updateExpression("SET termEnds = :ends, readUntil = :read")
                .expressionAttributeValues(Map.of(":ends", AttributeValue.fromS(termEnds), ":read", AttributeValue.fromS(readUntil))));
    }

    private static String mentor(String tenant, String name) {
        return f.mentor(tenant, name, Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO), 4,
                MentoringFixture.everyDay());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMentorWhoseTermEndedIsNotProposedAndCannotBeConfirmed() {
        // NOW is Monday 30 November 2026, 09:00 in Seoul
        String ended = mentor("seoul", "지난 멘토");
        term("seoul", ended, "2026-11-29", "2027-02-27");
        String serving = mentor("seoul", "현재 멘토");
        term("seoul", serving, "2027-02-28", "2027-05-29");
        String lastDay = mentor("seoul", "오늘까지 멘토");
        term("seoul", lastDay, "2026-11-30", "2027-02-28");
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        expect(f.call("POST /api/mentoring/request", learner, "seoul", Map.of(), null, MentoringFixture.REQUEST, "learners"), 201);

        var proposals = (List<Map<String, Object>>) expect(f.call("GET /api/mentoring/requests/{menteeId}/proposals", "reviewer-1", "seoul",
                Map.of("menteeId", learner), null, null, "reviewers"), 200).get("proposals");
        List<Object> ids = proposals.stream().map(p -> p.get("mentorId")).toList();
        assertThat(ids).contains(serving, lastDay).doesNotContain(ended);

        f.counter.reset();
        var refused = f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", "seoul", Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + ended + "\"}", "reviewers");
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(409);
        assertThat(Json.readObject(refused.getBody()).get("code")).isEqualTo("mentor-term-ended");
        assertThat(f.writes()).isZero();
        assertThat(f.ledger.mentor(TenantId.SEOUL, ended).orElseThrow().mentees()).isZero();
        // the serving mentor is confirmed
        expect(f.call("POST /api/mentoring/requests/{menteeId}/match", "reviewer-1", "seoul", Map.of("menteeId", learner), null,
                "{\"mentorId\":\"" + serving + "\"}", "reviewers"), 201);
    }

    @Test
    void aFormerMentorReadsTheirPastSessionsUntilTheSetDayAndNotAfter() {
        String mentor = mentor("seoul", "지난 멘토");
        String learner = f.learner("seoul", SchoolLevel.MIDDLE);
        f.mentorship("seoul", learner, mentor);
        term("seoul", mentor, "2026-11-30", "2027-02-28");
        // after the term, within the reading period
        f.clock.set(Instant.parse("2027-01-10T00:00:00Z"));
        var desk = expect(f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors"), 200);
        assertThat((List<?>) desk.get("mentees")).hasSize(1);
        // the day after readUntil (Seoul)
        f.clock.set(LocalDate.of(2027, 3, 1).atStartOfDay(MentoringFixture.SEOUL).toInstant());
        var closed = f.call("GET /api/mentoring/mentees", mentor, "seoul", Map.of(), null, null, "mentors");
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(403);
        assertThat(Json.readObject(closed.getBody()).get("code")).isEqualTo("forbidden");
    }
}

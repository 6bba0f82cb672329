package kr.seoullearn.functions.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.port.MentorOnboarding.MentorTerm;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.Round;
import org.junit.jupiter.api.Test;

/** The recruitment service on in-memory ports: selection up to the target, terms and renewals. */
class RecruitmentTest {
    /** 10 February 2027 in Seoul: the term ending 28 February 2027 is in its renewal window. */
    static final Instant NOW = Instant.parse("2027-02-10T01:00:00Z");
    static final TenantId SEOUL = TenantId.SEOUL;

    final InMemoryRecruitment memory = new InMemoryRecruitment();
    final List<String> joined = new ArrayList<>();
    final GroupMembership groups = new GroupMembership() {
        @Override
        public void add(String userPoolId, String userName, Role role) {
            joined.add(userName + ":" + role.group());
        }

        @Override
        public void remove(String userPoolId, String userName, Role role) {}
    };

    RecruitmentTest() {
        memory.saveRules(new RecruitmentRules(SEOUL, "seoul-2026", LocalDate.of(2026, 1, 1), null, Set.of("UNIVERSITY"),
                Set.of("ENROLLED"), 29, Grade.C_ZERO, 3, 12, 30, 90, 3));
    }

    Recruitment recruitment(Instant at) {
        return new Recruitment(memory, memory, groups, "pool", Clock.fixed(at, ZoneOffset.UTC));
    }

    static Caller caller(String sub, Role role) {
        return new Caller(sub, sub + "@example.org", SEOUL, Set.of(role), List.of(role.group()));
    }

    void applied(String round, String sub) {
        memory.submit(new MentorApplication(SEOUL, round, sub, sub + "@example.org", "지원자", "서울대학교", "수학교육과", 3, "UNIVERSITY",
                "ENROLLED", LocalDate.of(2003, 4, 5), Grade.B_PLUS, Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE),
                Set.of(Language.KO), List.of(new Availability.Window(java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(18, 0),
                java.time.LocalTime.of(21, 0))), 2, "ONLINE", "statement", false, true, "e", "t", MentorApplication.Status.SUBMITTED,
                Map.of(), null, null, null, null, NOW, 0), new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, NOW, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));
    }

    @Test
    void selectionStopsAtTheRoundsTargetAndMakesMentorsWithTheirTerm() {
        memory.createRound(new Round(SEOUL, "r1", "Round", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), 1, 0,
                EnumSet.allOf(Criterion.class), "reviewer", NOW));
        applied("r1", "a");
        applied("r1", "b");
        Recruitment r = recruitment(NOW);
        Map<String, Object> decided = r.decide(caller("reviewer", Role.REVIEWER), "r1", "a", Map.of("decision", "SELECT"));
        assertThat(decided.get("status")).isEqualTo("SELECTED");
        assertThat(joined).containsExactly("a@example.org:mentors");
        assertThat(memory.term(SEOUL, "a")).contains(new MentorTerm("a", "지원자", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29)));
        assertThatThrownBy(() -> r.decide(caller("reviewer", Role.REVIEWER), "r1", "b", Map.of("decision", "SELECT")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RecruitmentRefusal.ROUND_FULL));
        assertThat(memory.term(SEOUL, "b")).isEmpty();
    }

    @Test
    void aReviewerWhoAppliedToMentorCannotScoreOrDecideTheirOwnApplication() {
        memory.createRound(new Round(SEOUL, "r1", "Round", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), 3, 0,
                EnumSet.allOf(Criterion.class), "reviewer", NOW));
        applied("r1", "reviewer");
        Recruitment r = recruitment(NOW);
        Caller self = caller("reviewer", Role.REVIEWER);
        assertThatThrownBy(() -> r.score(self, "r1", "reviewer", Map.of("scores", Map.of("LONG_TERM", 5), "version", 0)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SELF_DECISION));
        assertThatThrownBy(() -> r.decide(self, "r1", "reviewer", Map.of("decision", "SELECT")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.SELF_DECISION));
        assertThat(joined).isEmpty();
        // another reviewer may
        assertThat(r.decide(caller("colleague", Role.REVIEWER), "r1", "reviewer", Map.of("decision", "SELECT")).get("status"))
                .isEqualTo("SELECTED");
    }

    @Test
    void anApprovedRenewalMovesTheTermAndReadAccess() {
        memory.mentors.put("m", new MentorTerm("m", "멘토", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29)));
        Recruitment r = recruitment(NOW);
        assertThat(r.requestRenewal(caller("m", Role.MENTOR)).get("status")).isEqualTo("PENDING");
        assertThat(r.pendingRenewals(caller("reviewer", Role.REVIEWER)).get("renewals")).asList().hasSize(1);
        r.decideRenewal(caller("reviewer", Role.REVIEWER), "m", Map.of("decision", "APPROVE"));
        assertThat(memory.term(SEOUL, "m").orElseThrow().termEnds()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(memory.term(SEOUL, "m").orElseThrow().readUntil()).isEqualTo(LocalDate.of(2028, 5, 29));
        assertThat(r.pendingRenewals(caller("reviewer", Role.REVIEWER)).get("renewals")).asList().isEmpty();
    }

    @Test
    void renewalIsRefusedOutsideItsWindow() {
        memory.mentors.put("m", new MentorTerm("m", "멘토", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29)));
        Recruitment early = recruitment(Instant.parse("2026-12-01T01:00:00Z"));
        assertThatThrownBy(() -> early.requestRenewal(caller("m", Role.MENTOR)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RecruitmentRefusal.RENEWAL_NOT_OPEN));
        assertThat(memory.renewals).isEmpty();
    }
}

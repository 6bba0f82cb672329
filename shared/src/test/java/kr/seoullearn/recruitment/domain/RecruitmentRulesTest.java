package kr.seoullearn.recruitment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** The default rules of issue 11 as plain Java: eligibility at its edges, the March–February term, the renewal window. */
class RecruitmentRulesTest {
    static final RecruitmentRules SEOUL = new RecruitmentRules(TenantId.SEOUL, "r", LocalDate.of(2021, 3, 1), null,
            Set.of("UNIVERSITY", "GRADUATE_SCHOOL"), Set.of("ENROLLED", "ON_LEAVE"), 39, Grade.C_PLUS, 3, 12, 60, 90, 4);
    static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private static RecruitmentRules.Facts facts(String school, String state, String birth, String grade) {
        return new RecruitmentRules.Facts(school, state, LocalDate.parse(birth), Grade.parse(grade).orElseThrow());
    }

    @Test
    void thirtyNineOnTheDayIsEligibleAndFortyIsNot() {
        assertThat(SEOUL.failures(facts("UNIVERSITY", "ENROLLED", "1986-11-29", "C+"), DAY)).isEmpty();
        assertThat(SEOUL.failures(facts("UNIVERSITY", "ENROLLED", "1986-11-28", "C+"), DAY)).containsExactly(RecruitmentRefusal.MENTOR_TOO_OLD);
    }

    @Test
    void cPlusIsTheLowestGradeAndTheLetterScaleIsOrdered() {
        assertThat(SEOUL.failures(facts("GRADUATE_SCHOOL", "ON_LEAVE", "2000-01-01", "C+"), DAY)).isEmpty();
        assertThat(SEOUL.failures(facts("GRADUATE_SCHOOL", "ON_LEAVE", "2000-01-01", "C0"), DAY)).containsExactly(RecruitmentRefusal.MENTOR_GRADE_TOO_LOW);
        assertThat(Grade.parse("a")).contains(Grade.A_ZERO);
        assertThat(Grade.parse(" b+ ")).contains(Grade.B_PLUS);
        assertThat(Grade.parse("E")).isEmpty();
        assertThat(Grade.parse(4.0)).isEmpty();
        assertThat(Grade.A_PLUS.atLeast(Grade.C_PLUS)).isTrue();
        assertThat(Grade.F.atLeast(Grade.D_MINUS)).isFalse();
    }

    @Test
    void graduatesAndOtherSchoolsAreNotEnrolledAndEveryFailingRuleIsNamed() {
        assertThat(SEOUL.failures(facts("OTHER", "ENROLLED", "2000-01-01", "A+"), DAY)).containsExactly(RecruitmentRefusal.MENTOR_NOT_ENROLLED);
        assertThat(SEOUL.failures(facts("UNIVERSITY", "GRADUATED", "1970-01-01", "F"), DAY))
                .containsExactly(RecruitmentRefusal.MENTOR_NOT_ENROLLED, RecruitmentRefusal.MENTOR_TOO_OLD, RecruitmentRefusal.MENTOR_GRADE_TOO_LOW);
        assertThat(RecruitmentRules.ruleOf(RecruitmentRefusal.MENTOR_TOO_OLD)).isEqualTo("max-age");
    }

    @Test
    void theTermRunsFromMarchToTheFollowingFebruary() {
        assertThat(SEOUL.termFor(LocalDate.of(2026, 11, 28))).isEqualTo(new RecruitmentRules.Term(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)));
        assertThat(SEOUL.termFor(LocalDate.of(2027, 2, 28))).isEqualTo(new RecruitmentRules.Term(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)));
        assertThat(SEOUL.termFor(LocalDate.of(2027, 3, 1))).isEqualTo(new RecruitmentRules.Term(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 29)));
        assertThat(SEOUL.termFor(LocalDate.of(2027, 1, 10)).start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(SEOUL.nextTerm(LocalDate.of(2027, 2, 28))).isEqualTo(new RecruitmentRules.Term(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 29)));
    }

    @Test
    void renewalOpensSixtyDaysBeforeTheEndOfTheTermAndClosesAfterItsLastDay() {
        LocalDate end = LocalDate.of(2027, 2, 28);
        assertThat(SEOUL.renewalOpen(end, end.minusDays(61))).isFalse();
        assertThat(SEOUL.renewalOpen(end, end.minusDays(60))).isTrue();
        assertThat(SEOUL.renewalOpen(end, end)).isTrue();
        assertThat(SEOUL.renewalOpen(end, end.plusDays(1))).isFalse();
    }

    @Test
    void rulesRoundTripThroughTheirJson() {
        assertThat(RecruitmentRulesJson.fromMap(RecruitmentRulesJson.toMap(SEOUL))).isEqualTo(SEOUL);
    }
}

package kr.seoullearn.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.SchoolYearStep.EndReason;
import kr.seoullearn.registration.domain.SchoolYearStep.Kind;
import kr.seoullearn.registration.domain.SchoolYearStep.Learner;
import kr.seoullearn.registration.domain.SchoolYearStep.Step;
import kr.seoullearn.registration.domain.SchoolYearStep.Terms;
import org.junit.jupiter.api.Test;

class SchoolYearStepTest {
    private static final LocalDate BIRTH = LocalDate.of(2014, 6, 1);
    private static final Terms OPEN = new Terms(null, 24);

    private static Learner learner(SchoolLevel level, Integer grade, int placed) {
        return new Learner(level, grade, BIRTH, placed, null, null);
    }

    @Test
    void theSchoolYearStartsOnTheFirstOfMarch() {
        assertThat(SchoolYearStep.decide(learner(SchoolLevel.ELEMENTARY, 3, 2026), OPEN, LocalDate.of(2027, 2, 28)).kind())
                .isEqualTo(Kind.NOTHING);
        Step step = SchoolYearStep.decide(learner(SchoolLevel.ELEMENTARY, 3, 2026), OPEN, LocalDate.of(2027, 3, 1));
        assertThat(step.kind()).isEqualTo(Kind.MOVE_UP);
        assertThat(step.level()).isEqualTo(SchoolLevel.ELEMENTARY);
        assertThat(step.grade()).isEqualTo(4);
        assertThat(step.schoolYear()).isEqualTo(2027);
    }

    @Test
    void pastALevelsLastGradeTheNextLevelAndPastHighSchoolTheEnd() {
        LocalDate march = LocalDate.of(2027, 3, 1);
        Step e6 = SchoolYearStep.decide(learner(SchoolLevel.ELEMENTARY, 6, 2026), OPEN, march);
        assertThat(e6.level()).isEqualTo(SchoolLevel.MIDDLE);
        assertThat(e6.grade()).isEqualTo(1);
        assertThat(e6.levelChanges(SchoolLevel.ELEMENTARY)).isTrue();
        Step m3 = SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 3, 2026), OPEN, march);
        assertThat(m3.level()).isEqualTo(SchoolLevel.HIGH);
        assertThat(m3.grade()).isEqualTo(1);
        Step h3 = SchoolYearStep.decide(learner(SchoolLevel.HIGH, 3, 2026), OPEN, march);
        assertThat(h3.kind()).isEqualTo(Kind.END);
        assertThat(h3.reason()).isEqualTo(EndReason.GRADUATED);
        assertThat(SchoolYearStep.decide(learner(SchoolLevel.NOT_IN_SCHOOL, null, 2026), OPEN, march).kind()).isEqualTo(Kind.KEEP);
    }

    @Test
    void aLevelCorrectedThisSchoolYearIsKeptAndAYearAlreadyPlacedIsNotMovedAgain() {
        LocalDate march = LocalDate.of(2027, 3, 5);
        Learner corrected = new Learner(SchoolLevel.MIDDLE, 1, BIRTH, 2026, 2027, null);
        assertThat(SchoolYearStep.decide(corrected, OPEN, march).kind()).isEqualTo(Kind.KEEP);
        assertThat(SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 2, 2027), OPEN, march).kind()).isEqualTo(Kind.NOTHING);
    }

    @Test
    void theProgrammeYearsEndComesFirstThenTheAgeLimit() {
        Terms ended = new Terms(LocalDate.of(2027, 2, 28), 24);
        assertThat(SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 1, 2026), ended, LocalDate.of(2027, 2, 28)).kind())
                .isEqualTo(Kind.NOTHING);
        Step end = SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 1, 2026), ended, LocalDate.of(2027, 3, 1));
        assertThat(end.kind()).isEqualTo(Kind.END);
        assertThat(end.reason()).isEqualTo(EndReason.PROGRAMME_YEAR_ENDED);

        Terms limit = new Terms(null, 12); // born 2014-06-01: past 12 on 2027-06-01
        assertThat(SchoolYearStep.leaveOn(BIRTH, 12)).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 1, 2027), limit, LocalDate.of(2027, 5, 1)).kind())
                .isEqualTo(Kind.NOTHING);
        Step ahead = SchoolYearStep.decide(learner(SchoolLevel.MIDDLE, 1, 2027), limit, LocalDate.of(2027, 5, 2));
        assertThat(ahead.kind()).isEqualTo(Kind.AGE_NOTICE);
        assertThat(ahead.leaveOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        Learner told = new Learner(SchoolLevel.MIDDLE, 1, BIRTH, 2027, null, LocalDate.of(2027, 6, 1));
        assertThat(SchoolYearStep.decide(told, limit, LocalDate.of(2027, 5, 3)).kind()).isEqualTo(Kind.NOTHING);
        Step out = SchoolYearStep.decide(told, limit, LocalDate.of(2027, 6, 1));
        assertThat(out.kind()).isEqualTo(Kind.END);
        assertThat(out.reason()).isEqualTo(EndReason.AGE_LIMIT);
    }
}

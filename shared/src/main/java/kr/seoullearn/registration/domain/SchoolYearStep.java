package kr.seoullearn.registration.domain;

import java.time.LocalDate;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What the school-year rollover does to one approved learner on one Seoul date (docs/adr/0041):
 * at most one step a run, judged in this order — the programme year is over (the approval
 * expires), the age limit is reached (they leave), a new school year began (the grade moves up;
 * past a level's last grade the level changes; past high school they leave), the age limit is
 * near (they are told, once). Pure: the adapter reads the learner, asks, and writes the step
 * with the learner's version as its condition.
 */
public final class SchoolYearStep {
    /** How many days ahead a learner is told they will pass the programme's age limit. */
    public static final int AGE_NOTICE_DAYS = 30;

    /** Why a participation ends. */
    public enum EndReason { PROGRAMME_YEAR_ENDED, AGE_LIMIT, GRADUATED }

    public enum Kind { NOTHING, END, MOVE_UP, KEEP, AGE_NOTICE }

    /**
     * The step. {@code level}/{@code grade}: the placement after a move up; {@code reason}: an
     * end's; {@code schoolYear}: the school year of the date; {@code leaveOn}: the age-limit date.
     */
    public record Step(Kind kind, SchoolLevel level, Integer grade, EndReason reason, int schoolYear, LocalDate leaveOn) {
        public boolean levelChanges(SchoolLevel before) {
            return kind == Kind.MOVE_UP && level != before;
        }
    }

    /**
     * The learner as the rollover reads them. {@code yearPlaced}: the school year their level and
     * grade are for (the last rollover's, else the decision's); {@code levelChangedYear}: the
     * school year of their own correction (null: none); {@code ageNoticeFor}: the leave date they
     * were told of (null: none).
     */
    public record Learner(SchoolLevel level, Integer grade, LocalDate birthDate, int yearPlaced, Integer levelChangedYear,
                          LocalDate ageNoticeFor) {}

    /** The programme's data the rollover needs: its last day (null: open-ended) and its age limit. */
    public record Terms(LocalDate programmeEnds, int maxAge) {
        public static Terms of(EligibilityProgramme p) {
            return new Terms(p.effectiveUntil(), p.maxAge());
        }
    }

    private SchoolYearStep() {}

    /** The day someone born on {@code birthDate} is past an age limit of {@code maxAge}: their (maxAge + 1)th birthday. */
    public static LocalDate leaveOn(LocalDate birthDate, int maxAge) {
        return birthDate.plusYears(maxAge + 1L);
    }

    public static Step decide(Learner l, Terms terms, LocalDate today) {
        int year = ProfileCorrection.schoolYear(today);
        LocalDate leaveOn = terms == null || l.birthDate() == null ? null : leaveOn(l.birthDate(), terms.maxAge());
        if (terms != null && terms.programmeEnds() != null && today.isAfter(terms.programmeEnds())) {
            return new Step(Kind.END, null, null, EndReason.PROGRAMME_YEAR_ENDED, year, leaveOn);
        }
        if (leaveOn != null && !today.isBefore(leaveOn)) {
            return new Step(Kind.END, null, null, EndReason.AGE_LIMIT, year, leaveOn);
        }
        if (l.yearPlaced() < year) {
            if (l.levelChangedYear() != null && l.levelChangedYear() >= year) {
                return new Step(Kind.KEEP, l.level(), l.grade(), null, year, leaveOn);
            }
            Step up = moveUp(l.level(), l.grade(), year, leaveOn);
            if (up != null) {
                return up;
            }
        }
        if (leaveOn != null && !today.isBefore(leaveOn.minusDays(AGE_NOTICE_DAYS)) && !leaveOn.equals(l.ageNoticeFor())) {
            return new Step(Kind.AGE_NOTICE, null, null, null, year, leaveOn);
        }
        return new Step(Kind.NOTHING, null, null, null, year, leaveOn);
    }

    /**
     * One grade up; past a level's last grade the next level's first (elementary 6 → middle 1,
     * middle 3 → high 1), past high 3 the end. Levels without grades (not in school, adult) only
     * have their school year recorded.
     */
    static Step moveUp(SchoolLevel level, Integer grade, int year, LocalDate leaveOn) {
        if (level == null || level.grades() == 0 || grade == null) {
            return new Step(Kind.KEEP, level, grade, null, year, leaveOn);
        }
        if (grade < level.grades()) {
            return new Step(Kind.MOVE_UP, level, grade + 1, null, year, leaveOn);
        }
        return switch (level) {
            case ELEMENTARY -> new Step(Kind.MOVE_UP, SchoolLevel.MIDDLE, 1, null, year, leaveOn);
            case MIDDLE -> new Step(Kind.MOVE_UP, SchoolLevel.HIGH, 1, null, year, leaveOn);
            default -> new Step(Kind.END, null, null, EndReason.GRADUATED, year, leaveOn);
        };
    }
}

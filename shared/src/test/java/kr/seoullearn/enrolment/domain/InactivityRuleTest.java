package kr.seoullearn.enrolment.domain;

import static kr.seoullearn.enrolment.domain.EnrolmentRules.InactivityStep.NONE;
import static kr.seoullearn.enrolment.domain.EnrolmentRules.InactivityStep.RECLAIM;
import static kr.seoullearn.enrolment.domain.EnrolmentRules.InactivityStep.REMIND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The inactivity rule: 30 idle days, a reminder, another a week later, and the seat goes a week after that. */
class InactivityRuleTest {
    private static final EligibilityProgramme.Inactivity RULE = new EligibilityProgramme.Inactivity(30, 7);
    private static final LocalDate ACTIVE = LocalDate.of(2026, 9, 1);

    @Test
    void aSeatIdleForThePeriodIsRemindedTwiceAWeekApartThenReclaimed() {
        Enrolment.Activity fresh = Enrolment.Activity.since(ACTIVE);
        assertThat(EnrolmentRules.inactivityStep(RULE, fresh, ACTIVE.plusDays(29))).as("29 idle days").isEqualTo(NONE);
        LocalDate first = ACTIVE.plusDays(30);
        assertThat(EnrolmentRules.inactivityStep(RULE, fresh, first)).as("30 idle days").isEqualTo(REMIND);
        assertThat(EnrolmentRules.reclaimFrom(RULE, fresh)).as("told before the first reminder").isEqualTo(first.plusDays(14));

        Enrolment.Activity once = new Enrolment.Activity(ACTIVE, 1, first);
        assertThat(EnrolmentRules.reclaimFrom(RULE, once)).isEqualTo(first.plusDays(14));
        assertThat(EnrolmentRules.inactivityStep(RULE, once, first.plusDays(6))).as("a week has not passed").isEqualTo(NONE);
        assertThat(EnrolmentRules.inactivityStep(RULE, once, first.plusDays(7))).isEqualTo(REMIND);

        Enrolment.Activity twice = new Enrolment.Activity(ACTIVE, 2, first.plusDays(7));
        assertThat(EnrolmentRules.reclaimFrom(RULE, twice)).isEqualTo(first.plusDays(14));
        assertThat(EnrolmentRules.inactivityStep(RULE, twice, first.plusDays(13))).isEqualTo(NONE);
        assertThat(EnrolmentRules.inactivityStep(RULE, twice, first.plusDays(14))).isEqualTo(RECLAIM);
    }

    @Test
    void offByDefaultAndForWaitlistPlaces() {
        assertThat(EnrolmentRules.inactivityStep(null, Enrolment.Activity.since(ACTIVE), ACTIVE.plusYears(1))).isEqualTo(NONE);
        assertThat(EnrolmentRules.inactivityStep(RULE, null, ACTIVE.plusYears(1))).as("a waitlist place has no activity").isEqualTo(NONE);
        assertThat(EnrolmentRules.reclaimFrom(null, Enrolment.Activity.since(ACTIVE))).isNull();
    }

    /** Whatever the rule and the day, a seat is never reclaimed before two reminders nor before the date the learner was told. */
    @Property
    void neverReclaimedBeforeTwoRemindersAndTheDateTold(@ForAll @IntRange(min = 1, max = 365) int afterDays,
                                                       @ForAll @IntRange(min = 1, max = 90) int interval,
                                                       @ForAll @IntRange(min = 0, max = 3) int reminders,
                                                       @ForAll @IntRange(min = 0, max = 800) int daysLater) {
        var rule = new EligibilityProgramme.Inactivity(afterDays, interval);
        LocalDate reminded = reminders == 0 ? null : ACTIVE.plusDays(afterDays);
        var a = new Enrolment.Activity(ACTIVE, reminders, reminded);
        LocalDate today = ACTIVE.plusDays(daysLater);
        if (EnrolmentRules.inactivityStep(rule, a, today) == RECLAIM) {
            assertThat(reminders).isGreaterThanOrEqualTo(2);
            assertThat(today).isAfterOrEqualTo(EnrolmentRules.reclaimFrom(rule, a));
        }
        if (daysLater < afterDays) {
            assertThat(EnrolmentRules.inactivityStep(rule, a, today)).isEqualTo(NONE);
        }
    }
}

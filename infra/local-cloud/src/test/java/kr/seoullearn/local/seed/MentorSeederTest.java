package kr.seoullearn.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

/** The mentoring seed data: both sets of rules, chosen per tenant and date, and mentors who can be matched. */
class MentorSeederTest {

    private static MentoringRules inForce(List<MentoringRules> rules, String tenant, LocalDate date) {
        return rules.stream().filter(r -> r.tenant().value().equals(tenant) && r.inForceOn(date))
                .max(java.util.Comparator.comparing(MentoringRules::effectiveFrom)).orElseThrow();
    }

    @Test
    void seoulRunsTheLaunchRulesUntilFebruary2027AndTheWeeklyHourAfterChungbukAlready() throws Exception {
        List<MentoringRules> rules = MentorSeeder.rules();
        MentoringRules launch = inForce(rules, "seoul", LocalDate.of(2026, 11, 29));
        assertThat(launch.sessionMinutes()).isEqualTo(30);
        assertThat(launch.totalSessions()).isEqualTo(16);
        assertThat(launch.windowWeeks()).isEqualTo(8);
        assertThat(launch.weeklyCap()).isEqualTo(2);
        assertThat(launch.minNoticeHours()).isEqualTo(24);
        assertThat(launch.lateCancelHours()).isEqualTo(12);
        assertThat(launch.extensionSessions()).isEqualTo(8);
        assertThat(launch.extensionWeeks()).isEqualTo(4);
        assertThat(launch.mentorStandardCapacity()).isEqualTo(4);
        assertThat(launch.mentorMaxCapacity()).isEqualTo(10);

        MentoringRules later = inForce(rules, "seoul", LocalDate.of(2027, 3, 1));
        assertThat(later.sessionMinutes()).isEqualTo(60);
        assertThat(later.weeklyCap()).isEqualTo(1);
        assertThat(later.weeklyCapWithMentorConsent()).isEqualTo(2);
        assertThat(later.trialSessions()).isEqualTo(2);
        assertThat(later.levels()).containsExactlyInAnyOrder(SchoolLevel.MIDDLE, SchoolLevel.HIGH);
        assertThat(inForce(rules, "chungbuk", LocalDate.of(2026, 11, 29)).sessionMinutes()).isEqualTo(60);
    }

    @Test
    void everySeededLearnerLevelUnderTheRulesInForceHasAMentorWithEnoughWeeklyTime() {
        for (String tenant : List.of("seoul", "chungbuk")) {
            var mentors = MentorSeeder.MENTORS.stream().filter(m -> m.tenant().equals(tenant)).toList();
            assertThat(mentors).isNotEmpty();
            assertThat(mentors).allSatisfy(m -> assertThat(m.weekly()).as(m.email()).isNotEmpty());
        }
        assertThat(MentorSeeder.MENTORS.get(0).email()).isEqualTo("mentor@seoul-learn.local");
        assertThat(MentorSeeder.MENTORS.stream().flatMap(m -> m.levels().stream()).distinct())
                .contains(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH);
    }
}

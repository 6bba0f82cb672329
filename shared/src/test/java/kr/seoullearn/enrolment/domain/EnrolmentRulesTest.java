package kr.seoullearn.enrolment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.enrolment.domain.EnrolmentRefusal;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class EnrolmentRulesTest {
    private static final Provider MBEST = provider("mbest", SchoolLevel.MIDDLE);
    private static final Provider MEGASTUDY = provider("megastudy", SchoolLevel.HIGH);
    private static final Provider EDUWILL = provider("eduwill", SchoolLevel.NOT_IN_SCHOOL, SchoolLevel.ADULT);

    private static Provider provider(String id, SchoolLevel... levels) {
        return new Provider(id, id, id, List.of(levels), "https://" + id + ".example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null);
    }

    @Test
    void aLearnerEnrolsOnlyWithProvidersOfTheirLevel() {
        assertThat(EnrolmentRules.refusal(MBEST, SchoolLevel.MIDDLE)).isEmpty();
        assertThat(EnrolmentRules.refusal(MEGASTUDY, SchoolLevel.ELEMENTARY)).contains(EnrolmentRefusal.PROVIDER_NOT_FOR_LEVEL);
        assertThat(EnrolmentRules.refusal(EDUWILL, SchoolLevel.NOT_IN_SCHOOL)).isEmpty();
        assertThat(EnrolmentRules.refusal(EDUWILL, SchoolLevel.ADULT)).isEmpty();
        assertThat(EnrolmentRules.refusal(EDUWILL, SchoolLevel.HIGH)).contains(EnrolmentRefusal.PROVIDER_NOT_FOR_LEVEL);
        assertThat(EnrolmentRules.refusal(MBEST, null)).as("no level on the application").contains(EnrolmentRefusal.PROVIDER_NOT_FOR_LEVEL);
    }

    @Test
    void aProviderThatLeftTakesNoNewLearners() {
        Provider leaving = MBEST.deactivated(LocalDate.of(2027, 2, 28));
        assertThat(EnrolmentRules.refusal(leaving, SchoolLevel.MIDDLE)).contains(EnrolmentRefusal.PROVIDER_INACTIVE);
        assertThat(EnrolmentRules.refusal(leaving, SchoolLevel.HIGH)).as("the level is the first reason")
                .contains(EnrolmentRefusal.PROVIDER_NOT_FOR_LEVEL);
    }

    @Test
    void enrolledLearnersKeepAccessUntilTheGracePeriodEndsAndAreToldUntilWhen() {
        assertThat(EnrolmentRules.access(MBEST, LocalDate.of(2099, 1, 1))).isEqualTo(new EnrolmentRules.Access(true, null));
        Provider leaving = MBEST.deactivated(LocalDate.of(2027, 2, 28));
        assertThat(EnrolmentRules.access(leaving, LocalDate.of(2027, 2, 28)))
                .isEqualTo(new EnrolmentRules.Access(true, LocalDate.of(2027, 2, 28)));
        assertThat(EnrolmentRules.access(leaving, LocalDate.of(2027, 3, 1)))
                .isEqualTo(new EnrolmentRules.Access(false, LocalDate.of(2027, 2, 28)));
        assertThat(EnrolmentRules.access(null, LocalDate.of(2027, 3, 1))).as("a provider no longer listed").isEqualTo(EnrolmentRules.Access.CLOSED);
    }

    @Test
    void thePickLimitCountsEveryProviderHeldEnrolledOrWaiting() {
        assertThat(EnrolmentRules.mayHoldAnother(0, 1)).isTrue();
        assertThat(EnrolmentRules.mayHoldAnother(1, 1)).isFalse();
        assertThat(EnrolmentRules.mayHoldAnother(1, 2)).isTrue();
        assertThat(EnrolmentRules.mayHoldAnother(2, 2)).isFalse();
        assertThat(EnrolmentRules.mayHoldAnother(3, 2)).as("a limit lowered by a later programme").isFalse();
    }

    @Test
    void positionsCountFromOne() {
        assertThat(EnrolmentRules.position(0)).isEqualTo(1);
        assertThat(EnrolmentRules.position(39)).isEqualTo(40);
        assertThatThrownBy(() -> EnrolmentRules.position(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnrolmentCarriesItsTimeAndAWaitlistEntryItsTicket() {
        Instant now = Instant.parse("2026-11-28T02:00:00Z");
        var waiting = new Enrolment(TenantId.SEOUL, "u", "mbest", Enrolment.Status.WAITLISTED, "ref", now, null, 3L);
        assertThat(waiting.since()).isEqualTo(now);
        assertThat(waiting.enrolled()).isFalse();
        assertThatThrownBy(() -> new Enrolment(TenantId.SEOUL, "u", "mbest", Enrolment.Status.WAITLISTED, "ref", now, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Enrolment(TenantId.SEOUL, "u", "mbest", Enrolment.Status.ENROLLED, "ref", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package kr.seoullearn.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class ProviderTest {
    private static final Provider MBEST = new Provider("mbest", "엠베스트", "Mbest", List.of(SchoolLevel.MIDDLE),
            "https://mbest.example/seoul-learn/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null);

    @Test
    void servesItsLevelsOnly() {
        assertThat(MBEST.serves(SchoolLevel.MIDDLE)).isTrue();
        assertThat(MBEST.serves(SchoolLevel.HIGH)).isFalse();
    }

    @Test
    void theAccessLinkNamesTheTenantAndTheLearnersReferenceEncoded() {
        assertThat(MBEST.accessUrl(TenantId.SEOUL, "ref 1/2")).isEqualTo("https://mbest.example/seoul-learn/seoul/ref+1%2F2");
    }

    @Test
    void aProviderThatLeavesTakesNoOneNewButKeepsItsLearnersUntilTheGraceEnds() {
        Provider gone = MBEST.deactivated(LocalDate.of(2027, 2, 28));
        assertThat(gone.takesNewLearners()).isFalse();
        assertThat(gone.accessOpenOn(LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(gone.accessOpenOn(LocalDate.of(2027, 3, 1))).isFalse();
        assertThat(MBEST.accessOpenOn(LocalDate.of(2099, 1, 1))).isTrue();
    }

    @Test
    void refusesWhatCannotBe() {
        assertThatThrownBy(() -> new Provider("Mbest!", "엠", "M", List.of(SchoolLevel.MIDDLE), MBEST.accessUrlTemplate(), Provider.Status.ACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Provider("mbest", "엠", "M", List.of(), MBEST.accessUrlTemplate(), Provider.Status.ACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Provider("mbest", "엠", "M", List.of(SchoolLevel.MIDDLE), "http://mbest.example/{learnerRef}", Provider.Status.ACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Provider("mbest", "엠", "M", List.of(SchoolLevel.MIDDLE), MBEST.accessUrlTemplate(), Provider.Status.INACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seatsLeftNeverGoBelowZero() {
        assertThat(new ProviderSeats(TenantId.SEOUL, "mbest", 10, 3).left()).isEqualTo(7);
        assertThat(new ProviderSeats(TenantId.SEOUL, "mbest", 10, 12).left()).isZero();
    }

    @Test
    void aCoursesGradeExistsInItsLevel() {
        assertThatThrownBy(() -> new Course("c1", "mbest", SchoolLevel.MIDDLE, 4, Subject.MATH, "t", "t", null, null, 60, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Course("c1", "mbest", SchoolLevel.MIDDLE, 3, Subject.MATH, "t", "t", null, null, 60, 2).grade()).isEqualTo(3);
    }
}

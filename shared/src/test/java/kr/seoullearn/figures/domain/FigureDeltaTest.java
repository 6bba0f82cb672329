package kr.seoullearn.figures.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FigureDeltaTest {

    @Test
    void givenTheSameFigureTwiceThenTheAmountsAddUp() {
        FigureDelta delta = FigureDelta.of("seats.enrolled.i-scream", 1).add("seats.enrolled.i-scream", 2);
        assertThat(delta.adds()).containsExactly(java.util.Map.entry("seats.enrolled.i-scream", 3L));
    }

    @Test
    void givenAPartThatIsNotAnIdThenItCountsAsUnknownAndNeverAsText() {
        FigureDelta delta = new FigureDelta().add("learners.district", "노원구 김민준", 1).add("learners.district", (String) null, 1);
        assertThat(delta.adds()).containsExactly(java.util.Map.entry("learners.district.UNKNOWN", 2L));
    }

    @Test
    void givenANameWithFreeTextThenItIsRefused() {
        assertThatThrownBy(() -> FigureDelta.of("applications.kim@example.org", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenZeroThenNothingIsCounted() {
        assertThat(FigureDelta.of("mentoring.held", 0).isEmpty()).isTrue();
    }
}

package kr.seoullearn.catalogue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void aKoreanWordFindsItsIndexWord() {
        assertThat(SearchTerms.parse("수학을")).isEqualTo(new SearchTerms(List.of("수학"), null, null));
    }

    @Test
    void levelWordsBecomeTheLevelAndShorthandsAlsoTheGrade() {
        assertThat(SearchTerms.parse("중학 수학")).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, null));
        assertThat(SearchTerms.parse("중2 수학 개념")).isEqualTo(new SearchTerms(List.of("수학", "개념"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("고3 수능 국어")).isEqualTo(new SearchTerms(List.of("수능", "국어"), SchoolLevel.HIGH, 3));
        assertThat(SearchTerms.parse("초등학교 5학년 과학")).isEqualTo(new SearchTerms(List.of("과학"), SchoolLevel.ELEMENTARY, 5));
        assertThat(SearchTerms.parse("Middle school maths, grade 2")).isEqualTo(new SearchTerms(List.of("math"), SchoolLevel.MIDDLE, 2));
    }

    @Test
    void theFirstLevelNamedWins() {
        assertThat(SearchTerms.parse("고등 중학 영어").level()).isEqualTo(SchoolLevel.HIGH);
    }

    @Test
    void shorthandsOutsideALevelsGradesAreOrdinaryWords() {
        // there is no 4th grade of middle school: 중4 is not a level and grade
        assertThat(SearchTerms.parse("중4")).isEqualTo(new SearchTerms(List.of("중", "4"), null, null));
    }

    @Test
    void wordsAreKeptOnceInOrderAndFunctionWordsDropped() {
        assertThat(SearchTerms.parse("the maths of Maths and concepts").words()).containsExactly("math", "concept");
        assertThat(SearchTerms.parse("the of").isEmpty()).isTrue();
        assertThat(SearchTerms.parse("중학").isEmpty()).isFalse();
    }
}

package kr.seoullearn.catalog.domain;

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
        assertThat(SearchTerms.parse("Middle school maths, grade 2")).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, 2));
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
        assertThat(SearchTerms.parse("the maths of Maths and concepts").words()).containsExactly("수학", "concept");
        assertThat(SearchTerms.parse("the of").isEmpty()).isTrue();
        assertThat(SearchTerms.parse("중학").isEmpty()).isFalse();
    }

    private static SearchTerms t(List<String> words, SchoolLevel level, Integer grade) {
        return new SearchTerms(words, level, grade);
    }

    @Test
    void koreanTypedWithoutSpacesIsSplitIntoTheWordsTheIndexKnows() {
        assertThat(SearchTerms.parse("중학수학")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, null));
        assertThat(SearchTerms.parse("고등영어")).isEqualTo(t(List.of("영어"), SchoolLevel.HIGH, null));
        assertThat(SearchTerms.parse("초등코딩")).isEqualTo(t(List.of("코딩"), SchoolLevel.ELEMENTARY, null));
        assertThat(SearchTerms.parse("중등영어문법")).isEqualTo(t(List.of("영어", "문법"), SchoolLevel.MIDDLE, null));
        // a word the dictionary holds whole stays whole
        assertThat(SearchTerms.parse("일차함수")).isEqualTo(t(List.of("일차함수"), null, null));
    }

    @Test
    void gradeShorthandWorksInsideAWordAndAnywhere() {
        assertThat(SearchTerms.parse("중2수학")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("수학 고1")).isEqualTo(t(List.of("수학"), SchoolLevel.HIGH, 1));
        assertThat(SearchTerms.parse("초5과학")).isEqualTo(t(List.of("과학"), SchoolLevel.ELEMENTARY, 5));
        assertThat(SearchTerms.parse("중학교2학년수학")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("고2학년 영어")).isEqualTo(t(List.of("영어"), SchoolLevel.HIGH, 2));
    }

    @Test
    void abbreviationsBecomeTheirWords() {
        assertThat(SearchTerms.parse("영문법")).isEqualTo(t(List.of("영어", "문법"), null, null));
        assertThat(SearchTerms.parse("고등 확통")).isEqualTo(t(List.of("확률", "통계"), SchoolLevel.HIGH, null));
        assertThat(SearchTerms.parse("컴활")).isEqualTo(t(List.of("컴퓨터활용능력"), null, null));
    }

    @Test
    void vietnameseLevelsSubjectsAndYearsWithOrWithoutDiacritics() {
        assertThat(SearchTerms.parse("Toán lớp 8")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("toan lop 8")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("tiếng Anh THPT")).isEqualTo(t(List.of("영어"), SchoolLevel.HIGH, null));
        assertThat(SearchTerms.parse("Tiếng Anh lớp 3")).isEqualTo(t(List.of("영어"), SchoolLevel.ELEMENTARY, 3));
        assertThat(SearchTerms.parse("Lịch sử")).isEqualTo(t(List.of("역사"), null, null));
    }

    @Test
    void chineseIsSplitAndMapped() {
        assertThat(SearchTerms.parse("初中数学")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, null));
        assertThat(SearchTerms.parse("英语")).isEqualTo(t(List.of("영어"), null, null));
        assertThat(SearchTerms.parse("高一英语")).isEqualTo(t(List.of("영어"), SchoolLevel.HIGH, 1));
        assertThat(SearchTerms.parse("八年级数学")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("8年级数学")).isEqualTo(t(List.of("수학"), SchoolLevel.MIDDLE, 2));
    }

    @Test
    void englishNationalGradesPlaceTheLevel() {
        assertThat(SearchTerms.parse("grade 8 science")).isEqualTo(t(List.of("과학"), SchoolLevel.MIDDLE, 2));
        assertThat(SearchTerms.parse("english grammar")).isEqualTo(t(List.of("영어", "grammar"), null, null));
    }
}

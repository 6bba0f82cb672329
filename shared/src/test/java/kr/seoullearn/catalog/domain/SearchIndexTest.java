package kr.seoullearn.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static Course course(SchoolLevel level, Subject subject, String ko, String en) {
        return new Course("c1", "mbest", level, null, subject, ko, en, null, null, 60, 2);
    }

    @Test
    void aCourseCarriesItsSubjectWordEvenWhenItsTitleDoesNotSayIt() {
        assertThat(SearchIndex.words(course(SchoolLevel.ADULT, Subject.ENGLISH, "토익 입문", "TOEIC: introduction")))
                .contains("토익", "입문", "toeic", "introduction", "영어");
    }

    @Test
    void compoundsAreIndexedWholeAndInTheirPiecesAndAbbreviationsInTheirWords() {
        assertThat(SearchIndex.words(course(SchoolLevel.MIDDLE, Subject.MATH, "중학 수학 일차함수 개념", "Middle school maths: linear functions")))
                .contains("일차함수", "일차", "함수", "수학");
        assertThat(SearchIndex.words(course(SchoolLevel.ADULT, Subject.ENGLISH, "기초 영문법 입문", "Basic English grammar")))
                .contains("영문법", "영어", "문법");
        assertThat(SearchIndex.words(course(SchoolLevel.ELEMENTARY, Subject.SOCIAL, "초등 사회 경제생활 정리", "Elementary social studies")))
                .contains("경제생활", "경제", "생활");
    }

    @Test
    void theSameSplitServesTitleAndQuery() {
        for (String q : List.of("중학수학", "고등영어문법", "일차함수", "경제생활", "영문법")) {
            Course c = course(SchoolLevel.MIDDLE, Subject.MATH, q + " 완성", "x");
            assertThat(SearchIndex.words(c)).as(q).containsAll(SearchTerms.parse(q).words());
        }
    }

    @Test
    void suggestionsCompleteTheLastWord() {
        assertThat(Suggestions.of("toá", "vi", 8, p -> List.of())).contains("Toán", "Toán học");
        assertThat(Suggestions.of("Tieng a", "vi", 8, p -> List.of())).contains("tiếng Anh");
        assertThat(Suggestions.of("중2 수", "ko", 8, p -> p.equals("수") ? List.of("수학", "수열") : List.of()))
                .containsSubsequence("중2 수학", "중2 수열");
        assertThat(Suggestions.lastWord("중2수")).isEqualTo("수");
    }

    @Test
    void anExactTitleComesFirstOnItsPage() {
        Course a = new Course("a1", "mbest", SchoolLevel.MIDDLE, null, Subject.MATH, "중학 수학 심화", "x", null, null, 1, 1);
        Course b = new Course("b1", "mbest", SchoolLevel.MIDDLE, null, Subject.MATH, "수학 개념", "y", null, null, 1, 1);
        assertThat(TitleRank.exactFirst(List.of(a, b), "수학 개념")).containsExactly(b, a);
        assertThat(TitleRank.exactFirst(List.of(a, b), "없는 제목")).containsExactly(a, b);
    }
}

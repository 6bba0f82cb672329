package kr.seoullearn.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

class TitleWordsTest {

    @Test
    void aKoreanAndAnEnglishTitleGiveTheirWordsWithoutLevelAndFunctionWords() {
        assertThat(TitleWords.indexWords("중학 수학 2-1 개념 완성", "Middle school maths 2-1: core concepts"))
                .containsExactly("수학", "2-1", "개념", "완성", "math", "core", "concept");
    }

    @Test
    void koreanParticlesAreRemovedWhenTwoSyllablesRemain() {
        assertThat(TitleWords.tokens("수학을 영어는 과학과 문제들을 국어의")).containsExactly("수학", "영어", "과학", "문제", "국어");
        // nouns that merely end like a particle keep it: the stem would be one syllable
        assertThat(TitleWords.tokens("진로 국가 풀이 수와 교과")).containsExactly("진로", "국가", "풀이", "수와", "교과");
        // the longest particle that fits decides: 으로 is not shortened to 로
        assertThat(TitleWords.tokens("권으로 방정식으로")).containsExactly("권으로", "방정식");
    }

    @Test
    void englishWordsAreLowerCasedAndPluralsStemmedLightly() {
        assertThat(TitleWords.tokens("Maths MATHEMATICS Concepts Studies Classes Boxes Physics Grammar"))
                .containsExactly("math", "math", "concept", "study", "class", "box", "physic", "grammar");
        assertThat(TitleWords.tokens("bus analysis class's")).containsExactly("bus", "analysis", "class");
    }

    @Test
    void scriptChangesAndPunctuationSeparateWordsButGradeSemesterStaysOne() {
        assertThat(TitleWords.tokens("수학2 TOEIC700 (2026 개정)·사회·문화 2-1")).containsExactly("수학", "2", "toeic", "700", "2026", "개정", "사회", "문화", "2-1");
        assertThat(TitleWords.tokens("self-study 2-")).containsExactly("self", "study", "2");
    }

    @Test
    void fullWidthAndCompatibilityFormsAreFolded() {
        assertThat(TitleWords.tokens("ＭＡＴＨＳ　수학")).containsExactly("math", "수학");
    }

    @Test
    void levelWordsNameLevels() {
        assertThat(TitleWords.levelWord("중학")).contains(SchoolLevel.MIDDLE);
        assertThat(TitleWords.levelWord("elementary")).contains(SchoolLevel.ELEMENTARY);
        assertThat(TitleWords.levelWord("검정고시")).contains(SchoolLevel.NOT_IN_SCHOOL);
        assertThat(TitleWords.levelWord("수학")).isEmpty();
    }

    @Test
    void veryLongWordsAreCut() {
        String longWord = "가".repeat(60);
        assertThat(TitleWords.tokens(longWord)).singleElement().satisfies(w -> assertThat(w).hasSize(TitleWords.MAX_WORD_LENGTH));
    }

    @Test
    void nothingGivesNothing() {
        assertThat(TitleWords.tokens(null)).isEmpty();
        assertThat(TitleWords.tokens(" !?… ")).isEmpty();
        assertThat(TitleWords.indexWords("the of and")).isEmpty();
    }
}

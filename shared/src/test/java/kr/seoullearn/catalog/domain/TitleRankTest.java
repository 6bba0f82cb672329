package kr.seoullearn.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

class TitleRankTest {
    @Test
    void aTitlesKeyIgnoresSpacesCasePunctuationAndWidth() {
        assertThat(TitleRank.key("중학 수학 2-1 일차함수 개념 완성")).isEqualTo("중학수학21일차함수개념완성");
        assertThat(TitleRank.key("  중학수학 2-1, 일차함수!개념 완성 ")).isEqualTo(TitleRank.key("중학 수학 2-1 일차함수 개념 완성"));
        assertThat(TitleRank.key("Middle school MATHS 2-1: Linear functions")).isEqualTo("middleschoolmaths21linearfunctions");
        assertThat(TitleRank.key("ＩＴＱ　엑셀")).isEqualTo("itq엑셀"); // full-width letters and space (NFKC)
        assertThat(TitleRank.key("Toán lớp 8")).isEqualTo("toánlớp8");
    }

    @Test
    void noKeyForTextWithoutALetterOrDigitOrLongerThanAQuery() {
        assertThat(TitleRank.key(" - !")).isEmpty();
        assertThat(TitleRank.key(null)).isEmpty();
        assertThat(TitleRank.key("가".repeat(TitleRank.MAX_KEY_LENGTH))).hasSize(TitleRank.MAX_KEY_LENGTH);
        assertThat(TitleRank.key("가".repeat(TitleRank.MAX_KEY_LENGTH + 1))).isEmpty();
    }

    @Test
    void anExactMatchIsEitherTitleNeverTheEmptyKey() {
        assertThat(TitleRank.isExact("중학 수학 개념", "Middle school maths: concepts", TitleRank.key("중학수학 개념"))).isTrue();
        assertThat(TitleRank.isExact("중학 수학 개념", "Middle school maths: concepts", TitleRank.key("middle school maths concepts"))).isTrue();
        assertThat(TitleRank.isExact("중학 수학 개념 완성", "Middle school maths", TitleRank.key("중학 수학 개념"))).isFalse();
        assertThat(TitleRank.isExact("-", "!", TitleRank.key("?"))).isFalse();
    }

    @Test
    void withinAPageTheExactTitleComesFirstThenOneThatHoldsItThenTheRestAsRead() {
        Course a = course("a", "중학 수학 개념 완성");
        Course b = course("b", "중학 수학");
        Course c = course("c", "중학 영어");
        Course d = course("d", "고등 수학");
        assertThat(TitleRank.exactFirst(List.of(c, a, d, b), "중학 수학")).containsExactly(b, a, c, d);
    }

    private static Course course(String id, String ko) {
        return new Course(id, "mbest", SchoolLevel.MIDDLE, null, Subject.MATH, ko, ko, null, null, 600, 12);
    }
}

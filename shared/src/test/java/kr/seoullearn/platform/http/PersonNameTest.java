package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void namesInTheProgrammesLanguagesAreAccepted() {
        for (String name : new String[] {"김민지", "Nguyễn Thị Hoa", "王小明", "Anna-Lena O'Brien", "ميرا", "\u0915\u094D\u200D\u0937"}) {
            assertThat(PersonName.hasForbiddenCharacter(name)).as(name).isFalse();
        }
    }

    @Test
    void bidirectionalOverridesIsolatesAndMarksAreRefused() {
        for (int cp : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C}) {
            assertThat(PersonName.hasForbiddenCharacter("김" + Character.toString(cp) + "민지")).as("U+%04X", cp).isTrue();
        }
    }

    @Test
    void controlsInvisibleCharactersAndLoneSurrogatesAreRefused() {
        for (String s : new String[] {"a\u0000b", "a\nb", "a\u0085b", "a\u2028b", "a\u200Bb", "a\u2060b", "a\uFEFFb",
                "a\u00ADb", "a\uD800b", "a\uE000b", "a\u0378b"}) {
            assertThat(PersonName.hasForbiddenCharacter(s)).as(s.codePoints().mapToObj(Integer::toHexString).toList().toString())
                    .isTrue();
        }
    }

    @Test
    void aDecomposedHangulNameIsStoredAsTheComposedOne() {
        String decomposed = "\u1100\u1175\u11B7"; // ㄱ ㅣ ㅁ as conjoining jamo: 김
        assertThat(PersonName.hasForbiddenCharacter(decomposed)).isFalse();
        assertThat(PersonName.normalise(" " + decomposed + " ")).isEqualTo("김");
    }

    @Property(tries = 300)
    void noAcceptedNameHoldsAFormatOrControlCharacter(@ForAll @StringLength(max = 12) @CharRange(from = 0, to = 0x3000) String s) {
        if (!PersonName.hasForbiddenCharacter(s)) {
            assertThat(s.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                    || (Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D));
        }
    }
}

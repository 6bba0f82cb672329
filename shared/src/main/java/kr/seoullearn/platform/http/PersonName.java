package kr.seoullearn.platform.http;

import java.text.Normalizer;

/**
 * What a person's name typed into a form may hold (docs/adr/0021). Names are shown to staff
 * beside other names and, normalised, identify a claimed child; so characters that are
 * invisible or reorder what is shown are refused, not silently removed: C0/C1 controls, line
 * and paragraph separators, every format character (bidirectional embeddings, overrides and
 * isolates, zero-width space, word joiner, soft hyphen, BOM) except the zero-width (non-)joiner
 * some scripts need, unpaired surrogates, private-use and unassigned code points. What is
 * accepted is stripped and put in Unicode NFC, so the same name typed on two keyboards (a
 * precomposed or a decomposed Hangul syllable) is stored the same way.
 */
public final class PersonName {
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private PersonName() {}

    /** Whether the text holds a character a name may not hold. */
    public static boolean hasForbiddenCharacter(String text) {
        return text.codePoints().anyMatch(PersonName::forbidden);
    }

    /** The name as it is stored: NFC, stripped. Call only on text without forbidden characters. */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    static boolean forbidden(int cp) {
        if (cp == ZERO_WIDTH_NON_JOINER || cp == ZERO_WIDTH_JOINER) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}

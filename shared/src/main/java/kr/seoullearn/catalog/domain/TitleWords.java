package kr.seoullearn.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * The words of a course title as the search index keeps them, and of a query as the search
 * looks them up — the same function on both sides, so a word matches when it normalises the
 * same way (docs/adr/0008-catalogue-search.md).
 *
 * <ul>
 *   <li>NFKC, lower case; anything but letters, digits and a hyphen between digits ("2-1")
 *       separates words; a change of script separates words too ("수학2" → 수학, 2).</li>
 *   <li>Korean: words are split on spaces; up to two trailing particles or the plural 들 are
 *       removed, the longest that fits first, when at least two syllables remain (수학을 → 수학,
 *       문제들을 → 문제; 진로, 국가 and 수와 stay). No morphological analysis: compounds written
 *       without a space (중학수학) are one word.</li>
 *   <li>English: light stemming of plurals (maths → math, concepts → concept, studies → study)
 *       and a few aliases (mathematics → math); common function words are ignored.</li>
 *   <li>Words naming a school level (중학, 고등학교, middle, elementary, 검정고시…) are not
 *       index words: every course has its level, and a query uses them as a level filter.</li>
 * </ul>
 */
public final class TitleWords {
    /** Longer words are cut: they are never typed, and keys stay small. */
    public static final int MAX_WORD_LENGTH = 40;

    private static final List<String> PARTICLES = List.of(
            "에서는", "으로는", "에게서", "이라는",
            "에서", "에게", "으로", "부터", "까지", "처럼", "보다", "이랑", "하고", "이나", "라는",
            "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "들");

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "by", "at", "from",
            "school", "your", "you", "how", "is", "are", "course", "class", "level");

    private static final Map<String, String> ALIASES = Map.of(
            "mathematics", "math", "maths", "math", "mathematic", "math");

    private static final Map<String, SchoolLevel> LEVEL_WORDS = Map.ofEntries(
            Map.entry("초등", SchoolLevel.ELEMENTARY), Map.entry("초등학교", SchoolLevel.ELEMENTARY),
            Map.entry("초등학생", SchoolLevel.ELEMENTARY), Map.entry("elementary", SchoolLevel.ELEMENTARY),
            Map.entry("primary", SchoolLevel.ELEMENTARY),
            Map.entry("중학", SchoolLevel.MIDDLE), Map.entry("중학교", SchoolLevel.MIDDLE), Map.entry("중등", SchoolLevel.MIDDLE),
            Map.entry("중학생", SchoolLevel.MIDDLE), Map.entry("middle", SchoolLevel.MIDDLE),
            Map.entry("고등", SchoolLevel.HIGH), Map.entry("고등학교", SchoolLevel.HIGH), Map.entry("고교", SchoolLevel.HIGH),
            Map.entry("고등학생", SchoolLevel.HIGH), Map.entry("high", SchoolLevel.HIGH),
            Map.entry("검정고시", SchoolLevel.NOT_IN_SCHOOL), Map.entry("ged", SchoolLevel.NOT_IN_SCHOOL),
            Map.entry("평생교육", SchoolLevel.ADULT), Map.entry("성인", SchoolLevel.ADULT), Map.entry("lifelong", SchoolLevel.ADULT),
            Map.entry("adult", SchoolLevel.ADULT));

    private TitleWords() {}

    /** The index words of a course: the words of both titles, without level and function words, in order, once each. */
    public static Set<String> indexWords(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            for (String token : tokens(text)) {
                if (!isStopWord(token) && levelWord(token).isEmpty()) {
                    words.add(token);
                }
            }
        }
        return words;
    }

    /** Every normalised token of a text, in order (level and function words included). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("['’]s\\b", "").replace("'", "").replace("’", "");
        StringBuilder run = new StringBuilder();
        int runClass = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            int cls = charClass(cp);
            if (cp == '-' && runClass == DIGIT && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                run.append('-'); // "2-1" stays one word
                i += n;
                continue;
            }
            if (cls != runClass || cls == OTHER) {
                flush(run, runClass, out);
                runClass = cls;
            }
            if (cls != OTHER) {
                run.appendCodePoint(cp);
            }
            i += n;
        }
        flush(run, runClass, out);
        return out;
    }

    public static boolean isStopWord(String token) {
        return STOP_WORDS.contains(token);
    }

    /** The school level a normalised token names (중학 → MIDDLE), if it names one. */
    public static Optional<SchoolLevel> levelWord(String token) {
        return Optional.ofNullable(LEVEL_WORDS.get(token));
    }

    private static final int HANGUL = 0;
    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int OTHER = 3;

    private static int charClass(int cp) {
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        if (Character.isLetter(cp)) {
            return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL ? HANGUL : LETTER;
        }
        return OTHER;
    }

    private static void flush(StringBuilder run, int cls, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        String word = run.toString();
        run.setLength(0);
        word = switch (cls) {
            case HANGUL -> stripParticles(word);
            case LETTER -> stem(word);
            default -> word;
        };
        if (word.length() > MAX_WORD_LENGTH) {
            word = word.substring(0, MAX_WORD_LENGTH);
        }
        if (!word.isEmpty()) {
            out.add(word);
        }
    }

    static String stripParticles(String word) {
        for (int round = 0; round < 2; round++) {
            String stripped = null;
            for (String p : PARTICLES) {
                if (word.endsWith(p)) {
                    // the longest particle that fits decides: 권으로 keeps its 으로 rather than losing only 로
                    stripped = word.length() - p.length() >= 2 ? word.substring(0, word.length() - p.length()) : null;
                    break;
                }
            }
            if (stripped == null) {
                return word;
            }
            word = stripped;
        }
        return word;
    }

    static String stem(String word) {
        String alias = ALIASES.get(word);
        if (alias != null) {
            return alias;
        }
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && (w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        return ALIASES.getOrDefault(w, w);
    }
}

package kr.seoullearn.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Suggestions as someone types (docs/adr/0020): the text typed so far with its last word
 * completed — by a phrase of the search vocabulary (levels, grades, subjects in ko/en/vi/zh,
 * abbreviations; "toá" → "Toán", "tiếng a" → "tiếng Anh") and by the catalogue's index words
 * that begin with it ("수" → 수학, 수능, 수열), the most used first.
 */
public final class Suggestions {
    private Suggestions() {}

    /** Where the last word typed starts: after the last space, or at the last change of script (중2수 → 수). */
    public static int lastWordStart(String typed) {
        int start = typed.length();
        int cls = -1;
        while (start > 0) {
            int cp = typed.codePointBefore(start);
            int c = Character.isWhitespace(cp) ? -2 : Character.isDigit(cp) ? 0
                    : Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL ? 1
                    : Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : Character.isLetter(cp) ? 3 : -2;
            if (c == -2 || (cls != -1 && c != cls)) {
                break;
            }
            cls = c;
            start -= Character.charCount(cp);
        }
        return start;
    }

    /** The last word typed, as index words are written (NFKC, lower case). */
    public static String lastWord(String typed) {
        String text = Normalizer.normalize(typed.stripTrailing(), Normalizer.Form.NFKC);
        return text.substring(lastWordStart(text)).toLowerCase(Locale.ROOT);
    }

    /**
     * Up to {@code limit} completions of {@code typed}: vocabulary phrases first (the caller's
     * language first), then index words from {@code wordsStartingWith} (already ordered by use).
     */
    public static List<String> of(String typed, String language, int limit, Function<String, List<String>> wordsStartingWith) {
        String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s+", " ").stripLeading();
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(" ", -1);
        List<SearchVocabulary.Phrase> phrases = new ArrayList<>(SearchVocabulary.get().phrases());
        phrases.sort((a, b) -> Boolean.compare(!a.language().equals(language), !b.language().equals(language)));
        // the last one to three words typed may be the start of a phrase ("tiếng a", "social st")
        for (int n = Math.min(3, parts.length); n >= 1 && out.size() < limit; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(parts, parts.length - n, parts.length));
            String head = text.substring(0, text.length() - tail.length());
            String wanted = fold(tail);
            if (wanted.isBlank() || (n > 1 && parts[parts.length - n].isEmpty())) {
                continue;
            }
            int before = out.size();
            for (SearchVocabulary.Phrase p : phrases) {
                if (out.size() == limit) {
                    break;
                }
                String folded = fold(p.text());
                if (folded.startsWith(wanted) && !folded.equals(wanted)) {
                    add(out, head + p.text());
                }
            }
            if (out.size() > before) {
                break; // the longest tail that starts a phrase decides ("tiếng a" → tiếng Anh, not "tiếng adult")
            }
        }
        String last = lastWord(text);
        if (!last.isEmpty() && out.size() < limit && !text.endsWith(" ")) {
            String head = text.substring(0, lastWordStart(text));
            for (String w : wordsStartingWith.apply(last)) {
                if (out.size() == limit) {
                    break;
                }
                if (!w.equals(last)) {
                    add(out, head + w);
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, String> out, String suggestion) {
        out.putIfAbsent(fold(suggestion), suggestion);
    }

    /** Lower case, without Vietnamese diacritics: "Tiếng Anh" and "tieng anh" are the same start. */
    static String fold(String s) {
        return SearchVocabulary.bare(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }
}

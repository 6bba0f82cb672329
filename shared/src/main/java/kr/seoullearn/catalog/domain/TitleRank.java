package kr.seoullearn.catalog.domain;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Exact title matches first (docs/adr/0020). A title's <em>key</em> is its text in NFKC,
 * lower case, with everything but letters and digits left out ("중학 수학 2-1" → 중학수학21); a
 * course whose Korean or English title has the key of what was typed is an exact match. Across
 * pages the exact matches come first through the index of title keys (the catalogue adapter);
 * within a page, an exact match comes first, then a course whose title holds what was typed, and
 * the rest keep the order they were read in, so the page stays the same page.
 */
public final class TitleRank {
    /** Longest key that is indexed and looked up (a query is at most 100 characters). */
    public static final int MAX_KEY_LENGTH = 100;

    private TitleRank() {}

    public static List<Course> exactFirst(List<Course> courses, String typed) {
        String q = squash(typed);
        if (q.isEmpty()) {
            return courses;
        }
        return courses.stream().sorted(Comparator.comparingInt(c -> rank(c, q))).toList();
    }

    /** The key of a title or of a query, or "" when it has no letter or digit or is longer than {@link #MAX_KEY_LENGTH}. */
    public static String key(String text) {
        String k = squash(text);
        return k.length() > MAX_KEY_LENGTH ? "" : k;
    }

    /** Whether one of the course's titles has this key (never for the empty key). */
    public static boolean isExact(String titleKo, String titleEn, String key) {
        return !key.isEmpty() && (key.equals(key(titleKo)) || key.equals(key(titleEn)));
    }

    private static int rank(Course c, String q) {
        String ko = squash(c.titleKo());
        String en = squash(c.titleEn());
        if (ko.equals(q) || en.equals(q)) {
            return 0;
        }
        return ko.contains(q) || en.contains(q) ? 1 : 2;
    }

    static String squash(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}

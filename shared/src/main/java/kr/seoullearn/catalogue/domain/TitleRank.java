package kr.seoullearn.catalogue.domain;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Exact title matches first (docs/adr/0020): within a page, a course whose title (Korean or
 * English) is what was typed, ignoring case, spaces and punctuation, comes first, then one whose
 * title holds it; the rest keep the order they were read in, so the page stays the same page.
 */
public final class TitleRank {
    private TitleRank() {}

    public static List<Course> exactFirst(List<Course> courses, String typed) {
        String q = squash(typed);
        if (q.isEmpty()) {
            return courses;
        }
        return courses.stream().sorted(Comparator.comparingInt(c -> rank(c, q))).toList();
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

package kr.seoullearn.catalog.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import kr.seoullearn.platform.school.SchoolLevel;

/** How many courses hold each index word of their titles, per level: what search plans with. */
public final class WordCounts {
    private WordCounts() {}

    /** Word → level → courses of that level whose titles hold the word. */
    public static Map<String, Map<SchoolLevel, Integer>> of(Collection<Course> courses) {
        Map<String, Map<SchoolLevel, Integer>> counts = new TreeMap<>();
        for (Course c : courses) {
            for (String w : SearchIndex.words(c)) {
                counts.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(c.level(), 1, Integer::sum);
            }
        }
        return counts;
    }
}

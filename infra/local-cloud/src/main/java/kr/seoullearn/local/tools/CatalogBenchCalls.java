package kr.seoullearn.local.tools;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.catalog.dynamo.CatalogStorage;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What {@link CatalogBench} asks of the catalogue code it measures, written so that it
 * compiles and runs against this commit's and an earlier commit's (infra/bench/catalogue-compare.sh):
 * the port's newer calls and classes are looked up by reflection, and "not in this version" is null.
 */
final class CatalogBenchCalls {
    private CatalogBenchCalls() {}

    /** One page of a scenario through the port as the function calls it; null where this version has no such call. */
    static Catalog.CoursePage page(Catalog catalogue, CatalogBench.Scenario s, String cursor) {
        if (s.browse() != null) {
            return catalogue.browse(s.browse(), cursor, 20);
        }
        try {
            if (s.suggest() != null) {
                Method words = method(Catalog.class, "wordsStartingWith", 3);
                Class<?> suggestions = Class.forName("kr.seoullearn.catalog.domain.Suggestions");
                if (words == null) {
                    return null;
                }
                String last = (String) suggestions.getMethod("lastWord", String.class).invoke(null, s.suggest());
                int n = ((List<?>) words.invoke(catalogue, last, null, 8)).size();
                return new Catalog.CoursePage(List.of(), null, n, n); // calls: the words suggested
            }
            Object prefer = null;
            if (s.rankLevel() != null) {
                Class<?> preference = Class.forName("kr.seoullearn.catalog.port.Catalog$Preference");
                prefer = preference.getConstructor(SchoolLevel.class, Integer.class).newInstance(s.rankLevel(), s.rankGrade());
            }
            Method typed = method(Catalog.class, "search", 5);
            if (typed != null) {
                // the text as typed goes with the terms, as the function hands it on (exact titles first)
                return (Catalog.CoursePage) typed.invoke(catalogue, s.terms(), s.q(), prefer, cursor, 20);
            }
            if (prefer != null) {
                Method ranked = method(Catalog.class, "search", 4);
                return ranked == null ? null : (Catalog.CoursePage) ranked.invoke(catalogue, s.terms(), prefer, cursor, 20);
            }
            return catalogue.search(s.terms(), cursor, 20);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Method method(Class<?> type, String name, int parameters) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == parameters) {
                return m;
            }
        }
        return null;
    }

    /**
     * The index the seeder wrote for this catalogue, per course: listings, word postings, exact
     * title items (where this version has them), and in all; the word postings of the title
     * words alone too (what the index held before docs/adr/0020).
     */
    static void printIndexSize(int size) {
        var providers = kr.seoullearn.local.seed.CatalogSeeder.launchData().providers();
        var generated = kr.seoullearn.local.seed.CatalogGenerator.generate(providers, size, kr.seoullearn.local.seed.CatalogGenerator.DEFAULT_SEED);
        Method searchIndex = null;
        try {
            searchIndex = Class.forName("kr.seoullearn.catalog.domain.SearchIndex").getMethod("words", kr.seoullearn.catalog.domain.Course.class);
        } catch (ReflectiveOperationException e) {
            // before docs/adr/0020 a course's index words were its titles' words
        }
        long items = 0;
        long listings = 0;
        long postings = 0;
        long titlePostings = 0;
        java.util.Set<String> titleWords = new java.util.HashSet<>();
        for (var c : generated) {
            items += CatalogStorage.indexItems(c);
            listings += c.grade() == null ? 2 : 3;
            var own = kr.seoullearn.catalog.domain.TitleWords.indexWords(c.titleKo(), c.titleEn());
            try {
                postings += searchIndex == null ? own.size() : ((java.util.Set<?>) searchIndex.invoke(null, c)).size();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            titlePostings += own.size();
            titleWords.addAll(own);
        }
        int words = kr.seoullearn.catalog.domain.WordCounts.of(generated).size();
        long titles = items - listings - postings;
        System.out.printf("%nIndex: %,d courses; per course %.2f listings + %.2f word postings + %.2f exact-title items = %.2f index items "
                        + "(%,d); + %,d word-count items + %,d course records = %,d items.%n",
                size, listings / (double) size, postings / (double) size, titles / (double) size, items / (double) size, items, words, size,
                items + words + size);
        System.out.printf("Title words only (the index before docs/adr/0020): %.2f postings per course, %,d distinct words.%n",
                titlePostings / (double) size, titleWords.size());
        for (String title : CatalogBench.EXACT_TITLES) {
            System.out.println(exactTitleRank(generated, title, searchIndex));
        }
    }

    /** Where the ranked order (level, grade, id) puts the courses titled {@code title} among those holding all its words. */
    static String exactTitleRank(List<kr.seoullearn.catalog.domain.Course> generated, String title, Method searchIndex) {
        SearchTerms terms = SearchTerms.parse(title);
        List<kr.seoullearn.catalog.domain.Course> matching = new ArrayList<>();
        for (var c : generated) {
            java.util.Set<?> words;
            try {
                words = searchIndex == null ? kr.seoullearn.catalog.domain.TitleWords.indexWords(c.titleKo(), c.titleEn())
                        : (java.util.Set<?>) searchIndex.invoke(null, c);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if ((terms.level() == null || c.level() == terms.level()) && (terms.grade() == null || terms.grade().equals(c.grade()))
                    && words.containsAll(terms.words())) {
                matching.add(c);
            }
        }
        matching.sort(java.util.Comparator.comparing(c -> c.level().name() + "#" + String.format("%02d", c.grade() == null ? 0 : c.grade()) + "#" + c.id()));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < matching.size(); i++) {
            var c = matching.get(i);
            if (c.titleKo().replace(" ", "").equals(title.replace(" ", "")) || c.titleEn().equals(title)) {
                at.add(i + 1);
            }
        }
        return String.format("Exact title `%s` (%s): %,d courses hold its words; in the ranked order the exact ones are at %s (pages of 10: %s).",
                title, terms, matching.size(), at, at.stream().map(i -> (i - 1) / 10 + 1).distinct().toList());
    }

}

package kr.seoullearn.functions.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.SearchIndex;
import kr.seoullearn.catalog.domain.TitleRank;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/** A catalogue in memory for the handler's unit tests: same answers, no paging beyond one page, no storage. */
final class InMemoryCatalog implements Catalog {
    final List<Provider> providers = new ArrayList<>();
    final Map<String, List<ProviderSeats>> seats = new TreeMap<>();
    final List<Course> courses = new ArrayList<>();
    BrowseFilter lastBrowse;
    SearchTerms lastSearch;
    Preference lastPreference;
    String lastTyped;
    int calls;

    @Override
    public List<Provider> providers() {
        calls++;
        return providers.stream().sorted(Comparator.comparing(Provider::id)).toList();
    }

    @Override
    public Optional<Map<String, ProviderSeats>> seats(TenantId tenant, List<String> providerIds) {
        calls++;
        List<ProviderSeats> of = seats.get(tenant.value());
        if (of == null) {
            return Optional.empty();
        }
        Map<String, ProviderSeats> found = new TreeMap<>();
        of.stream().filter(s -> providerIds.contains(s.providerId())).forEach(s -> found.put(s.providerId(), s));
        return Optional.of(found);
    }

    @Override
    public CoursePage browse(BrowseFilter f, String cursor, int limit) {
        calls++;
        lastBrowse = f;
        return new CoursePage(courses.stream()
                .filter(c -> f.level() == null || c.level() == f.level())
                .filter(c -> f.subject() == null || c.subject() == f.subject())
                .filter(c -> f.providerId() == null || c.providerId().equals(f.providerId()))
                .filter(c -> f.grade() == null || f.grade().equals(c.grade()))
                .limit(limit).toList(), null, 1, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, String cursor, int limit) {
        calls++;
        lastSearch = terms;
        return new CoursePage(courses.stream()
                .filter(c -> terms.level() == null || c.level() == terms.level())
                .filter(c -> terms.grade() == null || terms.grade().equals(c.grade()))
                .filter(c -> SearchIndex.words(c).containsAll(terms.words()))
                .limit(limit).toList(), null, 1, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, Preference prefer, String cursor, int limit) {
        lastPreference = prefer;
        return search(terms, cursor, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, String typed, Preference prefer, String cursor, int limit) {
        lastTyped = typed;
        lastPreference = prefer;
        calls++;
        lastSearch = terms;
        String key = typed == null ? "" : TitleRank.key(typed);
        return new CoursePage(courses.stream()
                .filter(c -> terms.level() == null || c.level() == terms.level())
                .filter(c -> terms.grade() == null || terms.grade().equals(c.grade()))
                .filter(c -> TitleRank.isExact(c.titleKo(), c.titleEn(), key) || SearchIndex.words(c).containsAll(terms.words()))
                .sorted(Comparator.comparing(c -> !TitleRank.isExact(c.titleKo(), c.titleEn(), key)))
                .limit(limit).toList(), null, 1, limit);
    }

    @Override
    public List<WordUse> wordsStartingWith(String prefix, SchoolLevel level, int limit) {
        calls++;
        Map<String, Integer> uses = new TreeMap<>();
        courses.stream().filter(c -> level == null || c.level() == level)
                .forEach(c -> SearchIndex.words(c).stream().filter(w -> w.startsWith(prefix)).forEach(w -> uses.merge(w, 1, Integer::sum)));
        return uses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).map(e -> new WordUse(e.getKey(), e.getValue())).toList();
    }
}

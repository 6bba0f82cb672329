package kr.seoullearn.catalog.port;

import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.Subject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The port the public catalogue routes read through. Every method costs a bounded number of
 * storage calls, reported on each page (docs/data-model.md, patterns 16–20).
 */
public interface Catalog {
    /** Most courses on one page. */
    int MAX_PAGE = 50;
    /** Queries one page may cost at most (plus one BatchGetItem on the first page of a search of several words). */
    int MAX_QUERIES_PER_PAGE = 3;

    /** Every provider, active or not, ordered by id. */
    List<Provider> providers();

    /**
     * The seats of these providers in a tenant, by provider id (providers without donated seats
     * are absent); empty when the tenant does not exist.
     */
    Optional<Map<String, ProviderSeats>> seats(TenantId tenant, List<String> providerIds);

    /** One page of courses matching every given filter; at least level or provider is set. */
    CoursePage browse(BrowseFilter filter, String cursor, int limit);

    /** One page of courses whose titles hold every word of the terms (and match its level and grade). */
    CoursePage search(SearchTerms terms, String cursor, int limit);

    /**
     * The same, with the courses of a learner's level and grade first (then the rest of their
     * level, then the other levels); every page in a stable order, so paging neither skips nor repeats.
     */
    default CoursePage search(SearchTerms terms, Preference prefer, String cursor, int limit) {
        return search(terms, cursor, limit);
    }

    /**
     * The same, with the exact title matches first: the courses whose Korean or English title is
     * what was {@code typed} (ignoring case, spaces and punctuation: {@code TitleRank.key}) come
     * before all others, once, then the rest in the order above without them — across pages, so
     * that paging neither skips nor repeats. A null {@code typed} or {@code prefer} asks for no such order.
     */
    default CoursePage search(SearchTerms terms, String typed, Preference prefer, String cursor, int limit) {
        return prefer == null ? search(terms, cursor, limit) : search(terms, prefer, cursor, limit);
    }

    /** Most words one suggestion list offers. */
    int MAX_SUGGESTIONS = 10;

    /**
     * Index words beginning with {@code prefix} (normalised), the most used first (in the level, if
     * given): one Query of at most {@value #SUGGESTION_READ} items.
     */
    List<WordUse> wordsStartingWith(String prefix, SchoolLevel level, int limit);

    /** Items one suggestion Query reads at most. */
    int SUGGESTION_READ = 100;

    /** An index word and how many courses (of the level asked about) hold it. */
    record WordUse(String word, int courses) {}

    /** Whose level and grade come first in a search: a signed-in learner's (null: nobody's). */
    record Preference(SchoolLevel level, Integer grade) {}

    /** Filters of a browse; null means "any". */
    record BrowseFilter(SchoolLevel level, Subject subject, String providerId, Integer grade) {}

    /**
     * A page of courses; {@code next} is the opaque cursor of the following page (null on the
     * last). A page may hold fewer than the limit (even none) and still have a next one, when
     * its read budget ran out first. {@code calls} and {@code itemsRead} are what it cost.
     */
    record CoursePage(List<Course> items, String next, int calls, int itemsRead) {
        public CoursePage {
            items = List.copyOf(items);
        }

        public static CoursePage empty(int calls, int itemsRead) {
            return new CoursePage(List.of(), null, calls, itemsRead);
        }
    }
}

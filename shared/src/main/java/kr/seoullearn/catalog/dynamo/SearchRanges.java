package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.List;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * The ranges of a word's postings ({@code <LEVEL>#<grade 00-06>#<courseId>}) a search reads, in
 * the order its results come (docs/adr/0020): the level and grade asked for as a key prefix;
 * for a learner, their level and grade first, then the rest of their level, then the other
 * levels. Each range is read in key order, so pages follow each other without gaps or repeats.
 */
final class SearchRanges {
    private SearchRanges() {}

    static List<QueryPlan.Range> of(SearchTerms terms, Catalog.Preference prefer) {
        List<QueryPlan.Range> ranges = new ArrayList<>();
        if (terms.level() != null) {
            if (terms.grade() != null) {
                ranges.add(QueryPlan.Range.prefix(level(terms.level()) + CatalogKeys.grade(terms.grade()) + "#"));
            } else if (prefer != null && prefer.level() == terms.level()) {
                ranges.addAll(level(terms.level(), prefer.grade()));
            } else {
                ranges.add(QueryPlan.Range.prefix(level(terms.level())));
            }
            return ranges;
        }
        if (prefer == null || prefer.level() == null) {
            ranges.add(new QueryPlan.Range(CatalogKeys.FIRST_LEVEL, QueryPlan.TOP));
            return ranges;
        }
        String first = level(prefer.level());
        ranges.addAll(level(prefer.level(), terms.grade() == null ? prefer.grade() : null));
        ranges.add(new QueryPlan.Range(CatalogKeys.FIRST_LEVEL, first));
        ranges.add(new QueryPlan.Range(first + QueryPlan.TOP, QueryPlan.TOP));
        return ranges;
    }

    /** The keys of the level and grade the terms name, in one range (all levels without one). */
    static QueryPlan.Range matching(SearchTerms terms) {
        if (terms.level() == null) {
            return new QueryPlan.Range(CatalogKeys.FIRST_LEVEL, QueryPlan.TOP);
        }
        return QueryPlan.Range.prefix(level(terms.level()) + (terms.grade() == null ? "" : CatalogKeys.grade(terms.grade()) + "#"));
    }

    /** A level's postings, its grade's first when one is given. */
    private static List<QueryPlan.Range> level(SchoolLevel level, Integer grade) {
        String l = level(level);
        if (grade == null || grade < 1 || grade > level.grades()) {
            return List.of(QueryPlan.Range.prefix(l));
        }
        String g = l + CatalogKeys.grade(grade) + "#";
        return List.of(QueryPlan.Range.prefix(g), new QueryPlan.Range(l, g), new QueryPlan.Range(g + QueryPlan.TOP, l + QueryPlan.TOP));
    }

    private static String level(SchoolLevel level) {
        return level.name() + "#";
    }
}

package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.catalog.port.Catalog.BrowseFilter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which partition a page of courses is read from, over which key ranges in which order, with
 * which filter, and the fingerprint its cursors carry (docs/adr/0008, 0020). Most plans read one
 * range (a prefix, or all keys from {@code from}); a search ranked for a learner reads their
 * level and grade's range first, then the rest of the level, then the other levels.
 */
record QueryPlan(String partition, String prefix, String from, Filter filter, String fingerprint, List<Range> ranges, String skipTitle) {
    /** Above every sort key of the catalogue (keys are ASCII). */
    static final String TOP = "\uffff";

    /**
     * Sort keys from {@code low} to {@code high}, both included; a null low means the whole
     * partition. A range of another partition than the plan's (the exact titles' of a search)
     * names it, with its own filter; null means the plan's.
     */
    record Range(String low, String high, String partition, Filter filter) {
        Range(String low, String high) {
            this(low, high, null, null);
        }

        static Range prefix(String prefix) {
            return new Range(prefix, prefix + TOP);
        }

        /** The same keys of another partition, read with this filter. */
        Range in(String otherPartition, Filter otherFilter) {
            return new Range(low, high, otherPartition, otherFilter);
        }

        /** Whether this range reads the plan's own partition. */
        boolean isOwn() {
            return partition == null;
        }

        boolean holds(String sortKey) {
            return low == null || (sortKey.compareTo(low) >= 0 && sortKey.compareTo(high) <= 0);
        }

        boolean isPrefix() {
            return low != null && high.equals(low + TOP);
        }
    }

    QueryPlan(String partition, String prefix, String from, Filter filter, String fingerprint) {
        this(partition, prefix, from, filter, fingerprint, List.of(!prefix.isEmpty() ? Range.prefix(prefix)
                : from != null ? new Range(from, TOP) : new Range(null, null)), "");
    }

    /**
     * A plan over these ranges, read in this order; in the plan's own partition an item whose
     * title has the key {@code skipTitle} is passed over (it was shown among the exact title
     * matches, which a range of their own partition reads first; "" skips nothing).
     */
    static QueryPlan ranked(String partition, List<Range> ranges, Filter filter, String fingerprint, String skipTitle) {
        return new QueryPlan(partition, "", null, filter, fingerprint, List.copyOf(ranges), skipTitle);
    }

    /** The partition a range reads. */
    String partitionOf(Range range) {
        return range.isOwn() ? partition : range.partition();
    }

    /** The filter a range is read with. */
    Filter filterOf(Range range) {
        return range.isOwn() ? filter : range.filter();
    }

    /** The start key of a cursor, if it lies inside the partition and the range of this plan it names. */
    Map<String, AttributeValue> start(CatalogCursor.Position p) {
        if (p.range() < 0 || p.range() >= ranges.size() || p.sortKey().length() > 1024
                || !p.partition().equals(partitionOf(ranges.get(p.range()))) || !ranges.get(p.range()).holds(p.sortKey())) {
            throw CatalogCursor.invalid();
        }
        return p.key();
    }

    /**
     * Chooses the partition to browse: the level's (sort key subject, grade, provider), the level
     * and grade's (subject, provider) or the provider's (level, subject, grade) — whichever leaves
     * the fewest filters that are no key prefix, then the narrower partition. The rest become a
     * filter expression. Without a level, a provider's subject or grade is such a filter: the web
     * app sends the level with the provider (the providers route lists their levels).
     */
    static QueryPlan browse(BrowseFilter f) {
        if (f.level() == null && f.providerId() == null) {
            throw new IllegalArgumentException("browse needs a level or a provider");
        }
        String fingerprint = CatalogCursor.fingerprint("B|" + f.level() + "|" + f.subject() + "|" + f.providerId() + "|" + f.grade());
        Component level = new Component("level", f.level() == null ? null : f.level().name(), AttributeValue::fromS);
        Component subject = new Component("subject", f.subject() == null ? null : f.subject().name(), AttributeValue::fromS);
        Component grade = new Component("grade", f.grade() == null ? null : CatalogKeys.grade(f.grade()),
                g -> AttributeValue.fromN(Integer.toString(Integer.parseInt(g))));
        Component provider = new Component("providerId", f.providerId(), AttributeValue::fromS);
        List<QueryPlan> candidates = new ArrayList<>();
        if (f.level() != null && f.grade() != null) {
            candidates.add(over(CatalogKeys.levelGradeCourses(f.level(), f.grade()), fingerprint, List.of(subject, provider)));
        }
        if (f.providerId() != null) {
            candidates.add(over(CatalogKeys.providerCourses(f.providerId()), fingerprint, List.of(level, subject, grade)));
        }
        if (f.level() != null) {
            candidates.add(over(CatalogKeys.levelCourses(f.level()), fingerprint, List.of(subject, grade, provider)));
        }
        QueryPlan best = candidates.get(0);
        for (QueryPlan p : candidates) {
            if (p.filter().size() < best.filter().size()) {
                best = p;
            }
        }
        return best;
    }

    /** One part of a listing's sort key, and the attribute that filters on it when it cannot be a prefix. */
    private record Component(String attribute, String value, Function<String, AttributeValue> typed) {}

    /** A plan over a partition whose sort key is made of these components, in order. */
    private static QueryPlan over(String partition, String fingerprint, List<Component> order) {
        List<String> prefix = new ArrayList<>();
        Filter filter = new Filter();
        boolean inPrefix = true;
        for (Component c : order) {
            if (c.value() == null) {
                inPrefix = false;
            } else if (inPrefix) {
                prefix.add(c.value());
            } else {
                filter.equal(c.attribute(), c.typed().apply(c.value()));
            }
        }
        return new QueryPlan(partition, prefix.isEmpty() ? "" : String.join("#", prefix) + "#", null, filter, fingerprint);
    }

    /** A conjunction of conditions on item attributes, with placeholders. */
    static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        void equal(String attribute, AttributeValue value) {
            add(attribute, value, "#f%d = :f%d");
        }

        void contains(String attribute, AttributeValue value) {
            add(attribute, value, "contains(#f%d, :f%d)");
        }

        private void add(String attribute, AttributeValue value, String condition) {
            int i = conditions.size();
            names.put("#f" + i, attribute);
            values.put(":f" + i, value);
            conditions.add(String.format(condition, i, i));
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }

        int size() {
            return conditions.size();
        }

        Map<String, String> names() {
            return names;
        }

        Map<String, AttributeValue> values() {
            return values;
        }

        String expression() {
            return String.join(" AND ", conditions);
        }
    }
}

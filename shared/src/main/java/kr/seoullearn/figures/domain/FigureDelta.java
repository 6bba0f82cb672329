package kr.seoullearn.figures.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one state change adds to the day's figures: figure name → amount. Names are dotted,
 * stable and free of personal data: a kind of event and the ids it is counted by (a category,
 * a level, a district, a provider, a reminder kind), e.g. {@code applications.submitted.LOW_INCOME}
 * or {@code laptops.LOANED.Nowon-gu}.
 */
public final class FigureDelta {
    private final Map<String, Long> adds = new TreeMap<>();

    /** {@code amount} of the figure {@code family} counted by {@code parts} (a part that is not an id counts as UNKNOWN). */
    public static FigureDelta of(Figure family, long amount, String... parts) {
        return new FigureDelta().add(family, amount, parts);
    }

    /** Adds {@code amount} to the figure {@code family} counted by {@code parts} (a part that is not an id counts as UNKNOWN). */
    public FigureDelta add(Figure family, long amount, String... parts) {
        return add(parts.length == 0 ? family.dotted()
                : family.dotted(parts[0], Arrays.copyOfRange(parts, 1, parts.length)), amount);
    }

    public static FigureDelta of(String figure, long amount) {
        return new FigureDelta().add(figure, amount);
    }

    /** Adds to a figure; the name is the dotted join of the parts. */
    public FigureDelta add(String figure, long amount) {
        for (String part : figure.split("\\.", -1)) {
            if (!Figure.isPart(part)) {
                throw new IllegalArgumentException("not a figure name");
            }
        }
        if (amount != 0) {
            adds.merge(figure, amount, Long::sum);
        }
        return this;
    }

    /** Adds {@code <prefix>.<part>} when the part is known (a missing district counts under {@code prefix.UNKNOWN}). */
    public FigureDelta add(String prefix, String part, long amount) {
        return add(prefix + "." + (Figure.isPart(part) ? part : "UNKNOWN"), amount);
    }

    public Map<String, Long> adds() {
        return Collections.unmodifiableMap(adds);
    }

    public boolean isEmpty() {
        return adds.isEmpty();
    }
}

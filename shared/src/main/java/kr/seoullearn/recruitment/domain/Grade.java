package kr.seoullearn.recruitment.domain;

import java.util.Locale;
import java.util.Optional;

/** A semester grade on the Korean letter scale, best first ("A0" and "A" are the same). */
public enum Grade {
    A_PLUS("A+"), A_ZERO("A0"), A_MINUS("A-"), B_PLUS("B+"), B_ZERO("B0"), B_MINUS("B-"),
    C_PLUS("C+"), C_ZERO("C0"), C_MINUS("C-"), D_PLUS("D+"), D_ZERO("D0"), D_MINUS("D-"), F("F");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** At least as good as {@code other}. */
    public boolean atLeast(Grade other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Grade> parse(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        String v = s.strip().toUpperCase(Locale.ROOT);
        if (v.length() == 1 && !v.equals("F")) {
            v = v + "0";
        }
        for (Grade g : values()) {
            if (g.label.equals(v)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}

package kr.seoullearn.registration.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;

/** Collects what is wrong with each field, then fails once with all of them (GOV.UK style). */
public final class FieldErrors {
    private final List<Map<String, Object>> errors = new ArrayList<>();

    public void add(String field, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", code);
        errors.add(e);
    }

    /**
     * The {@code version} a client read (optimistic locking): a whole number ≥ 0, or a
     * {@code version: required} error and -1.
     */
    public long version(Map<String, Object> body) {
        if (body.get("version") instanceof Number n && n.longValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        add("version", "required");
        return -1;
    }

    /** How many errors were added so far. */
    public int count() {
        return errors.size();
    }

    /** The errors added so far, in order ({@code field}, {@code code}). */
    public List<Map<String, Object>> list() {
        return List.copyOf(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", List.copyOf(errors)));
        }
    }
}

package kr.seoullearn.shared.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.shared.http.Problem;
import kr.seoullearn.shared.http.ProblemException;

/** Collects what is wrong with each field, then fails once with all of them (GOV.UK style). */
public final class FieldErrors {
    private final List<Map<String, Object>> errors = new ArrayList<>();

    public void add(String field, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", code);
        errors.add(e);
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

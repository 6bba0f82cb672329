package kr.seoullearn.platform.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.ProblemMessages;

/**
 * The wrong cells of an imported CSV file, answered at once (docs/adr/0042): one 400
 * {@code validation-failed} whose {@code errors[]} carry {@code line}, {@code field} (the column,
 * or {@code file}), {@code code} and {@code message} in the caller's language. A cell's content is
 * never echoed (it may be a name or an address), nor an unknown column's header text: such a
 * column is named by its position.
 */
public final class CsvErrors {
    private final Language language;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    public CsvErrors(Language language) {
        this.language = language;
    }

    public void reject(int line, String field, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("line", line);
        e.put("field", field);
        e.put("code", code);
        e.put("message", ProblemMessages.field(code, language));
        errors.add(e);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public ProblemException refused() {
        return new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", List.copyOf(errors)));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw refused();
        }
    }

    /**
     * The header's columns (any order, any case) mapped to their positions: each of {@code required}
     * present ({@code missing-column}), none unknown ({@code unknown-column}, named "column N") or
     * given twice ({@code duplicate-column}).
     */
    public Map<String, Integer> header(CsvRows.Row header, List<String> columns, List<String> required) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            String column = columns.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (column == null) {
                reject(header.line(), "column " + (i + 1), "unknown-column");
            } else if (at.putIfAbsent(column, i) != null) {
                reject(header.line(), column, "duplicate-column");
            }
        }
        for (String c : required) {
            if (!at.containsKey(c)) {
                reject(header.line(), c, "missing-column");
            }
        }
        return at;
    }
}

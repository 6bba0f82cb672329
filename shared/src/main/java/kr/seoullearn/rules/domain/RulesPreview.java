package kr.seoullearn.rules.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a draft changes against the rules it follows: one entry per field that differs, in the
 * order of the draft's fields. A number or word is {@code {field, from, to}}; a list of codes
 * {@code {field, added, removed}}; the programme's categories {@code {field: "categories", added,
 * removed, changed}} by their codes; a nested object (the laptop loan, inactivity, the name) is
 * compared field by field as {@code laptopLoan.loanDays}. The page words each entry in the
 * reader's language ("the income line rises from 80 % to 90 %; these categories open: …").
 */
public final class RulesPreview {
    private RulesPreview() {}

    public static List<Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> from = before == null ? Map.of() : RuleKind.withoutServerFields(before);
        Map<String, Object> to = RuleKind.withoutServerFields(after);
        Set<String> fields = new LinkedHashSet<>(to.keySet());
        fields.addAll(from.keySet());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String field : fields) {
            compare(field, from.get(field), to.get(field), changes);
        }
        return changes;
    }

    private static void compare(String field, Object a, Object b, List<Map<String, Object>> changes) {
        if (Objects.equals(normal(a), normal(b))) {
            return;
        }
        if ("categories".equals(field)) {
            changes.add(categories(a, b));
        } else if (a instanceof Map<?, ?> || b instanceof Map<?, ?>) {
            Map<?, ?> ma = a instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> mb = b instanceof Map<?, ?> m ? m : Map.of();
            Set<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                compare(field + "." + k, ma.get(k), mb.get(k), changes);
            }
        } else if (a instanceof List<?> || b instanceof List<?>) {
            Set<Object> la = a instanceof List<?> l ? new LinkedHashSet<>(l) : Set.of();
            Set<Object> lb = b instanceof List<?> l ? new LinkedHashSet<>(l) : Set.of();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", field);
            change.put("added", lb.stream().filter(x -> !la.contains(x)).toList());
            change.put("removed", la.stream().filter(x -> !lb.contains(x)).toList());
            changes.add(change);
        } else {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("field", field);
            change.put("from", a);
            change.put("to", b);
            changes.add(change);
        }
    }

    /** Numbers compare by value (a stored 80 and a typed 80.0 are the same); lists of codes as sets. */
    private static Object normal(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RulesPreview::normal).map(String::valueOf).sorted().toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), normal(x)));
            return copy;
        }
        return v;
    }

    private static Map<String, Object> categories(Object a, Object b) {
        Map<String, Object> ca = byCode(a);
        Map<String, Object> cb = byCode(b);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", "categories");
        change.put("added", cb.keySet().stream().filter(c -> !ca.containsKey(c)).toList());
        change.put("removed", ca.keySet().stream().filter(c -> !cb.containsKey(c)).toList());
        change.put("changed", cb.keySet().stream().filter(c -> ca.containsKey(c) && !Objects.equals(normal(ca.get(c)), normal(cb.get(c))))
                .toList());
        return change;
    }

    private static Map<String, Object> byCode(Object list) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> c) {
                    m.put(String.valueOf(c.get("code")), c);
                }
            }
        }
        return m;
    }
}

package kr.seoullearn.rules.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * The fields of each kind of rules, checked one by one so that a form can show what to fix:
 * whole numbers within their limits, lists of known codes, and the few rules between fields
 * (ages, weekly caps, capacities). Unknown fields are refused, so a typing error is not silently
 * dropped.
 */
final class RuleFields {
    private RuleFields() {}

    static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final Set<String> LEVELS = Stream.of(SchoolLevel.values()).map(Enum::name).collect(Collectors.toSet());
    static final Set<String> DOCUMENTS = Stream.of(DocumentKind.values()).filter(k -> !k.forRecruitment()).map(Enum::name)
            .collect(Collectors.toSet());

    record Range(long min, long max) {}

    static final Map<String, Range> PROGRAMME_NUMBERS = numbers(
            "incomeLinePercent", 1, 300, "minAge", 0, 120, "maxAge", 0, 120, "pickLimit", 1, 10);
    static final Map<String, Range> MENTORING_NUMBERS = numbers(
            "sessionMinutes", 30, 180, "totalSessions", 1, 200, "windowWeeks", 1, 104, "weeklyCap", 1, 14,
            "weeklyCapWithMentorConsent", 1, 14, "minNoticeHours", 0, 336, "lateCancelHours", 0, 336, "trialSessions", 0, 200,
            "extensionSessions", 0, 200, "extensionWeeks", 0, 104, "mentorStandardCapacity", 1, 100, "mentorMaxCapacity", 1, 100);
    static final Map<String, Range> RECRUITMENT_NUMBERS = numbers(
            "maxAge", 18, 120, "termStartMonth", 1, 12, "termMonths", 1, 48, "renewalWindowDays", 0, 365,
            "notesReadDays", 0, 3650, "standardCapacity", 1, 100);

    static void check(RuleKind kind, Map<String, Object> d, FieldErrors errors) {
        if (d == null) {
            errors.add("definition", "required");
            return;
        }
        switch (kind) {
            case PROGRAMME -> programme(d, errors);
            case MENTORING -> mentoring(d, errors);
            case RECRUITMENT -> recruitment(d, errors);
        }
    }

    private static void programme(Map<String, Object> d, FieldErrors errors) {
        known(d, errors, PROGRAMME_NUMBERS.keySet(), "name", "categories", "schoolLevels", "quota", "inactivity", "laptopLoan");
        PROGRAMME_NUMBERS.forEach((field, range) -> number(d, field, range, true, errors));
        number(d, "quota", new Range(1, 10_000_000), false, errors);
        names(d.get("name"), "name", errors);
        codes(d.get("schoolLevels"), "schoolLevels", LEVELS, errors);
        categories(d.get("categories"), errors);
        if (d.get("minAge") instanceof Number min && d.get("maxAge") instanceof Number max && min.intValue() > max.intValue()) {
            errors.add("maxAge", "out-of-range");
        }
        nested(d.get("inactivity"), "inactivity", numbers("afterDays", 1, 365, "reminderIntervalDays", 1, 90), errors);
        nested(d.get("laptopLoan"), "laptopLoan", numbers("loanDays", 1, 1_095, "maxExtensionDays", 0, 365), errors);
    }

    private static void mentoring(Map<String, Object> d, FieldErrors errors) {
        known(d, errors, MENTORING_NUMBERS.keySet(), "levels");
        MENTORING_NUMBERS.forEach((field, range) -> number(d, field, range, true, errors));
        codes(d.get("levels"), "levels", LEVELS, errors);
        if (d.get("sessionMinutes") instanceof Number m && m.intValue() % 30 != 0) {
            errors.add("sessionMinutes", "invalid-value");
        }
        below(d, "weeklyCap", "weeklyCapWithMentorConsent", errors);
        below(d, "trialSessions", "totalSessions", errors);
        below(d, "mentorStandardCapacity", "mentorMaxCapacity", errors);
    }

    private static void recruitment(Map<String, Object> d, FieldErrors errors) {
        known(d, errors, RECRUITMENT_NUMBERS.keySet(), "schoolTypes", "enrolmentStates", "minGrade");
        RECRUITMENT_NUMBERS.forEach((field, range) -> number(d, field, range, true, errors));
        codes(d.get("schoolTypes"), "schoolTypes", RecruitmentRules.SCHOOL_TYPES, errors);
        codes(d.get("enrolmentStates"), "enrolmentStates", RecruitmentRules.ENROLMENT_STATES, errors);
        if (Grade.parse(d.get("minGrade")).isEmpty()) {
            errors.add("minGrade", d.get("minGrade") == null ? "required" : "invalid-value");
        }
    }

    private static void known(Map<String, Object> d, FieldErrors errors, Set<String> numbers, String... others) {
        Set<String> allowed = new HashSet<>(numbers);
        allowed.addAll(List.of(others));
        d.keySet().stream().filter(k -> !allowed.contains(k) && !RuleKind.SET_BY_SERVER.contains(k)).sorted()
                .limit(5).forEach(k -> errors.add(k.length() > 40 ? "definition" : k, "unknown-field"));
    }

    private static void number(Map<String, Object> d, String field, Range range, boolean required, FieldErrors errors) {
        number(d, field, range, required, errors, field);
    }

    private static void number(Map<String, Object> d, String key, Range range, boolean required, FieldErrors errors, String field) {
        Object v = d.get(key);
        if (v == null) {
            if (required) {
                errors.add(field, "required");
            }
            return;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            errors.add(field, "invalid-value");
        } else if (n.doubleValue() < range.min() || n.doubleValue() > range.max()) {
            errors.add(field, "out-of-range");
        }
    }

    /** A field that is smaller than or equal to another (both numbers). */
    private static void below(Map<String, Object> d, String small, String large, FieldErrors errors) {
        if (d.get(small) instanceof Number s && d.get(large) instanceof Number l && s.doubleValue() > l.doubleValue()) {
            errors.add(large, "out-of-range");
        }
    }

    private static void codes(Object v, String field, Set<String> known, FieldErrors errors) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            errors.add(field, "required");
        } else if (list.size() > known.size() || list.stream().anyMatch(o -> !(o instanceof String s) || !known.contains(s))) {
            errors.add(field, "invalid-value");
        } else if (new HashSet<>(list).size() != list.size()) {
            errors.add(field, "invalid-value");
        }
    }

    /** Names by language: Korean and English required, Vietnamese and Chinese optional; 1-80 characters. */
    static void names(Object v, String field, FieldErrors errors) {
        if (!(v instanceof Map<?, ?> m)) {
            errors.add(field, "required");
            return;
        }
        for (String language : List.of("ko", "en")) {
            if (!(m.get(language) instanceof String)) {
                errors.add(field + "." + language, "required");
            }
        }
        for (var e : m.entrySet()) {
            if (!List.of("ko", "en", "vi", "zh").contains(e.getKey())) {
                errors.add(field, "invalid-value");
                return;
            }
            if ((!(e.getValue() instanceof String s) || s.isBlank() || s.strip().length() > 80
                    || s.chars().anyMatch(Character::isISOControl))) {
                errors.add(field + "." + e.getKey(), "invalid-value");
            }
        }
    }

    private static void categories(Object v, FieldErrors errors) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            errors.add("categories", "required");
            return;
        }
        if (list.size() > 20) {
            errors.add("categories", "too-many");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> c) || !(c.get("code") instanceof String code) || !CATEGORY.matcher(code).matches()) {
                errors.add("categories", "invalid-value");
                return;
            }
            if (!seen.add(code)) {
                errors.add("categories", "invalid-value");
                return;
            }
            if (c.keySet().stream().anyMatch(k -> !Set.of("code", "recordsCanDecide", "requiredDocuments").contains(k))
                    || !(c.get("recordsCanDecide") instanceof Boolean)) {
                errors.add("categories", "invalid-value");
                return;
            }
            if (!(c.get("requiredDocuments") instanceof List<?> docs) || docs.isEmpty() || docs.size() > 5
                    || docs.stream().anyMatch(x -> !(x instanceof String s) || !DOCUMENTS.contains(s))) {
                errors.add("categories", "invalid-value");
                return;
            }
        }
    }

    private static void nested(Object v, String field, Map<String, Range> numbers, FieldErrors errors) {
        if (v == null) {
            return;
        }
        if (!(v instanceof Map<?, ?> raw) || raw.keySet().stream().anyMatch(k -> !numbers.containsKey(k))) {
            errors.add(field, "invalid-value");
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        raw.forEach((k, x) -> m.put(String.valueOf(k), x));
        numbers.forEach((name, range) -> number(m, name, range, true, errors, field + "." + name));
    }

    private static Map<String, Range> numbers(Object... specs) {
        Map<String, Range> m = new LinkedHashMap<>();
        for (int i = 0; i < specs.length; i += 3) {
            m.put((String) specs[i], new Range(((Number) specs[i + 1]).longValue(), ((Number) specs[i + 2]).longValue()));
        }
        return Map.copyOf(m);
    }
}

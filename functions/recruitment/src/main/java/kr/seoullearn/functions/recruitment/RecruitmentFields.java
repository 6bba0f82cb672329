package kr.seoullearn.functions.recruitment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.registration.domain.FieldErrors;

/** How recruitment's request bodies are read: each field checked, every error named with its field. */
final class RecruitmentFields {
    static final int MAX_TEXT = 100;
    static final int MAX_STATEMENT = 1000;
    static final int MAX_NAME = 50;
    static final int MAX_TARGET = 5000;
    static final int MAX_REASON = 500;
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RecruitmentFields() {}

    static RecruitmentRules.Facts facts(Map<String, Object> body, FieldErrors errors) {
        String schoolType = body.get("schoolType") instanceof String s && RecruitmentRules.SCHOOL_TYPES.contains(s) ? s : null;
        if (schoolType == null) {
            errors.add("schoolType", body.get("schoolType") == null ? "required" : "invalid-value");
        }
        String state = body.get("enrolmentState") instanceof String s && RecruitmentRules.ENROLMENT_STATES.contains(s) ? s : null;
        if (state == null) {
            errors.add("enrolmentState", body.get("enrolmentState") == null ? "required" : "invalid-value");
        }
        LocalDate birth = date(body, "birthDate", errors);
        if (birth != null && (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(BookingRules.SEOUL)))) {
            errors.add("birthDate", "out-of-range");
            birth = null;
        }
        Grade grade = Grade.parse(body.get("lastGrade")).orElse(null);
        if (grade == null) {
            errors.add("lastGrade", body.get("lastGrade") == null ? "required" : "invalid-value");
        }
        return new RecruitmentRules.Facts(schoolType, state, birth, grade);
    }

    static void unknown(Map<String, Object> body, Set<String> known, FieldErrors errors) {
        body.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
    }

    static String text(Map<String, Object> body, String field, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            errors.add(field, v == null || v instanceof String ? "required" : "invalid-value");
            return null;
        }
        if (s.strip().length() > max) {
            errors.add(field, "too-long");
            return null;
        }
        return s.strip();
    }

    static LocalDate date(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof String s)) {
            errors.add(field, v == null ? "required" : "invalid-value");
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid-value");
            return null;
        }
    }

    static int whole(Map<String, Object> body, String field, int min, int max, FieldErrors errors) {
        Object v = body.get(field);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            errors.add(field, v == null ? "required" : "invalid-value");
            return -1;
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            errors.add(field, "out-of-range");
            return -1;
        }
        return n.intValue();
    }

    static boolean flag(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            errors.add(field, "invalid-value");
            return false;
        }
        return b;
    }

    static String documentId(Map<String, Object> body, String field, FieldErrors errors) {
        Object v = body.get(field);
        if (v instanceof String s && UUID_FORM.matcher(s).matches()) {
            return s;
        }
        errors.add(field, v == null ? "required" : "invalid-value");
        return null;
    }

    interface Adder {
        boolean add(Object value);
    }

    static void list(Map<String, Object> body, String field, int max, FieldErrors errors, Adder adder) {
        Object v = body.get(field);
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            errors.add(field, v == null || v instanceof List<?> ? "required" : "invalid-value");
            return;
        }
        if (list.size() > max) {
            errors.add(field, "out-of-range");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!adder.add(list.get(i))) {
                errors.add(field + "[" + i + "]", "invalid-value");
            }
        }
    }

    static Optional<SchoolLevel> level(Object v) {
        if (v instanceof String s) {
            for (SchoolLevel l : SchoolLevel.values()) {
                if (l != SchoolLevel.ADULT && l.name().equals(s)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Language> language(Object v) {
        if (v instanceof String s) {
            for (Language l : Language.values()) {
                if (l.tag().equals(s)) {
                    return Optional.of(l);
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}

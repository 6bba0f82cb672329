package kr.seoullearn.registration.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.PersonName;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What an applicant may send to save their profile ({@code PUT /api/registration}). Every
 * field is optional in a draft (completeness is checked at submission), but what is sent must
 * be well formed; unknown fields are refused so nothing unexpected is ever stored.
 */
public record ProfileInput(
        long version,
        String name,
        LocalDate birthDate,
        SchoolLevel schoolLevel,
        Integer grade,
        String district,
        Language language,
        List<String> categories,
        GuardianInput guardian) {

    public record GuardianInput(String name, String contact, boolean consent) {}

    private static final Set<String> FIELDS = Set.of("version", "name", "birthDate", "schoolLevel", "grade",
            "district", "preferredLanguage", "categories", "guardian");
    private static final Set<String> GUARDIAN_FIELDS = Set.of("name", "contact", "consent");
    static final Pattern DISTRICT = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z_]{1,39}");
    static final Pattern CONTACT = Pattern.compile("[0-9+()\\-\\s]{7,20}|[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,24}");

    @SuppressWarnings("unchecked")
    public static ProfileInput parse(Map<String, Object> body, LocalDate today) {
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                errors.add(key, "unknown-field");
            }
        }
        long version = errors.version(body);
        String name = personName(body, "name", errors, "name");
        LocalDate birthDate = null;
        if (body.get("birthDate") != null) {
            if (!(body.get("birthDate") instanceof String s)) {
                errors.add("birthDate", "invalid-date");
            } else {
                try {
                    birthDate = LocalDate.parse(s);
                    if (birthDate.isAfter(today) || birthDate.getYear() < 1900) {
                        errors.add("birthDate", "out-of-range");
                        birthDate = null;
                    }
                } catch (DateTimeParseException e) {
                    errors.add("birthDate", "invalid-date");
                }
            }
        }
        SchoolLevel level = null;
        if (body.get("schoolLevel") != null) {
            try {
                level = SchoolLevel.valueOf(String.valueOf(body.get("schoolLevel")));
            } catch (IllegalArgumentException e) {
                errors.add("schoolLevel", "invalid-value");
            }
        }
        Integer grade = null;
        if (body.get("grade") != null) {
            if (body.get("grade") instanceof Number g && g.doubleValue() == Math.rint(g.doubleValue()) && g.intValue() >= 1 && g.intValue() <= 6) {
                grade = g.intValue();
                if (level != null && grade > level.grades()) {
                    errors.add("grade", "out-of-range");
                }
            } else {
                errors.add("grade", "out-of-range");
            }
        }
        String district = text(body, "district", 40, errors);
        if (district != null && !DISTRICT.matcher(district).matches()) {
            errors.add("district", "invalid-value");
        }
        Language language = null;
        if (body.get("preferredLanguage") != null) {
            language = body.get("preferredLanguage") instanceof String s ? Language.fromTag(s) : null;
            if (language == null || !(language.tag().equals(body.get("preferredLanguage")))) {
                errors.add("preferredLanguage", "invalid-value");
            }
        }
        List<String> categories = null;
        if (body.get("categories") != null) {
            if (body.get("categories") instanceof List<?> list && list.size() <= 8) {
                Set<String> unique = new LinkedHashSet<>();
                for (Object c : list) {
                    if (c instanceof String s && CATEGORY.matcher(s).matches()) {
                        unique.add(s);
                    } else {
                        errors.add("categories", "invalid-value");
                    }
                }
                categories = new ArrayList<>(unique);
            } else {
                errors.add("categories", "invalid-value");
            }
        }
        GuardianInput guardian = null;
        if (body.get("guardian") != null) {
            if (body.get("guardian") instanceof Map<?, ?> g) {
                Map<String, Object> gm = (Map<String, Object>) g;
                for (String key : gm.keySet()) {
                    if (!GUARDIAN_FIELDS.contains(key)) {
                        errors.add("guardian." + key, "unknown-field");
                    }
                }
                String gName = personName(gm, "name", errors, "guardian.name");
                String contact = text(gm, "contact", 120, errors, "guardian.contact");
                if (contact != null && !CONTACT.matcher(contact).matches()) {
                    errors.add("guardian.contact", "invalid-value");
                }
                Object consent = gm.get("consent");
                if (consent != null && !(consent instanceof Boolean)) {
                    errors.add("guardian.consent", "invalid-value");
                }
                guardian = new GuardianInput(gName, contact, Boolean.TRUE.equals(consent));
            } else {
                errors.add("guardian", "invalid-value");
            }
        }
        errors.throwIfAny();
        return new ProfileInput(version, name, birthDate, level, grade, district, language,
                categories == null ? null : List.copyOf(categories), guardian);
    }

    /** Names up to 60 characters; invisible or reordering characters refused, the rest in NFC (docs/adr/0021). */
    public static String personName(Map<String, Object> body, String field, FieldErrors errors, String label) {
        Object value = body.get(field);
        if (value instanceof String s && PersonName.hasForbiddenCharacter(s)) {
            errors.add(label, "invalid-value");
            return null;
        }
        String text = text(body, field, 60, errors, label);
        return text == null ? null : PersonName.normalise(text);
    }

    private static String text(Map<String, Object> body, String field, int max, FieldErrors errors) {
        return text(body, field, max, errors, field);
    }

    private static String text(Map<String, Object> body, String field, int max, FieldErrors errors, String label) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            errors.add(label, "required");
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() > max) {
            errors.add(label, "too-long");
            return null;
        }
        if (trimmed.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            errors.add(label, "invalid-value");
            return null;
        }
        return trimmed;
    }
}

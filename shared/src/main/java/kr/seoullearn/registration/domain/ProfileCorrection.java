package kr.seoullearn.registration.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What an approved learner may correct ({@code PATCH /api/me/profile}): the district they live in,
 * the language we write to them in, the guardian's contact (the one contact the profile holds; the
 * sign-in e-mail is Cognito's and the SMS number the notification preferences'), and the school
 * level and grade at the new school year. Every field is optional; what is sent must be well
 * formed, unknown fields are refused, and at least one field besides {@code version} is needed.
 */
public record ProfileCorrection(long version, String district, Language language, String guardianContact,
                                SchoolLevel schoolLevel, Integer grade) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Set<String> FIELDS = Set.of("version", "district", "preferredLanguage", "guardianContact",
            "schoolLevel", "grade");

    /** What actually changes against the application as read: only these are written. */
    public record Changes(String district, Language language, String guardianContact, boolean levelChanges,
                          SchoolLevel schoolLevel, Integer grade) {
        public boolean districtChanges() {
            return district != null;
        }

        public boolean any() {
            return district != null || language != null || guardianContact != null || levelChanges;
        }
    }

    public static ProfileCorrection parse(Map<String, Object> body) {
        ResidentRegistrationNumbers.refuseIn(body);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        String district = null;
        if (body.containsKey("district")) {
            if (body.get("district") instanceof String s && ProfileInput.DISTRICT.matcher(s).matches()) {
                district = s;
            } else {
                errors.add("district", body.get("district") == null ? "required" : "invalid-value");
            }
        }
        Language language = null;
        if (body.containsKey("preferredLanguage")) {
            Object value = body.get("preferredLanguage");
            language = value instanceof String s ? Language.fromTag(s) : null;
            if (language == null || !language.tag().equals(value)) {
                errors.add("preferredLanguage", value == null ? "required" : "invalid-value");
                language = null;
            }
        }
        String contact = null;
        if (body.containsKey("guardianContact")) {
            if (body.get("guardianContact") instanceof String s && !s.isBlank()) {
                String trimmed = s.strip();
                if (trimmed.length() > 120) {
                    errors.add("guardianContact", "too-long");
                } else if (!ProfileInput.CONTACT.matcher(trimmed).matches()) {
                    errors.add("guardianContact", "invalid-value");
                } else {
                    contact = trimmed;
                }
            } else {
                errors.add("guardianContact", body.get("guardianContact") instanceof String ? "required" : "invalid-value");
            }
        }
        SchoolLevel level = null;
        if (body.containsKey("schoolLevel")) {
            try {
                level = body.get("schoolLevel") instanceof String s ? SchoolLevel.valueOf(s) : null;
            } catch (IllegalArgumentException e) {
                level = null;
            }
            if (level == null) {
                errors.add("schoolLevel", body.get("schoolLevel") == null ? "required" : "invalid-value");
            }
        }
        Integer grade = null;
        boolean gradeRefused = false;
        if (body.containsKey("grade")) {
            if (!body.containsKey("schoolLevel")) {
                errors.add("schoolLevel", "required"); // a grade is a grade of a level: both are sent together
            }
            Object g = body.get("grade");
            if (g instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1 && n.doubleValue() <= 6) {
                grade = n.intValue();
                if (level != null && grade > level.grades()) {
                    errors.add("grade", "out-of-range");
                    gradeRefused = true;
                    grade = null;
                }
            } else if (g != null) {
                errors.add("grade", "out-of-range");
                gradeRefused = true;
            }
        }
        if (level != null && level.grades() > 0 && grade == null && !gradeRefused) {
            errors.add("grade", "required"); // a school level with grades needs its grade
        }
        errors.throwIfAny();
        if (!body.containsKey("district") && !body.containsKey("preferredLanguage") && !body.containsKey("guardianContact")
                && !body.containsKey("schoolLevel")) {
            throw new ProblemException(CorrectionRefusal.NOTHING_TO_CORRECT);
        }
        return new ProfileCorrection(version, district, language, contact, level, grade);
    }

    /** The changes against {@code current}; a value equal to the stored one changes nothing (a level sent again does not use the year's change). */
    public Changes against(Application current) {
        String newDistrict = district != null && !district.equals(current.district()) ? district : null;
        Language newLanguage = language != null && language != current.language() ? language : null;
        String currentContact = current.guardian() == null ? null : current.guardian().contact();
        String newContact = guardianContact != null && !guardianContact.equals(currentContact) ? guardianContact : null;
        boolean level = schoolLevel != null && (schoolLevel != current.schoolLevel() || !Objects.equals(grade, current.grade()));
        return new Changes(newDistrict, newLanguage, newContact, level, level ? schoolLevel : null, level ? grade : null);
    }

    /** The school year a Seoul date belongs to: Korean school years start on 1 March. */
    public static int schoolYear(LocalDate seoulDate) {
        return seoulDate.getMonthValue() >= 3 ? seoulDate.getYear() : seoulDate.getYear() - 1;
    }

    public static int schoolYear(Instant at) {
        return schoolYear(LocalDate.ofInstant(at, SEOUL));
    }
}

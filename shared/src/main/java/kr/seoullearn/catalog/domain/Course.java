package kr.seoullearn.catalog.domain;

import java.util.Objects;
import java.util.regex.Pattern;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * One course of a provider's catalogue.
 *
 * @param grade   the school grade (1..level's grades), or null when the course is for the whole level
 * @param minutes total running time
 * @param lessons number of lessons
 */
public record Course(String id, String providerId, SchoolLevel level, Integer grade, Subject subject,
                     String titleKo, String titleEn, String lecturerKo, String lecturerEn, int minutes, int lessons) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Course {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("course id must match " + ID.pattern());
        }
        if (!Provider.isValidId(providerId)) {
            throw new IllegalArgumentException("bad provider id");
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(subject, "subject");
        if (grade != null && (grade < 1 || grade > level.grades())) {
            throw new IllegalArgumentException("grade " + grade + " does not exist in " + level);
        }
        if (titleKo == null || titleKo.isBlank() || titleEn == null || titleEn.isBlank()) {
            throw new IllegalArgumentException("a course has a Korean and an English title");
        }
        if (minutes < 1 || lessons < 1) {
            throw new IllegalArgumentException("a course has at least one lesson and one minute");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

package kr.seoullearn.recruitment.domain;

import java.util.Optional;
import kr.seoullearn.mentoring.domain.MentoringSubject;

/**
 * A round's preferences: reviewers score each one the round lists; the platform shows
 * which ones an application meets on its face.
 */
public enum Criterion {
    /** Can mentor for two semesters or more. */
    LONG_TERM,
    /** Was a Seoul Learn learner. */
    FORMER_LEARNER,
    /** Tutors maths, science or essay writing (KOREAN). */
    MATHS_SCIENCE_ESSAY,
    /** Studies education. */
    EDUCATION_MAJOR;

    public static final int MAX_SCORE = 5;

    public boolean metBy(MentorApplication a) {
        return switch (this) {
            case LONG_TERM -> a.commitmentSemesters() >= 2;
            case FORMER_LEARNER -> a.formerLearner();
            case MATHS_SCIENCE_ESSAY -> a.subjects().contains(MentoringSubject.MATH) || a.subjects().contains(MentoringSubject.SCIENCE)
                    || a.subjects().contains(MentoringSubject.KOREAN);
            case EDUCATION_MAJOR -> a.educationMajor();
        };
    }

    public static Optional<Criterion> parse(Object value) {
        if (value instanceof String s) {
            for (Criterion c : values()) {
                if (c.name().equals(s)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}

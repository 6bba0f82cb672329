package kr.seoullearn.mentoring.domain;

import java.util.Optional;

/** What a mentee asks help with and a mentor offers (docs/product.md: college and career counselling, study habits). */
public enum MentoringSubject {
    KOREAN, MATH, ENGLISH, SCIENCE, SOCIAL_STUDIES, COLLEGE_ADMISSION, CAREER, STUDY_HABITS;

    public static Optional<MentoringSubject> parse(Object value) {
        if (value instanceof String s) {
            for (MentoringSubject m : values()) {
                if (m.name().equals(s)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}

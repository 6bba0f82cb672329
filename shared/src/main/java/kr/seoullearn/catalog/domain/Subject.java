package kr.seoullearn.catalog.domain;

import java.util.Optional;

/** What a course teaches. The names are what the web app shows; the codes are the API's. */
public enum Subject {
    KOREAN("국어", "Korean"),
    MATH("수학", "Maths"),
    ENGLISH("영어", "English"),
    SCIENCE("과학", "Science"),
    SOCIAL("사회", "Social studies"),
    HISTORY("역사", "History"),
    SECOND_LANGUAGE("제2외국어", "Second languages"),
    CODING("코딩", "Coding"),
    CAREER("진로", "Careers"),
    CERTIFICATE("자격증", "Certificates");

    private final String nameKo;
    private final String nameEn;

    Subject(String nameKo, String nameEn) {
        this.nameKo = nameKo;
        this.nameEn = nameEn;
    }

    public String nameKo() {
        return nameKo;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The subject with exactly this code (e.g. "MATH"); empty for anything else. */
    public static Optional<Subject> parse(String code) {
        for (Subject s : values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

package kr.seoullearn.registration.domain;

import java.util.Optional;

/**
 * The documents an applicant may be asked for. Which ones a category requires is programme
 * data ({@link EligibilityProgramme}); this is the list of kinds the platform knows.
 */
public enum DocumentKind {
    /** 수급자·차상위 증명서: proof of benefit status when the records cannot decide. */
    INCOME_PROOF,
    /** 학교 밖 청소년 확인서. */
    OUT_OF_SCHOOL_CONFIRMATION,
    /** 다문화가족 증명 (가족관계증명서 등). */
    MULTICULTURAL_FAMILY_CERTIFICATE,
    /** 한부모가족 증명서. */
    SINGLE_PARENT_CERTIFICATE,
    /** 북한이탈주민 확인서. */
    NORTH_KOREAN_DEFECTOR_CERTIFICATE,
    /** 국가보훈대상자 증명. */
    VETERANS_FAMILY_CERTIFICATE,
    /** 가족돌봄청소년 확인서. */
    YOUNG_CARER_CONFIRMATION,
    /** 아동복지시설 재원 확인서. */
    SHELTER_RESIDENCE_CONFIRMATION,
    /** 재학(휴학)증명서: a mentor applicant's proof of enrolment (recruitment, docs/adr/0014). */
    ENROLMENT_PROOF,
    /** 직전 학기 성적증명서: a mentor applicant's last semester's transcript. */
    TRANSCRIPT;

    /** Documents of a mentor application: uploaded whatever the person's learner registration says. */
    public boolean forRecruitment() {
        return this == ENROLMENT_PROOF || this == TRANSCRIPT;
    }

    public static Optional<DocumentKind> parse(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        for (DocumentKind kind : values()) {
            if (kind.name().equals(s)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

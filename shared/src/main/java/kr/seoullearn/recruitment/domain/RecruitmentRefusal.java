package kr.seoullearn.recruitment.domain;

import kr.seoullearn.platform.http.Refusal;

/** Why mentor recruitment refuses a request (docs/adr/0014); the codes are the wire contract. */
public enum RecruitmentRefusal implements Refusal {
    MENTOR_INELIGIBLE("mentor-ineligible", 422),
    MENTOR_TOO_OLD("mentor-too-old", 422),
    MENTOR_GRADE_TOO_LOW("mentor-grade-too-low", 422),
    MENTOR_NOT_ENROLLED("mentor-not-enrolled", 422),
    NO_RECRUITMENT_RULES("no-recruitment-rules", 409),
    ROUND_NOT_FOUND("recruitment-round-not-found", 404),
    ROUND_CLOSED("recruitment-round-closed", 409),
    ROUND_FULL("recruitment-round-full", 409),
    /** Nominations go into the round taking applications today; there is none (docs/adr/0042). */
    NO_OPEN_ROUND("recruitment-no-open-round", 409),
    MENTOR_APPLICATION_EXISTS("mentor-application-exists", 409),
    MENTOR_APPLICATION_NOT_FOUND("mentor-application-not-found", 404),
    MENTOR_APPLICATION_DECIDED("mentor-application-decided", 409),
    MENTOR_DOCUMENTS_MISSING("mentor-documents-missing", 422),
    RENEWAL_NOT_OPEN("mentor-renewal-not-open", 409),
    RENEWAL_NOT_FOUND("mentor-renewal-not-found", 404);

    private final String code;
    private final int status;

    RecruitmentRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}

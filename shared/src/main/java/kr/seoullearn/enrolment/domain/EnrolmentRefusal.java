package kr.seoullearn.enrolment.domain;

import kr.seoullearn.platform.http.Refusal;

/** Why an enrolment, a withdrawal or a change of seats is refused (codes are the contract with the web app). */
public enum EnrolmentRefusal implements Refusal {
    PROVIDER_NOT_FOR_LEVEL("provider-not-for-level", 422),
    PROVIDER_INACTIVE("provider-inactive", 409),
    PICK_LIMIT_REACHED("pick-limit-reached", 409),
    ALREADY_ENROLLED("already-enrolled", 409),
    ENROLMENT_NOT_FOUND("enrolment-not-found", 404),
    SEATS_BELOW_USED("seats-below-used", 409);

    private final String code;
    private final int status;

    EnrolmentRefusal(String code, int status) {
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

package kr.seoullearn.registration.domain;

import kr.seoullearn.platform.http.Refusal;

/**
 * Why a correction of an approved learner's profile ({@code PATCH /api/me/profile}) is refused
 * (codes are the contract with the web app; docs/adr/0038-correction-after-approval-and-retention.md).
 */
public enum CorrectionRefusal implements Refusal {
    /** Only an approved application is corrected here; before approval the registration form edits it. */
    PROFILE_NOT_CORRECTABLE("profile-not-correctable", 409),
    /** The body names no field to correct. */
    NOTHING_TO_CORRECT("nothing-to-correct", 400),
    /** The district is not one of the caller's tenant's districts. */
    DISTRICT_NOT_IN_TENANT("district-not-in-tenant", 422),
    /** A laptop is on loan from the old district: it goes back there before the district changes. */
    DISTRICT_CHANGE_LOAN_ACTIVE("district-change-loan-active", 409),
    /** A laptop is reserved for pickup at the old district: collect it or cancel the request first. */
    DISTRICT_CHANGE_PICKUP_PENDING("district-change-pickup-pending", 409),
    /** School level and grade change once a school year (from 1 March, Seoul). */
    LEVEL_CHANGE_USED("level-change-used", 409),
    /** No guardian is on record (the applicant registered at 14 or older): there is no guardian contact to correct. */
    NO_GUARDIAN_ON_RECORD("no-guardian-on-record", 422);

    private final String code;
    private final int status;

    CorrectionRefusal(String code, int status) {
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

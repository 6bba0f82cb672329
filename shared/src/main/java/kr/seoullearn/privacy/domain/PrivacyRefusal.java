package kr.seoullearn.privacy.domain;

import kr.seoullearn.platform.http.Refusal;

/** Why a withdrawal, a correction or a consent is refused (codes are the contract with the web app). */
public enum PrivacyRefusal implements Refusal {
    /** A laptop is on loan: it is the city's, and must be returned before the account can go. */
    LAPTOP_LOAN_ACTIVE("laptop-loan-active", 409),
    /** The submission accepted a privacy notice version that is no longer the one in force. */
    PRIVACY_NOTICE_OUTDATED("privacy-notice-outdated", 409);

    private final String code;
    private final int status;

    PrivacyRefusal(String code, int status) {
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

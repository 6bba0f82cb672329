package kr.seoullearn.laptops.domain;

import kr.seoullearn.platform.http.Refusal;

/** Why a laptop request, a status change or a stock change is refused (codes are the contract with the web app). */
public enum LaptopRefusal implements Refusal {
    LAPTOP_REQUEST_ACTIVE("laptop-request-active", 409),
    LAPTOP_REQUEST_NOT_FOUND("laptop-request-not-found", 404),
    LAPTOP_STATUS_CHANGE_NOT_ALLOWED("laptop-status-change-not-allowed", 409),
    LAPTOP_STOCK_TOO_LOW("laptop-stock-too-low", 409),
    DISTRICT_NOT_FOUND("district-not-found", 404);

    private final String code;
    private final int status;

    LaptopRefusal(String code, int status) {
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

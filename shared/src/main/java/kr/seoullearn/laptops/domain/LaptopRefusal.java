package kr.seoullearn.laptops.domain;

import kr.seoullearn.platform.http.Refusal;

/** Why a laptop request, a status change or a stock change is refused (codes are the contract with the web app). */
public enum LaptopRefusal implements Refusal {
    LAPTOP_REQUEST_ACTIVE("laptop-request-active", 409),
    LAPTOP_REQUEST_NOT_FOUND("laptop-request-not-found", 404),
    LAPTOP_STATUS_CHANGE_NOT_ALLOWED("laptop-status-change-not-allowed", 409),
    LAPTOP_STOCK_TOO_LOW("laptop-stock-too-low", 409),
    DISTRICT_NOT_FOUND("district-not-found", 404),
    /** A unit with this serial number is already registered in the tenant. */
    LAPTOP_UNIT_EXISTS("laptop-unit-exists", 409),
    /** No free unit with this serial number in the request's district (unknown, another district's, or on another loan). */
    LAPTOP_UNIT_UNAVAILABLE("laptop-unit-unavailable", 409),
    /** The serial number given at return is not the one handed over with the loan. */
    LAPTOP_SERIAL_MISMATCH("laptop-serial-mismatch", 409),
    /** An extension on a loan that is not LOANED, with one already waiting, or beyond the programme's limit. */
    LAPTOP_EXTENSION_NOT_ALLOWED("laptop-extension-not-allowed", 409),
    /** A decision on an extension nobody asked for (or already decided). */
    LAPTOP_EXTENSION_NOT_PENDING("laptop-extension-not-pending", 409),
    /** The request changed while it was being moved to another district (approved by the queue, cancelled, or a new one made). */
    LAPTOP_REQUEST_CHANGED("laptop-request-changed", 409);

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

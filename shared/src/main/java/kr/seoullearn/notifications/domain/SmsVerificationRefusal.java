package kr.seoullearn.notifications.domain;

import kr.seoullearn.platform.http.Refusal;

/** Refusals of SMS number verification (docs/adr/0043): codes and statuses are the wire contract, words are in the bundles. */
public enum SmsVerificationRefusal implements Refusal {
    /** The code does not match; {@code attemptsLeft} says how many more guesses this code takes. */
    SMS_CODE_WRONG("sms-code-wrong", 400),
    /** No code is waiting for this number: never sent, used, or older than 10 minutes (a replaced code is a wrong guess at the new one). */
    SMS_CODE_EXPIRED("sms-code-expired", 410),
    /** This code took its five guesses: only a new code can verify the number. */
    SMS_CODE_TOO_MANY_ATTEMPTS("sms-code-too-many-attempts", 429),
    /** Five codes for this person or this number today (Seoul date): try again tomorrow. */
    SMS_CODE_LIMIT("sms-code-limit", 429),
    /** There is no number to verify (none saved in the preferences, or no guardian's phone on record). */
    SMS_NUMBER_MISSING("sms-number-missing", 409),
    /** The number is verified already: no code is sent. */
    SMS_NUMBER_ALREADY_VERIFIED("sms-number-already-verified", 409);

    private final String code;
    private final int status;

    SmsVerificationRefusal(String code, int status) {
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

package kr.seoullearn.platform.aws;

/**
 * A call to an AWS service that did not succeed: the service's error code (e.g.
 * {@code UserNotFoundException}, {@code ThrottlingException}) and HTTP status when it answered,
 * {@code no-answer} when it did not (then the call may have happened). The message names the
 * service, code and status only — never a request or answer body, which may hold personal data.
 */
public final class AwsCallFailed extends RuntimeException {
    private final String service;
    private final String code;
    private final int status;
    private final boolean answered;

    public AwsCallFailed(String service, String code, int status, boolean answered, Throwable cause) {
        super(service + " answered " + (answered ? status + " " + code : "nothing (" + code + ")"), cause);
        this.service = service;
        this.code = code;
        this.status = status;
        this.answered = answered;
    }

    public String service() {
        return service;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Whether the service answered (a refusal: nothing happened) or not (it may have happened). */
    public boolean answered() {
        return answered;
    }

    /**
     * Throttling and server errors: worth another try after a pause, as the SDK's standard retry
     * mode does. No answer is not in it: whether to try again then is the caller's choice (safe for
     * an idempotent call, a second e-mail for a send).
     */
    public boolean retryable() {
        return answered && (status >= 500 || status == 429 || switch (code) {
            case "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
                 "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
                 "ProvisionedThroughputExceededException", "PriorRequestNotComplete" -> true;
            default -> false;
        });
    }
}

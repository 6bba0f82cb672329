package kr.seoullearn.notifications.port;

/**
 * Sends one message on one channel (e-mail through SES, SMS through SNS). Addresses never go
 * into logs or exceptions' codes.
 */
public interface Messenger {
    /** {@code to}: an e-mail address or an E.164 number; {@code subject} is ignored for SMS. Returns the service's message id. */
    String send(String to, String subject, String text);

    /** The send failed: {@code notSent} when the service answered with a refusal (safe to try again). */
    final class DeliveryFailed extends RuntimeException {
        private final String code;
        private final boolean notSent;

        public DeliveryFailed(String code, boolean notSent, Throwable cause) {
            super(code, cause);
            this.code = code;
            this.notSent = notSent;
        }

        public String code() {
            return code;
        }

        public boolean notSent() {
            return notSent;
        }
    }
}

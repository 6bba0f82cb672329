package kr.seoullearn.reminders.port;

/** The delivery port: e-mail through SES today; an SMS adapter can implement it too. */
public interface Notifier {

    /** Sends the message and returns the provider's message id; throws {@link DeliveryFailed} when it did not go out. */
    String send(Message message);

    /** A rendered message to one address. */
    record Message(String to, String subject, String text) {}

    /**
     * The message did not go out ({@code notSent}: the provider refused it, so it may be tried
     * again) or may or may not have ({@code notSent} false: e.g. a timeout after sending — never
     * tried again, so that nothing is sent twice). {@code code} is safe to log (no address, no content).
     */
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

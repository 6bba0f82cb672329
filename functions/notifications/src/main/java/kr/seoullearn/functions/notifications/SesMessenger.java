package kr.seoullearn.functions.notifications;

import kr.seoullearn.notifications.port.Messenger;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsJson;

/** E-mail through SESv2 SendEmail (simple content, UTF-8 plain text) from the programme's verified sender, in SES's REST-JSON API (docs/adr/0036). */
final class SesMessenger implements Messenger {
    private final AwsJson ses;
    private final String from;

    SesMessenger(AwsJson ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(String to, String subject, String text) {
        try {
            return ses.sendEmail(from, to, subject, text);
        } catch (AwsCallFailed e) {
            // answered: refused, nothing went out; no answer: it may have gone out
            throw new DeliveryFailed(e.answered() ? e.code() : "no-answer", e.answered(), e);
        }
    }
}

package kr.seoullearn.functions.reminders;

import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.reminders.port.Notifier;

/**
 * E-mail through SES (SESv2 SendEmail, simple content, UTF-8 plain text) from the template's
 * verified sender, spoken through SES's REST-JSON API (AwsJson; docs/adr/0036-slim-aws-calls.md).
 * SES templates are not used: the messages are rendered from our own data files, so every
 * language is reviewed in the repository and the emulator can send them.
 */
final class SesEmailNotifier implements Notifier {
    private final AwsJson ses;
    private final String from;

    SesEmailNotifier(AwsJson ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(Notifier.Message m) {
        try {
            return ses.sendEmail(from, m.to(), m.subject(), m.text());
        } catch (AwsCallFailed e) {
            // answered: SES refused (not verified, throttled, quota), nothing went out; no answer: it may have gone out
            throw new DeliveryFailed(e.answered() ? e.code() : "no-answer", e.answered(), e);
        }
    }
}

package kr.seoullearn.functions.reminders;

import java.util.Map;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.reminders.port.Notifier;
import software.amazon.awssdk.http.SdkHttpMethod;

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
        Map<String, Object> email = Map.of(
                "FromEmailAddress", from,
                "Destination", Map.of("ToAddresses", java.util.List.of(m.to())),
                "Content", Map.of("Simple", Map.of(
                        "Subject", Map.of("Data", m.subject(), "Charset", "UTF-8"),
                        "Body", Map.of("Text", Map.of("Data", m.text(), "Charset", "UTF-8")))));
        try {
            // never sent again on no answer: that could be a second e-mail
            Object id = ses.rest(SdkHttpMethod.POST, "/v2/email/outbound-emails", email, false).get("MessageId");
            return id == null ? "" : id.toString();
        } catch (AwsCallFailed e) {
            // answered: SES refused (not verified, throttled, quota), nothing went out; no answer: it may have gone out
            throw new DeliveryFailed(e.answered() ? e.code() : "no-answer", e.answered(), e);
        }
    }
}

package kr.seoullearn.functions.reminders;

import kr.seoullearn.reminders.port.Notifier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;

/**
 * E-mail through SES (SESv2 SendEmail, simple content, UTF-8 plain text) from the template's
 * verified sender. SES templates are not used: the messages are rendered from our own data
 * files, so every language is reviewed in the repository and the emulator can send them.
 */
final class SesEmailNotifier implements Notifier {
    private final SesV2Client ses;
    private final String from;

    SesEmailNotifier(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(Notifier.Message m) {
        try {
            return ses.sendEmail(e -> e.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(m.to()))
                    .content(software.amazon.awssdk.services.sesv2.model.EmailContent.builder().simple(software.amazon.awssdk.services.sesv2.model.Message.builder()
                            .subject(c -> c.data(m.subject()).charset("UTF-8"))
                            .body(Body.builder().text(c -> c.data(m.text()).charset("UTF-8")).build())
                            .build()).build()))
                    .messageId();
        } catch (AwsServiceException e) {
            // SES answered with a refusal (not verified, throttled, quota): nothing went out
            String code = e.awsErrorDetails() == null ? "status-" + e.statusCode() : e.awsErrorDetails().errorCode();
            throw new DeliveryFailed(code == null ? "status-" + e.statusCode() : code, true, e);
        } catch (SdkClientException e) {
            // no answer: it may have gone out
            throw new DeliveryFailed("no-answer", false, e);
        }
    }
}

package kr.seoullearn.functions.notifications;

import kr.seoullearn.notifications.port.Messenger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/** E-mail through SESv2 SendEmail (simple content, UTF-8 plain text) from the programme's verified sender. */
final class SesMessenger implements Messenger {
    private final SesV2Client ses;
    private final String from;

    SesMessenger(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(String to, String subject, String text) {
        try {
            return ses.sendEmail(e -> e.fromEmailAddress(from).destination(d -> d.toAddresses(to))
                    .content(EmailContent.builder().simple(Message.builder()
                            .subject(c -> c.data(subject).charset("UTF-8"))
                            .body(Body.builder().text(c -> c.data(text).charset("UTF-8")).build()).build()).build()))
                    .messageId();
        } catch (AwsServiceException e) {
            throw new DeliveryFailed(Failures.code(e), true, e); // refused: nothing went out
        } catch (SdkClientException e) {
            throw new DeliveryFailed("no-answer", false, e); // no answer: it may have gone out
        }
    }
}

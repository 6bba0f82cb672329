package kr.seoullearn.functions.notifications;

import java.util.Map;
import kr.seoullearn.notifications.port.Messenger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * SMS through Amazon SNS {@code Publish} to an E.164 number, as a transactional message (SNS
 * sends those on the route that favours delivery). The subject is not used: a text has none.
 */
final class SnsSmsMessenger implements Messenger {
    private final SnsClient sns;
    private final String senderId;

    SnsSmsMessenger(SnsClient sns, String senderId) {
        this.sns = sns;
        this.senderId = senderId;
    }

    @Override
    public String send(String to, String subject, String text) {
        try {
            return sns.publish(p -> p.phoneNumber(to).message(text).messageAttributes(Map.of(
                    "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build(),
                    "AWS.SNS.SMS.SenderID", MessageAttributeValue.builder().dataType("String").stringValue(senderId).build())))
                    .messageId();
        } catch (AwsServiceException e) {
            throw new DeliveryFailed(Failures.code(e), true, e);
        } catch (SdkClientException e) {
            throw new DeliveryFailed("no-answer", false, e);
        }
    }
}

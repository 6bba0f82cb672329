package kr.seoullearn.functions.notifications;

import java.util.Map;
import kr.seoullearn.notifications.port.Messenger;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsQuery;

/**
 * SMS through Amazon SNS {@code Publish} to an E.164 number, as a transactional message (SNS
 * sends those on the route that favours delivery), in SNS's Query protocol (docs/adr/0036). The
 * subject is not used: a text has none.
 */
final class SnsSmsMessenger implements Messenger {
    private final AwsQuery sns;
    private final String senderId;

    SnsSmsMessenger(AwsQuery sns, String senderId) {
        this.sns = sns;
        this.senderId = senderId;
    }

    @Override
    public String send(String to, String subject, String text) {
        try {
            String xml = sns.call("Publish", Map.of("PhoneNumber", to, "Message", text,
                    "MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType",
                    "MessageAttributes.entry.1.Value.DataType", "String",
                    "MessageAttributes.entry.1.Value.StringValue", "Transactional",
                    "MessageAttributes.entry.2.Name", "AWS.SNS.SMS.SenderID",
                    "MessageAttributes.entry.2.Value.DataType", "String",
                    "MessageAttributes.entry.2.Value.StringValue", senderId));
            String id = AwsQuery.element(xml, "MessageId");
            return id == null ? "" : id;
        } catch (AwsCallFailed e) {
            // answered: refused, nothing went out; no answer: it may have gone out
            throw new DeliveryFailed(e.answered() ? e.code() : "no-answer", e.answered(), e);
        }
    }
}

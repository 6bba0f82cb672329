package kr.seoullearn.functions.notifications;

import java.util.List;
import java.util.Map;
import kr.seoullearn.notifications.port.Messenger;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsJson;
import software.amazon.awssdk.http.SdkHttpMethod;

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
        Map<String, Object> email = Map.of("FromEmailAddress", from, "Destination", Map.of("ToAddresses", List.of(to)),
                "Content", Map.of("Simple", Map.of("Subject", Map.of("Data", subject, "Charset", "UTF-8"),
                        "Body", Map.of("Text", Map.of("Data", text, "Charset", "UTF-8")))));
        try {
            Object id = ses.rest(SdkHttpMethod.POST, "/v2/email/outbound-emails", email, false).get("MessageId");
            return id == null ? "" : id.toString();
        } catch (AwsCallFailed e) {
            // answered: refused, nothing went out; no answer: it may have gone out
            throw new DeliveryFailed(e.answered() ? e.code() : "no-answer", e.answered(), e);
        }
    }
}

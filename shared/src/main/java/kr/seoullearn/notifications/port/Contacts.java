package kr.seoullearn.notifications.port;

import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Who a notice reaches and how, looked up when it is sent (never copied into items or logs):
 * the verified e-mail address, the SMS number the person chose, their language, whether they
 * are a minor (quiet hours) and, for a learner under 14, the guardian's contact.
 */
public interface Contacts {
    record Contact(String email, boolean emailVerified, String smsNumber, Language language, boolean minor,
                   Guardian guardian) {}

    /** A guardian's contact as given with their consent: an e-mail address or a phone number (E.164). */
    record Guardian(String email, String smsNumber) {}

    Optional<Contact> find(TenantId tenant, String userId);
}

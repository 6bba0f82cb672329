package kr.seoullearn.functions.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.domain.QuietHours;
import kr.seoullearn.notifications.port.Contacts;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.cognito.CognitoUsers;

/**
 * A person's contact when a notice is sent: the e-mail address and whether its owner verified it
 * (the user pool: AdminGetUser by the profile's user name, or ListUsers by sub), the SMS number
 * they chose if they verified it by a code, the language they chose (preferences; else the profile's language), whether they are a minor
 * (under 19 by the birth date of their application: quiet hours) and, under 14, the guardian's
 * contact given with the consent. Nothing here is logged.
 */
final class CognitoContacts implements Contacts {
    static final int ADULT_AGE = 19;
    static final int GUARDIAN_BELOW_AGE = 14;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,24}");

    private final ApplicationStore applications;
    private final PreferencesStore preferences;
    private final CognitoUsers cognito;
    private final String userPoolId;
    private final Clock clock;
    private final SmsVerifications verified;

    CognitoContacts(ApplicationStore applications, PreferencesStore preferences, CognitoUsers cognito,
                    String userPoolId, Clock clock, SmsVerifications verified) {
        this.verified = verified;
        this.applications = applications;
        this.preferences = preferences;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String userId) {
        Application a = applications.find(tenant, userId).orElse(null);
        Optional<CognitoUsers.User> found = cognito.find(userPoolId, a == null ? null : a.username(), userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CognitoUsers.User user = found.get();
        boolean enabled = user.enabled();
        String tenantOfUser = user.attribute("custom:tenant");
        if (!enabled || (tenantOfUser != null && !tenantOfUser.equals(tenant.value()))) {
            return Optional.empty();
        }
        NotificationPreferences chosen = preferences.find(tenant, userId);
        Language language = chosen.language() != null ? chosen.language()
                : a != null && a.language() != null ? a.language() : Language.fromTag(user.attribute("locale"));
        LocalDate today = LocalDate.now(clock.withZone(QuietHours.SEOUL));
        int age = a != null && a.birthDate() != null ? a.ageOn(today) : ADULT_AGE;
        Guardian guardian = null;
        if (age < GUARDIAN_BELOW_AGE && a.guardian() != null && a.guardian().contact() != null) {
            guardian = guardian(a.guardian().contact());
            if (guardian != null && guardian.smsNumber() != null
                    && !verified.verified(tenant, userId, SmsVerifications.Holder.GUARDIAN, guardian.smsNumber())) {
                guardian = null; // a guardian's phone nobody proved to read: no texts to it (docs/adr/0043)
            }
        }
        // texts only to a number its owner proved to read by a code (docs/adr/0043): else e-mail and the inbox
        String sms = chosen.smsNumber() != null && verified.verified(tenant, userId, SmsVerifications.Holder.SELF, chosen.smsNumber())
                ? chosen.smsNumber() : null;
        return Optional.of(new Contact(user.attribute("email"), "true".equals(user.attribute("email_verified")),
                sms, language == null ? Language.DEFAULT : language, age < ADULT_AGE, guardian));
    }

    /** An e-mail address, or a phone number made E.164 (a Korean number written 010-1234-5678 becomes +821012345678). */
    static Guardian guardian(String contact) {
        String c = contact.strip();
        if (EMAIL.matcher(c).matches()) {
            return new Guardian(c, null);
        }
        String digits = c.replaceAll("[\\s()\\-]", "");
        String e164 = digits.startsWith("+") ? digits : digits.startsWith("0") ? "+82" + digits.substring(1) : null;
        return e164 != null && NotificationPreferences.E164.matcher(e164).matches() ? new Guardian(null, e164) : null;
    }
}

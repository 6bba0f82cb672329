package kr.seoullearn.functions.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.platform.cognito.CognitoUsers;

/**
 * Recipients from their profile (registration's ProfileRepository: preferred language, Cognito user name) and the user
 * pool (the e-mail address: AdminGetUser, or ListUsers by sub for staff without a profile).
 * Addresses live only in Cognito; the person must belong to the tenant (custom:tenant) and be enabled,
 * and whether the address is verified ({@code email_verified}) comes with it.
 */
final class CognitoRecipients implements Recipients {
    private final ProfileRepository profiles;
    private final CognitoUsers cognito;
    private final String userPoolId;

    CognitoRecipients(ProfileRepository profiles, CognitoUsers cognito, String userPoolId) {
        this.profiles = profiles;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Optional<Recipient> find(TenantId tenant, String userId) {
        Profile profile = profiles.find(tenant, userId).orElse(null);
        Language preferred = profile == null ? null : profile.preferredLanguage();
        Optional<CognitoUsers.User> found = cognito.find(userPoolId, profile == null ? null : profile.username(), userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CognitoUsers.User user = found.get();
        boolean enabled = user.enabled();
        String email = user.attribute("email");
        String tenantOfUser = user.attribute("custom:tenant");
        if (!enabled || email == null || (tenantOfUser != null && !tenantOfUser.equals(tenant.value()))) {
            return Optional.empty();
        }
        if (preferred == null) {
            preferred = Language.fromTag(user.attribute("locale"));
        }
        // email_verified: the owner proved the address (the code Cognito mailed, or an admin who set it); docs/adr/0023
        boolean verified = "true".equals(user.attribute("email_verified"));
        return Optional.of(new Recipient(userId, email, preferred == null ? Language.DEFAULT : preferred, verified));
    }

    @Override
    public List<String> reviewers(TenantId tenant) {
        List<String> subs = new ArrayList<>();
        for (CognitoUsers.User u : cognito.usersInGroup(userPoolId, Role.REVIEWER.group())) {
            String sub = u.attribute("sub");
            if (sub != null && u.enabled() && tenant.value().equals(u.attribute("custom:tenant"))) {
                subs.add(sub);
            }
        }
        return subs;
    }
}

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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Recipients from their profile (registration's ProfileRepository: preferred language, Cognito user name) and the user
 * pool (the e-mail address: AdminGetUser, or ListUsers by sub for staff without a profile).
 * Addresses live only in Cognito; the person must belong to the tenant (custom:tenant) and be enabled,
 * and whether the address is verified ({@code email_verified}) comes with it.
 */
final class CognitoRecipients implements Recipients {
    private final ProfileRepository profiles;
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoRecipients(ProfileRepository profiles, CognitoIdentityProviderClient cognito, String userPoolId) {
        this.profiles = profiles;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Optional<Recipient> find(TenantId tenant, String userId) {
        Profile profile = profiles.find(tenant, userId).orElse(null);
        Language preferred = profile == null ? null : profile.preferredLanguage();
        List<AttributeType> attributes;
        boolean enabled;
        if (profile != null && profile.username() != null) {
            try {
                var user = cognito.adminGetUser(u -> u.userPoolId(userPoolId).username(profile.username()));
                attributes = user.userAttributes();
                enabled = Boolean.TRUE.equals(user.enabled());
            } catch (UserNotFoundException e) {
                return Optional.empty();
            }
        } else {
            var users = cognito.listUsers(l -> l.userPoolId(userPoolId).filter("sub = \"" + userId.replace("\"", "") + "\"").limit(1)).users();
            if (users.isEmpty()) {
                return Optional.empty();
            }
            attributes = users.get(0).attributes();
            enabled = Boolean.TRUE.equals(users.get(0).enabled());
        }
        String email = attribute(attributes, "email");
        String tenantOfUser = attribute(attributes, "custom:tenant");
        if (!enabled || email == null || (tenantOfUser != null && !tenantOfUser.equals(tenant.value()))) {
            return Optional.empty();
        }
        if (preferred == null) {
            preferred = Language.fromTag(attribute(attributes, "locale"));
        }
        // email_verified: the owner proved the address (the code Cognito mailed, or an admin who set it); docs/adr/0023
        boolean verified = "true".equals(attribute(attributes, "email_verified"));
        return Optional.of(new Recipient(userId, email, preferred == null ? Language.DEFAULT : preferred, verified));
    }

    @Override
    public List<String> reviewers(TenantId tenant) {
        List<String> subs = new ArrayList<>();
        cognito.listUsersInGroupPaginator(l -> l.userPoolId(userPoolId).groupName(Role.REVIEWER.group())).users().forEach(u -> {
            String t = attribute(u.attributes(), "custom:tenant");
            String sub = attribute(u.attributes(), "sub");
            if (sub != null && Boolean.TRUE.equals(u.enabled()) && tenant.value().equals(t)) {
                subs.add(sub);
            }
        });
        return subs;
    }

    private static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }
}

package kr.seoullearn.functions.reminders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recipients from their profile (preferred language, Cognito user name; GetItem) and the user
 * pool (the e-mail address: AdminGetUser, or ListUsers by sub for staff without a profile).
 * Addresses live only in Cognito; the person must belong to the tenant (custom:tenant) and be enabled.
 */
final class CognitoRecipients implements Recipients {
    private final DynamoDbClient dynamo;
    private final String table;
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoRecipients(DynamoDbClient dynamo, String table, CognitoIdentityProviderClient cognito, String userPoolId) {
        this.dynamo = dynamo;
        this.table = table;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Optional<Recipient> find(TenantId tenant, String userId) {
        var profile = dynamo.getItem(g -> g.tableName(table).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS(Keys.PROFILE)))).item();
        Language preferred = profile != null && profile.containsKey("language") ? Language.fromTag(profile.get("language").s()) : null;
        List<AttributeType> attributes;
        boolean enabled;
        if (profile != null && profile.containsKey("username")) {
            try {
                var user = cognito.adminGetUser(u -> u.userPoolId(userPoolId).username(profile.get("username").s()));
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
        return Optional.of(new Recipient(userId, email, preferred == null ? Language.DEFAULT : preferred));
    }

    @Override
    public List<String> reviewers(TenantId tenant) {
        List<String> subs = new ArrayList<>();
        cognito.listUsersInGroupPaginator(l -> l.userPoolId(userPoolId).groupName(Role.REVIEWER.group())).users().forEach(u -> {
            String t = attribute(u.attributes(), "custom:tenant");
            String sub = attribute(u.attributes(), "sub");
            if (sub != null && Boolean.TRUE.equals(u.enabled()) && tenant.value().equals(t == null ? TenantId.SEOUL.value() : t)) {
                subs.add(sub);
            }
        });
        return subs;
    }

    private static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }
}

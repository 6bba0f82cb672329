package kr.seoullearn.platform.cognito;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.aws.AwsCallFailed;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SignedHttp;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The user-pool operations our functions make, through Cognito's JSON API (AwsJson), not the
 * SDK's Cognito client: the client carries the whole service model, about 3.5 MB in each of
 * five jars, for six operations (docs/adr/0036-slim-aws-calls.md). The names and fields are
 * Cognito's own (API reference: AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminGetUser,
 * ListUsers, ListUsersInGroup, AdminDeleteUser).
 */
public class CognitoUsers {
    private final AwsJson cognito;

    public CognitoUsers(AwsJson cognito) {
        this.cognito = cognito;
    }

    /** From the function's environment (region, credentials, AWS_ENDPOINT_URL locally). */
    public static CognitoUsers of(FunctionEnvironment env) {
        return new CognitoUsers(AwsJson.cognito(env, SignedHttp.of(env)));
    }

    /** At an explicit endpoint (tests against the emulator). */
    public static CognitoUsers at(URI endpoint, String region, AwsCredentialsProvider credentials) {
        FunctionEnvironment env = new FunctionEnvironment(Map.of("AWS_ENDPOINT_URL", endpoint.toString(), "AWS_REGION", region));
        return new CognitoUsers(AwsJson.cognito(env, new SignedHttp(AwsClients.httpClient(), credentials, region, Clock.systemUTC())));
    }

    /** A user as AdminGetUser, ListUsers and ListUsersInGroup describe them. */
    public record User(String username, boolean enabled, Map<String, String> attributes, List<String> mfaSettings) {
        public String attribute(String name) {
            return attributes.get(name);
        }
    }

    public void addToGroup(String userPoolId, String username, String group) {
        cognito.call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", group), true);
    }

    public void removeFromGroup(String userPoolId, String username, String group) {
        cognito.call("AdminRemoveUserFromGroup", Map.of("UserPoolId", userPoolId, "Username", username, "GroupName", group), true);
    }

    /** AdminGetUser; empty when the pool has no such user. */
    public Optional<User> user(String userPoolId, String username) {
        try {
            Map<String, Object> answer = cognito.call("AdminGetUser", Map.of("UserPoolId", userPoolId, "Username", username), true);
            return Optional.of(new User(string(answer.get("Username")), !Boolean.FALSE.equals(answer.get("Enabled")),
                    attributes(answer.get("UserAttributes")), strings(answer.get("UserMFASettingList"))));
        } catch (AwsCallFailed e) {
            if ("UserNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** ListUsers with {@code sub = "<sub>"}: the one user with that sub, if any. */
    public Optional<User> userBySub(String userPoolId, String sub) {
        Map<String, Object> answer = cognito.call("ListUsers", Map.of("UserPoolId", userPoolId,
                "Filter", "sub = \"" + sub.replace("\"", "").replace("\\", "") + "\"", "Limit", 1), true);
        List<User> users = listed(answer.get("Users"), "Attributes");
        return users.stream().findFirst();
    }

    /** The person by their user name when it is known (AdminGetUser), else by their sub (ListUsers). */
    public Optional<User> find(String userPoolId, String username, String sub) {
        return username != null ? user(userPoolId, username) : userBySub(userPoolId, sub);
    }

    /** ListUsersInGroup, every page. */
    public List<User> usersInGroup(String userPoolId, String group) {
        List<User> all = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> request = new LinkedHashMap<>(Map.of("UserPoolId", userPoolId, "GroupName", group));
            if (next != null) {
                request.put("NextToken", next);
            }
            Map<String, Object> answer = cognito.call("ListUsersInGroup", request, true);
            all.addAll(listed(answer.get("Users"), "Attributes"));
            next = answer.get("NextToken") instanceof String token && !token.isEmpty() ? token : null;
        } while (next != null);
        return all;
    }

    /** AdminDeleteUser; a user already gone is not an error (a retried deletion). */
    public void delete(String userPoolId, String username) {
        try {
            cognito.call("AdminDeleteUser", Map.of("UserPoolId", userPoolId, "Username", username), true);
        } catch (AwsCallFailed e) {
            if (!"UserNotFoundException".equals(e.code())) {
                throw e;
            }
        }
    }

    private static List<User> listed(Object users, String attributesField) {
        List<User> out = new ArrayList<>();
        if (users instanceof List<?> list) {
            for (Object u : list) {
                if (u instanceof Map<?, ?> m) {
                    out.add(new User(string(m.get("Username")), !Boolean.FALSE.equals(m.get("Enabled")),
                            attributes(m.get(attributesField)), strings(m.get("MFAOptions"))));
                }
            }
        }
        return out;
    }

    private static Map<String, String> attributes(Object list) {
        Map<String, String> out = new HashMap<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> a && a.get("Name") != null) {
                    out.put(a.get("Name").toString(), a.get("Value") == null ? null : a.get("Value").toString());
                }
            }
        }
        return out;
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}

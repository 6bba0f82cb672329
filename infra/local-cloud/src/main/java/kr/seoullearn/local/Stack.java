package kr.seoullearn.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the local cloud provisioned from the template: physical names and ids by logical id. */
public final class Stack {
    final String name;
    final LocalAws aws;
    final Intrinsics intrinsics;
    final Map<String, String> tables = new LinkedHashMap<>();
    final Map<String, String> buckets = new LinkedHashMap<>();
    final Map<String, String> userPools = new LinkedHashMap<>();
    final Map<String, Client> clients = new LinkedHashMap<>();
    /** Cognito trigger (PostConfirmation…) → function logical id. */
    final Map<String, String> triggers = new LinkedHashMap<>();

    Stack(String name, LocalAws aws, Intrinsics intrinsics) {
        this.name = name;
        this.aws = aws;
        this.intrinsics = intrinsics;
    }

    public String table(String logicalId) {
        return require(tables, logicalId);
    }

    public String bucket(String logicalId) {
        return require(buckets, logicalId);
    }

    public String userPoolId() {
        return userPools.values().iterator().next();
    }

    public Client client() {
        return clients.values().iterator().next();
    }

    public String resolve(Object value) {
        return intrinsics.resolve(value);
    }

    public LocalAws aws() {
        return aws;
    }

    public record Client(String clientId, String userPoolId, List<String> callbackUrls, List<String> logoutUrls) {}

    private static String require(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no provisioned resource " + key);
        }
        return value;
    }
}

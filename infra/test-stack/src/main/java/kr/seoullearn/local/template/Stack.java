package kr.seoullearn.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.aws.LocalAws;

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

    /** The stack's name (the prefix of every physical name). */
    public String name() {
        return name;
    }

    /** Table names by logical id, in template order. */
    public Map<String, String> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** Bucket names by logical id, in template order. */
    public Map<String, String> buckets() {
        return Collections.unmodifiableMap(buckets);
    }

    /** The function (logical id) of a Cognito trigger (PostConfirmation…), or null. */
    public String trigger(String trigger) {
        return triggers.get(trigger);
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

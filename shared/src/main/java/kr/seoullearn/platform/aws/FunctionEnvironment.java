package kr.seoullearn.platform.aws;

import jakarta.inject.Singleton;
import java.util.Map;

/** The environment variables template.yaml sets on a function (the local cloud sets the same). */
@Singleton
public class FunctionEnvironment {
    private final Map<String, String> variables;

    public FunctionEnvironment() {
        this(System.getenv());
    }

    public FunctionEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public String region() {
        String region = variables.get("AWS_REGION");
        return region == null || region.isBlank() ? "ap-northeast-2" : region;
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (see template.yaml)");
        }
        return value;
    }

    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

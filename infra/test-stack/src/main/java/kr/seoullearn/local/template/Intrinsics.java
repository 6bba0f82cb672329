package kr.seoullearn.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions the template uses (Ref, Fn::Sub, Fn::GetAtt, Fn::Join)
 * against what the local cloud provisioned: logical id → physical id and attributes.
 */
final class Intrinsics {
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, String> refs = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();

    Intrinsics(String region, String accountId, String stackName, Map<String, String> parameters) {
        refs.put("AWS::Region", region);
        refs.put("AWS::AccountId", accountId);
        refs.put("AWS::StackName", stackName);
        refs.put("AWS::Partition", "aws");
        refs.put("AWS::URLSuffix", "amazonaws.com");
        refs.putAll(parameters);
    }

    void ref(String logicalId, String physicalId) {
        refs.put(logicalId, physicalId);
    }

    void attribute(String logicalId, String attribute, String value) {
        attributes.put(logicalId + "." + attribute, value);
    }

    String resolve(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> fn = Template.map(value);
        if (fn.size() != 1) {
            throw new IllegalArgumentException("cannot resolve " + value);
        }
        var entry = fn.entrySet().iterator().next();
        return switch (entry.getKey()) {
            case "Ref" -> lookupRef(String.valueOf(entry.getValue()));
            case "Fn::GetAtt" -> {
                List<?> parts = (List<?>) entry.getValue();
                yield lookupAttribute(parts.get(0) + "." + parts.get(1));
            }
            case "Fn::Sub" -> sub(entry.getValue());
            case "Fn::Join" -> {
                List<?> args = (List<?>) entry.getValue();
                StringBuilder joined = new StringBuilder();
                List<?> items = (List<?>) args.get(1);
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        joined.append(args.get(0));
                    }
                    joined.append(resolve(items.get(i)));
                }
                yield joined.toString();
            }
            default -> throw new IllegalArgumentException("the local cloud does not resolve " + entry.getKey());
        };
    }

    private String sub(Object argument) {
        String text;
        Map<String, String> local = new LinkedHashMap<>();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            Template.map(list.get(1)).forEach((k, v) -> local.put(k, resolve(v)));
        } else {
            text = String.valueOf(argument);
        }
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = local.containsKey(name) ? local.get(name)
                    : name.contains(".") ? lookupAttribute(name) : lookupRef(name);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookupRef(String name) {
        String value = refs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the local cloud has no value for Ref " + name);
        }
        return value;
    }

    private String lookupAttribute(String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the local cloud has no value for GetAtt " + name);
        }
        return value;
    }
}

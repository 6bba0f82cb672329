package kr.seoullearn.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template security rules of issue 8 as functions of a template, each returning what breaks
 * it (empty = the rule holds), so that {@link TemplateTest} can prove them on template.yaml and
 * prove, on broken copies of it, that they can fail.
 */
final class TemplateSecurity {
    /**
     * Actions that AWS lets a policy grant only on {@code Resource: "*"} (they have no resource-level
     * permissions), each with the reason. No other action may be granted on "*".
     */
    static final Map<String, String> STAR_RESOURCE_ALLOWED = Map.of(
            "xray:PutTraceSegments", "X-Ray has no resource-level permissions: the action takes only Resource \"*\" (SAM grants it for Tracing: Active)",
            "xray:PutTelemetryRecords", "X-Ray has no resource-level permissions: the action takes only Resource \"*\" (SAM grants it for Tracing: Active)",
            "cloudwatch:PutMetricData", "CloudWatch metrics have no ARN: the action takes only Resource \"*\"; limit it with a cloudwatch:namespace condition",
            "sns:Publish", "SMS to a PhoneNumber has no ARN: IAM takes only Resource \"*\" for it; the grant must come with a Deny of sns:Publish on topic ARNs (docs/adr/0027)");

    /** Events through which Lambda invokes a function asynchronously: a failed run needs somewhere to go. */
    static final Set<String> ASYNCHRONOUS_EVENTS = Set.of(
            "Schedule", "ScheduleV2", "EventBridgeRule", "CloudWatchEvent", "S3", "SNS", "CloudWatchLogs", "IoTRule");

    private TemplateSecurity() {}

    /** Problems and the number of Allow statements checked. */
    record PolicyCheck(List<String> problems, int statements) {}

    /**
     * Least privilege: every Allow statement of every function, role and policy names its actions and
     * resources. No "*" or "service:*" action, no NotAction/NotResource, no "*" resource unless every
     * action of the statement is in {@link #STAR_RESOURCE_ALLOWED}, no managed "FullAccess" or
     * administrator policy, no SAM policy template (they grant Scan and more than a function uses),
     * and no dynamodb:Scan anywhere (no request path may scan).
     */
    @SuppressWarnings("unchecked")
    static PolicyCheck policies(Template template) {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (var entry : template.resources().entrySet()) {
            String id = entry.getKey();
            String type = String.valueOf(entry.getValue().get("Type"));
            Map<String, Object> props = template.properties(id);
            List<Object> policies = new ArrayList<>();
            if (type.equals("AWS::Serverless::Function") && props.get("Policies") != null) {
                policies.addAll(props.get("Policies") instanceof List<?> l ? l : List.of(props.get("Policies")));
            } else if (type.equals("AWS::IAM::Role") && props.get("Policies") instanceof List<?> l) {
                for (Object p : l) {
                    policies.add(((Map<String, Object>) p).get("PolicyDocument"));
                }
            } else if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
                policies.add(props.get("PolicyDocument"));
            } else {
                continue;
            }
            for (Object policy : policies) {
                if (policy instanceof String name) {
                    if (name.endsWith("FullAccess") || name.contains("Administrator")) {
                        problems.add(id + ": managed policy " + name);
                    }
                    continue;
                }
                Map<String, Object> doc = (Map<String, Object>) policy;
                if (!doc.containsKey("Statement")) {
                    problems.add(id + ": SAM policy template " + doc.keySet() + " (write the statements it needs instead)");
                    continue;
                }
                for (Object o : list(doc.get("Statement"))) {
                    Map<String, Object> st = (Map<String, Object>) o;
                    if (!"Allow".equals(st.get("Effect"))) {
                        continue;
                    }
                    statements++;
                    String where = id + " " + (st.get("Sid") == null ? "" : st.get("Sid"));
                    List<Object> actions = list(st.get("Action"));
                    for (Object a : actions) {
                        String action = String.valueOf(a);
                        if (action.equals("*") || action.endsWith(":*")) {
                            problems.add(where + ": action " + action);
                        }
                        if (action.equalsIgnoreCase("dynamodb:Scan")) {
                            problems.add(where + ": dynamodb:Scan");
                        }
                    }
                    if (st.containsKey("NotAction") || st.containsKey("NotResource")) {
                        problems.add(where + ": NotAction/NotResource");
                    }
                    for (Object r : list(st.get("Resource"))) {
                        if ("*".equals(r)) {
                            List<String> notAllowed = actions.stream().map(String::valueOf)
                                    .filter(a -> !STAR_RESOURCE_ALLOWED.containsKey(a)).toList();
                            if (!notAllowed.isEmpty()) {
                                problems.add(where + ": resource * for " + notAllowed);
                            }
                        }
                    }
                }
            }
        }
        return new PolicyCheck(problems, statements);
    }

    /** Every bucket: all public access blocked, encrypted by default, and a bucket policy that denies any request not over TLS. */
    @SuppressWarnings("unchecked")
    static List<String> buckets(Template template) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Object>> policyStatements = new LinkedHashMap<>();
        template.resourcesOfType("AWS::S3::BucketPolicy").forEach((id, r) -> {
            Map<String, Object> p = template.properties(id);
            String bucket = referencedId(p.get("Bucket"));
            policyStatements.computeIfAbsent(bucket, k -> new ArrayList<>())
                    .addAll(list(Template.map(p.get("PolicyDocument")).get("Statement")));
        });
        for (String id : template.resourcesOfType("AWS::S3::Bucket").keySet()) {
            Map<String, Object> p = template.properties(id);
            Map<String, Object> block = Template.map(p.get("PublicAccessBlockConfiguration"));
            for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                if (!Boolean.TRUE.equals(block.get(flag))) {
                    problems.add(id + ": PublicAccessBlockConfiguration." + flag + " is not true");
                }
            }
            List<Object> rules = list(Template.map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
            boolean encrypted = rules.stream().map(rule -> Template.map(Template.map(rule).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                    .anyMatch(a -> Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(String.valueOf(a)));
            if (!encrypted) {
                problems.add(id + ": no default encryption (BucketEncryption)");
            }
            boolean tlsOnly = policyStatements.getOrDefault(id, List.of()).stream().map(s -> (Map<String, Object>) s)
                    .anyMatch(s -> denyWithoutTls(s, id));
            if (!tlsOnly) {
                problems.add(id + ": no bucket policy statement denying s3:* on the bucket and its objects when aws:SecureTransport is false");
            }
        }
        return problems;
    }

    private static boolean denyWithoutTls(Map<String, Object> st, String bucket) {
        Object principal = st.get("Principal");
        boolean everyone = "*".equals(principal) || "*".equals(Template.map(principal).get("AWS"));
        Object secure = Template.map(Template.map(st.get("Condition")).get("Bool")).get("aws:SecureTransport");
        List<String> resources = list(st.get("Resource")).stream().map(String::valueOf).toList();
        boolean bucketItself = resources.stream().anyMatch(r -> r.contains(bucket) && !r.endsWith("/*}") && !r.contains("/*"));
        boolean objects = resources.stream().anyMatch(r -> r.contains(bucket) && r.contains("/*"));
        return "Deny".equals(st.get("Effect")) && everyone && list(st.get("Action")).contains("s3:*")
                && "false".equalsIgnoreCase(String.valueOf(secure)) && bucketItself && objects;
    }

    /** Every table: point-in-time recovery on. */
    static List<String> tables(Template template) {
        List<String> problems = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table").keySet()) {
            Map<String, Object> pitr = Template.map(template.properties(id).get("PointInTimeRecoverySpecification"));
            if (!Boolean.TRUE.equals(pitr.get("PointInTimeRecoveryEnabled"))) {
                problems.add(id + ": PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not true");
            }
        }
        return problems;
    }

    /**
     * Every log group keeps its logs for a set time, and every function logs into a log group of
     * the template (LoggingConfig.LogGroup: !Ref a log group), so none falls back to Lambda's
     * default group, which keeps logs forever.
     */
    static List<String> logRetention(Template template) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> groups = template.resourcesOfType("AWS::Logs::LogGroup");
        groups.keySet().forEach(id -> {
            if (template.properties(id).get("RetentionInDays") == null) {
                problems.add(id + ": no RetentionInDays");
            }
        });
        for (String id : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
            String group = referencedId(Template.map(template.properties(id).get("LoggingConfig")).get("LogGroup"));
            if (group == null || !groups.containsKey(group)) {
                problems.add(id + ": no LoggingConfig.LogGroup naming a log group of the template (with RetentionInDays)");
            }
        }
        return problems;
    }

    /** Every function invoked asynchronously (schedules, events) has a dead-letter queue or an on-failure destination. */
    static List<String> asynchronousFailures(Template template) {
        List<String> problems = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
            Map<String, Object> p = template.properties(id);
            boolean asynchronous = Template.mapOfMaps(p.get("Events")).values().stream()
                    .anyMatch(e -> ASYNCHRONOUS_EVENTS.contains(String.valueOf(e.get("Type"))));
            boolean dlq = referencedId(Template.map(p.get("DeadLetterQueue")).get("TargetArn")) != null;
            boolean onFailure = !Template.map(Template.map(Template.map(p.get("EventInvokeConfig")).get("DestinationConfig"))
                    .get("OnFailure")).isEmpty();
            if (asynchronous && !dlq && !onFailure) {
                problems.add(id + ": invoked asynchronously but has no DeadLetterQueue (or EventInvokeConfig OnFailure destination)");
            }
        }
        return problems;
    }

    /**
     * Every checkov check skipped in the template ({@code Metadata: checkov: skip:}) names its check
     * and gives its reason: an exception nobody explained is a failed check.
     */
    static List<String> checkovSkips(Template template) {
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            for (Object o : list(Template.map(Template.map(resource.get("Metadata")).get("checkov")).get("skip"))) {
                Map<String, Object> skip = Template.map(o);
                Object check = skip.get("id");
                Object comment = skip.get("comment");
                if (check == null || !String.valueOf(check).matches("CKV2?_[A-Z]+_\\d+")) {
                    problems.add(id + ": a checkov skip without a check id (" + o + ")");
                } else if (comment == null || String.valueOf(comment).isBlank() || String.valueOf(comment).length() < 20) {
                    problems.add(id + ": checkov " + check + " skipped without a reason");
                }
            }
        });
        return problems;
    }

    /** The logical id a Ref or GetAtt names, or null. */
    static String referencedId(Object value) {
        Map<String, Object> m = Template.map(value);
        if (m.get("Ref") != null) {
            return String.valueOf(m.get("Ref"));
        }
        Object getAtt = m.get("Fn::GetAtt");
        if (getAtt instanceof List<?> l && !l.isEmpty()) {
            return String.valueOf(l.get(0));
        }
        if (getAtt instanceof String s) {
            return s.split("\\.", 2)[0];
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : value == null ? List.of() : List.of(value);
    }
}

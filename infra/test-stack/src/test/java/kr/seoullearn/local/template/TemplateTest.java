package kr.seoullearn.local.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the real template.yaml: what the local cloud will serve is what AWS will serve. */
class TemplateTest {
    private final Template template;

    TemplateTest() throws Exception {
        template = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
    }

    @Test
    void everyRouteLivesUnderApiAndOnlyHealthTheTenantsTheProgrammeTheCatalogueAndCalendarFeedsArePublic() {
        List<Template.Route> routes = template.routes();
        assertThat(routes).isNotEmpty();
        assertThat(routes).allSatisfy(r -> assertThat(r.path()).startsWith("/api/"));
        assertThat(routes.stream().filter(r -> !r.authorized()).map(Template.Route::routeKey))
                .containsExactlyInAnyOrder("GET /api/health", "GET /api/tenants", "GET /api/programmes/{tenant}/current",
                        "GET /api/catalog/providers", "GET /api/catalog/courses", "GET /api/catalog/search",
                        "GET /api/catalog/suggest",
                        // a private calendar feed: its unguessable token is the credential (docs/adr/0029)
                        "GET /api/calendar/{feedFile}");
        assertThat(routes.stream().map(Template.Route::routeKey)).contains("GET /api/me").doesNotHaveDuplicates();
    }

    @Test
    void theDefaultAuthorizerIsTheUserPoolsJwtForTheWebClient() {
        Template.Authorizer auth = template.authorizer();
        assertThat(auth.identitySource()).isEqualTo("$request.header.Authorization");
        Intrinsics intrinsics = new Intrinsics("ap-northeast-2", "123456789012", "s", Map.of());
        intrinsics.ref("UserPool", "ap-northeast-2_pool");
        intrinsics.ref("WebClient", "client-1");
        assertThat(intrinsics.resolve(auth.issuer()))
                .isEqualTo("https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_pool");
        assertThat(auth.audience().stream().map(intrinsics::resolve)).containsExactly("client-1");
    }

    @Test
    void functionsGetGlobalAndOwnEnvironmentAndTheJava21Runtime() {
        Template.Function me = template.functions().stream().filter(f -> f.logicalId().equals("MeFunction")).findFirst().orElseThrow();
        assertThat(me.runtime()).isEqualTo("java21");
        assertThat(me.environment()).containsKeys("APP_TABLE", "POWERTOOLS_SERVICE_NAME", "JAVA_TOOL_OPTIONS");
        assertThat(me.handler()).isEqualTo("kr.seoullearn.functions.me.MeHandler::handleRequest");
        assertThat(Path.of(me.codeUri())).isEqualTo(Path.of("functions/me"));
    }

    @Test
    void subResolvesPseudoParametersAttributesAndLocalVariables() {
        Intrinsics intrinsics = new Intrinsics("ap-northeast-2", "123456789012", "s", Map.of("Stage", "dev"));
        intrinsics.attribute("AppTable", "Arn", "arn:aws:dynamodb:ap-northeast-2:123456789012:table/t");
        assertThat(intrinsics.resolve(Map.of("Fn::Sub", "/seoul-learn/${Stage}/me-${AWS::Region}")))
                .isEqualTo("/seoul-learn/dev/me-ap-northeast-2");
        assertThat(intrinsics.resolve(Map.of("Fn::Sub", "${AppTable.Arn}/index/*")))
                .isEqualTo("arn:aws:dynamodb:ap-northeast-2:123456789012:table/t/index/*");
        assertThat(intrinsics.resolve(Map.of("Fn::Sub", List.of("${A}-${Stage}", Map.of("A", "x"))))).isEqualTo("x-dev");
        assertThat(intrinsics.resolve(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "Stage")))))).isEqualTo("a,dev");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDescriptionHasExactlyTheTemplatesRoutesAndTheirSecurity() throws Exception {
        Map<String, Object> openapi;
        try (var reader = java.nio.file.Files.newBufferedReader(TestStack.repositoryRoot().resolve("docs/api/openapi.yaml"))) {
            openapi = new org.yaml.snakeyaml.Yaml().load(reader);
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        java.util.Set<String> documentedPublic = new java.util.TreeSet<>();
        ((Map<String, Map<String, Object>>) openapi.get("paths")).forEach((path, operations) ->
                operations.forEach((method, operation) -> {
                    String key = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
                    documented.add(key);
                    Object security = ((Map<String, Object>) operation).get("security");
                    if (security instanceof List<?> l && l.isEmpty()) {
                        documentedPublic.add(key);
                    }
                }));
        java.util.Set<String> declared = new java.util.TreeSet<>();
        java.util.Set<String> declaredPublic = new java.util.TreeSet<>();
        for (Template.Route r : template.routes()) {
            declared.add(r.routeKey());
            if (!r.authorized()) {
                declaredPublic.add(r.routeKey());
            }
        }
        assertThat(documented).as("routes in docs/api/openapi.yaml").isEqualTo(declared);
        assertThat(documentedPublic).as("public routes in docs/api/openapi.yaml").isEqualTo(declaredPublic);
    }

    /**
     * Least privilege (issue 8, "Template security"): every Allow statement of every function,
     * role and policy names its actions and resources; "*" only for the actions AWS offers on no
     * narrower resource ({@link TemplateSecurity#STAR_RESOURCE_ALLOWED}, each with its reason); no
     * managed "FullAccess"/administrator policy, no SAM policy template, and no dynamodb:Scan
     * anywhere (no request path may scan). The rules: {@link TemplateSecurity#policies}.
     */
    @Test
    void everyPolicyNamesItsActionsAndResourcesAndNothingMayScan() {
        TemplateSecurity.PolicyCheck check = TemplateSecurity.policies(template);
        assertThat(check.statements()).as("statements checked").isGreaterThan(10);
        assertThat(check.problems()).as("policies broader than needed").isEmpty();
    }

    /** Every bucket private (all four public access blocks), encrypted, and TLS-only by its bucket policy. */
    @Test
    void everyBucketIsPrivateEncryptedAndTlsOnly() {
        assertThat(template.resourcesOfType("AWS::S3::Bucket")).as("buckets checked").isNotEmpty();
        assertThat(TemplateSecurity.buckets(template)).isEmpty();
    }

    @Test
    void everyTableHasPointInTimeRecovery() {
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).as("tables checked").isNotEmpty();
        assertThat(TemplateSecurity.tables(template)).isEmpty();
    }

    @Test
    void everyFunctionLogsIntoALogGroupWithRetention() {
        assertThat(template.functions()).as("functions checked").hasSizeGreaterThan(5);
        assertThat(TemplateSecurity.logRetention(template)).isEmpty();
    }

    @Test
    void everyAsynchronouslyInvokedFunctionHasADeadLetterQueue() {
        assertThat(template.functions().stream().filter(f -> !f.schedules().isEmpty())).as("scheduled functions").isNotEmpty();
        assertThat(TemplateSecurity.asynchronousFailures(template)).isEmpty();
    }

    @Test
    void everyCheckovCheckTheTemplateSkipsHasItsReasonInline() {
        long skips = template.resources().values().stream()
                .mapToLong(r -> String.valueOf(r.get("Metadata")).split("CKV_").length - 1).sum();
        assertThat(skips).as("skipped checks").isGreaterThan(10);
        assertThat(TemplateSecurity.checkovSkips(template)).isEmpty();
    }

    @Test
    void everyFunctionHasAnErrorsAndAThrottlesAlarm() {
        // docs/runbook.md: "Function errors" and "Function throttles" cover every function.
        List<String> missing = new java.util.ArrayList<>();
        for (Template.Function f : template.functions()) {
            for (String metric : List.of("Errors", "Throttles")) {
                boolean alarmed = template.resources().values().stream()
                        .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
                        .map(r -> (Map<?, ?>) r.get("Properties"))
                        .anyMatch(p -> metric.equals(p.get("MetricName")) && "AWS/Lambda".equals(p.get("Namespace"))
                                && String.valueOf(p.get("Dimensions")).matches(".*\\b" + f.logicalId() + "\\b.*"));
                if (!alarmed) missing.add(f.logicalId() + " " + metric);
            }
        }
        assertThat(template.functions()).as("functions checked").hasSizeGreaterThan(5);
        assertThat(missing).as("functions without an alarm").isEmpty();
    }

    // ---- the same rules on broken copies of template.yaml: each can fail, and names what broke

    @Test
    void aWildcardResourceFailsUnlessEveryActionIsOneAwsOffersOnlyOnWildcard(@TempDir Path dir) throws Exception {
        // the first grant of exactly GetItem on the table: the pre-token trigger's
        String meGrant = "Action: [dynamodb:GetItem]\n              Resource: !GetAtt AppTable.Arn\n";
        Template wildcard = broken(dir, "wildcard.yaml", meGrant, "Action: [dynamodb:GetItem]\n              Resource: '*'\n");
        assertThat(TemplateSecurity.policies(wildcard).problems()).containsExactly("TokenClaimsFunction ReadAccountsAndTenants: resource * for [dynamodb:GetItem]");
        Template tracing = broken(dir, "tracing.yaml", meGrant, meGrant
                + "            - Sid: Tracing\n              Effect: Allow\n"
                + "              Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]\n              Resource: '*'\n");
        assertThat(TemplateSecurity.policies(tracing).problems()).isEmpty();
        Template scan = broken(dir, "scan.yaml", "Action: [dynamodb:GetItem]\n", "Action: [dynamodb:GetItem, dynamodb:Scan]\n");
        assertThat(TemplateSecurity.policies(scan).problems()).containsExactly("TokenClaimsFunction ReadAccountsAndTenants: dynamodb:Scan");
    }

    @Test
    void aPublicUnencryptedOrPlainHttpBucketFails(@TempDir Path dir) throws Exception {
        Template open = broken(dir, "open.yaml", "RestrictPublicBuckets: true", "RestrictPublicBuckets: false");
        assertThat(TemplateSecurity.buckets(open)).containsExactly("DocumentsBucket: PublicAccessBlockConfiguration.RestrictPublicBuckets is not true");
        Template plain = broken(dir, "plain.yaml", "{ Bool: { 'aws:SecureTransport': 'false' } }", "{ Bool: { 'aws:SecureTransport': 'true' } }");
        assertThat(TemplateSecurity.buckets(plain)).singleElement().asString().startsWith("DocumentsBucket: no bucket policy statement denying");
        Template unencrypted = broken(dir, "unencrypted.yaml", "- ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }", "- BucketKeyEnabled: true");
        assertThat(TemplateSecurity.buckets(unencrypted)).containsExactly("DocumentsBucket: no default encryption (BucketEncryption)");
    }

    @Test
    void aTableWithoutPointInTimeRecoveryFails(@TempDir Path dir) throws Exception {
        Template t = broken(dir, "pitr.yaml", "PointInTimeRecoveryEnabled: true", "PointInTimeRecoveryEnabled: false");
        assertThat(TemplateSecurity.tables(t)).containsExactly("AppTable: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not true");
    }

    @Test
    void aLogGroupWithoutRetentionOrAFunctionWithoutLogGroupFails(@TempDir Path dir) throws Exception {
        Template forever = broken(dir, "forever.yaml", "/seoul-learn/${Stage}/health\n      RetentionInDays: !Ref LogRetentionDays\n",
                "/seoul-learn/${Stage}/health\n");
        assertThat(TemplateSecurity.logRetention(forever)).containsExactly("HealthLogGroup: no RetentionInDays");
        Template unlogged = broken(dir, "unlogged.yaml", "      LoggingConfig:\n        LogGroup: !Ref HealthLogGroup\n", "");
        assertThat(TemplateSecurity.logRetention(unlogged)).singleElement().asString().startsWith("HealthFunction: no LoggingConfig.LogGroup");
    }

    @Test
    void aScheduledFunctionWithoutDeadLetterQueueFails(@TempDir Path dir) throws Exception {
        String dlq = "      DeadLetterQueue:\n        Type: SQS\n        TargetArn: !GetAtt ScheduledRunsDeadLetterQueue.Arn\n";
        String text = Files.readString(TestStack.repositoryRoot().resolve("template.yaml"));
        int reminder = text.indexOf("Handler: kr.seoullearn.functions.reminders.ReminderHandler::handleRequest");
        int at = text.indexOf(dlq, reminder);
        assertThat(reminder).isPositive();
        assertThat(at).as("ReminderFunction's DeadLetterQueue").isPositive();
        Path file = dir.resolve("nodlq.yaml");
        Files.writeString(file, text.substring(0, at) + text.substring(at + dlq.length()));
        assertThat(TemplateSecurity.asynchronousFailures(Template.load(file)))
                .containsExactly("ReminderFunction: invoked asynchronously but has no DeadLetterQueue (or EventInvokeConfig OnFailure destination)");
    }

    @Test
    void aCheckovSkipWithoutAReasonFails(@TempDir Path dir) throws Exception {
        Template t = broken(dir, "unexplained.yaml", "- { id: CKV_AWS_119, comment: 'Encrypted with the AWS managed KMS key",
                "- { id: CKV_AWS_119, ignored: 'Encrypted with the AWS managed KMS key");
        assertThat(TemplateSecurity.checkovSkips(t)).containsExactly("AppTable: checkov CKV_AWS_119 skipped without a reason");
    }

    /** template.yaml with the first occurrence of {@code from} replaced (which must be there). */
    private static Template broken(Path dir, String name, String from, String to) throws Exception {
        String text = Files.readString(TestStack.repositoryRoot().resolve("template.yaml"));
        assertThat(text).as("the text to break").contains(from);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return Template.load(file);
    }
}

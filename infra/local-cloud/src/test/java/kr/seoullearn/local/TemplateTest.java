package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;

/** Reads the real template.yaml: what the local cloud will serve is what AWS will serve. */
class TemplateTest {
    private final Template template;

    TemplateTest() throws Exception {
        template = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
    }

    @Test
    void everyRouteLivesUnderApiAndOnlyHealthTheProgrammeAndTheCatalogueArePublic() {
        List<Template.Route> routes = template.routes();
        assertThat(routes).isNotEmpty();
        assertThat(routes).allSatisfy(r -> assertThat(r.path()).startsWith("/api/"));
        assertThat(routes.stream().filter(r -> !r.authorized()).map(Template.Route::routeKey))
                .containsExactlyInAnyOrder("GET /api/health", "GET /api/programmes/{tenant}/current",
                        "GET /api/catalog/providers", "GET /api/catalog/courses", "GET /api/catalog/search");
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
     * Least privilege (issue 8, "Template security"): every Allow statement of every function
     * and role names its actions and resources. No "*" action, no "service:*", no "*" resource
     * (none of our actions needs one), no managed "FullAccess"/administrator policy, no SAM
     * policy template (they grant Scan and more than a function uses), and no dynamodb:Scan
     * anywhere (no request path may scan).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyPolicyNamesItsActionsAndResourcesAndNothingMayScan() {
        List<String> problems = new java.util.ArrayList<>();
        int statements = 0;
        for (var entry : template.resources().entrySet()) {
            String id = entry.getKey();
            String type = String.valueOf(entry.getValue().get("Type"));
            Map<String, Object> props = template.properties(id);
            if (props == null) {
                continue;
            }
            List<Object> policies = new java.util.ArrayList<>();
            if (type.equals("AWS::Serverless::Function") && props.get("Policies") != null) {
                policies.addAll(props.get("Policies") instanceof List<?> l ? l : List.of(props.get("Policies")));
            } else if (type.equals("AWS::IAM::Role") && props.get("Policies") instanceof List<?> l) {
                for (Object p : l) {
                    policies.add(((Map<String, Object>) p).get("PolicyDocument"));
                }
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
                for (Object o : (List<Object>) doc.get("Statement")) {
                    Map<String, Object> st = (Map<String, Object>) o;
                    if (!"Allow".equals(st.get("Effect"))) {
                        continue;
                    }
                    statements++;
                    String where = id + " " + (st.get("Sid") == null ? "" : st.get("Sid"));
                    List<Object> actions = st.get("Action") instanceof List<?> l ? (List<Object>) l : List.of(st.get("Action"));
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
                    List<Object> resources = st.get("Resource") instanceof List<?> l ? (List<Object>) l : List.of(String.valueOf(st.get("Resource")));
                    for (Object r : resources) {
                        if ("*".equals(r)) {
                            problems.add(where + ": resource *");
                        }
                    }
                }
            }
        }
        assertThat(statements).as("statements checked").isGreaterThan(10);
        assertThat(problems).as("policies broader than needed").isEmpty();
    }
}

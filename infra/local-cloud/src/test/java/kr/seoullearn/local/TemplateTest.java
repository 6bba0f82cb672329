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
}

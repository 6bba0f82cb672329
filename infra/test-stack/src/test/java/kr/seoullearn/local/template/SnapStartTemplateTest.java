package kr.seoullearn.local.template;

import java.util.Map;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart (docs/adr/0018) applies only to published versions, so every function publishes one
 * under an alias, and whatever invokes a function outside the HTTP API and the schedules (which
 * SAM points at the alias itself) names the alias too.
 */
class SnapStartTemplateTest {
    private final Map<String, Object> template;

    SnapStartTemplateTest() throws Exception {
        template = CfnYaml.load(TestStack.repositoryRoot().resolve("template.yaml"));
    }

    @Test
    void everyJava21FunctionPublishesAVersionWithSnapStartUnderTheLiveAlias() {
        Map<String, Object> globals = Template.map(Template.map(template.get("Globals")).get("Function"));
        Map<String, Map<String, Object>> resources = Template.mapOfMaps(template.get("Resources"));
        var functions = resources.entrySet().stream()
                .filter(e -> "AWS::Serverless::Function".equals(e.getValue().get("Type"))).toList();
        assertThat(functions).hasSizeGreaterThanOrEqualTo(13);
        for (var function : functions) {
            Map<String, Object> p = Template.map(function.getValue().get("Properties"));
            String id = function.getKey();
            assertThat(p.getOrDefault("Runtime", globals.get("Runtime"))).as(id).isEqualTo("java21");
            assertThat(p.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias"))).as(id).isEqualTo("live");
            assertThat(Template.map(p.getOrDefault("SnapStart", globals.get("SnapStart"))).get("ApplyOn"))
                    .as(id).isEqualTo("PublishedVersions");
        }
    }

    @Test
    void theCognitoTriggerAndItsPermissionNameTheAliasNotTheUnpublishedFunction() {
        Map<String, Map<String, Object>> resources = Template.mapOfMaps(template.get("Resources"));
        Map<String, Object> lambdaConfig = Template.map(Template.map(resources.get("UserPool").get("Properties")).get("LambdaConfig"));
        assertThat(lambdaConfig).isNotEmpty();
        lambdaConfig.values().forEach(target -> assertThat(Template.map(target).get("Ref")).asString().endsWith(".Alias"));
        resources.values().stream()
                .filter(r -> "AWS::Lambda::Permission".equals(r.get("Type")))
                .forEach(r -> assertThat(Template.map(Template.map(r.get("Properties")).get("FunctionName")).get("Ref"))
                        .asString().endsWith(".Alias"));
    }
}

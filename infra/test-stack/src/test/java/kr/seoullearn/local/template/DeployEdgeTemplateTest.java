package kr.seoullearn.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a deployment needs at its edge and in its logs (docs/adr/0025, 0026), read from the real
 * template.yaml; each rule is shown to fail on a broken copy.
 */
class DeployEdgeTemplateTest {

    /** Every rule's problems; empty when the template keeps them all. */
    static List<String> problems(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> globals = Template.map(Template.map(rawGlobals(t)).get("Function"));
        Map<String, Object> logging = Template.map(globals.get("LoggingConfig"));
        if (!"JSON".equals(logging.get("LogFormat"))) {
            problems.add("Globals.Function.LoggingConfig.LogFormat is not JSON");
        }
        if (logging.get("ApplicationLogLevel") == null) {
            problems.add("Globals.Function.LoggingConfig has no ApplicationLogLevel");
        }
        t.resourcesOfType("AWS::Serverless::HttpApi").forEach((id, api) -> {
            if (!Boolean.TRUE.equals(Template.map(api.get("Properties")).get("DisableExecuteApiEndpoint"))) {
                problems.add(id + ": the execute-api endpoint is not disabled");
            }
        });
        String csp = t.contentSecurityPolicy().orElse("");
        List<String> directives = List.of(csp.split(";\\s*"));
        for (String needed : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "base-uri 'none'", "frame-ancestors 'none'")) {
            if (!directives.contains(needed)) {
                problems.add("Content-Security-Policy lacks " + needed);
            }
        }
        for (String weak : List.of("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:")) {
            if (List.of(csp.split("[;\\s]+")).contains(weak)) {
                problems.add("Content-Security-Policy allows " + weak);
            }
        }
        t.resourcesOfType("AWS::CloudFront::Distribution").forEach((id, d) -> {
            Map<String, Object> config = Template.map(Template.map(d.get("Properties")).get("DistributionConfig"));
            if (config.get("WebACLId") == null) {
                problems.add(id + ": no web ACL (WebACLId)");
            }
        });
        var branded = t.resourcesOfType("AWS::Cognito::ManagedLoginBranding").values().stream()
                .map(b -> String.valueOf(Template.map(b.get("Properties")).get("ClientId"))).toList();
        t.resourcesOfType("AWS::Cognito::UserPoolClient").forEach((id, c) -> {
            if (Template.map(c.get("Properties")).get("AllowedOAuthFlows") != null && !branded.contains(String.valueOf(Map.of("Ref", id)))) {
                problems.add(id + ": no managed login style (AWS::Cognito::ManagedLoginBranding), so no login page");
            }
        });
        String meeting = t.parameterDefaults().get("MeetingProvider");
        if (meeting == null || meeting.equals("local-rooms")) {
            problems.add("MeetingProvider defaults to " + meeting + ", not a real provider");
        }
        return problems;
    }

    private static Object rawGlobals(Template t) {
        try {
            return CfnYaml.load(t.file()).get("Globals");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theTemplateLogsJsonKeepsTheApiBehindCloudFrontWithAStrictCspAndAWebAclAndRendersItsLoginPage() throws Exception {
        Template t = Template.load(TestStack.repositoryRoot().resolve("template.yaml"));
        assertThat(problems(t)).isEmpty();
        assertThat(t.contentSecurityPolicy()).get().asString().startsWith("default-src 'self';");
    }

    @Test
    void eachRuleFailsOnABrokenCopy(@TempDir Path dir) throws Exception {
        assertThat(problems(broken(dir, "LogFormat: JSON", "LogFormat: Text"))).containsExactly("Globals.Function.LoggingConfig.LogFormat is not JSON");
        assertThat(problems(broken(dir, "DisableExecuteApiEndpoint: true", "DisableExecuteApiEndpoint: false")))
                .containsExactly("HttpApi: the execute-api endpoint is not disabled");
        assertThat(problems(broken(dir, "script-src 'self';", "script-src 'self' 'unsafe-inline';")))
                .containsExactly("Content-Security-Policy lacks script-src 'self'", "Content-Security-Policy allows 'unsafe-inline'");
        assertThat(problems(broken(dir, "style-src 'self'; ", ""))).containsExactly("Content-Security-Policy lacks style-src 'self'");
        assertThat(problems(broken(dir, "        WebACLId: !Ref WebAclArn\n", ""))).containsExactly("WebDistribution: no web ACL (WebACLId)");
        assertThat(problems(broken(dir, "      ClientId: !Ref WebClient\n      UseCognitoProvidedValues: true\n", "      UseCognitoProvidedValues: true\n")))
                .containsExactly("WebClient: no managed login style (AWS::Cognito::ManagedLoginBranding), so no login page");
        assertThat(problems(broken(dir, "    Default: jitsi\n", "    Default: local-rooms\n")))
                .containsExactly("MeetingProvider defaults to local-rooms, not a real provider");
    }

    private static Template broken(Path dir, String from, String to) throws Exception {
        String text = Files.readString(TestStack.repositoryRoot().resolve("template.yaml"));
        assertThat(text).as("the text to break").contains(from);
        Path file = Files.createTempFile(dir, "broken", ".yaml");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return Template.load(file);
    }
}

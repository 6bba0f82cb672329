package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/api/openapi.yaml describes every operation fully enough for the fuzzer (infra/fuzz) to
 * check the handlers against it: a success response with a schema, the problem+json answers
 * (a 401 where a token is needed), and a request body with a schema for every write that takes
 * one. TemplateTest checks that its routes are exactly the template's.
 */
class OpenApiDocumentTest {
    /** Writes that take no body: the path says everything. */
    private static final Set<String> WITHOUT_BODY = Set.of(
            "POST /api/registration/documents/{documentId}/finalise",
            "POST /api/review/applications/{userId}/documents/{documentId}/read-url",
            "POST /api/mentoring/mentorships/{mentorshipId}/extension",
            "POST /api/recruitment/renewal",
            "POST /api/me/notifications/{id}/read");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationDocumentsItsBodiesAndProblemAnswers() throws Exception {
        Map<String, Object> openapi;
        try (Reader reader = Files.newBufferedReader(TestStack.repositoryRoot().resolve("docs/api/openapi.yaml"))) {
            openapi = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) openapi.get("components")).get("responses");
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : ((Map<String, Map<String, Object>>) openapi.get("paths")).entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                Map<String, Object> answers = (Map<String, Object>) operation.get("responses");
                if (Set.of("put", "post", "patch").contains(op.getKey()) && !WITHOUT_BODY.contains(key)) {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    if (body == null || !everyContentHasASchema((Map<String, Object>) body.get("content"))) {
                        problems.add(key + ": no request body schema");
                    }
                }
                boolean success = false;
                boolean clientError = false;
                for (var answer : answers.entrySet()) {
                    Map<String, Object> response = resolve((Map<String, Object>) answer.getValue(), responses);
                    Map<String, Object> content = (Map<String, Object>) response.get("content");
                    if (answer.getKey().startsWith("2")) {
                        success = true;
                        if (!answer.getKey().equals("204") && !everyContentHasASchema(content)) {
                            problems.add(key + ": " + answer.getKey() + " without a schema");
                        }
                    } else if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                        clientError |= answer.getKey().startsWith("4");
                        if (content == null || !content.containsKey("application/problem+json")) {
                            problems.add(key + ": " + answer.getKey() + " is not application/problem+json");
                        }
                    }
                }
                if (!success) {
                    problems.add(key + ": no success response");
                }
                boolean open = operation.get("security") instanceof List<?> l && l.isEmpty();
                if (!open && !answers.containsKey("401")) {
                    problems.add(key + ": needs a token but documents no 401");
                }
                // the health check and the list of tenants take no input (no parameter, body or token): no 4xx
                if (!clientError && !key.equals("GET /api/health") && !key.equals("GET /api/tenants")) {
                    problems.add(key + ": no 4xx documented");
                }
            }
        }
        assertThat(operations).isGreaterThan(50);
        assertThat(problems).as("operations of docs/api/openapi.yaml").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> response, Map<String, Map<String, Object>> components) {
        Object ref = response.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/responses/")) {
            return components.get(r.substring("#/components/responses/".length()));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static boolean everyContentHasASchema(Map<String, Object> content) {
        return content != null && !content.isEmpty()
                && content.values().stream().allMatch(c -> c instanceof Map<?, ?> m && m.get("schema") != null);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.seed.CatalogSeeder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public catalogue through the running local cloud, as the web app's catalogue page uses
 * it, with no sign-in: the seeded providers and the generated catalogue
 * (LOCAL_CLOUD_CATALOGUE_SIZE courses, {@link CatalogSeeder}).
 */
class CatalogE2E {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;

    @BeforeAll
    static void findTheCloud() {
        base = System.getProperty("local.cloud.url", "http://localhost:3000");
    }

    private static HttpResponse<String> get(String pathAndQuery, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAnonymousVisitorFindsAMiddleSchoolMathsCourseByAKoreanWordOfItsTitle() throws Exception {
        // GIVEN nobody signed in, WHEN they search the catalogue for 수학 among middle-school courses
        HttpResponse<String> response = get("/api/catalog/search?q=" + enc("수학") + "&level=MIDDLE&limit=10", "ko");
        // THEN middle-school maths courses come back, their Korean titles holding the word
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = JsonText.readObject(response.body());
        assertThat(items(body)).isNotEmpty().allSatisfy(course -> {
            assertThat(course).containsEntry("level", "MIDDLE").containsEntry("subject", "MATH");
            assertThat(((Map<String, Object>) course.get("title")).get("ko").toString()).contains("수학");
            assertThat(List.of("subakssi", "mbest")).contains((String) course.get("providerId"));
        });
        // and the next page continues without repeating the first
        if (body.get("next") != null) {
            Map<String, Object> next = JsonText.readObject(get("/api/catalog/search?q=" + enc("수학") + "&level=MIDDLE&limit=10&cursor="
                    + body.get("next"), "ko").body());
            List<Object> first = new ArrayList<>(items(body).stream().map(c -> c.get("courseId")).toList());
            assertThat(items(next)).isNotEmpty().allSatisfy(c -> assertThat(first).doesNotContain(c.get("courseId")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWordsOfAQueryCanNameTheLevelAndGrade() throws Exception {
        HttpResponse<String> response = get("/api/catalog/search?q=" + enc("중2 수학을"), "ko");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JsonText.readObject(response.body());
        assertThat(body.get("query")).isEqualTo(Map.of("words", List.of("수학"), "level", "MIDDLE", "grade", 2));
        assertThat(items(body)).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("grade", 2));
        // the English title is searchable too
        body = JsonText.readObject(get("/api/catalog/search?q=" + enc("middle school maths"), "en").body());
        assertThat(items(body)).isNotEmpty().allSatisfy(c ->
                assertThat(((Map<String, Object>) c.get("title")).get("en").toString()).startsWith("Middle school maths"));
    }

    @Test
    void theProvidersArePublicWithTheSeatsLeftInATenant() throws Exception {
        HttpResponse<String> response = get("/api/catalog/providers?tenant=seoul", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> providers = items(JsonText.readObject(response.body()));
        // the seeded providers in id order (other journeys of the same run may add providers of their own)
        assertThat(providers).extracting(p -> p.get("providerId"))
                .containsSubsequence("eduwill", "elihigh", "etoos", "i-scream", "mbest", "megastudy", "mimac", "subakssi");
        assertThat(providers).allSatisfy(p -> assertThat(p).containsKeys("name", "levels", "status", "seatsLeft"));
    }

    @Test
    void browsingAProvidersCoursesNeedsNoSignIn() throws Exception {
        HttpResponse<String> response = get("/api/catalog/courses?provider=mbest&subject=MATH&limit=5", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(items(JsonText.readObject(response.body()))).hasSize(5)
                .allSatisfy(c -> assertThat(c).containsEntry("providerId", "mbest").containsEntry("subject", "MATH"));
    }

    @Test
    void badInputIsAProblemInTheVisitorsLanguage() throws Exception {
        HttpResponse<String> response = get("/api/catalog/courses?subject=MATH", "ko");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        Map<String, Object> problem = JsonText.readObject(response.body());
        assertThat(problem).containsEntry("code", "validation-failed");
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "level", "code", "required"),
                Map.of("field", "provider", "code", "required")));
        assertThat(get("/api/catalog/search", "en").statusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/search?q=x&cursor=" + enc("{}"), "en").statusCode()).isEqualTo(400);
        assertThat(get("/api/catalog/providers?tenant=nowhere", "en").statusCode()).isEqualTo(400);
    }
}

package kr.seoullearn.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public routes with an in-memory catalogue: shapes, and every kind of bad input (CatalogHandlerIT: against DynamoDB). */
class CatalogHandlerTest {
    private InMemoryCatalog catalogue;
    private CatalogHandler handler;

    @BeforeEach
    void catalogue() {
        catalogue = new InMemoryCatalog();
        catalogue.providers.add(new Provider("mbest", "엠베스트", "Mbest", List.of(SchoolLevel.MIDDLE),
                "https://mbest.example/seoul-learn/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        catalogue.providers.add(new Provider("etoos", "이투스", "Etoos", List.of(SchoolLevel.HIGH),
                "https://etoos.example/seoul-learn/{tenant}/{learnerRef}", Provider.Status.INACTIVE, LocalDate.of(2027, 2, 28)));
        catalogue.seats.put("seoul", List.of(new ProviderSeats(TenantId.SEOUL, "mbest", 3000, 2990)));
        catalogue.courses.add(new Course("c1", "mbest", SchoolLevel.MIDDLE, 2, Subject.MATH, "중학 수학 2-1 개념 완성",
                "Middle school maths 2-1: core concepts", "김수진", "Kim Su-jin", 540, 18));
        catalogue.courses.add(new Course("c2", "etoos", SchoolLevel.HIGH, null, Subject.CODING, "고등 코딩 파이썬 심화",
                "High school coding: Python, advanced", "이민준", "Lee Min-jun", 900, 20));
        handler = new CatalogHandler(new CatalogQueries(catalogue));
    }

    private APIGatewayV2HTTPResponse get(String route, String language, String... params) {
        APIGatewayV2HTTPEvent event = Events.http("GET " + route, null, null, language);
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            query.put(params[i], params[i + 1]);
        }
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return handler.handleRequest(event, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        Map<String, Object> body = Json.readObject(r.getBody());
        assertThat(body).containsEntry("code", "validation-failed");
        return (List<Map<String, Object>>) body.get("errors");
    }

    @Test
    void providersWithoutATenantHaveNoSeats() {
        var r = get("/api/catalog/providers", "en");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("{\"items\":["
                + "{\"providerId\":\"etoos\",\"name\":{\"ko\":\"이투스\",\"en\":\"Etoos\"},\"levels\":[\"HIGH\"],\"status\":\"INACTIVE\",\"takesNewLearners\":false,\"graceUntil\":\"2027-02-28\"},"
                + "{\"providerId\":\"mbest\",\"name\":{\"ko\":\"엠베스트\",\"en\":\"Mbest\"},\"levels\":[\"MIDDLE\"],\"status\":\"ACTIVE\",\"takesNewLearners\":true}]}");
        assertThat(catalogue.calls).isEqualTo(1);
    }

    @Test
    void providersOfATenantSaySeatsLeftAndNoneWhereNothingWasDonated() {
        var r = get("/api/catalog/providers", "en", "tenant", "seoul");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).startsWith("{\"tenant\":\"seoul\"").contains("\"providerId\":\"mbest\"").contains("\"seatsLeft\":10")
                .contains("\"seatsLeft\":0");
    }

    @ParameterizedTest
    @CsvSource({"Seoul", "x", "busan", "seoul;drop", "'-seoul'"})
    void anUnknownOrMalformedTenantIsRefused(String tenant) {
        var r = get("/api/catalog/providers", "ko", "tenant", tenant);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"code\":\"unknown-tenant\"").contains("\"title\":\"");
        assertThat(r.getHeaders()).containsEntry("content-language", "ko");
    }

    @Test
    void browsingAnswersCoursesWithTheirTitlesInBothLanguages() {
        var r = get("/api/catalog/courses", "en", "level", "MIDDLE", "subject", "MATH", "grade", "2", "limit", "5");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(Json.readObject(r.getBody())).isEqualTo(Map.of("items", List.of(Map.of("courseId", "c1", "providerId", "mbest",
                "level", "MIDDLE", "grade", 2, "subject", "MATH",
                "title", Map.of("ko", "중학 수학 2-1 개념 완성", "en", "Middle school maths 2-1: core concepts"),
                "lecturer", Map.of("ko", "김수진", "en", "Kim Su-jin"), "minutes", 540, "lessons", 18))));
    }

    @Test
    void emptyParametersMeanAny() {
        var r = get("/api/catalog/courses", "en", "level", "", "provider", "etoos", "subject", "", "grade", "");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(catalogue.lastBrowse).isEqualTo(new kr.seoullearn.catalog.port.Catalog.BrowseFilter(null, null, "etoos", null));
    }

    @Test
    void browsingNeedsALevelOrAProvider() {
        assertThat(errors(get("/api/catalog/courses", "en", "subject", "MATH"))).containsExactly(
                Map.of("field", "level", "code", "required"), Map.of("field", "provider", "code", "required"));
        assertThat(catalogue.calls).isZero();
    }

    @Test
    void everyWrongBrowseParameterIsListedAtOnceAndNothingIsRead() {
        assertThat(errors(get("/api/catalog/courses", "en", "level", "middle", "subject", "MATHS", "provider", "Mbest!",
                "grade", "two", "limit", "-1", "cursor", "not a cursor"))).containsExactly(
                Map.of("field", "level", "code", "invalid-value"), Map.of("field", "subject", "code", "invalid-value"),
                Map.of("field", "provider", "code", "invalid-value"), Map.of("field", "grade", "code", "invalid-value"),
                Map.of("field", "limit", "code", "invalid-value"), Map.of("field", "cursor", "code", "invalid-value"));
        assertThat(catalogue.calls).isZero();
    }

    @ParameterizedTest
    @CsvSource({"MIDDLE,4,grade", "ELEMENTARY,0,grade", "HIGH,7,grade", "ADULT,1,grade"})
    void aGradeOutsideTheLevelIsOutOfRange(String level, String grade, String field) {
        assertThat(errors(get("/api/catalog/courses", "en", "level", level, "grade", grade)))
                .containsExactly(Map.of("field", field, "code", "out-of-range"));
    }

    @ParameterizedTest
    @CsvSource({"0", "51", "999"})
    void aLimitOutsideOneToFiftyIsOutOfRange(String limit) {
        assertThat(errors(get("/api/catalog/courses", "en", "provider", "mbest", "limit", limit)))
                .containsExactly(Map.of("field", "limit", "code", "out-of-range"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수학", "limit", limit)))
                .containsExactly(Map.of("field", "limit", "code", "out-of-range"));
    }

    @Test
    void searchFindsAKoreanWordAndSaysHowItUnderstoodTheQuery() {
        var r = get("/api/catalog/search", "ko", "q", "중2 수학을");
        assertThat(r.getStatusCode()).isEqualTo(200);
        Map<String, Object> body = Json.readObject(r.getBody());
        assertThat(body.get("query")).isEqualTo(Map.of("words", List.of("수학"), "level", "MIDDLE", "grade", 2));
        assertThat(r.getBody()).contains("\"courseId\":\"c1\"").doesNotContain("c2");
    }

    @Test
    void searchFindsAnEnglishWord() {
        var r = get("/api/catalog/search", "en", "q", "Maths");
        assertThat(r.getBody()).contains("\"courseId\":\"c1\"");
        // a subject named in any language is searched as the subject's word, which every course of it carries
        assertThat(catalogue.lastSearch).isEqualTo(new SearchTerms(List.of("수학"), null, null));
    }

    @Test
    void searchReadsVietnameseAndChineseSubjectAndLevelWords() {
        get("/api/catalog/search", "vi", "q", "Toán lớp 8");
        assertThat(catalogue.lastSearch).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, 2));
        get("/api/catalog/search", "zh", "q", "初中数学");
        assertThat(catalogue.lastSearch).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, null));
    }

    @Test
    void aLearnersLevelAndGradeAreHandedOnForRankingAndChecked() {
        get("/api/catalog/search", "ko", "q", "수학", "rankLevel", "MIDDLE", "rankGrade", "2");
        assertThat(catalogue.lastPreference).isEqualTo(new Catalog.Preference(SchoolLevel.MIDDLE, 2));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수학", "rankLevel", "MIDDLE", "rankGrade", "4")))
                .containsExactly(Map.of("field", "rankGrade", "code", "out-of-range"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수학", "rankLevel", "GED")))
                .containsExactly(Map.of("field", "rankLevel", "code", "invalid-value"));
    }

    @Test
    void suggestionsCompleteTheLastWordFromTheVocabularyAndTheIndex() {
        var r = get("/api/catalog/suggest", "vi", "q", "toá");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"text\":\"Toán\"");
        var korean = get("/api/catalog/suggest", "ko", "q", "중학 수");
        assertThat(korean.getBody()).contains("\"text\":\"중학 수학\"");
        assertThat(errors(get("/api/catalog/suggest", "en"))).containsExactly(Map.of("field", "q", "code", "required"));
        assertThat(errors(get("/api/catalog/suggest", "en", "q", "a".repeat(101)))).containsExactly(Map.of("field", "q", "code", "too-long"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTextAsTypedIsHandedOnSoThatAnExactTitleComesFirst() {
        catalogue.courses.add(new Course("c3", "mbest", SchoolLevel.MIDDLE, 2, Subject.MATH, "중학 수학 2-1",
                "Middle school maths 2-1", "김수진", "Kim Su-jin", 540, 18));
        var r = get("/api/catalog/search", "ko", "q", "중학수학 2-1");
        assertThat(catalogue.lastTyped).isEqualTo("중학수학 2-1");
        Map<String, Object> body = Json.readObject(r.getBody());
        assertThat(((List<Map<String, Object>>) body.get("items")).get(0).get("courseId")).isEqualTo("c3");
        // a whole title is more than five words: still a query (at most ten)
        assertThat(get("/api/catalog/search", "ko", "q", "중학 수학 2-1 일차함수 개념 완성 (2026 개정)").getStatusCode()).isEqualTo(200);
    }

    @Test
    void theLevelParameterWinsOverALevelInTheWordsAndDropsItsGrade() {
        get("/api/catalog/search", "en", "q", "고3 수학", "level", "MIDDLE");
        assertThat(catalogue.lastSearch).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, null));
        get("/api/catalog/search", "en", "q", "중2 수학", "level", "MIDDLE");
        assertThat(catalogue.lastSearch).isEqualTo(new SearchTerms(List.of("수학"), SchoolLevel.MIDDLE, 2));
    }

    @Test
    void aQueryOfFunctionWordsOnlyFindsNothingWithoutReading() {
        var r = get("/api/catalog/search", "en", "q", "the of and");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"items\":[]");
        assertThat(catalogue.calls).isZero();
    }

    @Test
    void searchRefusesAMissingTooLongOrTooWordyQuery() {
        assertThat(errors(get("/api/catalog/search", "en"))).containsExactly(Map.of("field", "q", "code", "required"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "   "))).containsExactly(Map.of("field", "q", "code", "required"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수".repeat(101)))).containsExactly(Map.of("field", "q", "code", "too-long"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수학 영어 과학 사회 역사 코딩 진로 문법 독해 어휘 작문"))).containsExactly(Map.of("field", "q", "code", "too-long"));
        assertThat(errors(get("/api/catalog/search", "en", "q", "수학", "level", "GED", "cursor", "%%%")))
                .containsExactly(Map.of("field", "level", "code", "invalid-value"), Map.of("field", "cursor", "code", "invalid-value"));
        assertThat(catalogue.calls).isZero();
    }

    @Test
    void problemsAreInTheCallersLanguage() {
        var r = get("/api/catalog/search", "vi");
        assertThat(r.getHeaders()).containsEntry("content-language", "vi");
        assertThat(Json.readObject(r.getBody()).get("title")).isNotEqualTo(Json.readObject(get("/api/catalog/search", "en").getBody()).get("title"));
    }

    @Test
    void anyOtherRouteIsNotFound() {
        APIGatewayV2HTTPEvent event = Events.http("POST /api/catalog/courses", null, "{}", "en");
        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(404);
    }
}

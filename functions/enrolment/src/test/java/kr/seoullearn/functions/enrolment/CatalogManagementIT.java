package kr.seoullearn.functions.enrolment;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operator's changes to the shared catalogue against the template's table on the emulator,
 * through real API Gateway events: a course added is found by browse and search at once, a
 * renamed course is no longer found by its old word, a removed one by nothing; a provider that
 * leaves tells its learners in every tenant and closes its waitlists.
 */
class CatalogManagementIT {
    private static final String COURSE = "{\"providerId\":\"mbest\",\"level\":\"MIDDLE\",\"grade\":2,\"subject\":\"SCIENCE\","
            + "\"titleKo\":\"중학 과학 우주항공 탐구\",\"titleEn\":\"Middle school science: aerospace\",\"lecturerKo\":\"김별\","
            + "\"minutes\":600,\"lessons\":12}";
    private static EnrolmentFixture f;

    @BeforeAll
    static void provision() {
        f = new EnrolmentFixture("catalogue-admin");
        f.provider("mbest", SchoolLevel.MIDDLE);
        f.provider("megastudy", SchoolLevel.HIGH);
        f.provider("etoos", SchoolLevel.HIGH);
        for (String tenant : List.of("seoul", "chungbuk")) {
            f.programme(tenant, 1);
            f.seats(tenant, "mbest", 10);
            f.seats(tenant, "etoos", 1);
        }
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse admin(String route, String tenant,
                                                                                                Map<String, String> path, String body) {
        return f.callWith(route, "admin-" + tenant, tenant, path, "application/json", body, "admins");
    }

    /** A member of the catalogue-operators group (the shared catalogue is no tenant's). */
    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse operator(String route,
                                                                                                   Map<String, String> path, String body) {
        return f.callWith(route, "operator-1", null, path, "application/json", body, "catalogue-operators");
    }

    private static List<String> found(String words) {
        return f.catalogue.search(SearchTerms.parse(words), null, 50).items().stream().map(Course::id).toList();
    }

    private static int wordCount(String word) {
        // the word's counts item, CAT#WS#<first character> / <word> (docs/data-model.md, "word counts")
        var item = f.dynamo.getItem(g -> g.tableName(f.stack.table()).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS("CAT#WS#" + word.substring(0, 1)), Keys.SK, AttributeValue.fromS(word)))).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }

    @Test
    void aCourseAddedRenamedAndRemovedIsFoundAccordingly() {
        var created = operator("PUT /api/admin/courses/{courseId}", Map.of("courseId", "c-space-1"), COURSE);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(200);
        assertThat(json(created)).containsEntry("created", true).containsEntry("courseId", "c-space-1");
        assertThat(found("우주항공")).containsExactly("c-space-1");
        assertThat(found("aerospace")).containsExactly("c-space-1");
        assertThat(f.catalogue.browse(new Catalog.BrowseFilter(SchoolLevel.MIDDLE, null, "mbest", 2), null, 50).items())
                .extracting(Course::id).contains("c-space-1");
        assertThat(wordCount("우주항공")).isEqualTo(1);

        // renamed: the old word leads nowhere, the new one does; the counts follow
        var renamed = operator("PUT /api/admin/courses/{courseId}", Map.of("courseId", "c-space-1"),
                COURSE.replace("우주항공", "천체관측").replace("aerospace", "stargazing"));
        assertThat(renamed.getStatusCode()).as(renamed.getBody()).isEqualTo(200);
        assertThat(json(renamed)).containsEntry("created", false);
        assertThat(found("우주항공")).isEmpty();
        assertThat(found("aerospace")).isEmpty();
        assertThat(found("천체관측")).containsExactly("c-space-1");
        assertThat(wordCount("우주항공")).isZero();
        assertThat(wordCount("천체관측")).isEqualTo(1);

        // removed: nothing finds it, and removing it again is a 404
        assertThat(operator("DELETE /api/admin/courses/{courseId}", Map.of("courseId", "c-space-1"), null).getStatusCode()).isEqualTo(204);
        assertThat(found("천체관측")).isEmpty();
        assertThat(f.catalogueAdmin.course("c-space-1")).isEmpty();
        assertThat(f.catalogue.browse(new Catalog.BrowseFilter(SchoolLevel.MIDDLE, null, "mbest", 2), null, 50).items())
                .extracting(Course::id).doesNotContain("c-space-1");
        var again = operator("DELETE /api/admin/courses/{courseId}", Map.of("courseId", "c-space-1"), null);
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(json(again)).containsEntry("code", "course-not-found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCourseMustBeOfALevelItsProviderServesAndOfAProviderThatExists() {
        var wrongLevel = operator("PUT /api/admin/courses/{courseId}", Map.of("courseId", "c-wrong-1"),
                COURSE.replace("\"mbest\"", "\"megastudy\""));
        assertThat(wrongLevel.getStatusCode()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) json(wrongLevel).get("errors"))
                .containsExactly(Map.of("field", "level", "code", "not-served-by-provider"));
        var noProvider = operator("PUT /api/admin/courses/{courseId}", Map.of("courseId", "c-wrong-2"),
                COURSE.replace("\"mbest\"", "\"nobody\""));
        assertThat((List<Map<String, Object>>) json(noProvider).get("errors")).containsExactly(Map.of("field", "providerId", "code", "not-found"));
        assertThat(f.catalogueAdmin.course("c-wrong-1")).isEmpty();
        assertThat(f.catalogueAdmin.course("c-wrong-2")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProviderThatLeavesTellsItsLearnersInEveryTenantAndClosesItsWaitlists() {
        String seated = f.learner("seoul", SchoolLevel.HIGH);
        String waiting = f.learner("seoul", SchoolLevel.HIGH);
        String elsewhere = f.learner("chungbuk", SchoolLevel.HIGH);
        assertThat(f.enrol(seated, "seoul", "etoos").getStatusCode()).isEqualTo(201);
        assertThat(f.enrol(waiting, "seoul", "etoos").getStatusCode()).isEqualTo(202);
        assertThat(f.enrol(elsewhere, "chungbuk", "etoos").getStatusCode()).isEqualTo(201);

        // the request records the leaving and answers at once; retried twice, it is the same departure
        for (int i = 0; i < 3; i++) {
            var left = operator("POST /api/admin/providers/{providerId}/leave", Map.of("providerId", "etoos"), "{\"graceUntil\":\"2027-02-28\"}");
            assertThat(left.getStatusCode()).as(left.getBody()).isEqualTo(202);
            assertThat(json(left)).containsEntry("status", "INACTIVE").containsEntry("graceUntil", "2027-02-28")
                    .containsEntry("departure", Map.of("id", "etoos@2027-02-28", "status", "PENDING", "learnersTold", 0, "waitlistClosed", 0));
        }
        // the worker tells them; run again, it has nothing left to do
        assertThat(f.departures().run(() -> true)).isEqualTo(new ProviderDepartureRun.Outcome(1, 1, 2, 1, 0, false));
        assertThat(f.departures().run(() -> true)).isEqualTo(new ProviderDepartureRun.Outcome(0, 0, 0, 0, 0, false));
        var again = operator("POST /api/admin/providers/{providerId}/leave", Map.of("providerId", "etoos"), "{\"graceUntil\":\"2027-02-28\"}");
        assertThat(json(again)).containsEntry("departure", Map.of("id", "etoos@2027-02-28", "status", "DONE", "learnersTold", 2, "waitlistClosed", 1));

        for (var learner : List.of(Map.entry(seated, "seoul"), Map.entry(elsewhere, "chungbuk"))) {
            Map<String, Object> mine = f.mine(learner.getKey(), learner.getValue());
            assertThat((List<Map<String, Object>>) mine.get("notices")).singleElement().satisfies(n -> assertThat(n)
                    .containsEntry("kind", "PROVIDER_LEAVING").containsEntry("providerId", "etoos").containsEntry("date", "2027-02-28"));
            assertThat((List<Map<String, Object>>) mine.get("enrolments")).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("accessOpen", true).containsEntry("accessUntil", "2027-02-28"));
        }
        Map<String, Object> waited = f.mine(waiting, "seoul");
        assertThat((List<Object>) waited.get("waitlist")).isEmpty();
        assertThat(waited).containsEntry("picksUsed", 0);
        assertThat((List<Map<String, Object>>) waited.get("notices")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("kind", "WAITLIST_CLOSED"));
        // the pick is free again: the learner can choose another provider of their level
        f.seats("seoul", "megastudy", 5);
        assertThat(f.enrol(waiting, "seoul", "megastudy").getStatusCode()).isEqualTo(201);
        // and nobody can join the provider that left
        var late = f.enrol(f.learner("seoul", SchoolLevel.HIGH), "seoul", "etoos");
        assertThat(json(late)).containsEntry("code", "provider-inactive");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSeesTheirOwnTenantsUsageAndOnlyTheOperatorChangesProviders() {
        var seoul = json(admin("GET /api/admin/providers", "seoul", null, null));
        var chungbuk = json(admin("GET /api/admin/providers", "chungbuk", null, null));
        assertThat(seoul).containsEntry("tenant", "seoul");
        assertThat(chungbuk).containsEntry("tenant", "chungbuk");
        assertThat((List<Map<String, Object>>) seoul.get("items")).extracting(m -> m.get("providerId")).contains("mbest", "etoos", "megastudy");
        assertThat((List<Map<String, Object>>) chungbuk.get("items")).filteredOn(m -> m.get("providerId").equals("mbest"))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("seats", 10).containsEntry("tenant", "chungbuk"));

        String body = "{\"nameKo\":\"새 학습\",\"nameEn\":\"New Learning\",\"levels\":[\"ELEMENTARY\"],"
                + "\"accessUrlTemplate\":\"https://new.example/seoul-learn/{tenant}/{learnerRef}\"}";
        var refused = admin("PUT /api/admin/providers/{providerId}", "chungbuk", Map.of("providerId", "new-learning"), body);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused)).containsEntry("code", "catalogue-operator-only");
        assertThat(f.catalogueAdmin.provider("new-learning")).isEmpty();
        var created = operator("PUT /api/admin/providers/{providerId}", Map.of("providerId", "new-learning"), body);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(200);
        assertThat(json(created)).containsEntry("status", "ACTIVE").containsEntry("levels", List.of("ELEMENTARY"));
        assertThat(f.catalogue.providers()).extracting(p -> p.id()).contains("new-learning");
    }
}

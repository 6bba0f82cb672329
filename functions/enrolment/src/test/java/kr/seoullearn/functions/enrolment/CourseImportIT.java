package kr.seoullearn.functions.enrolment;

import static kr.seoullearn.functions.enrolment.EnrolmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * POST /api/admin/courses/import against the template's table on the emulator, through real API
 * Gateway events: a file with errors writes nothing and names every wrong cell; a good file
 * writes each course through the single-course path (found by search, word counts exact); the
 * same file again writes nothing; two identical imports at once write each course once; only
 * the catalogue operators may import; no cell reaches the log.
 */
class CourseImportIT {
    private static final String ROUTE = "POST /api/admin/courses/import";
    private static final String HEADER = "courseId,providerId,level,grade,subject,titleKo,titleEn,lecturerKo,lecturerEn,minutes,lessons\r\n";
    private static EnrolmentFixture f;

    @BeforeAll
    static void provision() {
        f = new EnrolmentFixture("course-import");
        f.provider("mbest", SchoolLevel.MIDDLE);
        f.provider("etoos", SchoolLevel.HIGH);
        for (String tenant : List.of("seoul", "chungbuk")) {
            f.programme(tenant, 1);
        }
    }

    @AfterAll
    static void close() {
        if (f != null) {
            f.close();
        }
    }

    private static APIGatewayV2HTTPResponse upload(String csv, String language, String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(ROUTE, Events.claims("operator-7", null, groups), csv, language);
        event.getHeaders().put("content-type", "text/csv; charset=utf-8");
        return f.handler.handleRequest(event, null);
    }

    private static APIGatewayV2HTTPResponse operator(String csv) {
        return upload(csv, "en", "catalogue-operators");
    }

    private static List<String> found(String words) {
        return f.catalogue.search(SearchTerms.parse(words), null, 50).items().stream().map(Course::id).toList();
    }

    private static int wordCount(String word) {
        var item = f.dynamo.getItem(g -> g.tableName(f.stack.table()).consistentRead(true).key(Map.of(
                Keys.PK, AttributeValue.fromS("CAT#WS#" + word.substring(0, 1)), Keys.SK, AttributeValue.fromS(word)))).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }

    /** The import's entries in Seoul's audit trail. */
    private static List<kr.seoullearn.audit.domain.AuditEntry> imports(String importId) {
        var trail = kr.seoullearn.audit.dynamo.AuditStorage.trail(f.dynamo, f.stack.table());
        return trail.page(new kr.seoullearn.platform.tenant.TenantId("seoul"), new kr.seoullearn.audit.domain.AuditQuery(null, "courses.import",
                importId, EnrolmentFixture.NOW.minusSeconds(86_400), EnrolmentFixture.NOW.plusSeconds(86_400), 50, null)).entries();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(APIGatewayV2HTTPResponse r) {
        return (List<Map<String, Object>>) json(r).get("errors");
    }

    /** Eight letters of this run: ids and a made-up title word no other test's course has. */
    private static String unique() {
        StringBuilder b = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    @Test
    void aFileWithErrorsWritesNothingAndNamesEveryWrongCellThenTheGoodFileIsFoundBySearch() {
        String id = unique();
        String good = HEADER
                + "imp-" + id + "-1,mbest,MIDDLE,2,SCIENCE,\"중학 과학, 화산\",Volcanoes zq" + id + ",김별,,600,12\r\n"
                + "imp-" + id + "-2,etoos,HIGH,,MATH,고등 수학 미적분,Calculus zr" + id + ",,,900,20\r\n";
        String bad = HEADER
                + "imp-" + id + "-1,mbest,MIDDLE,2,SCIENCE,\"중학 과학, 화산\",Volcanoes zq" + id + ",김별,,600,12\r\n"
                + "imp-" + id + "-2,etoos,MIDDLE,,MATH,,Calculus,,,many,20\r\n"
                + "imp-" + id + "-1,nobody,HIGH,9,ART,가,b,,,1,1\r\n"
                + "short,row\r\n";
        var refused = operator(bad);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().get("content-type")).startsWith("application/problem+json");
        assertThat(json(refused)).containsEntry("code", "validation-failed");
        assertThat(errors(refused)).extracting(e -> e.get("line") + " " + e.get("field") + " " + e.get("code")).containsExactlyInAnyOrder(
                "3 titleKo required", "3 minutes invalid-value", "3 level not-served-by-provider",
                "4 grade out-of-range", "4 subject invalid-value", "4 providerId not-found", "4 courseId duplicate-row",
                "5 file wrong-cell-count");
        assertThat(errors(refused)).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
        assertThat(f.catalogueAdmin.course("imp-" + id + "-1")).isEmpty();
        assertThat(found("zq" + id)).isEmpty();

        var imported = operator(good);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        assertThat(json(imported)).containsEntry("rows", 2).containsEntry("created", 2).containsEntry("changed", 0).containsEntry("unchanged", 0);
        assertThat(found("zq" + id)).containsExactly("imp-" + id + "-1");
        assertThat(found("zr" + id)).containsExactly("imp-" + id + "-2");
        assertThat(f.catalogueAdmin.course("imp-" + id + "-1").orElseThrow().titleKo()).isEqualTo("중학 과학, 화산");
        assertThat(wordCount("zq" + id)).isEqualTo(1);

        // the import in each tenant's audit trail: counts, never the contents
        String importId = (String) json(imported).get("importId");
        assertThat(imports(importId)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("operator-7");
            assertThat(e.subjectType()).isEqualTo("course-import");
            assertThat(e.after()).containsExactlyInAnyOrderEntriesOf(Map.of("rows", "2", "created", "2", "changed", "0", "unchanged", "0"));
        });

        // the same file again (a retry after a timeout): nothing written twice
        var again = operator(good);
        assertThat(json(again)).containsEntry("created", 0).containsEntry("unchanged", 2).containsEntry("importId", importId);
        assertThat(imports(importId)).hasSize(1);
        assertThat(wordCount("zq" + id)).isEqualTo(1);
        // one line changed: that course only
        var changed = operator(good.replace("Calculus zr" + id, "Integrals zs" + id));
        assertThat(json(changed)).containsEntry("changed", 1).containsEntry("unchanged", 1);
        assertThat(found("zs" + id)).containsExactly("imp-" + id + "-2");
        assertThat(found("zr" + id)).isEmpty();
        assertThat(wordCount("zr" + id)).isZero();
    }

    @Test
    void twoIdenticalImportsAtOnceWriteEachCourseOnce() throws Exception {
        String id = unique();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            csv.append("par-").append(id).append('-').append(i).append(",mbest,MIDDLE,1,MATH,동시 강좌")
                    .append(",Twin zt").append(id).append(",,,60,3\r\n");
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<APIGatewayV2HTTPResponse>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return operator(csv.toString());
            }));
        }
        int created = 0;
        int unchanged = 0;
        for (var answer : both) {
            var r = answer.get();
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
            created += ((Number) json(r).get("created")).intValue();
            unchanged += ((Number) json(r).get("unchanged")).intValue();
        }
        assertThat(created).isEqualTo(12);
        assertThat(unchanged).isEqualTo(12);
        assertThat(found("zt" + id)).hasSize(12);
        assertThat(wordCount("zt" + id)).isEqualTo(12);
    }

    @Test
    void onlyTheCatalogueOperatorsImportAndTheWrongRoleLearnsNothing() {
        String csv = HEADER + "role-" + unique() + ",mbest,MIDDLE,1,MATH,가,b,,,1,1\r\n";
        var admin = f.handler.handleRequest(withType(Events.http(ROUTE, Events.claims("admin-seoul", "seoul", "admins"), csv, "en")), null);
        assertThat(admin.getStatusCode()).isEqualTo(403);
        assertThat(json(admin)).containsEntry("code", "catalogue-operator-only");
        var learner = f.handler.handleRequest(withType(Events.http(ROUTE, Events.claims("l-1", "seoul", "learners"), "{\"x\":", "en")), null);
        assertThat(learner.getStatusCode()).isEqualTo(403);
        var reviewer = f.handler.handleRequest(withType(Events.http(ROUTE, Events.claims("r-1", "chungbuk", "reviewers"), csv, "en")), null);
        assertThat(reviewer.getStatusCode()).isEqualTo(403);
    }

    private static APIGatewayV2HTTPEvent withType(APIGatewayV2HTTPEvent e) {
        e.getHeaders().put("content-type", "text/csv");
        return e;
    }

    @Test
    void malformedWrongHeaderTooManyRowsOversizeAndNotCsvAreRefusedIn4xx() {
        assertThat(errors(operator(HEADER + "x,\"never closed\r\n"))).extracting(e -> e.get("code")).containsExactly("malformed-csv");
        var header = operator("courseId,provider,level,subject,titleKo,titleEn,minutes,lessons,level\r\nx,y,z,a,b,c,1,1,z\r\n");
        assertThat(errors(header)).extracting(e -> e.get("field") + " " + e.get("code")).containsExactlyInAnyOrder(
                "column 2 unknown-column", "level duplicate-column", "providerId missing-column");
        assertThat(errors(operator(HEADER))).extracting(e -> e.get("code")).containsExactly("no-rows");
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= CourseImport.MAX_ROWS; i++) {
            many.append("many-").append(i).append(",mbest,MIDDLE,1,MATH,가,b,,,1,1\r\n");
        }
        assertThat(errors(operator(many.toString()))).extracting(e -> e.get("code")).containsExactly("too-many-rows");
        assertThat(f.catalogueAdmin.course("many-0")).isEmpty();
        var huge = operator(HEADER + "x".repeat(CourseImport.MAX_BYTES));
        assertThat(huge.getStatusCode()).isEqualTo(413);
        APIGatewayV2HTTPEvent json = Events.http(ROUTE, Events.claims("operator-7", null, "catalogue-operators"), "{\"x\":", "en");
        json.getHeaders().put("content-type", "application/json");
        assertThat(f.handler.handleRequest(json, null).getStatusCode()).isEqualTo(415);
        assertThat(operator("").getStatusCode()).isEqualTo(400);
        // bytes that are not UTF-8 (a Korean Excel's CP949 "CSV")
        APIGatewayV2HTTPEvent cp949 = Events.http(ROUTE, Events.claims("operator-7", null, "catalogue-operators"),
                java.util.Base64.getEncoder().encodeToString((HEADER + "x,mbest,MIDDLE,1,MATH,수학,b,,,1,1").getBytes(java.nio.charset.Charset.forName("EUC-KR"))), "en");
        cp949.setIsBase64Encoded(true);
        cp949.getHeaders().put("content-type", "text/csv");
        var notUtf8 = f.handler.handleRequest(cp949, null);
        assertThat(notUtf8.getStatusCode()).isEqualTo(400);
        assertThat(json(notUtf8)).containsEntry("code", "body-not-utf8");
    }

    @Test
    void theMessagesAreInTheCallersLanguage() {
        var ko = upload(HEADER + "lang-" + unique() + ",mbest,MIDDLE,1,MATH,,b,,,1,1\r\n", "ko", "catalogue-operators");
        assertThat(errors(ko)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "titleKo").containsEntry("code", "required");
            assertThat((String) e.get("message")).isEqualTo("이 칸을 채워 주세요.");
        });
        var vi = upload(HEADER + "lang-" + unique() + ",mbest,MIDDLE,1,MATH,,b,,,1,1\r\n", "vi", "catalogue-operators");
        assertThat((String) errors(vi).get(0).get("message")).isEqualTo("Hãy điền ô này.");
    }

    @Test
    void noCellReachesTheLog() {
        String id = unique();
        String lecturer = "홍길동" + id;
        String csv = HEADER + "log-" + id + ",mbest,MIDDLE,1,MATH,로그 강좌" + id + ",Log course,"
                + lecturer + ",Gildong Hong" + id + ",60,3\r\nlog-" + id + "-b,mbest,MIDDLE,1,MATH,,x,010-1234-5678,kim" + id + "@example.com,1,1\r\n";
        var out = new java.io.ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        kr.seoullearn.platform.log.Log.redirect(System.out);
        try {
            assertThat(operator(csv).getStatusCode()).isEqualTo(400);
            var good = operator(csv.substring(0, csv.lastIndexOf("\r\nlog-") + 2));
            assertThat(good.getStatusCode()).as(good.getBody()).isEqualTo(200);
        } finally {
            System.setOut(original);
            kr.seoullearn.platform.log.Log.redirect(original);
        }
        String logged = out.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("courses imported").doesNotContain(lecturer).doesNotContain("Gildong Hong" + id)
                .doesNotContain("010-1234-5678").doesNotContain("kim" + id + "@example.com").doesNotContain("로그 강좌" + id);
    }
}

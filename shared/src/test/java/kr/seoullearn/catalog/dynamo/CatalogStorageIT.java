package kr.seoullearn.catalog.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.catalog.domain.WordCounts;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalogue's adapters against the template's table on the emulator: a seeded catalogue is
 * found by its words, a course changed by the operator moves its listings, postings and word
 * counts in one transaction, two changes of the same course race and one is refused, and the
 * seats items carry what enrolment keeps in them.
 */
class CatalogStorageIT {
    private static TestStack stack;
    private static DynamoDbClient dynamo;
    private static Catalog catalogue;
    private static CatalogAdmin admin;
    private static CatalogSeeding seeding;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("catalogue-storage");
        dynamo = stack.aws().dynamoDb();
        catalogue = CatalogStorage.publicCatalogue(dynamo, stack.table());
        admin = CatalogStorage.admin(dynamo, stack.table());
        seeding = CatalogStorage.seeding(dynamo, stack.table());
        seeding.saveProvider(new Provider("mbest", "엠베스트", "Mbest", List.of(SchoolLevel.MIDDLE),
                "https://mbest.example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, AttributeValue.fromS(Keys.TENANTS),
                Keys.SK, AttributeValue.fromS("seoul"))));
    }

    @AfterAll
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Course course(String id, String titleKo, String titleEn, Integer grade) {
        return new Course(id, "mbest", SchoolLevel.MIDDLE, grade, Subject.MATH, titleKo, titleEn, null, null, 600, 12);
    }

    private static List<String> found(String words) {
        return catalogue.search(SearchTerms.parse(words), null, 50).items().stream().map(Course::id).toList();
    }

    private static int wordCount(String word) {
        var item = dynamo.getItem(g -> g.tableName(stack.table()).consistentRead(true)
                .key(CatalogKeys.wordStats(word).attributes())).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }

    @Test
    void aSeededCatalogueIsFoundByEveryWordOfItsTitles() {
        List<Course> seeded = List.of(course("s-1", "중학 수학 연립방정식", "Middle school maths: simultaneous equations", 2),
                course("s-2", "중학 수학 도형", "Middle school maths: figures", null));
        seeding.putCourses(seeded);
        seeding.putWordCounts(WordCounts.of(seeded));
        assertThat(found("연립방정식")).containsExactly("s-1");
        assertThat(found("수학 도형")).containsExactly("s-2");
        assertThat(catalogue.browse(new Catalog.BrowseFilter(SchoolLevel.MIDDLE, Subject.MATH, null, 2), null, 50).items())
                .extracting(Course::id).contains("s-1").doesNotContain("s-2");
        assertThat(CatalogStorage.indexItems(seeded.get(0))).isGreaterThan(3); // three listings and a posting per word
    }

    @Test
    void aChangedCourseMovesItsPostingsAndWordCountsAndARemovedOneLeavesNothing() {
        admin.saveCourse(course("c-1", "중학 과학 우주항공", "Middle school science: aerospace", 2));
        assertThat(found("우주항공")).containsExactly("c-1");
        assertThat(wordCount("우주항공")).isEqualTo(1);

        admin.saveCourse(course("c-1", "중학 과학 천체관측", "Middle school science: stargazing", 3));
        assertThat(found("우주항공")).isEmpty();
        assertThat(found("천체관측")).containsExactly("c-1");
        assertThat(wordCount("우주항공")).isZero();
        assertThat(wordCount("천체관측")).isEqualTo(1);
        assertThat(admin.course("c-1")).get().extracting(Course::grade).isEqualTo(3);

        assertThat(admin.deleteCourse("c-1")).isTrue();
        assertThat(admin.deleteCourse("c-1")).isFalse();
        assertThat(found("천체관측")).isEmpty();
        assertThat(wordCount("천체관측")).isZero();
    }

    @Test
    void twoChangesOfOneCourseAtOnceCommitOneAndRefuseOrRetryTheOther() throws Exception {
        admin.saveCourse(course("r-1", "중학 수학 경주", "Middle school maths: race", 1));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (String title : List.of("하나", "둘")) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    admin.saveCourse(course("r-1", "중학 수학 " + title, "Middle school maths: " + title, 1));
                    return "saved";
                } catch (ProblemException e) {
                    return e.problem().code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).contains("saved").allMatch(o -> o.equals("saved") || o.equals(Problem.VERSION_CONFLICT.code()));
        // whatever won, the index holds exactly the course as it is: one posting per word, counts of 1
        Course now = admin.course("r-1").orElseThrow();
        String kept = now.titleKo().substring("중학 수학 ".length());
        String lost = kept.equals("하나") ? "둘" : "하나";
        assertThat(found(kept)).containsExactly("r-1");
        assertThat(found("경주")).isEmpty();
        assertThat(wordCount("경주")).isZero();
        assertThat(found(lost)).isEmpty();
    }

    @Test
    void seatsAreReadWithWhatEnrolmentKeepsOnThemAndNotForATenantThatDoesNotExist() {
        seeding.saveSeats(new ProviderSeats(TenantId.SEOUL, "mbest", 10, 0));
        dynamo.updateItem(u -> u.tableName(stack.table()).key(Keys.seats(TenantId.SEOUL, "mbest").attributes())
                .updateExpression("SET used = :used, waiting = :waiting")
                .expressionAttributeValues(Map.of(":used", AttributeValue.fromN("10"), ":waiting", AttributeValue.fromN("3"))));
        seeding.saveSeats(new ProviderSeats(TenantId.SEOUL, "mbest", 12, 0));
        ProviderSeats seats = catalogue.seats(TenantId.SEOUL, List.of("mbest")).orElseThrow().get("mbest");
        assertThat(seats).isEqualTo(new ProviderSeats(TenantId.SEOUL, "mbest", 12, 10, 3));
        assertThat(seats.left()).isEqualTo(2);
        assertThat(catalogue.seats(new TenantId("nowhere"), List.of("mbest"))).isEmpty();
        assertThatThrownBy(() -> catalogue.browse(new Catalog.BrowseFilter(null, Subject.MATH, null, null), null, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package kr.seoullearn.catalog.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.SearchIndex;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.catalog.domain.TitleRank;
import kr.seoullearn.catalog.domain.WordCounts;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.school.SchoolLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Exact title matches first across pages (docs/adr/0020), against the template's table on the
 * emulator: a course whose title is what was typed comes first on page 1 even where the ranked
 * order puts it pages later, and never again; and for random catalogues, queries (typed with
 * other spacing, case and punctuation), learners' levels and page sizes, every page followed to
 * the end shows each matching course exactly once, the exact matches before all others, the
 * rest in the ranked order, at most 3 Queries and 1 BatchGetItem a page, never a Scan.
 *
 * <p>Each example and try writes words of its own (made-up Latin tokens), so their postings and
 * title partitions do not meet those of the others in the one table.
 */
class ExactTitleFirstIT {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String LETTERS = "bcdfghjkmnprtvwxz"; // no s: English plurals are stemmed
    private static TestStack stack;
    private static final CallCounter calls = new CallCounter();
    private static Catalog catalogue;
    private static CatalogSeeding seeding;

    @BeforeContainer
    static void provision() {
        stack = TestStack.create("exact-title");
        catalogue = CatalogStorage.publicCatalogue(stack.dynamoDb(calls), stack.table());
        seeding = CatalogStorage.seeding(stack.aws().dynamoDb(), stack.table());
    }

    @AfterContainer
    static void close() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A made-up word no other run uses: "zq" and letters from the run's number. */
    private static String token(int run, int n) {
        StringBuilder s = new StringBuilder("zq");
        int v = run * 7 + n;
        do {
            s.append(LETTERS.charAt(v % LETTERS.length()));
            v /= LETTERS.length();
        } while (v > 0);
        return s.append('q').toString();
    }

    private static Course course(String id, SchoolLevel level, Integer grade, String ko, String en) {
        return new Course(id, "mbest", level, grade, Subject.MATH, ko, en, null, null, 600, 12);
    }

    private static void seed(List<Course> courses) {
        seeding.putCourses(courses);
        seeding.putWordCounts(WordCounts.of(courses));
    }

    private record Paged(List<List<Course>> pages, List<Map<String, Integer>> calls) {
        List<String> ids() {
            return pages.stream().flatMap(List::stream).map(Course::id).toList();
        }
    }

    /** Every page of a search, following next to the end (an empty page with a next is followed too). */
    private static Paged all(SearchTerms terms, String typed, Catalog.Preference prefer, int limit) {
        List<List<Course>> pages = new ArrayList<>();
        List<Map<String, Integer>> perPage = new ArrayList<>();
        String cursor = null;
        do {
            calls.reset();
            Catalog.CoursePage page = catalogue.search(terms, typed, prefer, cursor, limit);
            perPage.add(calls.snapshot());
            pages.add(page.items());
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            cursor = page.next();
            assertThat(pages).as("pages of " + typed).hasSizeLessThan(500);
        } while (cursor != null);
        return new Paged(pages, perPage);
    }

    @Example
    void anExactTitleThatRanksOnPageThreeComesFirstOnPageOneAndNeverAgain() {
        int run = RUN.incrementAndGet();
        String topic = token(run, 0);
        String kind = token(run, 1);
        List<Course> courses = new ArrayList<>();
        // 45 middle-school courses whose titles hold the typed words, and sort before the exact one
        for (int i = 0; i < 45; i++) {
            courses.add(course(String.format("e%d-a%02d", run, i), SchoolLevel.MIDDLE, 1,
                    "중학 " + topic + " " + kind + " 연습 " + i, "Middle school " + topic + " " + kind + " practice " + i));
        }
        // the exact title: grade 3 and the last id, so the ranked order (level, grade, id) has it last
        Course exact = course("e" + run + "-z", SchoolLevel.MIDDLE, 3, "중학 " + topic + " " + kind,
                "Middle school: " + topic + ", " + kind);
        courses.add(exact);
        seed(courses);
        String typed = "중학 " + topic + " " + kind;
        SearchTerms terms = SearchTerms.parse(typed);

        // the order without the exact title first: the exact one on page 3
        Paged ranked = all(terms, null, null, 20);
        assertThat(ranked.pages().get(2)).extracting(Course::id).contains(exact.id());
        assertThat(ranked.ids()).hasSize(46).doesNotHaveDuplicates();

        for (String asTyped : List.of(typed, "  MIDDLE SCHOOL: " + topic.toUpperCase() + ", " + kind + "!")) {
            SearchTerms t = SearchTerms.parse(asTyped);
            Paged first = all(t, asTyped, null, 20);
            assertThat(first.pages().get(0).get(0).id()).as(asTyped).isEqualTo(exact.id());
            assertThat(first.pages().subList(1, first.pages().size())).allSatisfy(p -> assertThat(p).extracting(Course::id).doesNotContain(exact.id()));
            assertThat(first.ids()).as(asTyped).hasSize(46).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ranked.ids());
            // the rest keeps the ranked order
            assertThat(first.ids().subList(1, 46)).containsExactlyElementsOf(ranked.ids().stream().filter(id -> !id.equals(exact.id())).toList());
            assertThat(first.pages().get(0)).hasSize(20);
            assertThat(first.calls()).allSatisfy(c -> {
                assertThat(c.getOrDefault("Query", 0)).isLessThanOrEqualTo(Catalog.MAX_QUERIES_PER_PAGE);
                assertThat(c.getOrDefault("BatchGetItem", 0)).isLessThanOrEqualTo(1);
                assertThat(c).doesNotContainKey("Scan");
            });
        }
        // typed without spaces: its words are not understood (the two made-up words run together), the exact title is found
        String squashed = "중학" + topic + kind;
        Paged together = all(SearchTerms.parse(squashed), squashed, null, 20);
        assertThat(together.ids()).containsExactly(exact.id());
        assertThat(all(SearchTerms.parse(squashed), null, null, 20).ids()).isEmpty();
        // a learner's level first still comes after the exact title
        Paged forLearner = all(terms, typed, new Catalog.Preference(SchoolLevel.MIDDLE, 1), 20);
        assertThat(forLearner.ids().get(0)).isEqualTo(exact.id());
        assertThat(forLearner.ids()).hasSize(46).doesNotHaveDuplicates();
    }

    @Example
    void moreExactMatchesThanAPageHoldGoOnOnTheNextPageBeforeTheRest() {
        int run = RUN.incrementAndGet();
        String topic = token(run, 0);
        List<Course> courses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            courses.add(course(String.format("m%d-a%02d", run, i), SchoolLevel.HIGH, 2, "고등 " + topic + " 입문 심화 " + i, "High school " + topic + " " + i));
        }
        for (int i = 0; i < 5; i++) {
            courses.add(course(String.format("m%d-z%02d", run, i), SchoolLevel.HIGH, 2, "고등 " + topic + " 입문", "High school " + topic + " introduction"));
        }
        seed(courses);
        Paged paged = all(SearchTerms.parse(topic + " 입문"), topic + " 입문", null, 2);
        // exact titles in the Korean title: "고등 <topic> 입문" is not what was typed; none is exact
        assertThat(paged.ids()).hasSize(12).doesNotHaveDuplicates();

        String typed = "고등 " + topic + " 입문";
        Paged exactFirst = all(SearchTerms.parse(typed), typed, null, 2);
        assertThat(exactFirst.ids()).hasSize(12).doesNotHaveDuplicates();
        assertThat(exactFirst.ids().subList(0, 5)).allMatch(id -> id.startsWith("m" + run + "-z"));
        assertThat(exactFirst.ids().subList(5, 12)).allMatch(id -> id.startsWith("m" + run + "-a"));
    }

    /** A random catalogue of one run, what is typed, a learner's level (or none) and a page size. */
    record Case(List<Course> courses, String typed, Catalog.Preference prefer, int limit) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<SchoolLevel> levels = Arbitraries.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH, SchoolLevel.ELEMENTARY);
        Arbitrary<Integer> grades = Arbitraries.integers().between(0, 3);
        // a title: which of the run's words it holds (bit 0: the topic, 1: the kind, 2: a third), and an extra word or none
        Arbitrary<int[]> shapes = Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3)).as((words, extra, language) -> new int[] {words, extra, language});
        Arbitrary<List<Object[]>> rows = Combinators.combine(levels, grades, shapes, Arbitraries.integers().between(0, 999))
                .as((l, g, s, id) -> new Object[] {l, g, s, id}).list().ofMinSize(1).ofMaxSize(30);
        return Combinators.combine(rows, Arbitraries.integers().between(0, 6), Arbitraries.of(SchoolLevel.MIDDLE, SchoolLevel.HIGH).injectNull(0.5),
                Arbitraries.integers().between(1, 7), Arbitraries.integers().between(0, 4)).as((r, typedShape, preferLevel, limit, variant) -> {
            int run = RUN.incrementAndGet();
            String[] words = {token(run, 0), token(run, 1), token(run, 2)};
            String[] extras = {"", " 연습", " practice"};
            List<Course> courses = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            for (Object[] row : r) {
                SchoolLevel level = (SchoolLevel) row[0];
                int g = (Integer) row[1];
                int[] s = (int[]) row[2];
                int id = (Integer) row[3];
                if (!ids.add(id)) {
                    continue;
                }
                String text = title(words, s[0]) + extras[s[1]];
                String levelKo = level == SchoolLevel.MIDDLE ? "중학 " : level == SchoolLevel.HIGH ? "고등 " : "초등 ";
                // language: 0 both titles the words, 1 the Korean title only with its level word, 2 the English only, 3 both without a level word
                String ko = s[2] == 1 ? levelKo + text : s[2] == 2 ? "다른 제목 " + id : s[2] == 3 ? text : levelKo + text;
                String en = s[2] == 2 ? text : s[2] == 1 ? "another title " + id : text;
                courses.add(course(String.format("p%d-%03d", run, id), level, g == 0 ? null : Math.min(g, level.grades()), ko, en));
            }
            // what is typed: the words of shape typedShape+1, written as one of the titles is, or squashed, or shouted,
            // or with a level word (a key prefix of the exact titles' partition then)
            String typed = title(words, typedShape + 1);
            typed = switch (variant) {
                case 0 -> typed;
                case 1 -> typed.replace(" ", "");
                case 2 -> typed.toUpperCase() + "!";
                case 3 -> "  " + typed + " ,";
                default -> "중학 " + typed;
            };
            return new Case(courses, typed, preferLevel == null ? null : new Catalog.Preference(preferLevel, null), limit);
        });
    }

    private static String title(String[] words, int mask) {
        List<String> in = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            if ((mask & (1 << b)) != 0) {
                in.add(words[b]);
            }
        }
        return String.join(" ", in);
    }

    @Property(tries = 25)
    void everyMatchingCourseComesOnceTheExactTitlesFirstTheRestInRankedOrder(@ForAll("cases") Case c) {
        seed(c.courses());
        SearchTerms terms = SearchTerms.parse(c.typed());
        String key = TitleRank.key(c.typed());
        // of the level and grade asked for: the exact titles (whatever their words), then the courses holding every word
        List<Course> ofLevel = c.courses().stream()
                .filter(x -> terms.level() == null || x.level() == terms.level())
                .filter(x -> terms.grade() == null || terms.grade().equals(x.grade()))
                .toList();
        List<QueryPlan.Range> ranges = SearchRanges.of(terms, c.prefer());
        Comparator<Course> ranked = Comparator.<Course>comparingInt(x -> rangeOf(ranges, x)).thenComparing(ExactTitleFirstIT::sortKey);
        List<String> exact = ofLevel.stream().filter(x -> TitleRank.isExact(x.titleKo(), x.titleEn(), key))
                .sorted(Comparator.comparing(ExactTitleFirstIT::sortKey)).map(Course::id).toList();
        List<String> rest = ofLevel.stream().filter(x -> !TitleRank.isExact(x.titleKo(), x.titleEn(), key))
                .filter(x -> SearchIndex.words(x).containsAll(terms.words()))
                .sorted(ranked).map(Course::id).toList();
        List<String> expected = new ArrayList<>(exact);
        expected.addAll(rest);

        Paged paged = all(terms, c.typed(), c.prefer(), c.limit());
        assertThat(paged.ids()).as("typed %s, terms %s", c.typed(), terms).containsExactlyElementsOf(expected);
        if (!exact.isEmpty()) {
            assertThat(paged.pages().get(0)).isNotEmpty();
            assertThat(paged.pages().get(0).get(0).id()).isEqualTo(exact.get(0));
        }
        assertThat(paged.calls()).allSatisfy(k -> {
            assertThat(k.getOrDefault("Query", 0)).isLessThanOrEqualTo(Catalog.MAX_QUERIES_PER_PAGE);
            assertThat(k.getOrDefault("BatchGetItem", 0)).isLessThanOrEqualTo(1);
            assertThat(k).doesNotContainKey("Scan");
        });
        // the same query again: the same pages (a stable order)
        assertThat(all(terms, c.typed(), c.prefer(), c.limit()).pages()).isEqualTo(paged.pages());
    }

    private static String sortKey(Course c) {
        return CatalogKeys.posting("x", c).attributes().get("SK").s();
    }

    private static int rangeOf(List<QueryPlan.Range> ranges, Course c) {
        String k = sortKey(c);
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).holds(k)) {
                return i;
            }
        }
        throw new AssertionError("no range holds " + k);
    }
}

package kr.seoullearn.catalog.dynamo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.Subject;
import kr.seoullearn.catalog.domain.SearchIndex;
import kr.seoullearn.catalog.domain.TitleRank;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.school.SchoolLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Providers and courses as items of the application table, and back. */
final class CatalogItems {
    private CatalogItems() {}

    /**
     * The items of one course: by provider, by level, by level and grade (if it has one), a
     * posting per index word, and one per key of its titles (one when both titles have the same
     * key, none for a title without one): what puts exact title matches first across pages.
     */
    static List<Map<String, AttributeValue>> items(Course c) {
        Set<String> words = SearchIndex.words(c);
        List<Map<String, AttributeValue>> items = new ArrayList<>(3 + words.size());
        Map<String, AttributeValue> attributes = attributes(c);
        items.add(item(attributes, CatalogKeys.byProvider(c), "COURSE"));
        items.add(item(attributes, CatalogKeys.byLevel(c), "COURSE_BY_LEVEL"));
        if (c.grade() != null) {
            items.add(item(attributes, CatalogKeys.byLevelAndGrade(c), "COURSE_BY_LEVEL_GRADE"));
        }
        AttributeValue wordSet = AttributeValue.fromSs(List.copyOf(words));
        for (String w : words) {
            Map<String, AttributeValue> posting = item(attributes, CatalogKeys.posting(w, c), "POSTING");
            posting.put("words", wordSet);
            items.add(posting);
        }
        for (String key : titleKeys(c)) {
            items.add(item(attributes, CatalogKeys.titlePosting(key, c), "TITLE_POSTING"));
        }
        return items;
    }

    /** The distinct keys of a course's titles ({@link TitleRank#key}). */
    static Set<String> titleKeys(Course c) {
        Set<String> keys = new LinkedHashSet<>();
        for (String title : List.of(c.titleKo(), c.titleEn())) {
            String key = TitleRank.key(title);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The course's record: {@code CAT#COURSE / <courseId>}. */
    static Map<String, AttributeValue> record(Course c) {
        return item(attributes(c), CatalogKeys.course(c.id()), "COURSE_RECORD");
    }

    /** The counts of a word in all and per level (a seeded catalogue's; later changes {@code ADD} to them). */
    static Map<String, AttributeValue> wordStats(String word, Map<SchoolLevel, Integer> byLevel) {
        Map<String, AttributeValue> item = new HashMap<>(CatalogKeys.wordStats(word).attributes());
        item.put("type", AttributeValue.fromS("WORD_STATS"));
        item.put("word", AttributeValue.fromS(word));
        item.put("n", AttributeValue.fromN(Integer.toString(byLevel.values().stream().mapToInt(Integer::intValue).sum())));
        byLevel.forEach((level, n) -> item.put("n_" + level.name(), AttributeValue.fromN(n.toString())));
        return item;
    }

    static Map<String, AttributeValue> provider(Provider p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.provider(p.id()).attributes());
        item.put("type", AttributeValue.fromS("PROVIDER"));
        item.put("providerId", AttributeValue.fromS(p.id()));
        item.put("nameKo", AttributeValue.fromS(p.nameKo()));
        item.put("nameEn", AttributeValue.fromS(p.nameEn()));
        item.put("levels", AttributeValue.fromL(p.levels().stream().map(l -> AttributeValue.fromS(l.name())).toList()));
        item.put("accessUrlTemplate", AttributeValue.fromS(p.accessUrlTemplate()));
        item.put("status", AttributeValue.fromS(p.status().name()));
        if (p.graceUntil() != null) {
            item.put("graceUntil", AttributeValue.fromS(p.graceUntil().toString()));
        }
        return item;
    }

    static Provider provider(Map<String, AttributeValue> item) {
        return new Provider(item.get("providerId").s(), item.get("nameKo").s(), item.get("nameEn").s(),
                item.get("levels").l().stream().map(v -> SchoolLevel.valueOf(v.s())).toList(),
                item.get("accessUrlTemplate").s(), Provider.Status.valueOf(item.get("status").s()),
                item.containsKey("graceUntil") ? LocalDate.parse(item.get("graceUntil").s()) : null);
    }

    static Course course(Map<String, AttributeValue> item) {
        return new Course(item.get("courseId").s(), item.get("providerId").s(), SchoolLevel.valueOf(item.get("level").s()),
                item.containsKey("grade") ? Integer.valueOf(number(item, "grade")) : null, Subject.valueOf(item.get("subject").s()),
                item.get("titleKo").s(), item.get("titleEn").s(), text(item, "lecturerKo"), text(item, "lecturerEn"),
                number(item, "minutes"), number(item, "lessons"));
    }

    /** The key of an item as read. */
    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }

    static int number(Map<String, AttributeValue> item, String name) {
        return Integer.parseInt(item.get(name).n());
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> attributes, ItemKey key, String type) {
        Map<String, AttributeValue> item = new HashMap<>(attributes);
        item.putAll(key.attributes());
        item.put("type", AttributeValue.fromS(type));
        return item;
    }

    /** What every item of a course carries, so that any one of them shows the course. */
    private static Map<String, AttributeValue> attributes(Course c) {
        Map<String, AttributeValue> a = new HashMap<>();
        a.put("courseId", AttributeValue.fromS(c.id()));
        a.put("providerId", AttributeValue.fromS(c.providerId()));
        a.put("level", AttributeValue.fromS(c.level().name()));
        if (c.grade() != null) {
            a.put("grade", AttributeValue.fromN(c.grade().toString()));
        }
        a.put("subject", AttributeValue.fromS(c.subject().name()));
        a.put("titleKo", AttributeValue.fromS(c.titleKo()));
        a.put("titleEn", AttributeValue.fromS(c.titleEn()));
        if (c.lecturerKo() != null) {
            a.put("lecturerKo", AttributeValue.fromS(c.lecturerKo()));
        }
        if (c.lecturerEn() != null) {
            a.put("lecturerEn", AttributeValue.fromS(c.lecturerEn()));
        }
        a.put("minutes", AttributeValue.fromN(Integer.toString(c.minutes())));
        a.put("lessons", AttributeValue.fromN(Integer.toString(c.lessons())));
        return a;
    }
}

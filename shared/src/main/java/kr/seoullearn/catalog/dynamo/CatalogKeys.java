package kr.seoullearn.catalog.dynamo;

import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * The catalogue's own keys (docs/data-model.md, patterns 16–21; docs/adr/0008). The catalogue
 * is not tenant data: providers and courses are the same for every tenant, so their partitions
 * start with {@code CAT#}. The keys other contexts read too (a provider's item, a provider's
 * seats in a tenant) are in {@link kr.seoullearn.platform.dynamo.Keys}.
 */
final class CatalogKeys {
    /** Each course by its id, as the operator changes it: {@code CAT#COURSE / <courseId>}. */
    static final String COURSES = "CAT#COURSE";
    /** The lowest sort key of a posting (levels are upper-case names). */
    static final String FIRST_LEVEL = "A";

    private CatalogKeys() {}

    /** A course's record, what its other items are found from when it changes. */
    static ItemKey course(String courseId) {
        return ItemKey.of(COURSES, courseId);
    }

    /** A provider's courses: {@code CAT#P#<providerId> / <LEVEL>#<SUBJECT>#<grade 00-06>#<courseId>}. */
    static String providerCourses(String providerId) {
        return "CAT#P#" + providerId;
    }

    /** A level's courses: {@code CAT#L#<LEVEL> / <SUBJECT>#<grade 00-06>#<providerId>#<courseId>}. */
    static String levelCourses(SchoolLevel level) {
        return "CAT#L#" + level.name();
    }

    /** A level's courses of one grade: {@code CAT#LG#<LEVEL>#<grade 01-06> / <SUBJECT>#<providerId>#<courseId>}. */
    static String levelGradeCourses(SchoolLevel level, int grade) {
        return "CAT#LG#" + level.name() + "#" + grade(grade);
    }

    /** An index word's postings: {@code CAT#W#<word> / <LEVEL>#<grade 00-06>#<courseId>}. */
    static String word(String word) {
        return "CAT#W#" + word;
    }

    /** The courses whose Korean or English title has this key ({@code TitleRank.key}): {@code CAT#T#<key> / <LEVEL>#<grade 00-06>#<courseId>}. */
    static String title(String key) {
        return "CAT#T#" + key;
    }

    /**
     * The item counting the courses that hold a word, in all and per level, beside the other
     * words of the same first character ({@code CAT#WS#<first character> / <word>}), so that the
     * words beginning with what someone is typing are one Query (suggestions).
     */
    static ItemKey wordStats(String word) {
        return ItemKey.of(wordsStartingWith(word), word);
    }

    /** The partition of the counts of words that begin with this text's first character. */
    static String wordsStartingWith(String text) {
        return "CAT#WS#" + new String(Character.toChars(text.codePointAt(0)));
    }

    static ItemKey byProvider(Course c) {
        return ItemKey.of(providerCourses(c.providerId()),
                c.level().name() + "#" + c.subject().name() + "#" + grade(c.grade()) + "#" + c.id());
    }

    static ItemKey byLevel(Course c) {
        return ItemKey.of(levelCourses(c.level()), c.subject().name() + "#" + grade(c.grade()) + "#" + c.providerId() + "#" + c.id());
    }

    /** Only for a course with a grade. */
    static ItemKey byLevelAndGrade(Course c) {
        return ItemKey.of(levelGradeCourses(c.level(), c.grade()), c.subject().name() + "#" + c.providerId() + "#" + c.id());
    }

    static ItemKey posting(String word, Course c) {
        return ItemKey.of(word(word), c.level().name() + "#" + grade(c.grade()) + "#" + c.id());
    }

    static ItemKey titlePosting(String key, Course c) {
        return ItemKey.of(title(key), c.level().name() + "#" + grade(c.grade()) + "#" + c.id());
    }

    /** A grade as it sorts in keys: two digits, {@code 00} for a course of no particular grade. */
    static String grade(Integer grade) {
        return grade == null ? "00" : String.format("%02d", grade);
    }
}

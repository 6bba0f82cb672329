package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.WordCounts;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.school.SchoolLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The operator's changes to a course: one GetItem of the course as it is, then one
 * TransactWriteItems of its items, its postings and the counts of its words, conditional on the
 * course record being as it was read (else 409 version-conflict: read again).
 *
 * <p>No witness item: the only condition is on the record as read, and a retry of a
 * transaction that had committed (the answer lost) is recognised by DynamoDB from the
 * ClientRequestToken the SDK sets once per call and reuses on its own retries; a new request
 * after that reads the record again and is judged on what it finds.
 */
final class CourseChanges {
    /** DynamoDB's most items in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;

    CourseChanges(DynamoDbClient dynamo, String table, TransactionRunner runner) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = runner;
    }

    Optional<Course> find(String courseId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(CatalogKeys.course(courseId).attributes())).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CatalogItems.course(item));
    }

    /** Creates or replaces a course: the old items that are not rewritten go, each word count moves by ±1 per level. */
    void save(Course c) {
        save(c, null, null);
    }

    /** As {@link #save(Course)}; {@code by}: the operator, whose change goes into every tenant's audit trail in the same transaction. */
    void save(Course c, String by, java.time.Instant at) {
        save(c, find(c.id()), by, at);
    }

    /**
     * As {@link #save(Course, String, java.time.Instant)} on the course as the caller read it: the
     * transaction's condition is that state (absent, or unchanged), else 409 version-conflict.
     */
    void save(Course c, Optional<Course> asRead, String by, java.time.Instant at) {
        Course old = asRead.orElse(null);
        Transaction tx = Transaction.named(old == null ? "course-create" : "course-change");
        Set<Map<String, AttributeValue>> freshKeys = new HashSet<>();
        for (Map<String, AttributeValue> item : CatalogItems.items(c)) {
            freshKeys.add(CatalogItems.keyOf(item));
            tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        }
        Map<String, Map<SchoolLevel, Integer>> delta = new HashMap<>();
        move(delta, c, 1);
        if (old != null) {
            for (Map<String, AttributeValue> item : CatalogItems.items(old)) {
                Map<String, AttributeValue> key = CatalogItems.keyOf(item);
                if (!freshKeys.contains(key)) {
                    tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
                }
            }
            move(delta, old, -1);
        }
        addCountChanges(tx, delta);
        Map<String, AttributeValue> record = CatalogItems.record(c);
        tx.add(old == null
                ? TransactWriteItem.builder().put(p -> p.tableName(table).item(record).conditionExpression("attribute_not_exists(PK)")).build()
                : TransactWriteItem.builder().put(p -> p.tableName(table).item(record)
                        .conditionExpression(unchangedCourse(old))
                        .expressionAttributeNames(Map.of("#level", "level", "#grade", "grade", "#subject", "subject"))
                        .expressionAttributeValues(unchangedCourseValues(old))).build(),
                Problem.VERSION_CONFLICT);
        CatalogAudit.record(dynamo, table, tx, by, old == null ? "courses.create" : "courses.change", "course", c.id(), at,
                CatalogAudit.state(old), CatalogAudit.state(c));
        commit(tx);
    }

    /** Removes a course with its items and its words' counts; false when there was none. */
    boolean delete(String courseId) {
        return delete(courseId, null, null);
    }

    /** As {@link #delete(String)}; {@code by}: the operator, recorded in every tenant's audit trail in the same transaction. */
    boolean delete(String courseId, String by, java.time.Instant at) {
        Course old = find(courseId).orElse(null);
        if (old == null) {
            return false;
        }
        Transaction tx = Transaction.named("course-delete");
        for (Map<String, AttributeValue> item : CatalogItems.items(old)) {
            Map<String, AttributeValue> key = CatalogItems.keyOf(item);
            tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
        }
        Map<String, Map<SchoolLevel, Integer>> delta = new HashMap<>();
        move(delta, old, -1);
        addCountChanges(tx, delta);
        tx.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(CatalogKeys.course(courseId).attributes())
                .conditionExpression("attribute_exists(PK)")).build(), Problem.VERSION_CONFLICT);
        CatalogAudit.record(dynamo, table, tx, by, "courses.delete", "course", courseId, at, CatalogAudit.state(old),
                Map.of("status", "DELETED"));
        commit(tx);
        return true;
    }

    /** An import's counts in every tenant's trail: one Query of the tenants, one TransactWriteItems of the entries. */
    void recordImport(String importId, Map<String, String> counts, String by, java.time.Instant at) {
        Transaction tx = Transaction.named("course-import-audit");
        CatalogAudit.record(dynamo, table, tx, by, "courses.import", "course-import", importId, at, Map.of("status", "NONE"), counts);
        if (tx.size() > 0) {
            commit(tx);
        }
    }

    private void commit(Transaction tx) {
        if (tx.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("a course change of " + tx.size() + " items does not fit in one transaction");
        }
        runner.commit(tx);
    }

    /** Adds the course's words, per level, times {@code sign} to the count changes. */
    private static void move(Map<String, Map<SchoolLevel, Integer>> delta, Course c, int sign) {
        WordCounts.of(List.of(c)).forEach((w, byLevel) -> byLevel.forEach((l, n) ->
                delta.computeIfAbsent(w, k -> new EnumMap<>(SchoolLevel.class)).merge(l, sign * n, Integer::sum)));
    }

    /** The course as it was read: what its items' keys and postings were made from (else they would be left behind). */
    private static String unchangedCourse(Course old) {
        return "titleKo = :ko AND titleEn = :en AND #level = :level AND #subject = :subject AND providerId = :provider AND "
                + (old.grade() == null ? "attribute_not_exists(#grade)" : "#grade = :grade");
    }

    private static Map<String, AttributeValue> unchangedCourseValues(Course old) {
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":ko", AttributeValue.fromS(old.titleKo()),
                ":en", AttributeValue.fromS(old.titleEn()), ":level", AttributeValue.fromS(old.level().name()),
                ":subject", AttributeValue.fromS(old.subject().name()), ":provider", AttributeValue.fromS(old.providerId())));
        if (old.grade() != null) {
            v.put(":grade", AttributeValue.fromN(old.grade().toString()));
        }
        return v;
    }

    /** {@code ADD} on each changed word's counts, in all and per level (a word whose level is unchanged is left alone). */
    private void addCountChanges(Transaction tx, Map<String, Map<SchoolLevel, Integer>> delta) {
        delta.forEach((word, byLevel) -> {
            int total = byLevel.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, AttributeValue> values = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            List<String> adds = new ArrayList<>();
            byLevel.forEach((level, n) -> {
                if (n != 0) {
                    names.put("#" + level.name(), "n_" + level.name());
                    values.put(":" + level.name(), AttributeValue.fromN(Integer.toString(n)));
                    adds.add("#" + level.name() + " :" + level.name());
                }
            });
            if (adds.isEmpty()) {
                return; // the word stays, at the same level
            }
            if (total != 0) {
                names.put("#n", "n");
                values.put(":n", AttributeValue.fromN(Integer.toString(total)));
                adds.add("#n :n");
            }
            values.put(":type", AttributeValue.fromS("WORD_STATS"));
            values.put(":word", AttributeValue.fromS(word));
            names.put("#type", "type");
            names.put("#word", "word");
            tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(CatalogKeys.wordStats(word).attributes())
                    .updateExpression("SET #type = :type, #word = :word ADD " + String.join(", ", adds))
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build());
        });
    }
}

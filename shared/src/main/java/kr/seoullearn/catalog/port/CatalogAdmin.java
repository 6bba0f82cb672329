package kr.seoullearn.catalog.port;

import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;

import java.util.Optional;

/**
 * The port through which the programme operator changes the shared catalogue: providers and
 * courses (every tenant sees the same; seats are per tenant and go through the enrolment
 * ledger). A course's items (its copies by provider, level and grade, its title-word postings
 * and the word counts search plans with) change together in one transaction.
 */
public interface CatalogAdmin {
    /** Most title words a course may be indexed under (keeps one change within one transaction). */
    int MAX_INDEX_WORDS = 24;

    Optional<Provider> provider(String providerId);

    /** Creates or replaces a provider. */
    void saveProvider(Provider provider);

    Optional<Course> course(String courseId);

    /** Creates a course or replaces it (its old copies and postings go, the word counts follow). */
    void saveCourse(Course course);

    /** Removes a course; false when there was none. */
    boolean deleteCourse(String courseId);

    /**
     * An operator ({@code by}) creates or changes a provider, on the provider as read ({@code old},
     * null when new; else 409 version-conflict); the change goes into every tenant's audit trail in
     * the same transaction. A store without a trail (a test's) saves it as {@link #saveProvider(Provider)}.
     */
    default void saveProvider(Provider provider, Provider old, String by, java.time.Instant at) {
        saveProvider(provider);
    }

    /** As {@link #saveCourse(Course)}, recorded in every tenant's audit trail in the same transaction. */
    default void saveCourse(Course course, String by, java.time.Instant at) {
        saveCourse(course);
    }

    /**
     * As {@link #saveCourse(Course, String, java.time.Instant)}, on the course as the caller read it
     * ({@code asRead}, empty when it read none): if it is no longer so (another writer created or
     * changed it in between), 409 version-conflict and nothing is written, so the caller can read
     * again and say truly whether it created, changed or left the course. A store without
     * conditions (a test's) saves it as {@link #saveCourse(Course)}.
     */
    default void saveCourse(Course course, Optional<Course> asRead, String by, java.time.Instant at) {
        saveCourse(course);
    }

    /** As {@link #deleteCourse(String)}, recorded in every tenant's audit trail in the same transaction. */
    default boolean deleteCourse(String courseId, String by, java.time.Instant at) {
        return deleteCourse(courseId);
    }

    /**
     * An operator's bulk import of courses ({@code by}), as counts only (rows, created, changed,
     * unchanged), into every tenant's audit trail; {@code importId} names the file (a digest of it,
     * never its contents). Each course of it was recorded by {@link #saveCourse(Course, String, java.time.Instant)}.
     * A store without a trail (a test's) records nothing.
     */
    default void recordCourseImport(String importId, java.util.Map<String, String> counts, String by, java.time.Instant at) {
    }
}

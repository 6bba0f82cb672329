package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.domain.SearchTerms;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.catalog.port.CatalogSeeding;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catalogue's ports over the application table (docs/data-model.md, docs/adr/0008):
 * providers and their seats per tenant, and every course several times over — in its
 * provider's partition, its level's, its level and grade's, and the partition of each word of
 * its titles (an inverted index whose postings carry what a result shows, so a page is one
 * Query). Each job is its own class; this one only routes the ports' methods to them.
 */
final class DynamoCatalog implements Catalog, CatalogAdmin, CatalogSeeding {
    private final ProviderItems providers;
    private final CoursePages pages;
    private final CourseChanges changes;
    private final BatchCalls batch;

    DynamoCatalog(ProviderItems providers, CoursePages pages, CourseChanges changes, BatchCalls batch) {
        this.providers = providers;
        this.pages = pages;
        this.changes = changes;
        this.batch = batch;
    }

    @Override
    public List<Provider> providers() {
        return providers.all();
    }

    @Override
    public Optional<Map<String, ProviderSeats>> seats(TenantId tenant, List<String> providerIds) {
        return providers.seats(tenant, providerIds);
    }

    @Override
    public CoursePage browse(BrowseFilter filter, String cursor, int limit) {
        return pages.browse(filter, cursor, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, String cursor, int limit) {
        return pages.search(terms, null, null, cursor, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, Preference prefer, String cursor, int limit) {
        return pages.search(terms, null, prefer, cursor, limit);
    }

    @Override
    public CoursePage search(SearchTerms terms, String typed, Preference prefer, String cursor, int limit) {
        return pages.search(terms, typed, prefer, cursor, limit);
    }

    @Override
    public List<WordUse> wordsStartingWith(String prefix, SchoolLevel level, int limit) {
        return pages.wordsStartingWith(prefix, level, limit);
    }

    @Override
    public Optional<Provider> provider(String providerId) {
        return providers.find(providerId);
    }

    @Override
    public void saveProvider(Provider provider) {
        providers.save(provider);
    }

    @Override
    public void saveProvider(Provider provider, Provider old, String by, java.time.Instant at) {
        providers.save(provider, old, by, at);
    }

    @Override
    public void saveCourse(Course course, String by, java.time.Instant at) {
        changes.save(course, by, at);
    }

    @Override
    public void saveCourse(Course course, Optional<Course> asRead, String by, java.time.Instant at) {
        changes.save(course, asRead, by, at);
    }

    @Override
    public void recordCourseImport(String importId, Map<String, String> counts, String by, java.time.Instant at) {
        changes.recordImport(importId, counts, by, at);
    }

    @Override
    public boolean deleteCourse(String courseId, String by, java.time.Instant at) {
        return changes.delete(courseId, by, at);
    }

    @Override
    public void saveSeats(ProviderSeats seats) {
        providers.saveSeats(seats);
    }

    @Override
    public Optional<Course> course(String courseId) {
        return changes.find(courseId);
    }

    @Override
    public void saveCourse(Course course) {
        changes.save(course);
    }

    @Override
    public boolean deleteCourse(String courseId) {
        return changes.delete(courseId);
    }

    @Override
    public void putCourses(Collection<Course> courses) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Course c : courses) {
            items.addAll(CatalogItems.items(c));
            items.add(CatalogItems.record(c));
        }
        batch.put(items);
    }

    @Override
    public void putWordCounts(Map<String, Map<SchoolLevel, Integer>> counts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        counts.forEach((word, byLevel) -> items.add(CatalogItems.wordStats(word, byLevel)));
        batch.put(items);
    }
}

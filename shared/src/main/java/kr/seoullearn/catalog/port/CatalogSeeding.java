package kr.seoullearn.catalog.port;

import java.util.Collection;
import java.util.Map;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * Bulk writes of a catalogue seeded from nothing (the local cloud, benchmarks, test
 * fixtures), and the seats providers donate to a tenant. The operator's changes to a running
 * catalogue go through {@link CatalogAdmin}, one transaction per course.
 */
public interface CatalogSeeding {

    /** Creates or replaces a provider. */
    void saveProvider(Provider provider);

    /** Sets the seats a provider donated to a tenant; the count of seats in use is kept (0 when new). */
    void saveSeats(ProviderSeats seats);

    /**
     * Writes courses with their listings and title-word postings, 25 items a call (items left
     * unprocessed are sent again). The word counts are not touched: see {@link #putWordCounts}.
     */
    void putCourses(Collection<Course> courses);

    /**
     * Writes the word counts of a catalogue seeded from nothing (replacing what was there), as
     * {@link kr.seoullearn.catalog.domain.WordCounts#of} computes them. A course added later
     * adds to them in the transaction that writes its items.
     */
    void putWordCounts(Map<String, Map<SchoolLevel, Integer>> counts);
}

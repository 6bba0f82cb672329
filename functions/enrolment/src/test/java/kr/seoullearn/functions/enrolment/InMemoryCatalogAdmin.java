package kr.seoullearn.functions.enrolment;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.seoullearn.catalog.domain.Course;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.port.CatalogAdmin;

/** The operator's catalogue in memory, for the service's unit tests: same answers, no storage. */
final class InMemoryCatalogAdmin implements CatalogAdmin {
    final Map<String, Provider> providers = new TreeMap<>();
    final Map<String, Course> courses = new TreeMap<>();

    @Override
    public Optional<Provider> provider(String providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }

    @Override
    public void saveProvider(Provider provider) {
        providers.put(provider.id(), provider);
    }

    @Override
    public Optional<Course> course(String courseId) {
        return Optional.ofNullable(courses.get(courseId));
    }

    @Override
    public void saveCourse(Course course) {
        courses.put(course.id(), course);
    }

    @Override
    public boolean deleteCourse(String courseId) {
        return courses.remove(courseId) != null;
    }
}

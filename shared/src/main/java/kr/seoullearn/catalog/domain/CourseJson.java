package kr.seoullearn.catalog.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A course as the API shows it (docs/api/openapi.yaml: CourseSummary), to the public and to the operator. */
public final class CourseJson {
    private CourseJson() {}

    public static Map<String, Object> course(Course c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("courseId", c.id());
        v.put("providerId", c.providerId());
        v.put("level", c.level().name());
        if (c.grade() != null) {
            v.put("grade", c.grade());
        }
        v.put("subject", c.subject().name());
        v.put("title", koEn(c.titleKo(), c.titleEn()));
        if (c.lecturerKo() != null) {
            Map<String, Object> lecturer = new LinkedHashMap<>();
            lecturer.put("ko", c.lecturerKo());
            if (c.lecturerEn() != null) {
                lecturer.put("en", c.lecturerEn());
            }
            v.put("lecturer", lecturer);
        }
        v.put("minutes", c.minutes());
        v.put("lessons", c.lessons());
        return v;
    }

    public static Map<String, Object> koEn(String ko, String en) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ko", ko);
        v.put("en", en);
        return v;
    }
}

package kr.seoullearn.registration.domain;

import kr.seoullearn.registration.port.ApplicationStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The JSON of an application's parts, shared by the applicant's and the reviewer's views. */
public final class ApplicationJson {
    private ApplicationJson() {}

    /** The applicant's answers and the records check's outcome, as a reviewer sees them (which categories, any note). */
    public static void putProfile(Map<String, Object> v, Application a) {
        putProfile(v, a, true);
    }

    /**
     * The applicant's answers and the records check's outcome. The applicant is not told which
     * categories the records verified (docs/adr/0021): what they need to continue is the outcome
     * and the documents still required.
     */
    public static void putProfile(Map<String, Object> v, Application a, boolean forReviewer) {
        v.put("name", a.name());
        v.put("birthDate", a.birthDate() == null ? null : a.birthDate().toString());
        v.put("schoolLevel", a.schoolLevel() == null ? null : a.schoolLevel().name());
        v.put("grade", a.grade());
        v.put("district", a.district());
        v.put("preferredLanguage", a.language() == null ? null : a.language().tag());
        v.put("categories", a.categories());
        if (a.guardian() != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", a.guardian().name());
            g.put("contact", a.guardian().contact());
            g.put("consentAt", a.guardian().consentAt() == null ? null : a.guardian().consentAt().toString());
            g.values().removeIf(Objects::isNull);
            v.put("guardian", g);
        }
        if (a.recordsCheck() != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("outcome", a.recordsCheck().outcome().name());
            check.put("checkedAt", a.recordsCheck().checkedAt().toString());
            if (forReviewer) {
                check.put("verifiedCategories", a.recordsCheck().verifiedCategories());
                if (a.recordsCheck().note() != null) {
                    check.put("note", a.recordsCheck().note());
                }
            }
            v.put("recordsCheck", check);
        }
    }

    /** The documents of a dossier: id, kind, status and the problem code of a refused one. */
    public static List<Map<String, Object>> documents(List<ApplicationStore.DocumentSummary> summaries) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (var d : summaries) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("documentId", d.documentId());
            dm.put("kind", d.kind() == null ? null : d.kind().name());
            dm.put("status", d.status().name());
            dm.put("reason", d.reason());
            dm.values().removeIf(Objects::isNull);
            documents.add(dm);
        }
        return documents;
    }
}

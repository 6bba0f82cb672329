package kr.seoullearn.functions.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.seoullearn.shared.application.Application;
import kr.seoullearn.shared.application.ApplicationStore;

/** An application as a reviewer sees it (docs/api/openapi.yaml: ReviewApplication). */
final class ApplicationView {
    private ApplicationView() {}

    static Map<String, Object> of(ApplicationStore.Dossier dossier) {
        Application a = dossier.application();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("userId", a.userId());
        v.put("status", a.status().name());
        v.put("version", a.version());
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
            v.put("recordsCheck", Map.of("outcome", a.recordsCheck().outcome().name(),
                    "checkedAt", a.recordsCheck().checkedAt().toString(),
                    "verifiedCategories", a.recordsCheck().verifiedCategories()));
        }
        v.put("programmeId", a.programmeId());
        v.put("submittedAt", a.submittedAt() == null ? null : a.submittedAt().toString());
        v.put("requiredDocuments", a.requiredDocuments() == null ? List.of() : a.requiredDocuments().stream().map(Enum::name).toList());
        v.put("missingDocuments", dossier.missingDocuments().stream().map(Enum::name).toList());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (var d : dossier.documents()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("documentId", d.documentId());
            dm.put("kind", d.kind() == null ? null : d.kind().name());
            dm.put("status", d.status().name());
            dm.put("reason", d.reason());
            dm.values().removeIf(Objects::isNull);
            documents.add(dm);
        }
        v.put("documents", documents);
        if (a.decision() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("outcome", a.decision().outcome());
            d.put("reason", a.decision().reason());
            d.put("decidedBy", a.decision().decidedBy());
            d.put("decidedAt", a.decision().decidedAt().toString());
            d.values().removeIf(Objects::isNull);
            v.put("decision", d);
        }
        v.values().removeIf(Objects::isNull);
        return v;
    }
}

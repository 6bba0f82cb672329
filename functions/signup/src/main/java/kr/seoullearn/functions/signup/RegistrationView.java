package kr.seoullearn.functions.signup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.shared.application.Application;
import kr.seoullearn.shared.application.ApplicationStore;
import kr.seoullearn.shared.application.RegistrationRules;
import kr.seoullearn.shared.programme.EligibilityProgramme;
import kr.seoullearn.shared.registration.DocumentKind;

/** The applicant's view of their registration (docs/api/openapi.yaml: Registration). */
final class RegistrationView {
    private RegistrationView() {}

    static Map<String, Object> of(ApplicationStore.Dossier dossier, EligibilityProgramme programmeInForce, LocalDate today) {
        Application a = dossier.application();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", a.status().name());
        v.put("version", a.version());
        v.put("name", a.name());
        v.put("birthDate", a.birthDate() == null ? null : a.birthDate().toString());
        v.put("schoolLevel", a.schoolLevel() == null ? null : a.schoolLevel().name());
        v.put("grade", a.grade());
        v.put("district", a.district());
        v.put("preferredLanguage", a.language() == null ? null : a.language().tag());
        v.put("categories", a.categories());
        v.put("guardianRequired", RegistrationRules.needsGuardian(a, today));
        if (a.guardian() != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", a.guardian().name());
            g.put("contact", a.guardian().contact());
            g.put("consentAt", a.guardian().consentAt() == null ? null : a.guardian().consentAt().toString());
            v.put("guardian", g);
        }
        if (a.recordsCheck() != null) {
            v.put("recordsCheck", Map.of("outcome", a.recordsCheck().outcome().name(),
                    "checkedAt", a.recordsCheck().checkedAt().toString(),
                    "verifiedCategories", a.recordsCheck().verifiedCategories()));
        }
        List<DocumentKind> required;
        if (a.editable() && programmeInForce != null) {
            v.put("programmeId", programmeInForce.id());
            required = RegistrationRules.requiredDocuments(a, programmeInForce);
        } else {
            v.put("programmeId", a.programmeId());
            required = a.requiredDocuments() == null ? List.of() : a.requiredDocuments();
        }
        v.put("requiredDocuments", required.stream().map(Enum::name).toList());
        ApplicationStore.Dossier forMissing = new ApplicationStore.Dossier(new Application(a.tenant(), a.userId(), a.username(),
                a.status(), a.version(), a.name(), a.birthDate(), a.schoolLevel(), a.grade(), a.district(), a.language(),
                a.categories(), a.guardian(), a.recordsCheck(), a.programmeId(), required, a.createdAt(), a.submittedAt(),
                a.decision()), dossier.documents());
        v.put("missingDocuments", forMissing.missingDocuments().stream().map(Enum::name).toList());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (var d : dossier.documents()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("documentId", d.documentId());
            dm.put("kind", d.kind() == null ? null : d.kind().name());
            dm.put("status", d.status().name());
            if (d.reason() != null) {
                dm.put("reason", d.reason());
            }
            documents.add(dm);
        }
        v.put("documents", documents);
        if (a.submittedAt() != null) {
            v.put("submittedAt", a.submittedAt().toString());
        }
        if (a.decision() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("outcome", a.decision().outcome());
            if (a.decision().reason() != null) {
                d.put("reason", a.decision().reason());
            }
            d.put("decidedAt", a.decision().decidedAt().toString());
            d.put("byRecords", "records-check".equals(a.decision().decidedBy()));
            v.put("decision", d);
        }
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }
}

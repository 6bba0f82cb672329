package kr.seoullearn.functions.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.ApplicationJson;
import kr.seoullearn.registration.port.ApplicationStore;

/** An application as a reviewer sees it (docs/api/openapi.yaml: ReviewApplication). */
final class ApplicationView {
    private ApplicationView() {}

    static Map<String, Object> of(ApplicationStore.Dossier dossier) {
        return of(dossier, null);
    }

    /** With the open document request, if any (what the reviewer asked for, through which template). */
    static Map<String, Object> of(ApplicationStore.Dossier dossier, ApplicationStore.DocumentRequest request) {
        Application a = dossier.application();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("userId", a.userId());
        v.put("status", a.status().name());
        v.put("version", a.version());
        ApplicationJson.putProfile(v, a);
        v.put("programmeId", a.programmeId());
        v.put("submittedAt", a.submittedAt() == null ? null : a.submittedAt().toString());
        v.put("requiredDocuments", a.requiredDocuments() == null ? List.of() : a.requiredDocuments().stream().map(Enum::name).toList());
        v.put("missingDocuments", dossier.missingDocuments().stream().map(Enum::name).toList());
        v.put("documents", ApplicationJson.documents(dossier.documents()));
        if (a.decision() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("outcome", a.decision().outcome());
            d.put("reason", a.decision().reason());
            d.put("decidedBy", a.decision().decidedBy());
            d.put("decidedAt", a.decision().decidedAt().toString());
            d.values().removeIf(Objects::isNull);
            v.put("decision", d);
        }
        if (a.appeal() != null) {
            v.put("appeal", kr.seoullearn.registration.domain.AppealRules.json(a.appeal(), true));
        }
        if (request != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("documents", request.documents().stream().map(Enum::name).toList());
            r.put("template", request.template());
            r.put("requestedBy", request.requestedBy());
            r.put("requestedAt", request.requestedAt().toString());
            v.put("documentRequest", r);
        }
        v.values().removeIf(Objects::isNull);
        return v;
    }
}

package kr.seoullearn.functions.signup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.ApplicationJson;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.RegistrationRules;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.DocumentKind;

/** The applicant's view of their registration (docs/api/openapi.yaml: Registration). */
final class RegistrationView {
    private RegistrationView() {}

    static Map<String, Object> of(ApplicationStore.Dossier dossier, EligibilityProgramme programmeInForce, LocalDate today) {
        return of(dossier, programmeInForce, today, null);
    }

    /** With a reviewer's open document request: what to send (and what of it is still missing), through which message. */
    static Map<String, Object> of(ApplicationStore.Dossier dossier, EligibilityProgramme programmeInForce, LocalDate today,
                                  ApplicationStore.DocumentRequest request) {
        Application a = dossier.application();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("status", a.status().name());
        v.put("version", a.version());
        ApplicationJson.putProfile(v, a, false);
        if (a.recordsCheck() != null && programmeInForce != null && a.editable()) {
            // VERIFIED only when the records verified every category they can decide: which ones did not is not said
            boolean all = a.recordsCheck().outcome() == kr.seoullearn.registration.domain.RecordsOutcome.VERIFIED
                    && a.categories().stream().filter(c -> programmeInForce.category(c)
                            .map(EligibilityProgramme.Category::recordsCanDecide).orElse(false))
                            .allMatch(a.recordsCheck().verifiedCategories()::contains);
            if (!all && a.recordsCheck().outcome() == kr.seoullearn.registration.domain.RecordsOutcome.VERIFIED) {
                @SuppressWarnings("unchecked")
                Map<String, Object> check = (Map<String, Object>) v.get("recordsCheck");
                check.put("outcome", kr.seoullearn.registration.domain.RecordsOutcome.NEEDS_DOCUMENTS.name());
            }
        }
        v.put("guardianRequired", RegistrationRules.needsGuardian(a, today));
        List<DocumentKind> required;
        if (a.editable() && programmeInForce != null) {
            v.put("programmeId", programmeInForce.id());
            required = RegistrationRules.requiredDocuments(a, programmeInForce);
        } else {
            v.put("programmeId", a.programmeId());
            required = a.requiredDocuments() == null ? List.of() : a.requiredDocuments();
        }
        v.put("requiredDocuments", required.stream().map(Enum::name).toList());
        v.put("missingDocuments", dossier.missing(required).stream().map(Enum::name).toList());
        v.put("documents", ApplicationJson.documents(dossier.documents()));
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
        if (a.appeal() != null) {
            v.put("appeal", kr.seoullearn.registration.domain.AppealRules.json(a.appeal(), false));
        }
        if (request != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("documents", request.documents().stream().map(Enum::name).toList());
            r.put("missing", dossier.missing(request.documents()).stream().map(Enum::name).toList());
            r.put("template", request.template());
            r.put("requestedAt", request.requestedAt().toString());
            v.put("documentRequest", r);
        }
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }
}

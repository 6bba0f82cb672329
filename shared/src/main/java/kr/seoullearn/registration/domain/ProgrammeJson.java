package kr.seoullearn.registration.domain;

import kr.seoullearn.platform.school.SchoolLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.tenant.TenantId;

/** Programmes to and from their JSON form (seed files, the stored definition, the public route). */
public final class ProgrammeJson {
    private ProgrammeJson() {}

    public static Map<String, Object> toMap(EligibilityProgramme p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", p.tenant().value());
        m.put("id", p.id());
        m.put("effectiveFrom", p.effectiveFrom().toString());
        if (p.effectiveUntil() != null) {
            m.put("effectiveUntil", p.effectiveUntil().toString());
        }
        m.put("name", p.name());
        List<Map<String, Object>> categories = new ArrayList<>();
        for (EligibilityProgramme.Category c : p.categories()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("code", c.code());
            cm.put("recordsCanDecide", c.recordsCanDecide());
            cm.put("requiredDocuments", c.requiredDocuments().stream().map(Enum::name).toList());
            categories.add(cm);
        }
        m.put("categories", categories);
        m.put("incomeLinePercent", p.incomeLinePercent());
        m.put("minAge", p.minAge());
        m.put("maxAge", p.maxAge());
        m.put("schoolLevels", p.schoolLevels().stream().map(Enum::name).sorted().toList());
        m.put("pickLimit", p.pickLimit());
        if (p.quota() != null) {
            m.put("quota", p.quota());
        }
        if (p.inactivity() != null) {
            m.put("inactivity", Map.of("afterDays", p.inactivity().afterDays(),
                    "reminderIntervalDays", p.inactivity().reminderIntervalDays()));
        }
        if (p.laptopLoan() != null) {
            m.put("laptopLoan", Map.of("loanDays", p.laptopLoan().loanDays(),
                    "maxExtensionDays", p.laptopLoan().maxExtensionDays()));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static EligibilityProgramme fromMap(Map<String, Object> m) {
        List<EligibilityProgramme.Category> categories = new ArrayList<>();
        for (Object o : (List<Object>) m.get("categories")) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<DocumentKind> documents = new ArrayList<>();
            for (Object d : (List<Object>) c.getOrDefault("requiredDocuments", List.of())) {
                documents.add(DocumentKind.valueOf(String.valueOf(d)));
            }
            categories.add(new EligibilityProgramme.Category(String.valueOf(c.get("code")),
                    Boolean.TRUE.equals(c.get("recordsCanDecide")), List.copyOf(documents)));
        }
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        for (Object l : (List<Object>) m.get("schoolLevels")) {
            levels.add(SchoolLevel.valueOf(String.valueOf(l)));
        }
        Map<String, String> name = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("name", Map.of())).forEach((k, v) -> name.put(k, String.valueOf(v)));
        return new EligibilityProgramme(
                new TenantId(String.valueOf(m.get("tenant"))),
                String.valueOf(m.get("id")),
                LocalDate.parse(String.valueOf(m.get("effectiveFrom"))),
                m.get("effectiveUntil") == null ? null : LocalDate.parse(String.valueOf(m.get("effectiveUntil"))),
                Map.copyOf(name),
                List.copyOf(categories),
                ((Number) m.get("incomeLinePercent")).intValue(),
                ((Number) m.get("minAge")).intValue(),
                ((Number) m.get("maxAge")).intValue(),
                Set.copyOf(levels),
                ((Number) m.getOrDefault("pickLimit", 1)).intValue(),
                m.get("quota") == null ? null : ((Number) m.get("quota")).intValue(),
                inactivity((Map<String, Object>) m.get("inactivity")),
                laptopLoan((Map<String, Object>) m.get("laptopLoan")));
    }

    private static EligibilityProgramme.LaptopLoan laptopLoan(Map<String, Object> m) {
        return m == null ? null : new EligibilityProgramme.LaptopLoan(((Number) m.get("loanDays")).intValue(),
                ((Number) m.getOrDefault("maxExtensionDays", 0)).intValue());
    }

    private static EligibilityProgramme.Inactivity inactivity(Map<String, Object> m) {
        return m == null ? null : new EligibilityProgramme.Inactivity(((Number) m.get("afterDays")).intValue(),
                ((Number) m.get("reminderIntervalDays")).intValue());
    }
}

package kr.seoullearn.recruitment.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.seoullearn.platform.tenant.TenantId;

/** Recruitment rules as stored and seeded (infra/local-cloud seed/recruitment-rules.json). */
public final class RecruitmentRulesJson {
    private RecruitmentRulesJson() {}

    public static RecruitmentRules fromMap(Map<String, Object> m) {
        return new RecruitmentRules(new TenantId(String.valueOf(m.get("tenant"))), String.valueOf(m.get("id")),
                LocalDate.parse(String.valueOf(m.get("effectiveFrom"))),
                m.get("effectiveUntil") == null ? null : LocalDate.parse(String.valueOf(m.get("effectiveUntil"))),
                strings(m.get("schoolTypes")), strings(m.get("enrolmentStates")), number(m, "maxAge"),
                Grade.parse(m.get("minGrade")).orElseThrow(() -> new IllegalArgumentException("minGrade")),
                number(m, "termStartMonth"), number(m, "termMonths"), number(m, "renewalWindowDays"), number(m, "notesReadDays"),
                number(m, "standardCapacity"));
    }

    public static Map<String, Object> toMap(RecruitmentRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", r.tenant().value());
        m.put("id", r.id());
        m.put("effectiveFrom", r.effectiveFrom().toString());
        if (r.effectiveUntil() != null) {
            m.put("effectiveUntil", r.effectiveUntil().toString());
        }
        m.put("schoolTypes", r.schoolTypes().stream().sorted().toList());
        m.put("enrolmentStates", r.enrolmentStates().stream().sorted().toList());
        m.put("maxAge", r.maxAge());
        m.put("minGrade", r.minGrade().label());
        m.put("termStartMonth", r.termStartMonth());
        m.put("termMonths", r.termMonths());
        m.put("renewalWindowDays", r.renewalWindowDays());
        m.put("notesReadDays", r.notesReadDays());
        m.put("standardCapacity", r.standardCapacity());
        return m;
    }

    private static Set<String> strings(Object o) {
        return ((List<?>) o).stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private static int number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }
}

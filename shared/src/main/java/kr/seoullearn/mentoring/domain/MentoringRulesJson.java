package kr.seoullearn.mentoring.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;

/** Mentoring rules to and from their JSON form (seed file, stored definition, the API). */
public final class MentoringRulesJson {
    private MentoringRulesJson() {}

    public static Map<String, Object> toMap(MentoringRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenant", r.tenant().value());
        m.put("id", r.id());
        m.put("effectiveFrom", r.effectiveFrom().toString());
        if (r.effectiveUntil() != null) {
            m.put("effectiveUntil", r.effectiveUntil().toString());
        }
        m.put("sessionMinutes", r.sessionMinutes());
        m.put("totalSessions", r.totalSessions());
        m.put("windowWeeks", r.windowWeeks());
        m.put("weeklyCap", r.weeklyCap());
        m.put("weeklyCapWithMentorConsent", r.weeklyCapWithMentorConsent());
        m.put("minNoticeHours", r.minNoticeHours());
        m.put("lateCancelHours", r.lateCancelHours());
        m.put("trialSessions", r.trialSessions());
        m.put("levels", r.levels().stream().map(Enum::name).sorted().toList());
        m.put("extensionSessions", r.extensionSessions());
        m.put("extensionWeeks", r.extensionWeeks());
        m.put("mentorStandardCapacity", r.mentorStandardCapacity());
        m.put("mentorMaxCapacity", r.mentorMaxCapacity());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static MentoringRules fromMap(Map<String, Object> m) {
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        for (Object l : (List<Object>) m.get("levels")) {
            levels.add(SchoolLevel.valueOf(String.valueOf(l)));
        }
        int weeklyCap = number(m, "weeklyCap");
        return new MentoringRules(
                new TenantId(String.valueOf(m.get("tenant"))),
                String.valueOf(m.get("id")),
                LocalDate.parse(String.valueOf(m.get("effectiveFrom"))),
                m.get("effectiveUntil") == null ? null : LocalDate.parse(String.valueOf(m.get("effectiveUntil"))),
                number(m, "sessionMinutes"),
                number(m, "totalSessions"),
                number(m, "windowWeeks"),
                weeklyCap,
                m.get("weeklyCapWithMentorConsent") == null ? weeklyCap : number(m, "weeklyCapWithMentorConsent"),
                number(m, "minNoticeHours"),
                number(m, "lateCancelHours"),
                m.get("trialSessions") == null ? 0 : number(m, "trialSessions"),
                levels,
                number(m, "extensionSessions"),
                number(m, "extensionWeeks"),
                number(m, "mentorStandardCapacity"),
                number(m, "mentorMaxCapacity"));
    }

    private static int number(Map<String, Object> m, String name) {
        Object v = m.get(name);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("mentoring rules need a number " + name);
        }
        return n.intValue();
    }
}

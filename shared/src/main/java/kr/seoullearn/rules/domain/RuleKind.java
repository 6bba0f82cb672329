package kr.seoullearn.rules.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.mentoring.domain.MentoringRulesJson;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.ProgrammeJson;

/**
 * The three kinds of effective-dated rules an admin drafts: the eligibility programme
 * (registration, docs/adr/0007), the mentoring rules (docs/adr/0011) and the recruitment rules
 * (docs/adr/0014). Each is checked field by field ({@link RuleFields}) and then read by its own
 * context's JSON reader, so a published definition is always one its context can use.
 */
public enum RuleKind {
    PROGRAMME("programme", "programme"),
    MENTORING("mentoring", "mentoring-rules"),
    RECRUITMENT("recruitment", "recruitment-rules");

    /** Fields the server sets on a published definition; a draft's definition never carries them. */
    static final java.util.Set<String> SET_BY_SERVER = java.util.Set.of("tenant", "id", "effectiveFrom", "effectiveUntil");

    private final String path;
    private final String subjectType;

    RuleKind(String path, String subjectType) {
        this.path = path;
        this.subjectType = subjectType;
    }

    /** The kind's word in routes ({@code /api/admin/rules/programme/...}). */
    public String path() {
        return path;
    }

    /** The audit trail's subject type of a publication. */
    public String subjectType() {
        return subjectType;
    }

    public static Optional<RuleKind> parse(String path) {
        for (RuleKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The definition as its context reads it, in its own canonical form (without tenant, id and
     * dates); field errors are added to {@code errors} and the answer is then empty.
     */
    public Optional<Map<String, Object>> canonical(Map<String, Object> definition, FieldErrors errors) {
        int before = errors.count();
        RuleFields.check(this, definition, errors);
        if (errors.count() > before) {
            return Optional.empty();
        }
        try {
            Map<String, Object> full = published(definition, TenantId.SEOUL, "draft", LocalDate.of(2000, 1, 1));
            Map<String, Object> canonical = new LinkedHashMap<>(full);
            SET_BY_SERVER.forEach(canonical::remove);
            return Optional.of(canonical);
        } catch (RuntimeException e) {
            // a combination the field checks let through but the context's reader refuses
            errors.add("definition", "invalid-value");
            return Optional.empty();
        }
    }

    /** The definition as it is stored on publication: the context's reader's own form, with tenant, id and start date. */
    public Map<String, Object> published(Map<String, Object> definition, TenantId tenant, String id, LocalDate from) {
        Map<String, Object> m = new LinkedHashMap<>(definition);
        SET_BY_SERVER.forEach(m::remove);
        m.put("tenant", tenant.value());
        m.put("id", id);
        m.put("effectiveFrom", from.toString());
        return switch (this) {
            case PROGRAMME -> ProgrammeJson.toMap(ProgrammeJson.fromMap(m));
            case MENTORING -> MentoringRulesJson.toMap(MentoringRulesJson.fromMap(m));
            case RECRUITMENT -> RecruitmentRulesJson.toMap(RecruitmentRulesJson.fromMap(m));
        };
    }

    /** Names by language (ko and en required, vi and zh optional, 1-80 characters), as a programme's or a partner area's. */
    public static void checkNames(Object value, String field, FieldErrors errors) {
        RuleFields.names(value, field, errors);
    }

    /** A stored definition without the fields the server sets (what a draft copies, what a preview compares). */
    public static Map<String, Object> withoutServerFields(Map<String, Object> stored) {
        Map<String, Object> m = new LinkedHashMap<>(stored);
        SET_BY_SERVER.forEach(m::remove);
        return m;
    }
}

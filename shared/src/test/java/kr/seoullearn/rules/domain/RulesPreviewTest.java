package kr.seoullearn.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

/** What a draft changes, and which definitions each kind takes. */
class RulesPreviewTest {

    static Map<String, Object> programme() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", Map.of("ko", "서울런 2026", "en", "Seoul Learn 2026"));
        m.put("categories", List.of(
                Map.of("code", "LOW_INCOME", "recordsCanDecide", true, "requiredDocuments", List.of("INCOME_PROOF")),
                Map.of("code", "MULTICULTURAL", "recordsCanDecide", false, "requiredDocuments", List.of("MULTICULTURAL_FAMILY_CERTIFICATE"))));
        m.put("incomeLinePercent", 80);
        m.put("minAge", 6);
        m.put("maxAge", 24);
        m.put("schoolLevels", List.of("ELEMENTARY", "MIDDLE", "HIGH"));
        m.put("pickLimit", 2);
        return m;
    }

    @Test
    void theIncomeLineTheCategoriesAndTheQuotaAreNamedAsTheyChange() {
        Map<String, Object> next = new LinkedHashMap<>(programme());
        next.put("incomeLinePercent", 90);
        next.put("quota", 5000);
        next.put("categories", List.of(
                Map.of("code", "LOW_INCOME", "recordsCanDecide", false, "requiredDocuments", List.of("INCOME_PROOF")),
                Map.of("code", "YOUNG_CARER", "recordsCanDecide", false, "requiredDocuments", List.of("YOUNG_CARER_CONFIRMATION"))));
        next.put("schoolLevels", List.of("MIDDLE", "HIGH", "NOT_IN_SCHOOL"));
        var changes = RulesPreview.changes(programme(), next);
        assertThat(changes).contains(Map.of("field", "incomeLinePercent", "from", 80, "to", 90));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("field", "categories")
                .containsEntry("added", List.of("YOUNG_CARER")).containsEntry("removed", List.of("MULTICULTURAL"))
                .containsEntry("changed", List.of("LOW_INCOME")));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("field", "schoolLevels")
                .containsEntry("added", List.of("NOT_IN_SCHOOL")).containsEntry("removed", List.of("ELEMENTARY")));
        assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("field", "quota").containsEntry("to", 5000));
        assertThat(changes).noneMatch(c -> c.get("field").equals("pickLimit"));
    }

    @Test
    void theSameRulesWithNumbersWrittenDifferentlyOrListsInAnotherOrderChangeNothing() {
        Map<String, Object> same = new LinkedHashMap<>(programme());
        same.put("incomeLinePercent", 80.0);
        same.put("schoolLevels", List.of("HIGH", "ELEMENTARY", "MIDDLE"));
        same.put("tenant", "seoul");
        same.put("id", "another-id");
        assertThat(RulesPreview.changes(programme(), same)).isEmpty();
    }

    @Test
    void withNothingBeforeEveryFieldIsNew() {
        assertThat(RulesPreview.changes(null, programme())).extracting(c -> c.get("field"))
                .contains("incomeLinePercent", "categories", "name.ko");
    }

    @Test
    void eachKindTakesItsContextsRulesAndNamesTheFieldsItRefuses() {
        FieldErrors errors = new FieldErrors();
        assertThat(RuleKind.PROGRAMME.canonical(programme(), errors)).isPresent();
        assertThat(errors.isEmpty()).isTrue();
        Map<String, Object> broken = new LinkedHashMap<>(programme());
        broken.put("minAge", 30);
        broken.put("pickLimit", 0);
        broken.put("nonsense", true);
        assertThat(RuleKind.PROGRAMME.canonical(broken, errors)).isEmpty();
        try {
            errors.throwIfAny();
        } catch (ProblemException e) {
            assertThat(e.extensions().get("errors").toString()).contains("maxAge").contains("pickLimit").contains("nonsense");
            return;
        }
        throw new AssertionError("no field errors");
    }

    @Test
    void mentoringRulesNeedConsistentCapsAndCapacities() {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("sessionMinutes", 45, "totalSessions", 16, "windowWeeks", 8, "weeklyCap", 3,
                "weeklyCapWithMentorConsent", 2, "minNoticeHours", 24, "lateCancelHours", 12, "trialSessions", 20,
                "levels", List.of("MIDDLE"), "extensionSessions", 8));
        m.putAll(Map.of("extensionWeeks", 4, "mentorStandardCapacity", 5, "mentorMaxCapacity", 4));
        FieldErrors errors = new FieldErrors();
        assertThat(RuleKind.MENTORING.canonical(m, errors)).isEmpty();
        assertThat(errors.count()).isEqualTo(4);
        m.putAll(Map.of("sessionMinutes", 60, "weeklyCap", 1, "trialSessions", 2, "mentorMaxCapacity", 10));
        FieldErrors none = new FieldErrors();
        assertThat(RuleKind.MENTORING.canonical(m, none)).isPresent();
        assertThat(none.isEmpty()).isTrue();
    }
}

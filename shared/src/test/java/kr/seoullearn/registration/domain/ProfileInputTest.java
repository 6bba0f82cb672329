package kr.seoullearn.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

class ProfileInputTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Map<String, Object> body) {
        try {
            ProfileInput.parse(body, TODAY);
        } catch (ProblemException e) {
            assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
            return (List<Map<String, Object>>) e.extensions().get("errors");
        }
        throw new AssertionError("expected validation errors for " + body);
    }

    @Test
    void readsACompleteProfile() {
        ProfileInput in = ProfileInput.parse(Map.of("version", 1, "name", " 김하은 ", "birthDate", "2012-05-14",
                "schoolLevel", "MIDDLE", "grade", 2, "district", "gangnam-gu", "preferredLanguage", "vi",
                "categories", List.of("LOW_INCOME", "LOW_INCOME", "MULTICULTURAL"),
                "guardian", Map.of("name", "김정숙", "contact", "010-1234-5678", "consent", true)), TODAY);
        assertThat(in.name()).isEqualTo("김하은");
        assertThat(in.schoolLevel()).isEqualTo(SchoolLevel.MIDDLE);
        assertThat(in.language()).isEqualTo(Language.VI);
        assertThat(in.categories()).containsExactly("LOW_INCOME", "MULTICULTURAL");
        assertThat(in.guardian().consent()).isTrue();
    }

    @Test
    void aNameWithABidiOverrideOrAnInvisibleCharacterIsRefusedNotStored() {
        // "김\u202E지민": shown reversed to a reviewer; "김민\u200B지": looks like another child's name
        assertThat(errorsOf(Map.of("version", 1, "name", "김\u202E지민",
                "guardian", Map.of("name", "박\u2066정숙\u2069", "contact", "010-1234-5678"))))
                .extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("name:invalid-value", "guardian.name:invalid-value");
        assertThat(errorsOf(Map.of("version", 1, "name", "김민\u200B지"))).extracting(e -> e.get("code")).containsExactly("invalid-value");
    }

    @Test
    void aNameIsStoredInNfc() {
        ProfileInput in = ProfileInput.parse(Map.of("version", 1, "name", "\u1100\u1175\u11B7\u1112\u1161\u110B\u1173\u11AB"), TODAY);
        assertThat(in.name()).isEqualTo("김하은");
    }

    @Test
    void listsEveryWrongFieldAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", 12);
        body.put("birthDate", "2030-01-01");
        body.put("schoolLevel", "UNIVERSITY");
        body.put("grade", 7);
        body.put("district", "Gangnam Gu!");
        body.put("preferredLanguage", "fr");
        body.put("categories", "LOW_INCOME");
        body.put("nickname", "x");
        assertThat(errorsOf(body)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactlyInAnyOrder(
                "version:required", "name:required", "birthDate:out-of-range", "schoolLevel:invalid-value",
                "grade:out-of-range", "district:invalid-value", "preferredLanguage:invalid-value",
                "categories:invalid-value", "nickname:unknown-field");
    }

    @Test
    void aGradeBeyondTheLevelIsRefused() {
        assertThat(errorsOf(Map.of("version", 0, "schoolLevel", "HIGH", "grade", 4)))
                .extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("grade:out-of-range");
    }

    @Test
    void aGuardianContactMustBeAPhoneOrAnEmail() {
        assertThat(errorsOf(Map.of("version", 0, "guardian", Map.of("name", "김정숙", "contact", "call me", "consent", "yes"))))
                .extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("guardian.contact:invalid-value", "guardian.consent:invalid-value");
    }

    @Test
    void aResidentRegistrationNumberAnywhereRefusesTheWholeRequest() {
        assertThatThrownBy(() -> ProfileInput.parse(Map.of("version", 0, "name", "120514-4123456"), TODAY))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.RESIDENT_REGISTRATION_NUMBER));
    }
}

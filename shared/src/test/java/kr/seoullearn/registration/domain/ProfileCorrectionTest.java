package kr.seoullearn.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class ProfileCorrectionTest {
    private static final Application APPROVED = new Application(TenantId.SEOUL, "sub-1", "sub-1", RegistrationStatus.APPROVED, 3,
            "김민준", LocalDate.of(2013, 5, 1), SchoolLevel.MIDDLE, 2, "mapo-gu", Language.KO, List.of("BENEFIT_RECIPIENT"),
            new Application.Guardian("김보호", "010-1111-2222", Instant.EPOCH), null, "p1", List.of(), Instant.EPOCH, Instant.EPOCH, null);

    private static String code(Map<String, Object> body) {
        try {
            ProfileCorrection.parse(body);
            return null;
        } catch (ProblemException e) {
            return e.problem().code() + (e.extensions().containsKey("errors") ? " " + e.extensions().get("errors") : "");
        }
    }

    @Test
    void givenOnlyWhatChangesWhenComparedThenValuesEqualToTheStoredOnesChangeNothing() {
        var c = ProfileCorrection.parse(Map.of("version", 3, "district", "mapo-gu", "preferredLanguage", "vi", "schoolLevel", "MIDDLE", "grade", 2));
        var changes = c.against(APPROVED);
        assertThat(changes.districtChanges()).isFalse();
        assertThat(changes.language()).isEqualTo(Language.VI);
        assertThat(changes.levelChanges()).as("the same level and grade: the year's change is not used").isFalse();
        assertThat(changes.any()).isTrue();
        assertThat(ProfileCorrection.parse(Map.of("version", 3, "schoolLevel", "MIDDLE", "grade", 3)).against(APPROVED).levelChanges()).isTrue();
        assertThat(ProfileCorrection.parse(Map.of("version", 3, "schoolLevel", "NOT_IN_SCHOOL")).against(APPROVED))
                .extracting(ProfileCorrection.Changes::levelChanges, ProfileCorrection.Changes::grade).containsExactly(true, null);
    }

    @Test
    void givenBadBodiesThenEachFieldSaysWhatIsWrong() {
        assertThat(code(Map.of("version", 3))).isEqualTo("nothing-to-correct");
        assertThat(code(Map.of("district", "mapo-gu"))).contains("validation-failed", "version");
        assertThat(code(Map.of("version", 3, "name", "x"))).contains("unknown-field");
        assertThat(code(Map.of("version", 3, "preferredLanguage", "KO"))).contains("preferredLanguage");
        assertThat(code(Map.of("version", 3, "district", "Mapo"))).contains("district");
        assertThat(code(Map.of("version", 3, "guardianContact", "not a contact"))).contains("guardianContact");
        assertThat(code(Map.of("version", 3, "guardianContact", "x".repeat(121)))).contains("too-long");
        assertThat(code(Map.of("version", 3, "schoolLevel", "MIDDLE", "grade", 4))).contains("out-of-range");
        assertThat(code(Map.of("version", 3, "schoolLevel", "MIDDLE", "grade", 1.5))).contains("out-of-range");
        assertThat(code(Map.of("version", 3, "grade", 1))).contains("schoolLevel");
        assertThat(code(Map.of("version", 3, "schoolLevel", "HIGH"))).contains("grade", "required");
        assertThat(code(Map.of("version", 3, "guardianContact", "900101-1234567"))).startsWith("resident-registration-number");
    }

    @Test
    void theSchoolYearStartsOnTheFirstOfMarchInSeoul() {
        assertThat(ProfileCorrection.schoolYear(LocalDate.of(2027, 2, 28))).isEqualTo(2026);
        assertThat(ProfileCorrection.schoolYear(LocalDate.of(2027, 3, 1))).isEqualTo(2027);
        assertThat(ProfileCorrection.schoolYear(Instant.parse("2027-02-28T14:59:59Z"))).isEqualTo(2026);
        assertThat(ProfileCorrection.schoolYear(Instant.parse("2027-02-28T15:00:00Z"))).isEqualTo(2027);
        assertThat(ProfileCorrection.schoolYear(LocalDate.of(2027, 12, 31))).isEqualTo(2027);
    }
}

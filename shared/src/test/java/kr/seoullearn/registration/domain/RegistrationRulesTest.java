package kr.seoullearn.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final EligibilityProgramme PROGRAMME = new EligibilityProgramme(TenantId.SEOUL, "p", LocalDate.of(2026, 3, 1), null,
            Map.of(), List.of(
                    new EligibilityProgramme.Category("LOW_INCOME", true, List.of(DocumentKind.INCOME_PROOF)),
                    new EligibilityProgramme.Category("OUT_OF_SCHOOL", false, List.of(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION))),
            80, 6, 24, Set.of(SchoolLevel.ELEMENTARY, SchoolLevel.MIDDLE, SchoolLevel.HIGH, SchoolLevel.NOT_IN_SCHOOL), 1, null);

    private static Application application(LocalDate birth, SchoolLevel level, List<String> categories,
                                           Application.Guardian guardian, Application.RecordsCheck check) {
        return new Application(TenantId.SEOUL, "u", "u@example.org", RegistrationStatus.DRAFT, 3, "김하은", birth, level,
                level.grades() > 0 ? 1 : null, "gangnam-gu", Language.KO, categories, guardian, check, null, null, NOW, null, null);
    }

    @Test
    void aLowIncomeApplicantVerifiedByTheRecordsNeedsNoDocumentsAndIsApprovedAtOnce() {
        var a = application(LocalDate.of(2009, 1, 1), SchoolLevel.HIGH, List.of("LOW_INCOME"), null,
                new Application.RecordsCheck(RecordsOutcome.VERIFIED, NOW, List.of("LOW_INCOME")));
        var assessment = RegistrationRules.assess(a, PROGRAMME, TODAY);
        assertThat(assessment.requiredDocuments()).isEmpty();
        assertThat(assessment.approvedByRecords()).isTrue();
    }

    @Test
    void whenTheRecordsCannotDecideTheCategoriesDocumentsAreAskedFor() {
        var notFound = application(LocalDate.of(2009, 1, 1), SchoolLevel.HIGH, List.of("LOW_INCOME", "OUT_OF_SCHOOL"), null,
                new Application.RecordsCheck(RecordsOutcome.NOT_FOUND, NOW, List.of()));
        var assessment = RegistrationRules.assess(notFound, PROGRAMME, TODAY);
        assertThat(assessment.requiredDocuments()).containsExactly(DocumentKind.INCOME_PROOF, DocumentKind.OUT_OF_SCHOOL_CONFIRMATION);
        assertThat(assessment.approvedByRecords()).isFalse();
    }

    @Test
    void anOutOfSchoolApplicantAlwaysUploadsEvenWhenOtherCategoriesAreVerified() {
        var a = application(LocalDate.of(2009, 1, 1), SchoolLevel.NOT_IN_SCHOOL, List.of("LOW_INCOME", "OUT_OF_SCHOOL"), null,
                new Application.RecordsCheck(RecordsOutcome.VERIFIED, NOW, List.of("LOW_INCOME")));
        var assessment = RegistrationRules.assess(a, PROGRAMME, TODAY);
        assertThat(assessment.requiredDocuments()).containsExactly(DocumentKind.OUT_OF_SCHOOL_CONFIRMATION);
        assertThat(assessment.approvedByRecords()).isFalse();
    }

    @Test
    void underFourteenCannotBeSubmittedWithoutAGuardiansRecordedConsent() {
        LocalDate thirteen = TODAY.minusYears(13);
        var noGuardian = application(thirteen, SchoolLevel.ELEMENTARY, List.of("OUT_OF_SCHOOL"), null, null);
        assertThatThrownBy(() -> RegistrationRules.assess(noGuardian, PROGRAMME, TODAY)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.GUARDIAN_CONSENT_REQUIRED));
        var noConsent = application(thirteen, SchoolLevel.ELEMENTARY, List.of("OUT_OF_SCHOOL"),
                new Application.Guardian("김정숙", "010-1234-5678", null), null);
        assertThatThrownBy(() -> RegistrationRules.assess(noConsent, PROGRAMME, TODAY)).isInstanceOf(ProblemException.class);
        var consented = application(thirteen, SchoolLevel.ELEMENTARY, List.of("OUT_OF_SCHOOL"),
                new Application.Guardian("김정숙", "010-1234-5678", NOW), null);
        assertThat(RegistrationRules.assess(consented, PROGRAMME, TODAY).requiredDocuments()).isNotEmpty();
        var fourteenToday = application(TODAY.minusYears(14), SchoolLevel.MIDDLE, List.of("OUT_OF_SCHOOL"), null, null);
        assertThat(RegistrationRules.assess(fourteenToday, PROGRAMME, TODAY)).isNotNull();
    }

    @Test
    void theProgrammesAgesLevelsAndCategoriesDecideEligibility() {
        var tooOld = application(TODAY.minusYears(25), SchoolLevel.HIGH, List.of("LOW_INCOME"), null, null);
        var adult = application(TODAY.minusYears(20), SchoolLevel.ADULT, List.of("VETERANS_FAMILY"), null, null);
        assertThatThrownBy(() -> RegistrationRules.assess(tooOld, PROGRAMME, TODAY)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.extensions().get("reasons")).isEqualTo(List.of("age")));
        assertThatThrownBy(() -> RegistrationRules.assess(adult, PROGRAMME, TODAY)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.extensions().get("reasons")).isEqualTo(List.of("school-level", "category:VETERANS_FAMILY")));
    }

    @Test
    void anIncompleteApplicationSaysWhatIsMissing() {
        var a = new Application(TenantId.SEOUL, "u", null, RegistrationStatus.DRAFT, 1, null, null, SchoolLevel.MIDDLE, null,
                null, null, List.of(), null, null, null, null, NOW, null, null);
        assertThatThrownBy(() -> RegistrationRules.assess(a, PROGRAMME, TODAY)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.extensions().get("missing")).isEqualTo(
                        List.of("name", "birthDate", "grade", "district", "preferredLanguage", "categories")));
    }

    @Test
    void leavingSchoolClearsTheGrade() {
        var inHighSchool = application(LocalDate.of(2009, 1, 1), SchoolLevel.HIGH, List.of("OUT_OF_SCHOOL"), null, null);
        var left = RegistrationRules.withProfile(inHighSchool,
                new ProfileInput(3, null, null, SchoolLevel.NOT_IN_SCHOOL, null, null, null, null, null), NOW);
        assertThat(left.schoolLevel()).isEqualTo(SchoolLevel.NOT_IN_SCHOOL);
        assertThat(left.grade()).isNull();
    }

    @Test
    void changingTheNameOrCategoriesForgetsAnEarlierRecordsCheckAndConsentTimeIsTheServers() {
        var checked = application(LocalDate.of(2009, 1, 1), SchoolLevel.HIGH, List.of("LOW_INCOME"), null,
                new Application.RecordsCheck(RecordsOutcome.VERIFIED, NOW, List.of("LOW_INCOME")));
        var renamed = RegistrationRules.withProfile(checked, new ProfileInput(3, "다른 이름", null, null, null, null, null, null,
                new ProfileInput.GuardianInput("보호자", "010-0000-0000", true)), NOW.plusSeconds(60));
        assertThat(renamed.recordsCheck()).isNull();
        assertThat(renamed.guardian().consentAt()).isEqualTo(NOW.plusSeconds(60));
        var sameIdentity = RegistrationRules.withProfile(checked, new ProfileInput(3, null, null, null, null, "mapo-gu", null, null, null), NOW);
        assertThat(sameIdentity.recordsCheck()).isNotNull();
        assertThat(sameIdentity.district()).isEqualTo("mapo-gu");
    }
}

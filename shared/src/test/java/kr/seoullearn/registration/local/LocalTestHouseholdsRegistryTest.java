package kr.seoullearn.registration.local;

import kr.seoullearn.registration.domain.RecordsOutcome;
import kr.seoullearn.registration.port.EligibilityRegistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTestHouseholdsRegistryTest {
    private final LocalTestHouseholdsRegistry registry = new LocalTestHouseholdsRegistry();

    private EligibilityRegistry.Answer check(String name, String birth, String head, String headBirth, int line, String... categories) {
        return registry.check(new EligibilityRegistry.Query(name, LocalDate.parse(birth), head, LocalDate.parse(headBirth),
                List.of(categories), line));
    }

    @Test
    void aSeededLowIncomeHouseholdBelowTheLineIsVerified() {
        var answer = check("김하은", "2012-05-14", "김정숙", "1980-02-03", 50, "LOW_INCOME");
        assertThat(answer.outcome()).isEqualTo(RecordsOutcome.VERIFIED);
        assertThat(answer.verifiedCategories()).containsExactly("LOW_INCOME");
    }

    @Test
    void theIncomeLineOfTheProgrammeDecides() {
        // 68 % of median: above the 2021 line (50 %), under the 2026 line (80 %)
        assertThat(check("이도현", "2009-11-02", "이영수", "1975-07-21", 50, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.NEEDS_DOCUMENTS);
        assertThat(check("이도현", "2009-11-02", "이영수", "1975-07-21", 80, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.VERIFIED);
    }

    @Test
    void theTestFamilyOfChildrenMatchesEveryNameStartingWithItsName() {
        assertThat(check("이도현가나다", "2009-11-02", "이영수", "1975-07-21", 80, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.VERIFIED);
        assertThat(check("이도", "2009-11-02", "이영수", "1975-07-21", 80, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.NOT_FOUND);
        assertThat(check("김하은가", "2012-05-14", "김정숙", "1980-02-03", 80, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.NOT_FOUND);
    }

    @Test
    void someoneNotInTheRecordsIsNotFound() {
        assertThat(check("홍길동", "2010-01-01", "홍판서", "1970-01-01", 80, "LOW_INCOME").outcome()).isEqualTo(RecordsOutcome.NOT_FOUND);
        assertThat(check("김하은", "2012-05-14", "김정숙", "1980-02-04", 80, "LOW_INCOME").outcome())
                .as("one digit of the head's birth date differs").isEqualTo(RecordsOutcome.NOT_FOUND);
    }

    @Test
    void namesMatchWhateverTheSpacingAndCase() {
        assertThat(check("tran minh anh", "2010-08-19", "TRAN  THI HOA", "1982-04-11", 60, "LOW_INCOME").outcome())
                .isEqualTo(RecordsOutcome.VERIFIED);
    }

    @Test
    void theQueryNeverPrintsItsIdentifyingData() {
        var q = new EligibilityRegistry.Query("김하은", LocalDate.of(2012, 5, 14), "김정숙", LocalDate.of(1980, 2, 3), List.of(), 50);
        assertThat(q.toString()).doesNotContain("김").doesNotContain("2012");
    }
}

package kr.seoullearn.laptops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LaptopRulesTest {

    @Test
    void aLearnerCancelsOnlyBeforeTheLoanAndTheHandOverIsTheOfficers() {
        assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, LaptopStatus.READY_FOR_PICKUP, LaptopStatus.LOANED))
                .as("the officer records the unit's serial at pickup").isFalse();
        assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, LaptopStatus.APPROVED, LaptopStatus.LOANED)).isFalse();
        for (LaptopStatus from : EnumSet.of(LaptopStatus.REQUESTED, LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP)) {
            assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, from, LaptopStatus.CANCELLED)).as(from.name()).isTrue();
        }
        assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, LaptopStatus.LOANED, LaptopStatus.CANCELLED)).isFalse();
        assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, LaptopStatus.LOANED, LaptopStatus.RETURNED))
                .as("only the district records a return").isFalse();
        assertThat(LaptopRules.allowed(Actor.Kind.LEARNER, LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP)).isFalse();
    }

    @Test
    void officersAndAdminsMarkReadyRejectBeforeTheLoanAndRecordReturns() {
        for (Actor.Kind kind : EnumSet.of(Actor.Kind.OFFICER, Actor.Kind.ADMIN)) {
            assertThat(LaptopRules.allowed(kind, LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP)).isTrue();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.REQUESTED, LaptopStatus.READY_FOR_PICKUP))
                    .as("nobody passes the queue").isFalse();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.REQUESTED, LaptopStatus.REJECTED)).isTrue();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.LOANED, LaptopStatus.REJECTED)).isFalse();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.LOANED, LaptopStatus.RETURNED)).isTrue();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.READY_FOR_PICKUP, LaptopStatus.LOANED))
                    .as("the hand-over, with the unit's serial").isTrue();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.APPROVED, LaptopStatus.LOANED))
                    .as("only a laptop made ready is handed over").isFalse();
            assertThat(LaptopRules.allowed(kind, LaptopStatus.REQUESTED, LaptopStatus.APPROVED))
                    .as("approval is the queue's, in order").isFalse();
        }
        assertThat(LaptopRules.allowed(Actor.Kind.SYSTEM, LaptopStatus.REQUESTED, LaptopStatus.APPROVED)).isTrue();
    }

    @Test
    void closedRequestsNeverMoveAgain() {
        for (LaptopStatus closed : EnumSet.of(LaptopStatus.RETURNED, LaptopStatus.REJECTED, LaptopStatus.CANCELLED)) {
            assertThat(closed.active()).isFalse();
            for (Actor.Kind kind : Actor.Kind.values()) {
                for (LaptopStatus to : LaptopStatus.values()) {
                    assertThat(LaptopRules.allowed(kind, closed, to)).as(kind + " " + closed + ">" + to).isFalse();
                }
            }
        }
    }

    @Test
    void everyAllowedChangeKeepsTheDistrictsUnitsAccountedFor() {
        // inStock + reserved + loaned is the district's units: a status change never creates or loses one
        for (Actor.Kind kind : Actor.Kind.values()) {
            for (LaptopStatus from : LaptopStatus.values()) {
                for (LaptopStatus to : LaptopStatus.values()) {
                    if (!LaptopRules.allowed(kind, from, to)) {
                        continue;
                    }
                    long[] d = LaptopRules.stockDelta(from, to);
                    assertThat(d[LaptopRules.IN_STOCK] + d[LaptopRules.RESERVED] + d[LaptopRules.LOANED])
                            .as(from + ">" + to).isZero();
                }
            }
        }
        assertThat(LaptopRules.stockDelta(LaptopStatus.REQUESTED, LaptopStatus.APPROVED)).containsExactly(-1, 1, 0, -1);
        assertThat(LaptopRules.stockDelta(LaptopStatus.APPROVED, LaptopStatus.READY_FOR_PICKUP)).containsExactly(0, 0, 0, 0);
        assertThat(LaptopRules.stockDelta(LaptopStatus.READY_FOR_PICKUP, LaptopStatus.LOANED)).containsExactly(0, -1, 1, 0);
        assertThat(LaptopRules.stockDelta(LaptopStatus.LOANED, LaptopStatus.RETURNED)).containsExactly(1, 0, -1, 0);
        assertThat(LaptopRules.stockDelta(LaptopStatus.REQUESTED, LaptopStatus.CANCELLED)).containsExactly(0, 0, 0, -1);
        assertThat(LaptopRules.stockDelta(LaptopStatus.APPROVED, LaptopStatus.REJECTED)).containsExactly(1, -1, 0, 0);
    }

    @Test
    void onlyARejectionNeedsAReason() {
        assertThat(EnumSet.allOf(LaptopStatus.class).stream().filter(LaptopRules::needsReason)).containsExactly(LaptopStatus.REJECTED);
    }

    @Test
    void aLoanIsDueTheProgrammesDaysAfterPickupAndExtendsOnlyWithinItsLimit() {
        LaptopLoanTerms terms = new LaptopLoanTerms(180, 30);
        assertThat(terms.dueOn(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2027, 5, 27));
        assertThat(terms.extensionLeft(0)).isEqualTo(30);
        assertThat(terms.extensionLeft(20)).isEqualTo(10);
        assertThat(terms.extensionLeft(45)).as("a limit lowered since").isZero();
        assertThat(LaptopLoanTerms.FALLBACK.dueOn(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(LaptopLoanTerms.FALLBACK.extensionLeft(0)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LaptopLoanTerms(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overdueLoansEscalateFromAReminderToTheOfficerToTheAdmins() {
        assertThat(OverdueStage.of(1)).isEqualTo(OverdueStage.REMINDER);
        assertThat(OverdueStage.of(6)).isEqualTo(OverdueStage.REMINDER);
        assertThat(OverdueStage.of(7)).isEqualTo(OverdueStage.OFFICER);
        assertThat(OverdueStage.of(29)).isEqualTo(OverdueStage.OFFICER);
        assertThat(OverdueStage.of(30)).isEqualTo(OverdueStage.ADMIN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OverdueStage.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialNumbersAreTrimmedUpperCasedAndNeverKeyMaterial() {
        assertThat(LaptopRules.unitId(" sn-4471a ")).isEqualTo("SN-4471A");
        assertThat(LaptopRules.unitId("SN#1")).isNull();
        assertThat(LaptopRules.unitId("ab")).isNull();
        assertThat(LaptopRules.unitId("-ABC")).isNull();
        assertThat(LaptopRules.unitId("A".repeat(41))).isNull();
        assertThat(LaptopRules.unitId(null)).isNull();
    }

    @Test
    void pickupCodesAreSixUnambiguousCharacters() {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = LaptopRules.pickupCode();
            assertThat(code).matches("[ACDEFGHJKMNPQRTUVWXY34679]{6}");
            seen.add(code);
        }
        assertThat(seen.size()).as("random, not a sequence").isGreaterThan(1990);
    }

    @Test
    void idsAreCheckedBeforeTheyReachAKey() {
        assertThat(LaptopRules.isDistrictId("nowon-gu")).isTrue();
        assertThat(LaptopRules.isDistrictId("cheongju-si")).isTrue();
        assertThat(LaptopRules.isDistrictId("Nowon-gu")).isFalse();
        assertThat(LaptopRules.isDistrictId("nowon#gu")).isFalse();
        assertThat(LaptopRules.isDistrictId(null)).isFalse();
        assertThat(LaptopRules.isRequestId("0b9f1c0e-3c4d-4a8e-9f2a-1d2c3b4a5e6f")).isTrue();
        assertThat(LaptopRules.isRequestId("0B9F1C0E-3C4D-4A8E-9F2A-1D2C3B4A5E6F")).isFalse();
        assertThat(LaptopRules.isRequestId("x#REQUEST")).isFalse();
    }

    @Test
    void positionsCountFromOne() {
        assertThat(LaptopRules.position(0)).isEqualTo(1);
        assertThat(LaptopRules.position(24)).isEqualTo(25);
    }
}

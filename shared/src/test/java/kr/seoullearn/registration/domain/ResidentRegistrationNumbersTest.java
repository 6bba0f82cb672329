package kr.seoullearn.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

class ResidentRegistrationNumbersTest {

    @Test
    void recognisesTheNumberWithOrWithoutDashOrSpaces() {
        assertThat(ResidentRegistrationNumbers.looksLikeOne("120514-4123456")).isTrue();
        assertThat(ResidentRegistrationNumbers.looksLikeOne("1205144123456")).isTrue();
        assertThat(ResidentRegistrationNumbers.looksLikeOne("제 번호는 120514 - 3123456 입니다")).isTrue();
    }

    @Test
    void doesNotMistakePhoneNumbersDatesOrShortNumbersForOne() {
        assertThat(ResidentRegistrationNumbers.looksLikeOne("010-1234-5678")).isFalse();
        assertThat(ResidentRegistrationNumbers.looksLikeOne("2012-05-14")).isFalse();
        assertThat(ResidentRegistrationNumbers.looksLikeOne("123456")).isFalse();
        assertThat(ResidentRegistrationNumbers.looksLikeOne("129914-1234567")).as("no 99th month").isFalse();
    }

    @Test
    void refusesANumberAnywhereInABodyOrAFieldNamedForIt() {
        assertThatThrownBy(() -> ResidentRegistrationNumbers.refuseIn(Map.of("guardian", Map.of("contact", "800203-2123456"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(RegistrationRefusal.RESIDENT_REGISTRATION_NUMBER);
                    assertThat(e.extensions().get("errors"))
                            .isEqualTo(List.of(Map.of("field", "guardian.contact", "code", "resident-registration-number")));
                });
        assertThatThrownBy(() -> ResidentRegistrationNumbers.refuseIn(Map.of("categories", List.of("LOW_INCOME", "0805141234567"))))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ResidentRegistrationNumbers.refuseIn(Map.of("residentRegistrationNumber", "x")))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ResidentRegistrationNumbers.refuseIn(Map.of("주민등록번호", "")))
                .isInstanceOf(ProblemException.class);
        assertThatNoException().isThrownBy(() -> ResidentRegistrationNumbers.refuseIn(Map.of("name", "김하은", "contact", "010-1234-5678")));
    }
}

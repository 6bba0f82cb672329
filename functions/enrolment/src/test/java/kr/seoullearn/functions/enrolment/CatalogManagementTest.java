package kr.seoullearn.functions.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.seoullearn.catalog.domain.CatalogRefusal;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import org.junit.jupiter.api.Test;

/**
 * The operator's catalogue changes on an in-memory catalogue: who may change it, what a course
 * and a provider must hold, and what is answered (the emulator's side is CatalogManagementIT).
 */
class CatalogManagementTest {
    private final InMemoryCatalogAdmin catalogue = new InMemoryCatalogAdmin();
    // departures are only used when a provider leaves
    private final CatalogManagement management = new CatalogManagement(catalogue, null,
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC));

    private static kr.seoullearn.platform.identity.Caller admin(String tenant) {
        return kr.seoullearn.platform.identity.Caller.fromClaims(Map.of("sub", "admin-" + tenant, "custom:tenant", tenant,
                "cognito:groups", "admins", "seoullearn:mfa", "totp"));
    }

    private static kr.seoullearn.platform.identity.Caller operator() {
        return kr.seoullearn.platform.identity.Caller.fromClaims(Map.of("sub", "operator-1",
                "cognito:groups", "catalogue-operators", "seoullearn:mfa", "totp"));
    }

    private static Map<String, Object> course(String providerId, String level) {
        return Map.of("providerId", providerId, "level", level, "grade", 2L, "subject", "SCIENCE",
                "titleKo", "중학 과학 우주항공 탐구", "titleEn", "Middle school science: aerospace", "minutes", 600L, "lessons", 12L);
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (ProblemException e) {
            return e.problem().code();
        }
    }

    @Test
    void onlyTheCatalogueOperatorsChangeTheCatalogueNotATenantsAdmins() {
        // Seoul's admins too: operating the shared catalogue is a group of its own, not "admins of Seoul"
        assertThat(code(() -> management.deleteCourse(admin("seoul"), "c-1"))).isEqualTo(CatalogRefusal.CATALOGUE_OPERATOR_ONLY.code());
        assertThat(code(() -> management.deleteCourse(admin("chungbuk"), "c-1"))).isEqualTo(CatalogRefusal.CATALOGUE_OPERATOR_ONLY.code());
        assertThat(code(() -> management.saveCourse(admin("chungbuk"), "c-1", course("mbest", "MIDDLE"))))
                .isEqualTo("catalogue-operator-only");
        assertThat(CatalogRefusal.CATALOGUE_OPERATOR_ONLY.status()).isEqualTo(403);
        assertThat(catalogue.courses).isEmpty();
    }

    @Test
    void aCourseNeedsAProviderThatServesItsLevel() {
        catalogue.saveProvider(new Provider("mbest", "엠베스트", "Mbest", List.of(SchoolLevel.MIDDLE),
                "https://mbest.example/{tenant}/{learnerRef}", Provider.Status.ACTIVE, null));
        assertThatThrownBy(() -> management.saveCourse(operator(), "c-1", course("nobody", "MIDDLE")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
                    assertThat(e.extensions().toString()).contains("providerId").contains("not-found");
                });
        assertThatThrownBy(() -> management.saveCourse(operator(), "c-1", course("mbest", "HIGH")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions().toString()).contains("not-served-by-provider"));

        assertThat(management.saveCourse(operator(), "c-1", course("mbest", "MIDDLE"))).containsEntry("created", true);
        assertThat(management.saveCourse(operator(), "c-1", course("mbest", "MIDDLE"))).containsEntry("created", false);
        management.deleteCourse(operator(), "c-1");
        assertThat(code(() -> management.deleteCourse(operator(), "c-1"))).isEqualTo("course-not-found");
        assertThat(CatalogRefusal.COURSE_NOT_FOUND.status()).isEqualTo(404);
    }

    @Test
    void aProviderIsCreatedActiveAndAnUnknownOneCannotLeave() {
        Map<String, Object> view = management.saveProvider(operator(), "new-learning", Map.of("nameKo", "새배움", "nameEn", "New Learning",
                "levels", List.of("MIDDLE", "HIGH"), "accessUrlTemplate", "https://new.example/{learnerRef}"));
        assertThat(view).containsEntry("status", "ACTIVE");
        assertThat(catalogue.provider("new-learning")).isPresent();
        assertThat(code(() -> management.leave(operator(), "nobody", Map.of("graceUntil", "2026-12-31"))))
                .isEqualTo(CatalogRefusal.PROVIDER_NOT_FOUND.code());
    }
}

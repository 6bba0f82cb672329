package kr.seoullearn.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsGroupsInTheShapeApiGatewayPassesThem() {
        // GIVEN the claims as the HTTP API JWT authorizer hands them to the function
        Map<String, String> claims = Map.of("sub", "u-1", "custom:tenant", "chungbuk",
                "cognito:groups", "[learners mentors]");
        // WHEN
        Caller caller = Caller.fromClaims(claims);
        // THEN
        assertThat(caller.userId()).isEqualTo("u-1");
        assertThat(caller.tenant()).isEqualTo(new TenantId("chungbuk"));
        assertThat(caller.groups()).containsExactly("learners", "mentors");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.MENTOR);
    }

    @Test
    void aSingleGroupAndJsonStyleListsAreReadToo() {
        assertThat(Caller.parseGroups("[reviewers]")).containsExactly("reviewers");
        assertThat(Caller.parseGroups("[\"admins\",\"reviewers\"]")).containsExactly("admins", "reviewers");
        assertThat(Caller.parseGroups(null)).isEmpty();
        assertThat(Caller.parseGroups("[]")).isEmpty();
    }

    @Test
    void withoutTenantClaimTheCallerHasNoTenantAndReadsNoTenantsData() {
        // GIVEN a token of someone who has not chosen where they live (no default tenant)
        Caller caller = Caller.fromClaims(Map.of("sub", "u-2", "cognito:groups", "[applicants]"));
        // THEN nothing tenant-scoped can be asked for: a clear 403, not Seoul
        assertThat(caller.chosenTenant()).isEmpty();
        assertThatThrownBy(caller::tenant)
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TENANT_NOT_CHOSEN));
        assertThat(Caller.fromClaims(Map.of("sub", "u-2", "custom:tenant", "")).chosenTenant()).isEmpty();
    }

    @Test
    void aStaffTokenWithoutTheSecondFactorClaimIsRefused() {
        for (String group : new String[] {"reviewers", "district-officers", "admins", "catalogue-operators"}) {
            assertThatThrownBy(() -> Caller.fromClaims(Map.of("sub", "s-1", "custom:tenant", "seoul", "cognito:groups", "[" + group + "]")))
                    .as(group).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.SECOND_FACTOR_REQUIRED));
            assertThatThrownBy(() -> Caller.fromClaims(Map.of("sub", "s-1", "custom:tenant", "seoul", "cognito:groups", "[" + group + "]",
                    Caller.SECOND_FACTOR_CLAIM, "none"))).as(group + " with another value").isInstanceOf(ProblemException.class);
        }
        Caller staff = Caller.fromClaims(Map.of("sub", "s-1", "custom:tenant", "seoul", "cognito:groups", "[reviewers]",
                Caller.SECOND_FACTOR_CLAIM, "totp"));
        assertThat(staff.roles()).containsExactly(Role.REVIEWER);
        assertThat(Caller.fromClaims(Map.of("sub", "c-1", "cognito:groups", "[catalogue-operators]", Caller.SECOND_FACTOR_CLAIM, "totp"))
                .roles()).containsExactly(Role.CATALOGUE_OPERATOR);
    }

    @Test
    void learnersAndMentorsNeedNoSecondFactor() {
        Caller learner = Caller.fromClaims(Map.of("sub", "l-1", "custom:tenant", "seoul", "cognito:groups", "[learners mentors applicants]"));
        assertThat(learner.roles()).containsExactlyInAnyOrder(Role.LEARNER, Role.MENTOR, Role.APPLICANT);
    }

    @Test
    void unknownGroupsGrantNoRole() {
        Caller caller = Caller.fromClaims(Map.of("sub", "u-3", "cognito:groups", "[superusers]"));
        assertThat(caller.roles()).isEmpty();
        assertThatThrownBy(() -> caller.require(Role.ADMIN))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
    }

    @Test
    void aMalformedTenantClaimIsRefusedNotTrusted() {
        assertThatThrownBy(() -> Caller.fromClaims(Map.of("sub", "u-4", "custom:tenant", "../seoul")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_TENANT));
    }

    @Test
    void anAccessTokenIsRefusedBecauseItCarriesNoTenant() {
        // a chungbuk user's access token must not be taken for a Seoul caller
        assertThatThrownBy(() -> Caller.fromClaims(Map.of("sub", "u-5", "token_use", "access",
                "client_id", "web", "cognito:groups", "[learners]")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.ID_TOKEN_REQUIRED));
    }

    @Test
    void noSubjectMeansNotAuthenticated() {
        assertThatThrownBy(() -> Caller.fromClaims(Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHENTICATED));
        assertThatThrownBy(() -> Caller.fromClaims(null)).isInstanceOf(ProblemException.class);
    }

    @Test
    void theAddressCountsOnlyWhereCognitoVerifiedItAndIsNeverPrinted() {
        Caller verified = Caller.fromClaims(Map.of("sub", "u-6", "custom:tenant", "seoul", "email", "Student@Univ.ac.kr",
                "email_verified", "true"));
        assertThat(verified.email()).contains("Student@Univ.ac.kr");
        assertThat(verified.toString()).doesNotContain("Student").doesNotContain("@");
        for (String flag : new String[] {"false", "TRUE ", ""}) {
            assertThat(Caller.fromClaims(Map.of("sub", "u-6", "email", "student@univ.ac.kr", "email_verified", flag)).email())
                    .as("email_verified=%s", flag).isEmpty();
        }
        assertThat(Caller.fromClaims(Map.of("sub", "u-6", "email", "student@univ.ac.kr")).email()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("sub", "u-6", "email", " ", "email_verified", "true")).email()).isEmpty();
    }

    @Test
    void anAddressIsKeyedAsNormalisedSoItsCaseAndBlanksDoNotMatter() {
        assertThat(EmailKey.of(" Student@Univ.AC.kr ")).isEqualTo(EmailKey.of("student@univ.ac.kr")).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(EmailKey.of("student@univ.ac.kr")).isNotEqualTo(EmailKey.of("student2@univ.ac.kr"));
        assertThat(EmailKey.normalise(" Student@Univ.AC.kr ")).isEqualTo("student@univ.ac.kr");
    }
}

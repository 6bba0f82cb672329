package kr.seoullearn.functions.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.registration.domain.ProgrammeJson;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.local.LocalTestHouseholdsRegistry;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.RecordsCheckLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The applicant's journeys with in-memory ports; RegistrationHandlerIT runs them against DynamoDB and Cognito. */
class RegistrationTest {
    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");
    private static final EligibilityProgramme SEOUL = ProgrammeJson.fromMap(Json.readObject("""
            {"tenant":"seoul","id":"seoul-2026","effectiveFrom":"2026-03-01",
             "categories":[{"code":"LOW_INCOME","recordsCanDecide":true,"requiredDocuments":["INCOME_PROOF"]},
                           {"code":"OUT_OF_SCHOOL","recordsCanDecide":false,"requiredDocuments":["OUT_OF_SCHOOL_CONFIRMATION"]}],
             "incomeLinePercent":80,"minAge":6,"maxAge":24,"schoolLevels":["ELEMENTARY","MIDDLE","HIGH","NOT_IN_SCHOOL","ADULT"],
             "pickLimit":2,"quota":1}"""));

    private final InMemoryApplications applications = new InMemoryApplications();
    private final List<String> groupChanges = new ArrayList<>();
    private final Map<String, Integer> attempts = new java.util.HashMap<>();
    private Registration registration;
    private final List<String> accepted = new java.util.ArrayList<>();

    @BeforeEach
    void wire() {
        ProgrammeCatalogue programmes = new ProgrammeCatalogue() {
            @Override
            public Optional<EligibilityProgramme> inForce(TenantId tenant, LocalDate date) {
                return tenant.equals(TenantId.SEOUL) && SEOUL.inForceOn(date) ? Optional.of(SEOUL) : Optional.empty();
            }

            @Override
            public void save(EligibilityProgramme programme) {
                throw new UnsupportedOperationException();
            }
        };
        GroupMembership groups = new GroupMembership() {
            @Override
            public void add(String pool, String user, Role role) {
                groupChanges.add("+" + role);
            }

            @Override
            public void remove(String pool, String user, Role role) {
                groupChanges.add("-" + role);
            }
        };
        RecordsCheckLimits limits = (tenant, userId, child, day, limit, retryAt) -> {
            // in memory, one thread: the DynamoDB adapter's conditions are proven in RegistrationHandlerIT
            if (attempts.merge(userId + "@" + day, 1, Integer::sum) > limit | attempts.merge(child + "@" + day, 1, Integer::sum) > limit) {
                throw new ProblemException(RegistrationRefusal.RECORDS_CHECK_LIMIT_REACHED, Map.of("retryAt", retryAt.toString()));
            }
        };
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        registration = new Registration(applications, programmes, new LocalTestHouseholdsRegistry(), groups, "pool",
                Clock.fixed(NOW, ZoneOffset.UTC), limits, () -> key,
                new kr.seoullearn.privacy.port.ConsentRecords() {
                    @Override
                    public void record(TenantId tenant, String userId, kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance) {
                        accepted.add(userId + "@" + acceptance.version() + "@" + acceptance.by());
                    }

                    @Override
                    public void record(kr.seoullearn.platform.dynamo.Transaction tx, TenantId tenant, String userId,
                                       kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance acceptance) {
                        record(tenant, userId, acceptance); // the registration records before its transaction; not called
                    }
                });
    }

    private Caller applicant(String userId) {
        applications.put(new Application(TenantId.SEOUL, userId, userId, RegistrationStatus.DRAFT, 1, null, null, null, null,
                null, null, List.of(), null, null, null, null, NOW, null, null));
        return new Caller(userId, userId, TenantId.SEOUL, Set.of(Role.APPLICANT), List.of("applicants"));
    }

    private long version(Caller caller) {
        return ((Number) registration.view(caller).get("version")).longValue();
    }

    @Test
    void aLowIncomeApplicantFoundInTheRecordsIsApprovedAtOnceAndBecomesALearner() {
        Caller caller = applicant("a-1");
        registration.save(caller, Json.readObject("""
                {"version":1,"name":"이도현","birthDate":"2009-11-02","schoolLevel":"HIGH","grade":2,"district":"nowon-gu",
                 "preferredLanguage":"ko","categories":["LOW_INCOME"]}"""));
        Map<String, Object> checked = registration.recordsCheck(caller, Map.of("version", version(caller),
                "householdHeadName", "이영수", "householdHeadBirthDate", "1975-07-21"));
        assertThat(checked.get("requiredDocuments")).isEqualTo(List.of());

        Map<String, Object> submitted = registration.submit(caller, Map.of("version", version(caller), "privacyNotice", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT));

        assertThat(submitted).containsEntry("status", "APPROVED");
        assertThat(accepted).containsExactly("a-1@" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "@SELF");
        // moved into the learners (again by the view, idempotently, while the caller's token predates the move)
        assertThat(groupChanges).startsWith("+LEARNER", "-APPLICANT").containsOnly("+LEARNER", "-APPLICANT");
    }

    @Test
    void theApplicantLearnsTheOutcomeButNotWhichCategoriesTheRecordsVerified() {
        Caller caller = applicant("a-5");
        registration.save(caller, Json.readObject("""
                {"version":1,"name":"이도현","birthDate":"2009-11-02","schoolLevel":"HIGH","grade":2,"district":"nowon-gu",
                 "preferredLanguage":"ko","categories":["LOW_INCOME","OUT_OF_SCHOOL"]}"""));
        Map<String, Object> checked = registration.recordsCheck(caller, Map.of("version", version(caller),
                "householdHeadName", "이영수", "householdHeadBirthDate", "1975-07-21"));
        assertThat(String.valueOf(checked.get("recordsCheck"))).contains("VERIFIED").doesNotContain("LOW_INCOME")
                .doesNotContain("verifiedCategories");
        assertThat(checked.get("requiredDocuments")).isEqualTo(List.of("OUT_OF_SCHOOL_CONFIRMATION"));
        // the identity hash is kept for the submission, never shown
        assertThat(applications.find(TenantId.SEOUL, "a-5").orElseThrow().recordsCheck().identity()).hasSize(64);
        assertThat(String.valueOf(checked)).doesNotContain(applications.find(TenantId.SEOUL, "a-5").orElseThrow().recordsCheck().identity());
    }

    @Test
    void theSixthRecordsCheckOfADayIsRefusedAndNothingIsAskedOfTheRecords() {
        Caller caller = applicant("a-6");
        registration.save(caller, Json.readObject("""
                {"version":1,"name":"이도현","birthDate":"2009-11-02","schoolLevel":"HIGH","grade":2,"district":"nowon-gu",
                 "preferredLanguage":"ko","categories":["LOW_INCOME"]}"""));
        for (int i = 0; i < 5; i++) {
            Map<String, Object> checked = registration.recordsCheck(caller, Map.of("version", version(caller),
                    "householdHeadName", "이영수" + i, "householdHeadBirthDate", "1975-07-21"));
            assertThat(String.valueOf(checked.get("recordsCheck"))).contains("NOT_FOUND");
        }
        long before = version(caller);
        assertThatThrownBy(() -> registration.recordsCheck(caller, Map.of("version", before,
                "householdHeadName", "이영수", "householdHeadBirthDate", "1975-07-21")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(RegistrationRefusal.RECORDS_CHECK_LIMIT_REACHED);
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.extensions()).containsEntry("retryAt", "2026-11-28T15:00:00Z"); // midnight in Seoul
                });
        assertThat(version(caller)).isEqualTo(before);
    }

    @Test
    void anOutOfSchoolApplicantWaitsForReviewAndCanNoLongerEdit() {
        Caller caller = applicant("a-2");
        registration.save(caller, Json.readObject("""
                {"version":1,"name":"최지우","birthDate":"2008-03-08","schoolLevel":"NOT_IN_SCHOOL","district":"mapo-gu",
                 "preferredLanguage":"en","categories":["OUT_OF_SCHOOL"]}"""));

        Map<String, Object> submitted = registration.submit(caller, Map.of("version", version(caller), "privacyNotice", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT));

        assertThat(submitted).containsEntry("status", "SUBMITTED")
                .containsEntry("missingDocuments", List.of("OUT_OF_SCHOOL_CONFIRMATION"));
        assertThat(groupChanges).isEmpty();
        assertThatThrownBy(() -> registration.save(caller, Map.of("version", version(caller), "district", "jung-gu")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.APPLICATION_NOT_EDITABLE));
    }

    @Test
    void aFullProgrammeRefusesTheNextSubmission() {
        for (String id : List.of("a-3", "a-4")) {
            Caller caller = applicant(id);
            registration.save(caller, Json.readObject("""
                    {"version":1,"name":"최지우","birthDate":"2008-03-08","schoolLevel":"NOT_IN_SCHOOL","district":"mapo-gu",
                     "preferredLanguage":"en","categories":["OUT_OF_SCHOOL"]}"""));
        }
        registration.submit(new Caller("a-3", "a-3", TenantId.SEOUL, Set.of(Role.APPLICANT), List.of("applicants")),
                Map.of("version", 2, "privacyNotice", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT));
        assertThatThrownBy(() -> registration.submit(new Caller("a-4", "a-4", TenantId.SEOUL, Set.of(Role.APPLICANT),
                List.of("applicants")), Map.of("version", 2, "privacyNotice", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.PROGRAMME_FULL));
        assertThat(applications.find(TenantId.SEOUL, "a-4").orElseThrow().status()).isEqualTo(RegistrationStatus.DRAFT);
    }
}

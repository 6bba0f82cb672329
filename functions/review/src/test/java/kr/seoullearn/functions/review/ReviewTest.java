package kr.seoullearn.functions.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reviewers' rules with in-memory ports; ReviewHandlerIT runs them against DynamoDB and Cognito. */
class ReviewTest {
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private static final Caller REVIEWER = new Caller("reviewer-1", "reviewer-1", TenantId.SEOUL, Set.of(Role.REVIEWER),
            List.of("reviewers"));

    private final InMemoryApplications applications = new InMemoryApplications();
    private final List<String> groupChanges = new ArrayList<>();
    private final List<String> retained = new ArrayList<>();
    private Review review;

    @BeforeEach
    void wire() {
        GroupMembership groups = new GroupMembership() {
            @Override
            public void add(String pool, String user, Role role) {
                groupChanges.add("+" + role + " " + user);
            }

            @Override
            public void remove(String pool, String user, Role role) {
                groupChanges.add("-" + role + " " + user);
            }
        };
        DocumentRetention retention = documents -> documents.stream().map(d -> {
            retained.add(d.documentId());
            return new DocumentRetention.Renewed(d.documentId(), "v2");
        }).toList();
        review = new Review(applications, groups, retention, "pool", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Application submitted(String userId, List<DocumentKind> required) {
        return new Application(TenantId.SEOUL, userId, userId + "@example.org", RegistrationStatus.SUBMITTED, 3, "김하은",
                java.time.LocalDate.of(2012, 5, 14), SchoolLevel.MIDDLE, 1, "Nowon-gu", Language.KO, List.of("LOW_INCOME"),
                null, null, "seoul-2026", required, SUBMITTED.minusSeconds(3600), SUBMITTED, null);
    }

    private static DocumentSummary verified(String id, DocumentKind kind) {
        return new DocumentSummary(id, kind, DocumentStatus.VERIFIED, null, "tenant/seoul/applicant/x/" + id, "v1", "application/pdf");
    }

    @Test
    void aReviewerCannotDecideTheirOwnApplication() {
        applications.put(submitted("reviewer-1", List.of()));

        assertThatThrownBy(() -> review.decide(REVIEWER, "reviewer-1", Map.of("decision", "APPROVE", "version", 3)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.SELF_DECISION);
                    assertThat(e.problem().status()).isEqualTo(403);
                });
        assertThat(applications.find(TenantId.SEOUL, "reviewer-1").orElseThrow().status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(groupChanges).isEmpty();
    }

    @Test
    void anApprovalMovesTheApplicantIntoTheLearnersAndStartsTheRetentionOfTheirDocuments() {
        applications.put(submitted("a-1", List.of(DocumentKind.INCOME_PROOF)), verified("d-1", DocumentKind.INCOME_PROOF));

        Map<String, Object> view = review.decide(REVIEWER, "a-1", Map.of("decision", "APPROVE", "version", 3));

        assertThat(view).containsEntry("status", "APPROVED").containsEntry("version", 4L);
        assertThat(groupChanges).containsExactly("+LEARNER a-1@example.org", "-APPLICANT a-1@example.org");
        assertThat(retained).containsExactly("d-1");
        assertThat(applications.renewed).containsExactly("d-1@v2");
    }

    @Test
    void anApprovalWithADocumentMissingIsRefusedAndChangesNothing() {
        applications.put(submitted("a-2", List.of(DocumentKind.INCOME_PROOF)));

        assertThatThrownBy(() -> review.decide(REVIEWER, "a-2", Map.of("decision", "APPROVE", "version", 3)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(RegistrationRefusal.DECISION_NOT_ALLOWED);
                    assertThat(e.extensions()).containsEntry("missingDocuments", List.of("INCOME_PROOF"));
                });
        assertThat(applications.find(TenantId.SEOUL, "a-2").orElseThrow().status()).isEqualTo(RegistrationStatus.SUBMITTED);
        assertThat(groupChanges).isEmpty();
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheGroupsAlone() {
        applications.put(submitted("a-3", List.of()));
        assertThatThrownBy(() -> review.decide(REVIEWER, "a-3", Map.of("decision", "REJECT", "version", 3)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED));

        Map<String, Object> view = review.decide(REVIEWER, "a-3", Map.of("decision", "REJECT", "reason", "서류 불일치", "version", 3));

        assertThat(view).containsEntry("status", "REJECTED");
        assertThat(groupChanges).isEmpty();
        assertThat(retained).isEmpty();
    }

    @Test
    void aSecondDecisionIsNotAllowedAndAStaleVersionConflicts() {
        applications.put(submitted("a-4", List.of()));
        assertThatThrownBy(() -> review.decide(REVIEWER, "a-4", Map.of("decision", "APPROVE", "version", 2)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.VERSION_CONFLICT);
                    assertThat(e.extensions()).containsEntry("currentVersion", 3L);
                });
        review.decide(REVIEWER, "a-4", Map.of("decision", "APPROVE", "version", 3));
        assertThatThrownBy(() -> review.decide(REVIEWER, "a-4", Map.of("decision", "REJECT", "reason", "x", "version", 4)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RegistrationRefusal.DECISION_NOT_ALLOWED));
    }

    @Test
    void aDraftIsTheApplicantsOwnBusinessAndTheQueueHoldsTheSubmitted() {
        Application draft = new Application(TenantId.SEOUL, "a-5", null, RegistrationStatus.DRAFT, 1, null, null, null, null,
                null, null, List.of(), null, null, null, null, NOW, null, null);
        applications.put(draft);
        applications.put(submitted("a-6", List.of()));
        assertThatThrownBy(() -> review.application(REVIEWER, "a-5"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) new ReviewTools(applications, Clock.fixed(NOW, ZoneOffset.UTC)).list(REVIEWER, Map.of()).get("items");
        assertThat(items).extracting(i -> i.get("userId")).containsExactly("a-6");
    }
}

package kr.seoullearn.recruitment.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.dynamo.MentorOnboardingStorage;
import kr.seoullearn.mentoring.port.MentorOnboarding;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recruitment adapter on the emulator: the selection transaction under the round's target, and renewals moving the term. */
class RecruitmentLedgerIT {
    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final TenantId SEOUL = TenantId.SEOUL;
    private static TestStack stack;
    private static RecruitmentLedger ledger;
    private static MentorOnboarding mentors;

    @BeforeAll
    static void provision() {
        stack = TestStack.create("recruitment-ledger");
        ledger = RecruitmentStorage.ledger(stack.aws().dynamoDb(), stack.table());
        mentors = MentorOnboardingStorage.onboarding(stack.aws().dynamoDb(), stack.table());
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    static MentorApplication application(String round, String sub) {
        return new MentorApplication(SEOUL, round, sub, sub, "지원자", "서울대학교", "수학교육과", 3, "UNIVERSITY", "ENROLLED",
                LocalDate.of(2003, 4, 5), Grade.B_PLUS, Set.of(MentoringSubject.MATH), Set.of(SchoolLevel.MIDDLE), Set.of(Language.KO),
                List.of(new Availability.Window(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(21, 0))), 2, "ONLINE", "statement",
                false, true, "e", "t", MentorApplication.Status.SUBMITTED, Map.of(), null, null, null, null, NOW, 0);
    }

    static Mentor mentor(MentorApplication a) {
        return new Mentor(SEOUL, a.userId(), a.name(), a.university(), a.subjects(), a.levels(), a.languages(), 3, 0,
                new Availability(a.availability(), Set.of(), 0), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29));
    }

    static String round(int target) {
        String round = "round-" + UUID.randomUUID();
        ledger.createRound(new Round(SEOUL, round, "Round", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), target, 0,
                EnumSet.allOf(Criterion.class), "reviewer", NOW));
        return round;
    }

    @Test
    void selectionRaisesTheRoundUpToItsTargetAndMakesTheMentor() {
        String round = round(1);
        MentorApplication first = application(round, "sub-" + UUID.randomUUID());
        MentorApplication second = application(round, "sub-" + UUID.randomUUID());
        ledger.submit(first, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, NOW, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));
        ledger.submit(second, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, NOW, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));

        MentorApplication selected = ledger.select(first, mentor(first), LocalDate.of(2026, 3, 1), "reviewer", NOW);

        assertThat(selected.status()).isEqualTo(MentorApplication.Status.SELECTED);
        assertThat(ledger.round(SEOUL, round).orElseThrow().selected()).isEqualTo(1);
        assertThat(mentors.term(SEOUL, first.userId())).contains(
                new MentorOnboarding.MentorTerm(first.userId(), "지원자", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 29)));
        assertThatThrownBy(() -> ledger.select(second, mentor(second), LocalDate.of(2026, 3, 1), "reviewer", NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RecruitmentRefusal.ROUND_FULL));
        assertThat(ledger.application(SEOUL, round, second.userId()).orElseThrow().status()).isEqualTo(MentorApplication.Status.SUBMITTED);
        assertThat(mentors.term(SEOUL, second.userId())).isEmpty();
        assertThatThrownBy(() -> ledger.submit(first, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, NOW, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem()).isEqualTo(RecruitmentRefusal.MENTOR_APPLICATION_EXISTS));
    }

    @Test
    void anApprovedRenewalMovesTheTermOnlyWhileItIsTheOneRenewed() {
        String round = round(5);
        MentorApplication a = application(round, "sub-" + UUID.randomUUID());
        ledger.submit(a, new kr.seoullearn.privacy.domain.PrivacyNotice.Acceptance(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT, NOW, kr.seoullearn.privacy.domain.PrivacyNotice.AcceptedBy.SELF, null));
        ledger.select(a, mentor(a), LocalDate.of(2026, 3, 1), "reviewer", NOW);
        Renewal asked = ledger.requestRenewal(SEOUL, a.userId(), LocalDate.of(2027, 2, 28), NOW);
        assertThat(ledger.pendingRenewals(SEOUL)).extracting(Renewal::mentorId).contains(a.userId());

        ledger.decideRenewal(asked, true, LocalDate.of(2028, 2, 29), LocalDate.of(2028, 5, 29), "reviewer", NOW);

        assertThat(mentors.term(SEOUL, a.userId()).orElseThrow().termEnds()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ledger.renewal(SEOUL, a.userId(), LocalDate.of(2027, 2, 28)).orElseThrow().status()).isEqualTo(Renewal.APPROVED);
        assertThat(ledger.pendingRenewals(SEOUL)).extracting(Renewal::mentorId).doesNotContain(a.userId());
        assertThatThrownBy(() -> ledger.decideRenewal(asked, true, LocalDate.of(2029, 2, 28), LocalDate.of(2029, 5, 29), "reviewer", NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(RecruitmentRefusal.RENEWAL_NOT_FOUND));
        assertThat(mentors.term(SEOUL, a.userId()).orElseThrow().termEnds()).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}

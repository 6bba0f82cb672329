package kr.seoullearn.functions.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NoticeTemplates;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.EmailKey;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Nomination;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.recruitment.domain.Round;
import org.junit.jupiter.api.Test;

/** The nominations file: checked whole (every wrong cell at once, nothing written), idempotent by round and address. */
class NominationImportTest {
    static final Instant NOW = Instant.parse("2027-03-10T01:00:00Z");
    static final String HEADER = "name,email,university,subjects,language";
    final InMemoryRecruitment memory = new InMemoryRecruitment();
    final NominationImport nominations = new NominationImport(memory, Clock.fixed(NOW, ZoneOffset.UTC), "https://learn.example.kr/");
    final Caller admin = new Caller("admin-1", "admin", RecruitmentTest.SEOUL, Set.of(Role.ADMIN), List.of("admins"));

    NominationImportTest() {
        memory.createRound(new Round(RecruitmentTest.SEOUL, "r1", "Spring 2027", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), 10,
                0, EnumSet.allOf(Criterion.class), "reviewer", NOW));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errorsOf(ProblemException e) {
        return (List<Map<String, Object>>) e.extensions().get("errors");
    }

    static List<String> codes(ProblemException e) {
        return errorsOf(e).stream().map(x -> x.get("line") + " " + x.get("field") + " " + x.get("code")).toList();
    }

    @Test
    void everyWrongCellIsListedAndNothingIsWritten() {
        String csv = HEADER + "\r\n"
                + "김민지,minji@univ.ac.kr,서울대학교,MATH;science,ko\r\n"
                + ",not-an-address,서울대학교,MATH,ko\r\n"
                + "Lan,MINJI@univ.ac.kr ,Hanyang,CHEMISTRY,fr\r\n"
                + "only,two\r\n";
        ProblemException e = (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> nominations.run(admin, "text/csv", csv, Language.EN));
        assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
        assertThat(codes(e)).containsExactly("3 name required", "3 email invalid-email", "4 email duplicate-email",
                "4 subjects invalid-value", "4 language invalid-value", "5 file wrong-cell-count");
        assertThat(errorsOf(e).get(0).get("message")).isEqualTo("Fill in this cell.");
        assertThat(e.extensions().toString()).doesNotContain("minji", "not-an-address", "Lan");
        assertThat(memory.nominations).isEmpty();
        assertThat(memory.invitations).isEmpty();
    }

    @Test
    void theHeaderIsCheckedFirstAndItsUnknownTextNeverEchoed() {
        ProblemException e = (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> nominations.run(admin, "text/csv", "name,e-mail,university,secret@leak.kr\nA,a@b.kr,U,x\n", Language.KO));
        assertThat(codes(e)).containsExactly("1 column 2 unknown-column", "1 column 4 unknown-column", "1 email missing-column");
        assertThat(e.extensions().toString()).doesNotContain("secret@leak.kr");
    }

    @Test
    void malformedEmptyAndTooLongFilesAreRefusedWhole() {
        assertThat(codes(refused("name,email,university\n\"open,a@b.kr,U\n"))).containsExactly("2 file malformed-csv");
        assertThat(codes(refused(HEADER + "\n"))).containsExactly("1 file no-nomination-rows");
        StringBuilder many = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < NominationImport.MAX_ROWS + 1; i++) {
            many.append("N").append(i).append(",n").append(i).append("@univ.ac.kr,U,,\n");
        }
        assertThat(codes(refused(many.toString()))).containsExactly((NominationImport.MAX_ROWS + 2) + " file too-many-nomination-rows");
        assertThatThrownBy(() -> nominations.run(admin, "application/json", "{}", Language.KO))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.problem()).isEqualTo(Problem.UNSUPPORTED_MEDIA_TYPE));
    }

    ProblemException refused(String csv) {
        return (ProblemException) org.assertj.core.api.Assertions.catchThrowable(() -> nominations.run(admin, "text/csv", csv, Language.KO));
    }

    @Test
    void eachAddressIsNominatedOnceWithAnInvitationInItsLanguage() {
        String csv = HEADER + "\n김민지,Minji@Univ.ac.kr,서울대학교,MATH;SCIENCE,\nLan Nguyen,lan@hanyang.ac.kr,한양대학교,english,vi\n";
        Map<String, Object> first = nominations.run(admin, "text/csv", csv, Language.KO);
        assertThat(first).containsEntry("rows", 2).containsEntry("created", 2).containsEntry("unchanged", 0).containsEntry("roundId", "r1");
        Map<String, Object> again = nominations.run(admin, "text/csv", csv, Language.KO);
        assertThat(again).containsEntry("created", 0).containsEntry("unchanged", 2);
        assertThat(memory.invitations).hasSize(2);
        assertThat(memory.nominationImports).hasSize(1);
        assertThat(memory.nominationImports.get(0)).doesNotContainValue("minji@univ.ac.kr");

        Nomination minji = memory.nomination(RecruitmentTest.SEOUL, "r1", EmailKey.of("minji@univ.ac.kr"), NOW).orElseThrow();
        assertThat(minji.email()).isEqualTo("minji@univ.ac.kr");
        assertThat(minji.language()).isEqualTo(Language.KO);
        assertThat(minji.subjects()).containsExactlyInAnyOrder(MentoringSubject.MATH, MentoringSubject.SCIENCE);
        assertThat(minji.expiresAt()).isEqualTo(Instant.parse("2027-04-30T15:00:00Z")); // 31 March + 30 days, end of the day in Seoul
        var invitation = memory.invitations.stream().filter(n -> n.recipientId().equals(minji.recipientId())).findFirst().orElseThrow();
        assertThat(invitation.kind()).isEqualTo(NoticeKind.MENTOR_NOMINATED);
        assertThat(invitation.params().get("link"))
                .isEqualTo("https://learn.example.kr/#/recruitment/apply/r1/nominated/" + minji.token() + "/%EC%84%9C%EC%9A%B8%EB%8C%80%ED%95%99%EA%B5%90");
        assertThat(invitation.params().values()).doesNotContain("minji@univ.ac.kr", "김민지");
        for (Language l : Language.values()) {
            var text = NoticeTemplates.render(NoticeKind.MENTOR_NOMINATED, l, invitation.params(), false);
            assertThat(text.body()).contains(invitation.params().get("link")).contains("서울대학교");
        }
    }

    @Test
    void noOpenRoundIs409AndOnlyRecruitmentAdminsMayUpload() {
        InMemoryRecruitment empty = new InMemoryRecruitment();
        NominationImport none = new NominationImport(empty, Clock.fixed(NOW, ZoneOffset.UTC), "");
        assertThatThrownBy(() -> none.run(admin, "text/csv", HEADER + "\nA,a@b.kr,U,,\n", Language.KO))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.problem()).isEqualTo(RecruitmentRefusal.NO_OPEN_ROUND));
        Caller applicant = new Caller("s", "s", RecruitmentTest.SEOUL, Set.of(Role.APPLICANT), List.of("applicants"));
        assertThatThrownBy(() -> nominations.run(applicant, "text/csv", HEADER + "\nA,a@b.kr,U,,\n", Language.KO))
                .isInstanceOfSatisfying(ProblemException.class, x -> assertThat(x.problem()).isEqualTo(Problem.FORBIDDEN));
        assertThat(memory.nominations).isEmpty();
    }
}

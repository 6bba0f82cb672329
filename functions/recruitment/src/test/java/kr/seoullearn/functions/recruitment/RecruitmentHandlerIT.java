package kr.seoullearn.functions.recruitment;

import static kr.seoullearn.functions.recruitment.RecruitmentFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemMessages;
import kr.seoullearn.recruitment.domain.RecruitmentRefusal;
import kr.seoullearn.mentoring.domain.Matching;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recruitment's routes through the handler the template names, against the emulator (tables,
 * index, conditions, transactions and Cognito groups for real): the whole path from an
 * eligibility check to a mentor in the pool's {@code mentors} group, the rules explained before
 * submitting, and for every route bad input, the wrong role, another applicant's record and
 * another tenant's record.
 */
class RecruitmentHandlerIT {
    private static RecruitmentFixture f;

    @BeforeAll
    static void provision() throws Exception {
        f = new RecruitmentFixture("recruitment-handler");
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static Map<String, Object> expect(APIGatewayV2HTTPResponse r, int status) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        return json(r);
    }

    private static void expectProblem(APIGatewayV2HTTPResponse r, int status, String code) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        if (code != null) {
            assertThat(json(r).get("code")).as(r.getBody()).isEqualTo(code);
        }
    }

    @Test
    void aStudentAppliesWithVerifiedDocumentsIsScoredSelectedAndBecomesAMentorWithATerm() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        String reviewer = "reviewer-" + java.util.UUID.randomUUID();

        expect(f.call("POST /api/recruitment/eligibility", student, "seoul", null, RecruitmentFixture.facts("2003-04-05", "B+"), "en",
                "applicants"), 200);
        Map<String, Object> body = f.applicationBody("seoul", student);
        Map<String, Object> applied = expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul",
                Map.of("roundId", round), body, "ko", "applicants"), 201);
        assertThat(applied.get("status")).isEqualTo("SUBMITTED");
        // once per round
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), body, "ko",
                "applicants"), 409, "mentor-application-exists");

        Map<String, Object> mine = expect(f.call("GET /api/recruitment/applications/mine", student, "seoul", null, null, "ko",
                "applicants"), 200);
        assertThat((List<?>) mine.get("applications")).hasSize(1);

        Map<String, Object> list = expect(f.call("GET /api/recruitment/rounds/{roundId}/applications", reviewer, "seoul",
                Map.of("roundId", round), null, "ko", "reviewers"), 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) list.get("applications")).get(0);
        assertThat(item.get("userId")).isEqualTo(student);
        assertThat((List<Object>) item.get("preferences")).containsExactlyInAnyOrder("LONG_TERM", "MATHS_SCIENCE_ESSAY", "EDUCATION_MAJOR");

        // a reviewer who applied neither scores nor decides their own application, and nothing is written
        f.counter.reset();
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", student, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("scores", Map.of("LONG_TERM", 5), "version", 0), "en",
                "applicants", "reviewers"), 403, "self-decision-not-allowed");
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", student, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("decision", "SELECT"), "en", "applicants", "reviewers"),
                403, "self-decision-not-allowed");
        assertThat(f.writes()).isZero();

        Map<String, Object> scored = expect(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", reviewer, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("scores", Map.of("LONG_TERM", 4, "EDUCATION_MAJOR", 5), "version", 0),
                "ko", "reviewers"), 200);
        assertThat(scored.get("total")).isEqualTo(9);
        // a stale version is refused
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", reviewer, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("scores", Map.of("LONG_TERM", 1), "version", 0), "ko", "reviewers"),
                409, "version-conflict");

        assertThat(f.groupsOf(student)).containsExactly("applicants");
        Map<String, Object> decided = expect(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", reviewer,
                "seoul", Map.of("roundId", round, "userId", student), Map.of("decision", "SELECT"), "ko", "reviewers"), 200);
        assertThat(decided.get("status")).isEqualTo("SELECTED");
        assertThat(decided.get("decidedBy")).isEqualTo(reviewer);
        assertThat(decided.get("decidedAt")).isEqualTo(RecruitmentFixture.NOW.toString());
        assertThat(f.groupsOf(student)).contains("mentors");

        Mentor mentor = f.mentoring.mentor(TenantId.SEOUL, student).orElseThrow();
        assertThat(mentor.capacity()).isEqualTo(4);
        assertThat(mentor.termEnds()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(mentor.readUntil()).isEqualTo(LocalDate.of(2027, 2, 28).plusDays(90));
        assertThat(mentor.subjects()).containsExactlyInAnyOrder(MentoringSubject.MATH, MentoringSubject.SCIENCE);
        assertThat(f.ledger.round(TenantId.SEOUL, round).orElseThrow().selected()).isEqualTo(1);

        // a retried SELECT changes nothing (and makes sure of the group); a REJECT after it is refused
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", reviewer, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("decision", "SELECT"), "ko", "reviewers"), 200);
        assertThat(f.ledger.round(TenantId.SEOUL, round).orElseThrow().selected()).isEqualTo(1);
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", reviewer, "seoul",
                Map.of("roundId", round, "userId", student), Map.of("decision", "REJECT", "reason", "late"), "ko", "reviewers"), 409,
                "mentor-application-decided");

        // the new mentor is among matching's proposals for a learner of their level and subject
        MentoringRequest request = new MentoringRequest(TenantId.SEOUL, "mentee", "학습자", SchoolLevel.MIDDLE, List.of(MentoringSubject.MATH),
                null, List.of(), Language.KO, MentoringRequest.Status.REQUESTED, RecruitmentFixture.NOW, null);
        assertThat(Matching.propose(request, f.mentoring.mentors(TenantId.SEOUL), rules(), 10, LocalDate.of(2026, 11, 28)))
                .extracting(p -> p.mentor().userId()).contains(student);
        // … and not once the term is over
        assertThat(Matching.propose(request, f.mentoring.mentors(TenantId.SEOUL), rules(), 10, LocalDate.of(2027, 3, 1)))
                .extracting(p -> p.mentor().userId()).doesNotContain(student);
    }

    static MentoringRules rules() {
        return new MentoringRules(TenantId.SEOUL, "r", LocalDate.of(2021, 3, 1), null, 30, 16, 8, 2, 2, 24, 12, 0,
                Set.of(SchoolLevel.values()), 8, 4, 4, 10);
    }

    @Test
    void anApplicantAged40OrWithAGradeBelowCPlusIsToldWhichRuleAndWhyBeforeSubmittingInTheirLanguage() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        // 40 on the day: born 28 November 1986
        f.counter.reset();
        var tooOld = f.call("POST /api/recruitment/eligibility", student, "seoul", null, RecruitmentFixture.facts("1986-11-28", "A+"), "vi",
                "applicants");
        expectProblem(tooOld, 422, "mentor-ineligible");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failures = (List<Map<String, Object>>) json(tooOld).get("failures");
        assertThat(failures).extracting(m -> m.get("rule")).containsExactly("max-age");
        assertThat(failures.get(0).get("field")).isEqualTo("birthDate");
        assertThat(failures.get(0).get("detail")).isEqualTo(ProblemMessages.detail(RecruitmentRefusal.MENTOR_TOO_OLD, Language.VI));
        assertThat(json(tooOld).get("title")).isEqualTo(ProblemMessages.title(RecruitmentRefusal.MENTOR_INELIGIBLE, Language.VI));
        // 39 the day before the 40th birthday is fine
        expect(f.call("POST /api/recruitment/eligibility", student, "seoul", null, RecruitmentFixture.facts("1986-11-29", "C+"), "en",
                "applicants"), 200);

        var lowGrade = f.call("POST /api/recruitment/eligibility", student, "seoul", null, RecruitmentFixture.facts("2003-01-01", "C0"), "zh",
                "applicants");
        expectProblem(lowGrade, 422, "mentor-ineligible");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> gradeFailures = (List<Map<String, Object>>) json(lowGrade).get("failures");
        assertThat(gradeFailures).extracting(m -> m.get("rule")).containsExactly("min-grade");
        assertThat(gradeFailures.get(0).get("title")).isEqualTo("成绩不足");

        // both, and not enrolled: all three named at once
        Map<String, Object> all = RecruitmentFixture.facts("1980-01-01", "D0");
        all.put("enrolmentState", "GRADUATED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> three = (List<Map<String, Object>>) json(f.call("POST /api/recruitment/eligibility", student, "seoul",
                null, all, "ko", "applicants")).get("failures");
        assertThat(three).extracting(m -> m.get("rule")).containsExactly("enrolment", "max-age", "min-grade");

        // the submit refuses the same way, before anything is written
        Map<String, Object> body = f.applicationBody("seoul", student);
        body.put("birthDate", "1986-11-28");
        f.counter.reset();
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), body, "en",
                "applicants"), 422, "mentor-ineligible");
        assertThat(f.writes()).isZero();
        assertThat(f.ledger.application(TenantId.SEOUL, round, student)).isEmpty();
    }

    @Test
    void theRulesAreTheTenantsOwn() {
        // chungbuk: 34 and B0 at most (seed/recruitment-rules.json); the same person passes in seoul
        String chungbuk = f.person("applicants");
        Map<String, Object> facts = RecruitmentFixture.facts("1991-01-01", "B+");
        expectProblem(f.call("POST /api/recruitment/eligibility", chungbuk, "chungbuk", null, facts, "ko", "applicants"), 422,
                "mentor-ineligible");
        expect(f.call("POST /api/recruitment/eligibility", chungbuk, "seoul", null, facts, "ko", "applicants"), 200);
    }

    @Test
    void theApplicationNeedsTheCallersOwnVerifiedDocumentsOfTheRightKinds() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        String other = f.person("applicants");
        Map<String, Object> body = f.applicationBody("seoul", student);
        Map<String, Object> othersDocuments = new HashMap<>(body);
        othersDocuments.put("transcriptDocumentId", f.document("seoul", other, "TRANSCRIPT", "VERIFIED"));
        Map<String, Object> scanning = new HashMap<>(body);
        scanning.put("enrolmentDocumentId", f.document("seoul", student, "ENROLMENT_PROOF", "SCANNING"));
        Map<String, Object> wrongKind = new HashMap<>(body);
        wrongKind.put("transcriptDocumentId", body.get("enrolmentDocumentId"));
        for (Map<String, Object> b : List.of(othersDocuments, scanning, wrongKind)) {
            f.counter.reset();
            var r = f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), b, "en",
                    "applicants");
            expectProblem(r, 422, "mentor-documents-missing");
            assertThat(f.writes()).isZero();
        }
    }

    @Test
    void theApplicationAcceptsThePrivacyNoticeAndTheAcceptanceIsRecordedWithIt() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        Map<String, Object> body = f.applicationBody("seoul", student);
        // none, not text, another version: refused before anything is written, in the caller's language
        Map<String, Object> none = new HashMap<>(body);
        none.remove("privacyNotice");
        Map<String, Object> number = new HashMap<>(body);
        number.put("privacyNotice", 1);
        for (Map<String, Object> b : List.of(none, number)) {
            f.counter.reset();
            expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), b, "vi",
                    "applicants"), 400, "validation-failed");
            assertThat(f.writes()).isZero();
        }
        Map<String, Object> old = new HashMap<>(body);
        old.put("privacyNotice", "2020-01-01");
        f.counter.reset();
        var outdated = f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), old, "zh",
                "applicants");
        expectProblem(outdated, 409, "privacy-notice-outdated");
        assertThat(json(outdated).get("currentVersion")).isEqualTo(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT);
        assertThat(json(outdated).get("title")).isEqualTo(ProblemMessages.title(kr.seoullearn.privacy.domain.PrivacyRefusal.PRIVACY_NOTICE_OUTDATED,
                Language.ZH));
        assertThat(f.writes()).isZero();
        assertThat(f.ledger.application(TenantId.SEOUL, round, student)).isEmpty();
        assertThat(consent(student)).isEmpty();

        // the form learns the version from the applicant's own page
        assertThat(expect(f.call("GET /api/recruitment/applications/mine", student, "seoul", null, null, "ko", "applicants"), 200)
                .get("privacyNotice")).isEqualTo(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT);

        // accepted: the application and the consent record, by the applicant, at the submission's time
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), body, "ko",
                "applicants"), 201);
        var record = consent(student);
        assertThat(record).isNotEmpty();
        assertThat(record.get("acceptedBy").s()).isEqualTo("SELF");
        assertThat(record.get("version").s()).isEqualTo(kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT);
        String acceptedAt = record.get("acceptedAt").s();
        assertThat(acceptedAt).isEqualTo(f.ledger.application(TenantId.SEOUL, round, student).orElseThrow().submittedAt().toString());

        // a later round: the first acceptance of this version stands, and the second application is not refused for it
        String later = f.round("seoul", 10);
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", later),
                f.applicationBody("seoul", student), "ko", "applicants"), 201);
        assertThat(consent(student).get("acceptedAt").s()).isEqualTo(acceptedAt);
        // the same round again: refused as before, the acceptance unchanged
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round), body, "ko",
                "applicants"), 409, "mentor-application-exists");
        assertThat(consent(student).get("acceptedAt").s()).isEqualTo(acceptedAt);
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> consent(String sub) {
        var item = f.dynamo.getItem(g -> g.tableName(f.stack.table()).consistentRead(true).key(Map.of(
                "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        kr.seoullearn.platform.dynamo.Keys.user(TenantId.SEOUL, sub)),
                "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                        "CONSENT#PRIVACY#" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT)))).item();
        return item == null ? Map.of() : item;
    }

    // ------------------------------------------------------------------ every route

    record Call(String route, Map<String, String> path, Object body, String[] groups) {}

    private static Call call(String route, Map<String, String> path, Object body, String... groups) {
        return new Call(route, path, body, groups);
    }

    @Test
    void everyRouteRefusesBadInputWithAProblemAndWritesNothing() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        String mentor = "mentor-x";
        Map<String, String> app = Map.of("roundId", round, "userId", student);
        List<Call> bad = List.of(
                call("POST /api/recruitment/rounds", null, Map.of("name", "", "opensOn", "2026-13-01", "closesOn", "x", "target", 0), "reviewers"),
                call("POST /api/recruitment/rounds", null, "{not json", "reviewers"),
                call("POST /api/recruitment/eligibility", null, Map.of("birthDate", "yesterday", "lastGrade", "Z", "extra", 1), "applicants"),
                call("POST /api/recruitment/eligibility", null, "[1,2]", "applicants"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), Map.of(), "applicants"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round),
                        Map.of("year", "three", "subjects", List.of("JUGGLING"), "mode", "TELEPATHY"), "applicants"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), "x".repeat(70_000), "applicants"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", app,
                        Map.of("scores", Map.of("LONG_TERM", 9, "CHARM", 1), "version", -1), "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", app, Map.of("decision", "MAYBE"), "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", app, Map.of("decision", "REJECT"), "reviewers"),
                call("POST /api/recruitment/renewals/{mentorId}/decision", Map.of("mentorId", mentor), Map.of("decision", "YES"), "reviewers"));
        for (Call c : bad) {
            f.counter.reset();
            var r = f.call(c.route(), student, "seoul", c.path(), c.body(), "en", c.groups());
            assertThat(r.getStatusCode()).as(c.route() + " " + r.getBody()).isIn(400, 413);
            assertThat(r.getHeaders().get("content-type")).isEqualTo("application/problem+json");
            assertThat(f.writes()).as(c.route()).isZero();
        }
        // bad ids in paths are 404s, not errors
        List<Call> badIds = List.of(
                call("GET /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", "../etc"), null, "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", "no-such-round"), f.applicationBody("seoul", student),
                        "applicants"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", Map.of("roundId", round, "userId", "a/b"),
                        Map.of("scores", Map.of(), "version", 0), "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", Map.of("roundId", "nope", "userId", student),
                        Map.of("decision", "SELECT"), "reviewers"),
                call("POST /api/recruitment/renewals/{mentorId}/decision", Map.of("mentorId", "#x"), Map.of("decision", "APPROVE"), "reviewers"));
        for (Call c : badIds) {
            f.counter.reset();
            var r = f.call(c.route(), student, "seoul", c.path(), c.body(), "en", c.groups());
            expectProblem(r, 404, null);
            assertThat(f.writes()).as(c.route()).isZero();
        }
    }

    @Test
    void everyRouteRefusesTheWrongRoleBeforeReadingAnything() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        Map<String, String> app = Map.of("roundId", round, "userId", student);
        Map<String, Object> body = f.applicationBody("seoul", student);
        List<Call> wrong = List.of(
                call("GET /api/recruitment/rounds", null, null, "district-officers"),
                call("POST /api/recruitment/rounds", null, Map.of("name", "x", "opensOn", "2026-12-01", "closesOn", "2026-12-31", "target", 3),
                        "applicants", "learners", "mentors"),
                call("POST /api/recruitment/eligibility", null, RecruitmentFixture.facts("2003-01-01", "A+"), "reviewers", "mentors"),
                // nominations: the gate of opening a round (docs/adr/0042), before the file is read
                call("POST /api/recruitment/nominations/import", null, "name,email,university\nA,a@b.kr,U\n",
                        "applicants", "learners", "mentors", "district-officers"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), body, "reviewers", "mentors", "admins"),
                call("GET /api/recruitment/applications/mine", null, null, "reviewers"),
                call("GET /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), null, "applicants", "mentors", "admins"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", app, Map.of("scores", Map.of(), "version", 0),
                        "applicants", "mentors"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", app, Map.of("decision", "SELECT"),
                        "applicants", "learners", "mentors", "admins"),
                call("POST /api/recruitment/renewal", null, null, "applicants", "reviewers"),
                call("GET /api/recruitment/renewals", null, null, "mentors", "applicants"),
                call("POST /api/recruitment/renewals/{mentorId}/decision", Map.of("mentorId", student), Map.of("decision", "APPROVE"),
                        "mentors", "applicants"));
        for (Call c : wrong) {
            f.counter.reset();
            var r = f.call(c.route(), student, "seoul", c.path(), c.body(), "ko", c.groups());
            expectProblem(r, 403, "forbidden");
            assertThat(f.counter.total()).as(c.route() + " reached storage").isZero();
        }
        assertThat(f.ledger.application(kr.seoullearn.platform.tenant.TenantId.SEOUL, round, student)).isEmpty();
        assertThat(f.groupsOf(student)).containsExactly("applicants");
    }

    @Test
    void anotherApplicantsRecordIsNeverReachedByAnApplicant() {
        String round = f.round("seoul", 10);
        String a = f.person("applicants");
        String b = f.person("applicants");
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", a, "seoul", Map.of("roundId", round),
                f.applicationBody("seoul", a), "ko", "applicants"), 201);
        // b's own page does not show a's application; b cannot read the round's list, score, decide
        assertThat((List<?>) expect(f.call("GET /api/recruitment/applications/mine", b, "seoul", null, null, "ko", "applicants"), 200)
                .get("applications")).isEmpty();
        Map<String, String> aApp = Map.of("roundId", round, "userId", a);
        expectProblem(f.call("GET /api/recruitment/rounds/{roundId}/applications", b, "seoul", Map.of("roundId", round), null, "ko",
                "applicants"), 403, "forbidden");
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", b, "seoul", aApp,
                Map.of("scores", Map.of("LONG_TERM", 5), "version", 0), "ko", "applicants"), 403, "forbidden");
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", b, "seoul", aApp,
                Map.of("decision", "SELECT"), "ko", "applicants"), 403, "forbidden");
        // b cannot apply with a's documents (checked above) nor ask a's renewal (renewal is always the caller's own term)
        expectProblem(f.call("POST /api/recruitment/renewal", b, "seoul", null, null, "ko", "mentors"), 409, "mentor-renewal-not-open");
        // a reviewer deciding a person who did not apply in the round
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", "rev", "seoul",
                Map.of("roundId", round, "userId", b), Map.of("decision", "SELECT"), "ko", "reviewers"), 404, "mentor-application-not-found");
        assertThat(f.groupsOf(a)).containsExactly("applicants");
        assertThat(f.groupsOf(b)).containsExactly("applicants");
    }

    @Test
    void anotherTenantsRoundsApplicationsAndRenewalsAreUnreachable() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round),
                f.applicationBody("seoul", student), "ko", "applicants"), 201);
        Map<String, String> app = Map.of("roundId", round, "userId", student);
        List<Call> foreign = List.of(
                call("GET /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), null, "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", app,
                        Map.of("scores", Map.of("LONG_TERM", 5), "version", 0), "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", app, Map.of("decision", "SELECT"), "reviewers"),
                call("POST /api/recruitment/rounds/{roundId}/applications", Map.of("roundId", round), f.applicationBody("chungbuk", student),
                        "applicants"));
        for (Call c : foreign) {
            f.counter.reset();
            var r = f.call(c.route(), "chungbuk-person", "chungbuk", c.path(), c.body(), "ko", c.groups());
            expectProblem(r, 404, null);
            assertThat(f.writes()).as(c.route()).isZero();
        }
        // the lists of another tenant do not show seoul's
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) expect(f.call("GET /api/recruitment/rounds", "c", "chungbuk", null,
                null, "ko", "reviewers"), 200).get("rounds");
        assertThat(rounds).extracting(r -> r.get("roundId")).doesNotContain(round);
        assertThat((List<?>) expect(f.call("GET /api/recruitment/applications/mine", student, "chungbuk", null, null, "ko", "applicants"),
                200).get("applications")).isEmpty();
        // a seoul mentor's pending renewal is not chungbuk's to see or decide
        String mentor = selectedMentor();
        var renewing = f.handler(Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC));
        expect(f.call(renewing, "POST /api/recruitment/renewal", mentor, "seoul", null, null, "ko", "mentors"), 201);
        assertThat((List<?>) expect(f.call(renewing, "GET /api/recruitment/renewals", "c", "chungbuk", null, null, "ko", "reviewers"), 200)
                .get("renewals")).isEmpty();
        expectProblem(f.call(renewing, "POST /api/recruitment/renewals/{mentorId}/decision", "c", "chungbuk", Map.of("mentorId", mentor),
                Map.of("decision", "APPROVE"), "ko", "reviewers"), 404, "mentor-renewal-not-found");
        assertThat(f.mentoring.mentor(TenantId.SEOUL, mentor).orElseThrow().termEnds()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(f.groupsOf(student)).containsExactly("applicants");
    }

    /** A student selected today: a mentor whose term ends on 28 February 2027. */
    private static String selectedMentor() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round),
                f.applicationBody("seoul", student), "ko", "applicants"), 201);
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", "rev", "seoul",
                Map.of("roundId", round, "userId", student), Map.of("decision", "SELECT"), "ko", "reviewers"), 200);
        return student;
    }

    @Test
    void nearTheEndOfTheirTermAMentorAsksToRenewOnceAndAReviewerApproves() {
        String mentor = selectedMentor();
        // November: too early (the window opens 60 days before 28 February)
        expectProblem(f.call("POST /api/recruitment/renewal", mentor, "seoul", null, null, "ko", "mentors"), 409, "mentor-renewal-not-open");
        var january = f.handler(Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC));
        Map<String, Object> asked = expect(f.call(january, "POST /api/recruitment/renewal", mentor, "seoul", null, null, "ko", "mentors"), 201);
        assertThat(asked.get("status")).isEqualTo("PENDING");
        expectProblem(f.call(january, "POST /api/recruitment/renewal", mentor, "seoul", null, null, "ko", "mentors"), 409,
                "mentor-renewal-not-open");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pending = (List<Map<String, Object>>) expect(f.call(january, "GET /api/recruitment/renewals", "rev", "seoul",
                null, null, "ko", "reviewers"), 200).get("renewals");
        assertThat(pending).extracting(p -> p.get("mentorId")).contains(mentor);
        Map<String, Object> approved = expect(f.call(january, "POST /api/recruitment/renewals/{mentorId}/decision", "rev", "seoul",
                Map.of("mentorId", mentor), Map.of("decision", "APPROVE"), "ko", "reviewers"), 200);
        assertThat(approved.get("status")).isEqualTo("APPROVED");
        Mentor renewed = f.mentoring.mentor(TenantId.SEOUL, mentor).orElseThrow();
        assertThat(renewed.termEnds()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(renewed.readUntil()).isEqualTo(LocalDate.of(2028, 2, 29).plusDays(90));
        // decided once
        expectProblem(f.call(january, "POST /api/recruitment/renewals/{mentorId}/decision", "rev", "seoul", Map.of("mentorId", mentor),
                Map.of("decision", "DECLINE"), "ko", "reviewers"), 404, "mentor-renewal-not-found");
        Map<String, Object> mine = expect(f.call(january, "GET /api/recruitment/applications/mine", mentor, "seoul", null, null, "ko",
                "mentors"), 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> term = (Map<String, Object>) mine.get("term");
        assertThat(term.get("termEnds")).isEqualTo("2028-02-29");
    }

    @Test
    void roundsAreCreatedByReviewersAndListedWithTheirStatus() {
        Map<String, Object> created = expect(f.call("POST /api/recruitment/rounds", "rev", "seoul", null,
                Map.of("name", "봄 모집", "opensOn", "2026-11-01", "closesOn", "2026-12-31", "target", 3,
                        "criteria", List.of("LONG_TERM", "EDUCATION_MAJOR")), "ko", "reviewers"), 201);
        assertThat(created.get("status")).isEqualTo("OPEN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) expect(f.call("GET /api/recruitment/rounds", "s", "seoul", null, null,
                "ko", "applicants"), 200).get("rounds");
        assertThat(rounds).extracting(r -> r.get("roundId")).contains(created.get("roundId"));
        // a closed round takes no applications
        String closed = "closed-" + java.util.UUID.randomUUID();
        f.ledger.createRound(new kr.seoullearn.recruitment.domain.Round(TenantId.SEOUL, closed, "old", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 1), 5, 0, Set.of(), "rev", RecruitmentFixture.NOW));
        String student = f.person("applicants");
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", closed),
                f.applicationBody("seoul", student), "ko", "applicants"), 409, "recruitment-round-closed");
        // scores only for the round's own criteria
        String round = (String) created.get("roundId");
        expect(f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul", Map.of("roundId", round),
                f.applicationBody("seoul", student), "ko", "applicants"), 201);
        expectProblem(f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", "rev", "seoul",
                Map.of("roundId", round, "userId", student), Map.of("scores", Map.of("FORMER_LEARNER", 3), "version", 0), "ko", "reviewers"),
                400, "validation-failed");
    }

    private static Map<String, Integer> measure(java.util.function.Supplier<APIGatewayV2HTTPResponse> request, int status) {
        f.counter.reset();
        var r = request.get();
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(f.counter.count("Scan")).isZero();
        return f.counter.snapshot();
    }

    @Test
    void eachRouteCostsABoundedNumberOfDynamoDbCallsAndNoScan() {
        String round = f.round("seoul", 10);
        String student = f.person("applicants");
        Map<String, Object> body = f.applicationBody("seoul", student);
        Map<String, String> app = Map.of("roundId", round, "userId", student);
        Map<String, Map<String, Integer>> cost = new LinkedHashMap<>();
        cost.put("GET rounds", measure(() -> f.call("GET /api/recruitment/rounds", student, "seoul", null, null, "ko", "applicants"), 200));
        cost.put("POST eligibility", measure(() -> f.call("POST /api/recruitment/eligibility", student, "seoul", null,
                RecruitmentFixture.facts("2003-04-05", "B+"), "ko", "applicants"), 200));
        cost.put("POST applications", measure(() -> f.call("POST /api/recruitment/rounds/{roundId}/applications", student, "seoul",
                Map.of("roundId", round), body, "ko", "applicants"), 201));
        cost.put("GET mine", measure(() -> f.call("GET /api/recruitment/applications/mine", student, "seoul", null, null, "ko", "applicants"), 200));
        cost.put("GET round applications", measure(() -> f.call("GET /api/recruitment/rounds/{roundId}/applications", "rev", "seoul",
                Map.of("roundId", round), null, "ko", "reviewers"), 200));
        cost.put("POST scores", measure(() -> f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/scores", "rev", "seoul", app,
                Map.of("scores", Map.of("LONG_TERM", 3), "version", 0), "ko", "reviewers"), 200));
        cost.put("POST decision SELECT", measure(() -> f.call("POST /api/recruitment/rounds/{roundId}/applications/{userId}/decision", "rev",
                "seoul", app, Map.of("decision", "SELECT"), "ko", "reviewers"), 200));
        cost.forEach((route, calls) -> System.out.println("[dynamodb calls] " + route + ": " + calls));
        assertThat(cost.get("GET rounds")).isEqualTo(Map.of("Query", 1));
        assertThat(cost.get("POST eligibility")).isEqualTo(Map.of("Query", 1));
        // the application and the privacy notice's acceptance: one transaction
        assertThat(cost.get("POST applications")).isEqualTo(Map.of("GetItem", 3, "Query", 1, "TransactWriteItems", 1));
        assertThat(cost.get("GET round applications")).isEqualTo(Map.of("GetItem", 1, "Query", 1));
        assertThat(cost.get("POST scores")).isEqualTo(Map.of("GetItem", 2, "UpdateItem", 1));
        // the transaction, then the answer read back (application and round)
        assertThat(cost.get("POST decision SELECT")).containsEntry("TransactWriteItems", 1).containsEntry("Query", 1);
        assertThat(cost.get("POST decision SELECT").getOrDefault("GetItem", 0)).isLessThanOrEqualTo(4);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mentor recruitment through the running local cloud (issue 11, "Done when"): a student signs
 * up, is told which rule fails before submitting, uploads proof of enrolment and a transcript
 * through the documents routes (presigned PUT, finalise: the applicants' upload rules and
 * scanning), applies in the seeded open round; a reviewer scores and selects them; their next
 * token carries {@code mentors}; matching then proposes them to a learner, who is matched to them.
 */
class RecruitmentE2E {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String ROUND = "seoul-mentors-2027";
    private static LocalCloudClient cloud;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    private static Map<String, Object> api(String method, String path, String body, String token, int expected) {
        HttpResponse<String> r = send(method, path, body, token);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    /** The browser's upload: ask for the URL, PUT the bytes with the headers given, finalise: the document id. */
    private static String upload(String token, String kind) throws Exception {
        return uploadDocument(cloud, token, kind);
    }

    /** The same, for other journeys (NominationE2E). */
    @SuppressWarnings("unchecked")
    static String uploadDocument(LocalCloudClient cloud, String token, String kind) throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> asked = cloud.send("POST", "/api/registration/documents", "{\"kind\":\"" + kind
                + "\",\"contentType\":\"application/pdf\",\"size\":" + pdf.length + "}", "application/json", token);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        Map<String, Object> ticket = Json.readObject(asked.body());
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) ticket.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).header("origin", cloud.base());
        ((Map<String, String>) ticket.get("headers")).forEach(put::header);
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> done = cloud.send("POST", "/api/registration/documents/" + ticket.get("documentId") + "/finalise", null, null, token);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        Map<String, Object> finalised = Json.readObject(done.body());
        assertThat(finalised).containsEntry("status", "VERIFIED");
        return (String) ticket.get("documentId");
    }

    /** A new high-school learner approved at once by the records check (a test household of the local registry). */
    private static String newLearner() {
        String email = "recruit-mentee-" + UUID.randomUUID() + "@example.org";
        String token = cloud.signUp(email, "seoul", "zh").idToken();
        long v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("PUT", "/api/registration", "{\"version\":" + v + ",\"name\":\"" + RegistrationE2E.uniqueDohyun() + "\",\"birthDate\":\"2009-11-02\",\"schoolLevel\":\"HIGH\","
                + "\"grade\":2,\"district\":\"gwanak-gu\",\"preferredLanguage\":\"zh\",\"categories\":[\"LOW_INCOME\"]}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        api("POST", "/api/registration/records-check", "{\"version\":" + v + ",\"householdHeadName\":\"이영수\","
                + "\"householdHeadBirthDate\":\"1975-07-21\"}", token, 200);
        v = ((Number) api("GET", "/api/registration", null, token, 200).get("version")).longValue();
        assertThat(api("POST", "/api/registration/submit", "{\"version\":" + v + ",\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}", token, 200)).containsEntry("status", "APPROVED");
        return cloud.signIn(email).idToken();
    }

    private static String facts(String birthDate, String grade) {
        return "{\"schoolType\":\"UNIVERSITY\",\"enrolmentState\":\"ENROLLED\",\"birthDate\":\"" + birthDate + "\",\"lastGrade\":\"" + grade + "\"}";
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStudentAppliesIsSelectedCarriesTheMentorsGroupAndMatchingProposesThem() throws Exception {
        String email = "student-" + UUID.randomUUID() + "@example.org";
        String student = cloud.signUp(email, "seoul", "ko").idToken();
        String studentId = (String) api("GET", "/api/me", null, student, 200).get("userId");

        // told why before submitting: 40 today, or a grade below C+ (in the caller's language)
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        HttpResponse<String> forty = cloud.send("POST", "/api/recruitment/eligibility", facts(today.minusYears(40).toString(), "A+"),
                "application/json", student, "accept-language", "ko");
        assertThat(forty.statusCode()).isEqualTo(422);
        assertThat(forty.headers().firstValue("content-type")).hasValue("application/problem+json");
        Map<String, Object> fortyProblem = Json.readObject(forty.body());
        assertThat(fortyProblem).containsEntry("code", "mentor-ineligible");
        assertThat((List<Map<String, Object>>) fortyProblem.get("failures")).extracting(m -> m.get("rule")).containsExactly("max-age");
        assertThat(String.valueOf(fortyProblem.get("failures"))).contains("39세");
        HttpResponse<String> cZero = send("POST", "/api/recruitment/eligibility", facts("2003-04-05", "C0"), student);
        assertThat(cZero.statusCode()).isEqualTo(422);
        assertThat((List<Map<String, Object>>) Json.readObject(cZero.body()).get("failures")).extracting(m -> m.get("rule"))
                .containsExactly("min-grade");
        api("POST", "/api/recruitment/eligibility", facts("2003-04-05", "B+"), student, 200);

        // the seeded round is open; documents through the applicants' upload and checks
        List<Map<String, Object>> rounds = (List<Map<String, Object>>) api("GET", "/api/recruitment/rounds", null, student, 200).get("rounds");
        assertThat(rounds).anySatisfy(r -> assertThat(r).containsEntry("roundId", ROUND).containsEntry("status", "OPEN"));
        String enrolment = upload(student, "ENROLMENT_PROOF");
        String transcript = upload(student, "TRANSCRIPT");
        String application = "{\"name\":\"陈静\",\"university\":\"서울대학교\",\"programme\":\"화학교육과\",\"year\":3,"
                + "\"schoolType\":\"UNIVERSITY\",\"enrolmentState\":\"ENROLLED\",\"birthDate\":\"2003-04-05\",\"lastGrade\":\"A0\","
                + "\"subjects\":[\"SCIENCE\",\"ENGLISH\"],\"levels\":[\"HIGH\"],\"languages\":[\"zh\",\"en\"],"
                + "\"availability\":[{\"day\":\"SAT\",\"from\":\"09:00\",\"to\":\"12:00\"}],\"commitmentSemesters\":2,\"mode\":\"ONLINE\","
                + "\"statement\":\"화학과 영어를 중국어로 설명할 수 있습니다.\",\"educationMajor\":true,"
                + "\"enrolmentDocumentId\":\"" + enrolment + "\",\"transcriptDocumentId\":\"" + transcript + "\","
                + "\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}";
        assertThat(api("POST", "/api/recruitment/rounds/" + ROUND + "/applications", application, student, 201)).containsEntry("status", "SUBMITTED");
        // the acceptance is the applicant's consent record, shown in their export (docs/adr/0037)
        List<Map<String, Object>> consents = (List<Map<String, Object>>) api("GET", "/api/me/data", null, student, 200).get("consents");
        assertThat(consents).anySatisfy(c -> assertThat(c).containsEntry("version", kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT)
                .containsEntry("acceptedBy", "SELF").containsKey("acceptedAt"));
        List<Map<String, Object>> mine = (List<Map<String, Object>>) api("GET", "/api/recruitment/applications/mine", null, student, 200)
                .get("applications");
        assertThat(mine).singleElement().satisfies(a -> assertThat(a).containsEntry("status", "SUBMITTED"));

        // the reviewer scores and selects; another tenant's reviewer cannot
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        String chungbuk = cloud.signIn("reviewer@chungbuk.seoul-learn.local").idToken();
        assertThat(send("POST", "/api/recruitment/rounds/" + ROUND + "/applications/" + studentId + "/decision", "{\"decision\":\"SELECT\"}",
                chungbuk).statusCode()).isEqualTo(404);
        List<Map<String, Object>> queue = (List<Map<String, Object>>) api("GET", "/api/recruitment/rounds/" + ROUND + "/applications", null,
                reviewer, 200).get("applications");
        Map<String, Object> theirs = queue.stream().filter(a -> studentId.equals(a.get("userId"))).findFirst().orElseThrow();
        api("POST", "/api/recruitment/rounds/" + ROUND + "/applications/" + studentId + "/scores",
                "{\"scores\":{\"LONG_TERM\":4,\"MATHS_SCIENCE_ESSAY\":5},\"version\":" + theirs.get("version") + "}", reviewer, 200);
        Map<String, Object> decided = api("POST", "/api/recruitment/rounds/" + ROUND + "/applications/" + studentId + "/decision",
                "{\"decision\":\"SELECT\"}", reviewer, 200);
        assertThat(decided).containsEntry("status", "SELECTED").containsKey("decidedBy").containsKey("decidedAt");
        // the decision is in the tenant's audit trail once, SUBMITTED → SELECTED
        String seoulAdmin = cloud.signIn("admin@seoul-learn.local").idToken();
        List<Map<String, Object>> trail = (List<Map<String, Object>>) api("GET", "/api/admin/audit?action=recruitment.select&subject=" + studentId,
                null, seoulAdmin, 200).get("items");
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat((Map<String, Object>) e.get("before")).containsEntry("status", "SUBMITTED");
            assertThat((Map<String, Object>) e.get("after")).containsEntry("status", "SELECTED");
        });

        // the next token carries the mentors group
        String mentor = cloud.signIn(email).idToken();
        assertThat((List<Object>) api("GET", "/api/me", null, mentor, 200).get("groups")).contains("mentors");
        Map<String, Object> status = api("GET", "/api/recruitment/applications/mine", null, mentor, 200);
        assertThat(String.valueOf(status.get("applications"))).contains("SELECTED");
        assertThat((Map<String, Object>) status.get("term")).containsKey("termEnds").containsEntry("ended", false);

        // matching proposes them to a learner who asks in Chinese for science and English on Saturday mornings
        String learner = newLearner();
        String menteeId = (String) api("POST", "/api/mentoring/request", "{\"subjects\":[\"SCIENCE\",\"ENGLISH\"],\"goals\":\"화학\","
                + "\"preferredTimes\":[{\"day\":\"SAT\",\"from\":\"09:00\",\"to\":\"12:00\"}],\"language\":\"zh\"}", learner, 201).get("menteeId");
        List<Map<String, Object>> proposals = (List<Map<String, Object>>) api("GET", "/api/mentoring/requests/" + menteeId + "/proposals",
                null, reviewer, 200).get("proposals");
        assertThat(proposals).extracting(p -> p.get("mentorId")).contains(studentId);
        api("POST", "/api/mentoring/requests/" + menteeId + "/match", "{\"mentorId\":\"" + studentId + "\"}", reviewer, 201);
        List<Map<String, Object>> mentees = (List<Map<String, Object>>) api("GET", "/api/mentoring/mentees", null, mentor, 200).get("mentees");
        assertThat(mentees).hasSize(1);
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.LocalMailbox;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mentor nominations from universities through the running local cloud (docs/adr/0042): a
 * recruitment admin's file is checked whole (every wrong cell listed, nothing written), the good
 * file nominates into the open round, sent twice at once it writes each nomination and each
 * invitation once; the dispatch e-mails each nominee in their language (read back from moto's
 * SES); the nominee follows the link, signs up, applies with the link's token and the reviewers
 * see the application as nominated, first. Names and addresses never reach the logs.
 */
class NominationE2E {
    private static final String DISPATCH = "/_local/schedules/NotificationDispatchFunction.EveryMinute";
    private static final String IMPORT = "/api/recruitment/nominations/import";
    private static final String HEADER = "name,email,university,subjects,language";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/#/recruitment/apply/([A-Za-z0-9-]+)/nominated/([0-9a-f]{64}\\.[0-9a-f]{32})/(\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloudClient cloud;
    private static LocalMailbox mailbox;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        mailbox = new LocalMailbox(URI.create(String.valueOf(cloud.state().get("awsEndpoint"))));
    }

    private static HttpResponse<String> upload(String csv, String token, String language) {
        return cloud.send("POST", IMPORT, csv, "text/csv; charset=utf-8", token, "accept-language", language);
    }

    private static Map<String, Object> json(HttpResponse<String> r, int expected) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return Json.readObject(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        Map<String, Object> p = Json.readObject(r.body());
        assertThat(p).containsEntry("code", "validation-failed");
        return ((List<Map<String, Object>>) p.get("errors")).stream()
                .peek(e -> assertThat(String.valueOf(e.get("message"))).isNotBlank())
                .map(e -> e.get("line") + " " + e.get("field") + " " + e.get("code")).toList();
    }

    private static HttpResponse<String> raw(byte[] body, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.base() + IMPORT)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("content-type", "text/csv").header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void dispatch(Instant at) {
        HttpResponse<String> r = cloud.send("POST", DISPATCH + "?at=" + at, null, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void badFilesAreRefusedWholeAndOnlyRecruitmentAdminsMayUpload() throws Exception {
        String admin = cloud.signIn("admin@seoul-learn.local").idToken();
        String stamp = UUID.randomUUID().toString().substring(0, 8);
        String kept = "kept-" + stamp + "@univ.example.ac.kr";
        // wrong cells in several lines: all listed, in the caller's language, and nothing written
        HttpResponse<String> wrong = upload(HEADER + "\r\n김하나," + kept + ",서울대학교,MATH,ko\r\n"
                + "박둘,not-an-address,서울대학교,MATH,ko\r\n"
                + "Lan," + kept.toUpperCase() + ",Hanyang,ASTROLOGY,fr\r\n", admin, "ko");
        assertThat(errors(wrong)).containsExactly("3 email invalid-email", "4 email duplicate-email", "4 subjects invalid-value",
                "4 language invalid-value");
        assertThat(wrong.body()).contains("이메일").doesNotContain("not-an-address").doesNotContain(kept).doesNotContain("박둘");
        assertThat(errors(upload("name,mail,university\nA,a@b.kr,U\n", admin, "en"))).containsExactly("1 column 2 unknown-column",
                "1 email missing-column");
        assertThat(errors(upload(HEADER + "\n\"never closed,a@b.kr,U,,\n", admin, "en"))).containsExactly("2 file malformed-csv");
        StringBuilder many = new StringBuilder(HEADER + "\n");
        for (int i = 0; i <= 200; i++) {
            many.append("N").append(i).append(",n").append(i).append('-').append(stamp).append("@univ.example.ac.kr,U,,\n");
        }
        assertThat(errors(upload(many.toString(), admin, "en"))).containsExactly("202 file too-many-nomination-rows");
        // not UTF-8 (a Korean Excel's CP949 file), too large, not CSV
        byte[] cp949 = (HEADER + "\n김하나," + kept + ",서울대학교,,\n").getBytes(Charset.forName("x-windows-949"));
        HttpResponse<String> notUtf8 = raw(cp949, admin);
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(Json.readObject(notUtf8.body())).containsEntry("code", "body-not-utf8");
        assertThat(raw(("x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8), admin).statusCode()).isEqualTo(413);
        assertThat(cloud.send("POST", IMPORT, "{}", "application/json", admin).statusCode()).isEqualTo(415);
        // not a recruitment admin: refused before the file is read
        String applicant = cloud.signIn("applicant@seoul-learn.local").idToken();
        String officer = cloud.signIn("officer@seoul-learn.local").idToken();
        assertThat(upload(HEADER + "\nA," + kept + ",U,,\n", applicant, "en").statusCode()).isEqualTo(403);
        assertThat(upload(HEADER + "\nA," + kept + ",U,,\n", officer, "en").statusCode()).isEqualTo(403);
        assertThat(cloud.send("POST", IMPORT, HEADER + "\nA," + kept + ",U,,\n", "text/csv", null).statusCode()).isEqualTo(401);
        // the address of the refused files was never nominated: the good file creates it now
        Map<String, Object> good = json(upload(HEADER + "\n김하나," + kept + ",서울대학교,MATH,ko\n", admin, "en"), 200);
        assertThat(good).containsEntry("created", 1).containsEntry("unchanged", 0);
        assertThat(log("RecruitmentFunction")).doesNotContain(kept).doesNotContain("김하나").doesNotContain("박둘");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoUploadsAtOnceNominateOnceTheNomineeIsEmailedInTheirLanguageFollowsTheLinkAndAppliesAsNominated() throws Exception {
        String admin = cloud.signIn("admin@seoul-learn.local").idToken();
        String stamp = UUID.randomUUID().toString().substring(0, 8);
        String lan = "lan-" + stamp + "@hanyang.example.ac.kr";
        String minji = "minji-" + stamp + "@snu.example.ac.kr";
        String csv = "\uFEFF" + HEADER + "\r\n\"Nguyễn Thị Lan\"," + lan + ",\"한양대학교, 서울\",ENGLISH;KOREAN,vi\r\n김민지," + minji
                + ",서울대학교,MATH,\r\n";
        Instant before = Instant.now();
        var first = CompletableFuture.supplyAsync(() -> upload(csv, admin, "en"));
        var second = CompletableFuture.supplyAsync(() -> upload(csv, admin, "en"));
        Map<String, Object> a = json(first.get(), 200);
        Map<String, Object> b = json(second.get(), 200);
        assertThat(((Number) a.get("created")).intValue() + ((Number) b.get("created")).intValue()).isEqualTo(2);
        assertThat(((Number) a.get("unchanged")).intValue() + ((Number) b.get("unchanged")).intValue()).isEqualTo(2);
        assertThat(a.get("roundId")).isEqualTo(b.get("roundId"));
        String roundId = (String) a.get("roundId");
        assertThat(json(upload(csv, admin, "en"), 200)).containsEntry("created", 0).containsEntry("unchanged", 2);

        // two dispatch runs at once, then another: one invitation each, in the nominee's language
        Instant now = Instant.now().plusSeconds(1);
        List.of(CompletableFuture.runAsync(() -> dispatch(now)), CompletableFuture.runAsync(() -> dispatch(now)))
                .forEach(CompletableFuture::join);
        dispatch(now.plusSeconds(60));
        List<LocalMailbox.Mail> toLan = mailbox.to(lan);
        assertThat(toLan).singleElement().satisfies(m -> assertThat(m.subject()).contains("đề cử").contains("한양대학교, 서울"));
        assertThat(mailbox.to(minji)).singleElement().satisfies(m -> assertThat(m.subject()).contains("추천"));
        Matcher link = LINK.matcher(toLan.get(0).body());
        assertThat(link.find()).as(toLan.get(0).body()).isTrue();
        assertThat(link.group(1)).isEqualTo(roundId);
        assertThat(URLDecoder.decode(link.group(3), StandardCharsets.UTF_8)).isEqualTo("한양대학교, 서울");
        String token = link.group(2);

        // the link: the nominee signs up, applies with the university it filled in and the token
        String student = cloud.signUp(lan, "seoul", "vi").idToken();
        String studentId = (String) json(cloud.send("GET", "/api/me", null, null, student), 200).get("userId");
        String enrolment = RecruitmentE2E.uploadDocument(cloud, student, "ENROLMENT_PROOF");
        String transcript = RecruitmentE2E.uploadDocument(cloud, student, "TRANSCRIPT");
        String application = "{\"name\":\"Nguyễn Thị Lan\",\"university\":\"한양대학교, 서울\",\"programme\":\"영어교육과\",\"year\":2,"
                + "\"schoolType\":\"UNIVERSITY\",\"enrolmentState\":\"ENROLLED\",\"birthDate\":\"2004-02-03\",\"lastGrade\":\"A0\","
                + "\"subjects\":[\"ENGLISH\"],\"levels\":[\"MIDDLE\"],\"languages\":[\"vi\",\"ko\"],"
                + "\"availability\":[{\"day\":\"SUN\",\"from\":\"10:00\",\"to\":\"12:00\"}],\"commitmentSemesters\":2,\"mode\":\"ONLINE\","
                + "\"statement\":\"Tôi muốn giúp học sinh.\",\"enrolmentDocumentId\":\"" + enrolment + "\",\"transcriptDocumentId\":\""
                + transcript + "\",\"nomination\":\"" + token + "\","
                + "\"privacyNotice\":\"" + kr.seoullearn.privacy.domain.PrivacyNotice.CURRENT + "\"}";
        json(cloud.send("POST", "/api/recruitment/rounds/" + roundId + "/applications", application, "application/json", student), 201);

        // the reviewers see it nominated, before the applications that were not
        String reviewer = cloud.signIn("reviewer@seoul-learn.local").idToken();
        List<Map<String, Object>> queue = (List<Map<String, Object>>) json(cloud.send("GET", "/api/recruitment/rounds/" + roundId
                + "/applications", null, null, reviewer), 200).get("applications");
        int at = -1;
        for (int i = 0; i < queue.size(); i++) {
            if (studentId.equals(queue.get(i).get("userId"))) {
                at = i;
            }
        }
        assertThat(at).isNotNegative();
        assertThat(queue.get(at)).containsEntry("nominated", true).containsEntry("status", "SUBMITTED");
        assertThat(queue.subList(0, at)).allSatisfy(x -> assertThat(x).containsEntry("nominated", true));

        // someone else's token (here minji's link was never read: a made-up one) is not a nomination
        String other = cloud.signUp("not-nominated-" + stamp + "@example.org", "seoul", "ko").idToken();
        String forged = token.substring(0, 65) + "0".repeat(32);
        String otherApplication = application.replace(enrolment, RecruitmentE2E.uploadDocument(cloud, other, "ENROLMENT_PROOF"))
                .replace(transcript, RecruitmentE2E.uploadDocument(cloud, other, "TRANSCRIPT")).replace(token, forged);
        json(cloud.send("POST", "/api/recruitment/rounds/" + roundId + "/applications", otherApplication, "application/json", other), 201);
        List<Map<String, Object>> after = (List<Map<String, Object>>) json(cloud.send("GET", "/api/recruitment/rounds/" + roundId
                + "/applications", null, null, reviewer), 200).get("applications");
        String otherId = (String) json(cloud.send("GET", "/api/me", null, null, other), 200).get("userId");
        assertThat(after).filteredOn(x -> otherId.equals(x.get("userId"))).singleElement()
                .satisfies(x -> assertThat(x).containsEntry("nominated", false));

        // the import's audit entry: counts, no names or addresses
        List<Map<String, Object>> trail = (List<Map<String, Object>>) json(cloud.send("GET",
                "/api/admin/audit?action=recruitment.nominations-import", null, null, admin), 200).get("items");
        assertThat(trail).isNotEmpty();
        assertThat(String.valueOf(trail)).doesNotContain(lan).doesNotContain(minji).doesNotContain("김민지");
        assertThat(log("RecruitmentFunction") + log("NotificationDispatchFunction")).doesNotContain(lan).doesNotContain(minji)
                .doesNotContain("김민지").doesNotContain("Nguyễn Thị Lan");
        assertThat(before).isBefore(Instant.now());
    }

    private static String log(String logicalId) {
        try {
            return java.nio.file.Files.readString(kr.seoullearn.local.testing.TestStack.repositoryRoot().resolve(".local/logs")
                    .resolve("cloud-" + URI.create(cloud.base()).getPort()).resolve(logicalId + ".log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

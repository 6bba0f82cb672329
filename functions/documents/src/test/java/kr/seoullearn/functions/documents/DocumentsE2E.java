package kr.seoullearn.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents journey through the running local cloud, as the web app drives it: sign in,
 * ask for an upload URL, PUT the file cross-origin to the local S3 (S3Proxy), finalise; the URL
 * cannot put anything again, and no reviewer gets a read URL while the application is a draft.
 * Uses the demo applicant, whose registration stays DRAFT (uploading changes no registration status).
 */
class DocumentsE2E {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String PASSWORD = LocalCloudClient.DEMO_PASSWORD;
    private static final String FILE_NAME = "김민준-수급자-증명서.pdf";
    private static String base;
    private static Path root;
    private static int port;
    private static Map<String, Object> cloud;

    private static LocalCloudClient client;

    @BeforeAll
    static void findTheCloud() {
        client = LocalCloudClient.fromSystemProperty();
        base = client.base();
        port = URI.create(base).getPort();
        root = TestStack.repositoryRoot();
        cloud = client.state();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> api(String path, String token, String json) {
        return client.send("POST", path, json, "application/json", token);
    }

    /** The hosted-login flow (authorization code + PKCE), returning the ID token. */
    private static String signIn(String email) {
        return client.signIn(email, PASSWORD).idToken();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicantUploadsAPdfThroughTheCreateOnlyPresignedUrlAndNoReviewerOpensADraftsDocument() throws Exception {
        String applicant = signIn("applicant@seoul-learn.local");
        String reviewer = signIn("reviewer@seoul-learn.local");
        String sub = (String) Json.readObject(send(HttpRequest.newBuilder(URI.create(base + "/api/me"))
                .header("authorization", "Bearer " + applicant)).body()).get("userId");
        byte[] pdf = "%PDF-1.4\n% e2e\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        // no token: the gateway answers 401 before the function runs
        assertThat(api("/api/registration/documents", null, "{}").statusCode()).isEqualTo(401);

        HttpResponse<String> started = api("/api/registration/documents", applicant,
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":" + pdf.length
                        + ",\"fileName\":\"" + FILE_NAME + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        Map<String, Object> ticket = Json.readObject(started.body());
        String uploadUrl = (String) ticket.get("uploadUrl");
        assertThat(uploadUrl).startsWith((String) cloud.get("s3Endpoint"));

        // the browser's preflight from the web origin, then the PUT with the headers it was given
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", base).header("access-control-request-method", "PUT")
                .header("access-control-request-headers", String.join(",", ((Map<String, String>) ticket.get("headers")).keySet())));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains(base);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(uploadUrl)).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .header("origin", base);
        ((Map<String, String>) ticket.get("headers")).forEach(put::header);
        assertThat(send(put).statusCode()).isEqualTo(200);

        HttpResponse<String> finalised = api("/api/registration/documents/" + ticket.get("documentId") + "/finalise", applicant, null);
        assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);
        assertThat(finalised.body()).contains("\"status\":\"VERIFIED\"");

        // the URL was create-only: a second PUT through it, even of the same bytes, changes nothing
        HttpRequest.Builder again = HttpRequest.newBuilder(URI.create(uploadUrl)).PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))
                .header("origin", base);
        ((Map<String, String>) ticket.get("headers")).forEach(again::header);
        assertThat(send(again).statusCode()).isEqualTo(412);

        // the demo applicant's registration is a draft: no reviewer may read its documents yet
        // (a submitted application's documents are read in RegistrationE2E and the browser's review journey)
        String readPath = "/api/review/applications/" + sub + "/documents/" + ticket.get("documentId") + "/read-url";
        assertThat(api(readPath, applicant, null).statusCode()).isEqualTo(403);
        HttpResponse<String> read = api(readPath, reviewer, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(409);
        assertThat(read.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(read.body()).contains("\"code\":\"document-application-not-submitted\"");

        // the applicant's registration is unchanged; the function's log has ids, never the file name
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("authorization", "Bearer " + applicant)).body())
                .contains("\"registrationStatus\":\"DRAFT\"");
        String log = Files.readString(root.resolve(".local/logs/cloud-" + port + "/DocumentsFunction.log"), StandardCharsets.UTF_8);
        assertThat(log).contains((String) ticket.get("documentId")).doesNotContain(FILE_NAME).doesNotContain("김민준");
    }
}

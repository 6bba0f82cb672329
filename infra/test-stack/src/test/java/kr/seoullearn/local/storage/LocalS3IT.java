package kr.seoullearn.local.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.aws.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.AwsS3V4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local S3 (S3Proxy in-process): what it must enforce for the documents upload — the
 * presigned URL's signature, content type and expiry — plus the object tagging we add to it.
 * Needs no other emulator.
 */
class LocalS3IT {
    private static final String BUCKET = "local-s3-it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalS3 s3;
    private static S3Client client;
    private static S3Presigner presigner;

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start(0, "ap-northeast-2", List.of("http://localhost:3000"));
        client = s3.client();
        client.createBucket(b -> b.bucket(BUCKET));
        presigner = S3Presigner.builder().endpointOverride(s3.endpoint()).region(Region.AP_NORTHEAST_2)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stop() {
        presigner.close();
        client.close();
        s3.close();
    }

    private static PresignedPutObjectRequest presignPut(String key, Duration ttl) {
        return presigner.presignPutObject(p -> p.signatureDuration(ttl).putObjectRequest(o -> o
                .bucket(BUCKET).key(key).contentType("application/pdf").tagging("state=unsubmitted")));
    }

    private static HttpResponse<String> put(URI url, String contentType, String tagging, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("content-type", contentType);
        if (tagging != null) {
            request.header("x-amz-tagging", tagging);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPresignedPutWithTheSignedHeadersIsStoredWithItsTags() throws Exception {
        PresignedPutObjectRequest url = presignPut("ok.pdf", Duration.ofMinutes(5));
        HttpResponse<String> response = put(url.url().toURI(), "application/pdf", "state=unsubmitted", "%PDF-1.7".getBytes());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client.getObjectAsBytes(g -> g.bucket(BUCKET).key("ok.pdf")).asUtf8String()).isEqualTo("%PDF-1.7");
        assertThat(client.getObjectTagging(t -> t.bucket(BUCKET).key("ok.pdf")).tagSet())
                .containsExactly(Tag.builder().key("state").value("unsubmitted").build());

        client.putObjectTagging(t -> t.bucket(BUCKET).key("ok.pdf").tagging(g -> g.tagSet(
                Tag.builder().key("state").value("submitted").build())));
        assertThat(client.getObjectTagging(t -> t.bucket(BUCKET).key("ok.pdf")).tagSet())
                .containsExactly(Tag.builder().key("state").value("submitted").build());
    }

    @Test
    void anotherContentTypeThanTheSignedOneIsRefused() throws Exception {
        PresignedPutObjectRequest url = presignPut("wrong-type.pdf", Duration.ofMinutes(5));
        HttpResponse<String> response = put(url.url().toURI(), "text/plain", "state=unsubmitted", "hello".getBytes());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(client.listObjectsV2(l -> l.bucket(BUCKET).prefix("wrong-type")).contents()).isEmpty();
    }

    @Test
    void aTamperedUrlIsRefused() throws Exception {
        PresignedPutObjectRequest url = presignPut("tampered.pdf", Duration.ofMinutes(5));
        URI other = URI.create(url.url().toString().replace("tampered.pdf", "elsewhere.pdf"));
        assertThat(put(other, "application/pdf", "state=unsubmitted", "%PDF-".getBytes()).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutTheSignedTaggingHeaderTheUploadIsRefused() throws Exception {
        PresignedPutObjectRequest url = presignPut("untagged.pdf", Duration.ofMinutes(5));
        assertThat(put(url.url().toURI(), "application/pdf", null, "%PDF-".getBytes()).statusCode()).isEqualTo(403);
    }

    /** A presigned PUT signed as if at {@code signedAt}, valid for one minute from then. */
    @SuppressWarnings("deprecation")
    private static URI presignedAt(String key, Instant signedAt) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT)
                .uri(s3.endpoint().resolve("/" + BUCKET + "/" + key))
                .putHeader("content-type", "application/pdf").build();
        Aws4PresignerParams params = Aws4PresignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .signingName("s3").signingRegion(Region.AP_NORTHEAST_2)
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .expirationTime(signedAt.plus(Duration.ofMinutes(1)))
                .build();
        return AwsS3V4Signer.create().presign(request, params).getUri();
    }

    @Test
    void anExpiredUrlIsRefused() throws Exception {
        // GIVEN a one-minute URL signed ten minutes ago, and the same signed now (the control)
        URI expired = presignedAt("expired.pdf", Instant.now().minus(Duration.ofMinutes(10)));
        URI fresh = presignedAt("fresh.pdf", Instant.now());
        // THEN S3Proxy refuses the first and takes the second
        assertThat(put(expired, "application/pdf", null, "%PDF-".getBytes()).statusCode()).isEqualTo(403);
        assertThat(put(fresh, "application/pdf", null, "%PDF-".getBytes()).statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflightFromTheWebOriginAllowsThePut() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(s3.endpoint().resolve("/" + BUCKET + "/x.pdf"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "http://localhost:3000")
                .header("access-control-request-method", "PUT")
                .header("access-control-request-headers", "content-type,x-amz-tagging")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains("http://localhost:3000");
        assertThat(Map.of("methods", response.headers().firstValue("access-control-allow-methods").orElse("")))
                .hasEntrySatisfying("methods", m -> assertThat(m).contains("PUT"));
    }

    @Test
    void deletingAnObjectForgetsItsTags() throws Exception {
        client.putObject(p -> p.bucket(BUCKET).key("gone.pdf").tagging("state=unsubmitted"), RequestBody.fromString("%PDF-"));
        client.deleteObject(d -> d.bucket(BUCKET).key("gone.pdf"));
        client.putObject(p -> p.bucket(BUCKET).key("gone.pdf"), RequestBody.fromString("%PDF-"));
        assertThat(client.getObjectTagging(t -> t.bucket(BUCKET).key("gone.pdf")).tagSet()).isEmpty();
    }
}

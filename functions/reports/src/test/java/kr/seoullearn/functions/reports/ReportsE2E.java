package kr.seoullearn.functions.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The month's extract through the running local cloud: the demo admin asks the gateway, the
 * reports function (its own JVM, the template's environment) reads the rows from the emulator
 * page by page and writes them to the local S3 (S3Proxy) as a multipart upload, and answers a
 * short-lived URL, which S3Proxy serves only with a valid signature. The month's rows are seeded
 * straight into the cloud's table with BatchWriteItem, in a month of their own. How many:
 * {@code -Dreports.e2e.rows} (default 3,000; 60,000 is the size, which ReportsHandlerIT
 * exports every run; through the local gateway it needs a machine whose emulator returns 60,000
 * items within the gateway's 60 seconds — docs/performance.md).
 */
class ReportsE2E {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aMonthsExtractIsWrittenToS3AndFetchedThroughAShortLivedUrl() throws Exception {
        LocalCloudClient client = LocalCloudClient.fromSystemProperty();
        Map<String, Object> state = client.state();
        int rows = Integer.getInteger("reports.e2e.rows", 3_000);
        // a month of its own (the demo data has none so far ahead), so earlier runs do not add to it
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(2031, 2099), ThreadLocalRandom.current().nextInt(1, 13));
        @SuppressWarnings("unchecked")
        String table = ((Map<String, String>) state.get("tables")).get("AppTable");
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create((String) state.get("awsEndpoint")))
                .region(Region.of((String) state.get("region"))).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
                .build()) {
            ReportsHandlerIT.seedRows(dynamo, table, TenantId.SEOUL, month, rows);
        }
        String admin = client.signIn("admin@seoul-learn.local").idToken();
        String path = "/api/admin/reports/" + month + "/extract.csv";

        // a learner may not; the admin gets a URL, not the file
        assertThat(client.send("GET", path, null, null, client.signIn("learner@seoul-learn.local").idToken()).statusCode()).isEqualTo(403);
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send("GET", path, null, null, admin);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).contains("application/json");
        assertThat(answer.body().length()).isLessThan(2_000);
        Map<String, Object> body = Json.readObject(answer.body());
        assertThat(((Number) body.get("rows")).intValue()).isEqualTo(rows);
        assertThat(Instant.parse((String) body.get("expiresAt"))).isBefore(Instant.now().plusSeconds(301));
        String url = (String) body.get("url");
        assertThat(url).startsWith((String) state.get("s3Endpoint")).contains("/exports/seoul/" + month + "/").contains("X-Amz-Signature=");

        HttpResponse<byte[]> csv = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-disposition")).contains("attachment; filename=\"seoul-learn-extract-" + month + ".csv\"");
        assertThat((long) csv.body().length).isEqualTo(((Number) body.get("bytes")).longValue());
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).hasSize(rows + 2);
        // a changed URL is refused by the local S3, as by S3
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("attachment", "inline"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        System.out.printf("extract of %,d rows through the local cloud: %d ms, %,d bytes%n", rows, millis, csv.body().length);
    }
}

package kr.seoullearn.local.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for the local AWS endpoint (moto, or LocalStack/Floci through AWS_ENDPOINT_URL). */
public record LocalAws(URI endpoint, String region) {
    /** Credentials the emulators accept; never real ones. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";
    public static final String ACCOUNT_ID = "123456789012";

    public static LocalAws fromEnvironment() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = System.getProperty("aws.endpoint.url", "http://127.0.0.1:4566");
        }
        String region = System.getenv().getOrDefault("AWS_REGION", "ap-northeast-2");
        return new LocalAws(URI.create(endpoint), region);
    }

    /**
     * Waits until the endpoint accepts connections (infra/up starts moto and this JVM side by side),
     * for at most {@code limit}; returns either way, so a missing endpoint fails on its first call
     * with the SDK's own message.
     */
    public void awaitEndpoint(Duration limit) throws InterruptedException {
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
    }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** SESv2 (reminders): the sender identity; sent mail is read back from moto's {@code /moto-api/data.json}. */
    public software.amazon.awssdk.services.sesv2.SesV2Client sesV2() {
        return software.amazon.awssdk.services.sesv2.SesV2Client.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsManager() {
        return software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder().endpointOverride(endpoint)
                .region(Region.of(region)).credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public S3Client s3() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The emulator's static credentials, for code that signs its own requests. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }
}

package kr.seoullearn.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.storage.LocalS3;
import kr.seoullearn.local.template.Provisioner;
import kr.seoullearn.local.template.Stack;
import kr.seoullearn.local.template.Template;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's tables, buckets and user pool provisioned under a fresh stack name on the
 * shared local AWS endpoint (AWS_ENDPOINT_URL, started once per test run by infra/test), so
 * test classes never see each other's data.
 */
public final class TestStack implements AutoCloseable {
    private final Stack stack;
    private final LocalS3 s3;

    private TestStack(Stack stack, LocalS3 s3) {
        this.stack = stack;
        this.s3 = s3;
    }

    public static TestStack create(String purpose) {
        return create(purpose, null);
    }

    /**
     * Like {@link #create}, with the buckets on a local S3 of this test's own (S3Proxy
     * in-process on a free loopback port, as the local cloud runs it), which checks presigned
     * URLs as S3 does; tables and the user pool stay on AWS_ENDPOINT_URL. Close it after the tests.
     */
    public static TestStack withLocalS3(String purpose) {
        LocalS3 s3;
        try {
            s3 = LocalS3.start(0, LocalAws.fromEnvironment().region(), List.of("http://localhost:3000"));
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
        }
        return create(purpose, s3);
    }

    private static TestStack create(String purpose, LocalS3 s3) {
        try {
            Template template = Template.load(repositoryRoot().resolve("template.yaml"));
            String name = "t-" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Provisioner provisioner = new Provisioner(template, LocalAws.fromEnvironment(), name, line -> { });
            if (s3 != null) {
                provisioner.bucketsOn(s3.endpoint());
            }
            Stack stack = provisioner.provision(Map.of("Stage", "test"));
            return new TestStack(stack, s3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bucket(String logicalId) {
        return stack.bucket(logicalId);
    }

    /** The S3 endpoint the buckets are on: the local S3 of {@link #withLocalS3}, else AWS_ENDPOINT_URL. */
    public URI s3Endpoint() {
        return s3 == null ? aws().endpoint() : s3.endpoint();
    }

    /** An S3 client for {@link #s3Endpoint()} with the local credentials. */
    public S3Client s3() {
        return s3 == null ? aws().s3() : s3.client();
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    public Stack stack() {
        return stack;
    }

    public String table() {
        return stack.table("AppTable");
    }

    public LocalAws aws() {
        return stack.aws();
    }

    /** A DynamoDB client for the local endpoint whose calls are counted. */
    public DynamoDbClient dynamoDb(CallCounter counter) {
        return DynamoDbClient.builder()
                .endpointOverride(aws().endpoint())
                .region(Region.of(aws().region()))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
                .build();
    }

    /** The directory holding template.yaml, found from the working directory upwards. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }
}

package kr.seoullearn.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import kr.seoullearn.local.LocalAws;
import kr.seoullearn.local.Provisioner;
import kr.seoullearn.local.Stack;
import kr.seoullearn.local.Template;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's tables, buckets and user pool provisioned under a fresh stack name on the
 * shared local AWS endpoint (AWS_ENDPOINT_URL, started once per test run by infra/test), so
 * test classes never see each other's data.
 */
public final class TestStack {
    private final Stack stack;

    private TestStack(Stack stack) {
        this.stack = stack;
    }

    public static TestStack create(String purpose) {
        try {
            Template template = Template.load(repositoryRoot().resolve("template.yaml"));
            String name = "t-" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            Stack stack = new Provisioner(template, LocalAws.fromEnvironment(), name, line -> { })
                    .provision(Map.of("Stage", "test"));
            return new TestStack(stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

package kr.seoullearn.platform.aws;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients, built once per execution environment with an explicit region, credentials
 * provider and the light URLConnection HTTP client (docs/architecture.md, principle 8). The SDK
 * itself honours AWS_ENDPOINT_URL, which points it at the local cloud.
 */
@Factory
public class AwsClients {

    @Singleton
    public DynamoDbClient dynamoDb(FunctionEnvironment env) {
        DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(httpClient())
                .build();
        Priming.dynamoDb(client); // SnapStart priming of its request path, never sent (docs/adr/0018)
        return client;
    }

    /** The HTTP client every SDK client of a function uses: URLConnection, short timeouts. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Singleton
    @Named("appTable")
    public String appTable(FunctionEnvironment env) {
        return env.required("APP_TABLE");
    }
}

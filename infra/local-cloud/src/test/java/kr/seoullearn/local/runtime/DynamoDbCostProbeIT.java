package kr.seoullearn.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Map;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.testing.CallCounter;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local runtime's DynamoDB cost probe (and the integration tests' CallCounter) against the
 * emulator: calls and items of an invocation are counted, and a Scan fails the call.
 */
class DynamoDbCostProbeIT {
    private static final TestStack stack = TestStack.create("costprobe");

    private static DynamoDbClient clientWith(software.amazon.awssdk.core.interceptor.ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(stack.aws().endpoint())
                .region(Region.of(stack.aws().region()))
                .credentialsProvider(() -> AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build())
                .build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    @Test
    void anInvocationsCallsAndItemsAreCountedAndAScanFailsTheCall() {
        try (DynamoDbClient dynamo = clientWith(new DynamoDbCostProbe())) {
            String table = stack.table();
            DynamoDbCostProbe.begin();
            dynamo.putItem(r -> r.tableName(table).item(item("T#probe#A", "1")));
            dynamo.putItem(r -> r.tableName(table).item(item("T#probe#A", "2")));
            dynamo.getItem(r -> r.tableName(table).key(item("T#probe#A", "1")));
            dynamo.getItem(r -> r.tableName(table).key(item("T#probe#A", "missing")));
            dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#probe#A"))));
            assertThat(DynamoDbCostProbe.end())
                    .isEqualTo("{\"calls\":{\"GetItem\":2,\"PutItem\":2,\"Query\":1},\"itemsRead\":3,\"itemsWritten\":2}");

            DynamoDbCostProbe.begin();
            assertThatThrownBy(() -> dynamo.scan(r -> r.tableName(table))).hasMessageContaining("Scan on a request path");
            assertThat(DynamoDbCostProbe.end()).contains("\"Scan\":1");
        }
    }

    @Test
    void theIntegrationTestsCounterFailsAScanToo() {
        CallCounter counter = new CallCounter();
        try (DynamoDbClient dynamo = clientWith(counter)) {
            assertThatThrownBy(() -> dynamo.scan(r -> r.tableName(stack.table()))).hasMessageContaining("Scan on a request path");
            assertThat(counter.count("Scan")).isEqualTo(1);
        }
    }
}

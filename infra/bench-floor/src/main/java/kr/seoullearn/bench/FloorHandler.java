package kr.seoullearn.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start floor (infra/bench/cold-start.sh): the least a Java function can do for
 * {@code GET /api/me} — one DynamoDB GetItem of the caller's profile, no framework, no JSON
 * library. Same SDK, HTTP client, region and credentials setup as the real functions; the SDK
 * honours AWS_ENDPOINT_URL by itself.
 */
public class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo;
    private final String table;

    public FloorHandler() {
        String region = System.getenv("AWS_REGION");
        this.dynamo = DynamoDbClient.builder()
                .region(Region.of(region == null || region.isBlank() ? "ap-northeast-2" : region))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
        this.table = System.getenv("APP_TABLE");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        String sub = claims.get("sub");
        String tenant = claims.getOrDefault("custom:tenant", "seoul");
        GetItemResponse response = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("T#" + tenant + "#U#" + sub),
                "SK", AttributeValue.fromS("PROFILE"))));
        AttributeValue status = response.hasItem() ? response.item().get("status") : null;
        String body = "{\"userId\":\"" + sub + "\",\"registrationStatus\":\""
                + (status == null ? "NOT_REGISTERED" : status.s()) + "\"}";
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build();
    }
}

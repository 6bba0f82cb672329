package kr.seoullearn.platform.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The SnapStart priming hook runs the JSON and SDK request paths without touching anything:
 * a real DynamoDB client pointed at a real HTTP endpoint (a server on loopback that records
 * every request it receives) marshals and signs its priming requests, and the endpoint never
 * sees one of them. The same client then sends an ordinary request, which arrives: priming
 * leaves no interceptor behind.
 */
class PrimingTest {
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private DynamoDbClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = DynamoDbClient.builder()
                .region(Region.AP_NORTHEAST_2)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(AwsClients.httpClient())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void theCheckpointHookMarshalsTheSdkRequestsAndSendsNone() throws Exception {
        Priming.dynamoDb(client);
        int before = Priming.Stop.STOPPED.get();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            Priming.resource().beforeCheckpoint(null);
        } finally {
            Log.redirect(System.out);
        }

        // every step ran: JSON, the SDK's DynamoDB warm-up provider (canned response), the real client
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"message\":\"primed\"")
                .doesNotContain("priming step failed");

        // GetItem, Query and a conditional PutItem went through marshalling, endpoint resolution
        // and signing up to the wire, and were stopped there.
        assertThat(Priming.Stop.STOPPED.get() - before).isEqualTo(3);
        assertThat(received).isEmpty();
        assertThat(Priming.prime()).isEqualTo(3);
        assertThat(received).isEmpty();

        // The client is left as it was: an ordinary request is sent.
        var item = client.getItem(GetItemRequest.builder().tableName("app")
                .key(Map.of("PK", AttributeValue.fromS("T#seoul#U#x"), "SK", AttributeValue.fromS("PROFILE")))
                .build());
        assertThat(item.hasItem()).isFalse();
        assertThat(received).containsExactly("DynamoDB_20120810.GetItem");
    }

    @Test
    void anAddedPrimerRunsAtTheCheckpointAndItsRequestIsStoppedToo() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Priming.add(() -> {
            ran.add("extra");
            Priming.stopped(() -> client.describeTable(b -> b.tableName("priming")
                    .overrideConfiguration(o -> o.addPlugin(Priming.noSend()))));
        });

        Priming.resource().beforeCheckpoint(null);

        assertThat(ran).containsExactly("extra");
        assertThat(received).isEmpty();
    }
}

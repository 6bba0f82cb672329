package kr.seoullearn.platform.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.log.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.interceptor.Context.BeforeTransmission;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.util.ServiceLoader;
import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.warmup.SdkWarmUpProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * SnapStart priming (docs/adr/0018): a CRaC {@link Resource} whose {@code beforeCheckpoint}
 * runs the code every request runs — JSON (de)serialisation, problem+json in each language,
 * the API event model, the SDK's own warm-up provider of each client type the function uses (a
 * throwaway client on a canned-response HTTP client: marshalling and unmarshalling), and the
 * function's real client's request path up to the wire — so the snapshot
 * Lambda takes when it publishes a version holds those classes loaded and initialised.
 *
 * <p>No side effects, by construction: SDK requests are made with a per-request plugin whose
 * interceptor stops them in {@code beforeTransmission}, after marshalling, endpoint resolution
 * and signing, before a byte is sent. Nothing reaches DynamoDB (so no item is read or written,
 * no connection is left open in the snapshot), and any failure of priming is logged and
 * swallowed: priming can only make a restore faster, never break a deployment.
 *
 * <p>Outside a CRaC-capable runtime (the local cloud, tests) {@code org.crac} registers the
 * resource and never calls it; {@link #prime()} runs the same steps directly.
 */
public final class Priming implements Resource {
    private static final Log LOG = Log.of(Priming.class);
    private static final Priming INSTANCE = new Priming();
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();
    /** Primers added by modules that own a client (e.g. the Cognito one); each runs once per checkpoint. */
    private static final List<Runnable> EXTRA = new CopyOnWriteArrayList<>();
    /** Client types the SDK's own warm-up providers ({@link SdkWarmUpProvider}) exercise with canned responses. */
    private static final Set<Class<? extends SdkClient>> SDK_CLIENTS = new CopyOnWriteArraySet<>();
    private static volatile DynamoDbClient dynamoDb;

    private Priming() {}

    /** The CRaC resource itself (tests call its hook directly). */
    static Resource resource() {
        return INSTANCE;
    }

    /** Registers the priming resource with CRaC once per JVM (idempotent). */
    public static void register() {
        if (REGISTERED.compareAndSet(false, true)) {
            // org.crac holds resources weakly: the static INSTANCE keeps this one reachable.
            Core.getGlobalContext().register(INSTANCE);
        }
    }

    /** Primes this client's request path too (the DynamoDB client the function's beans use). */
    public static void dynamoDb(DynamoDbClient client) {
        dynamoDb = client;
        sdkClient(DynamoDbClient.class);
    }

    /**
     * Has the SDK's warm-up exercise this client type at the checkpoint: a throwaway client of
     * that type, on an HTTP client that answers a canned response, marshals one request and
     * unmarshals the answer (no network, no credentials).
     */
    public static void sdkClient(Class<? extends SdkClient> type) {
        SDK_CLIENTS.add(type);
        register();
    }

    /** Adds a primer of another client; it must stop its requests with {@link #noSend()}. */
    public static void add(Runnable primer) {
        EXTRA.add(primer);
        register();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to reopen: priming opened no connection and cached no credentials.
    }

    /** Runs every priming step; returns how many SDK requests were stopped before sending. */
    public static int prime() {
        long started = System.nanoTime();
        int before = Stop.STOPPED.get();
        Stop stop = new Stop();
        step(Priming::primeJson);
        if (!SDK_CLIENTS.isEmpty()) {
            step(Priming::sdkWarmUp);
        }
        DynamoDbClient client = dynamoDb;
        if (client != null) {
            step(() -> primeDynamoDb(client, stop));
        }
        for (Runnable primer : EXTRA) {
            step(primer);
        }
        int stopped = Stop.STOPPED.get() - before;
        LOG.info("primed", "sdkRequestsStopped", stopped, "ms", (System.nanoTime() - started) / 1_000_000);
        return stopped;
    }

    /** One step; its failure is logged (type only) and does not stop the others. */
    private static void step(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            LOG.warn("priming step failed", "exception", e.getClass().getName());
        }
    }

    /**
     * Each service's own warm-up provider, for the client types this function builds: a
     * throwaway synchronous client on the SDK's canned-response HTTP client marshals one request
     * and unmarshals the answer. Called directly rather than through {@code SdkWarmUp.warmUp},
     * which also warms the HTTP client with an unsigned GET to the regional STS endpoint: a
     * network call, which priming must not make.
     */
    private static void sdkWarmUp() {
        Set<String> wanted = new java.util.HashSet<>();
        SDK_CLIENTS.forEach(type -> wanted.add(type.getName()));
        for (SdkWarmUpProvider provider : ServiceLoader.load(SdkWarmUpProvider.class, Priming.class.getClassLoader())) {
            if (wanted.contains(provider.syncClientClassName())) {
                step(() -> provider.warmUpClient(ClientType.SYNC));
            }
        }
    }

    private static void primeJson() {
        Map<String, Object> body = Json.readObject(
                "{\"a\":\"b\",\"n\":1,\"d\":1.5,\"t\":true,\"l\":[1,\"x\"],\"o\":{\"k\":null}}");
        Json.write(body);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /priming")
                .withHeaders(Map.of("accept-language", "ko"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("priming").build())
                .build();
        new ApiRequest(event).language();
        ApiResponses.json(200, body);
        for (Language language : Language.values()) {
            ApiResponses.problem(Problem.ROUTE_NOT_FOUND, language, Map.of());
        }
    }

    private static void primeDynamoDb(DynamoDbClient client, Stop stop) {
        // A key no item can have (real keys start with "T#" or "TENANT"); never sent anyway.
        Map<String, AttributeValue> key = Map.of(
                "PK", AttributeValue.fromS("PRIMING#never-stored"),
                "SK", AttributeValue.fromS("PRIMING"));
        String table = "priming-not-a-table";
        stopped(() -> client.getItem(GetItemRequest.builder().tableName(table).key(key)
                .overrideConfiguration(o -> o.addPlugin(stop)).build()));
        stopped(() -> client.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", key.get("PK")))
                .overrideConfiguration(o -> o.addPlugin(stop)).build()));
        stopped(() -> client.putItem(PutItemRequest.builder().tableName(table).item(key)
                .conditionExpression("attribute_not_exists(PK)")
                .overrideConfiguration(o -> o.addPlugin(stop)).build()));
    }

    /** A plugin for one request that stops it after marshalling and signing, before sending. */
    public static SdkPlugin noSend() {
        return new Stop();
    }

    /** Runs a request made with {@link #noSend()} and swallows the stop it ends with. */
    public static void stopped(Runnable request) {
        try {
            request.run();
            throw new IllegalStateException("a priming request was not stopped before sending");
        } catch (RuntimeException e) {
            if (!isStop(e)) {
                throw e;
            }
        }
    }

    private static boolean isStop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the interceptor instead of sending the request. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("priming: not sent", null, false, false);
        }
    }

    static final class Stop implements SdkPlugin, ExecutionInterceptor {
        static final AtomicInteger STOPPED = new AtomicInteger();

        @Override
        public void configureClient(software.amazon.awssdk.core.SdkServiceClientConfiguration.Builder config) {
            config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(this)
                    .build());
        }

        @Override
        public void beforeTransmission(BeforeTransmission context, ExecutionAttributes attributes) {
            STOPPED.incrementAndGet();
            throw new Stopped();
        }
    }
}

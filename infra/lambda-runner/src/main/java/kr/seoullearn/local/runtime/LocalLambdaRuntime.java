package kr.seoullearn.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Runs one Lambda function in this JVM the way the java21 runtime does: loads the handler the
 * template names ({@code package.Class::method}), constructs it once (the init phase), then
 * handles one event at a time, (de)serialising events with aws-lambda-java-serialization,
 * the library the managed runtime uses.
 *
 * <pre>
 * serve mode:  LocalLambdaRuntime serve &lt;handler&gt;   prints "READY port=N initMs=M", then
 *              POST /invoke with the event JSON answers the handler's JSON (or 502 + error JSON)
 * once mode:   LocalLambdaRuntime once &lt;handler&gt; &lt;event.json&gt;   one cold invocation, prints timings
 * </pre>
 */
public final class LocalLambdaRuntime {
    private final Object handler;
    private final Method method;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final String functionName;

    private LocalLambdaRuntime(String handlerSpec) throws ReflectiveOperationException {
        int sep = handlerSpec.indexOf("::");
        String className = sep < 0 ? handlerSpec : handlerSpec.substring(0, sep);
        String methodName = sep < 0 ? "handleRequest" : handlerSpec.substring(sep + 2);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader);
        this.handler = type.getDeclaredConstructor().newInstance();
        this.method = findMethod(type, methodName);
        this.input = serializerFor(method.getParameterTypes()[0], loader);
        this.output = serializerFor(method.getReturnType(), loader);
        this.functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", type.getSimpleName());
    }

    private static Method findMethod(Class<?> type, String name) {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2 && !m.isBridge()
                    && Context.class.isAssignableFrom(m.getParameterTypes()[1])) {
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no method " + name + "(event, Context) on " + type.getName());
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Class<?> type, ClassLoader loader) {
        // The managed runtime's choice: the event library's own serialisers for the event types
        // it lists, and its configured Jackson for every other type (APIGatewayV2HTTPEvent among them).
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    byte[] invoke(byte[] eventJson, String requestId) throws Throwable {
        Object event = input.fromJson(new ByteArrayInputStream(eventJson));
        Object result;
        try {
            result = method.invoke(handler, event, new LocalContext(functionName, requestId));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(result, out);
        return out.toByteArray();
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: LocalLambdaRuntime serve <handler> | once <handler> <event.json>");
            System.exit(2);
        }
        long start = System.nanoTime();
        long jvmStartMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        LocalLambdaRuntime runtime = new LocalLambdaRuntime(args[1]);
        long initMs = (System.nanoTime() - start) / 1_000_000;
        switch (args[0]) {
            case "serve" -> serve(runtime, initMs);
            case "once" -> once(runtime, Files.readAllBytes(Path.of(args[2])), jvmStartMs, initMs);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void once(LocalLambdaRuntime runtime, byte[] event, long jvmStartMs, long initMs) throws Throwable {
        long t = System.nanoTime();
        byte[] response = runtime.invoke(event, UUID.randomUUID().toString());
        long invokeMs = (System.nanoTime() - t) / 1_000_000;
        long totalMs = System.currentTimeMillis() - jvmStartMs;
        System.out.println("RESULT totalMs=" + totalMs + " initMs=" + initMs + " firstInvokeMs=" + invokeMs
                + " peakRssKiB=" + peakRssKiB() + " response=" + new String(response, StandardCharsets.UTF_8));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** VmHWM of this process (Linux), the peak resident set size so far. */
    static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static void serve(LocalLambdaRuntime runtime, long initMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // One event at a time, as one Lambda execution environment handles them.
        server.setExecutor(Executors.newSingleThreadExecutor());
        CostLog costs = CostLog.fromEnvironment(runtime.functionName);
        server.createContext("/invoke", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Aws-Request-Id");
            byte[] answer = null;
            int status;
            costs.begin();
            try {
                answer = runtime.invoke(body, requestId == null ? UUID.randomUUID().toString() : requestId);
                status = 200;
            } catch (Throwable e) {
                // What the managed runtime reports for an unhandled error (Function.Error).
                answer = ("{\"errorType\":\"" + e.getClass().getName() + "\"}").getBytes(StandardCharsets.UTF_8);
                status = 502;
                System.err.println("unhandled " + e.getClass().getName() + " in handler");
                e.printStackTrace();
            } finally {
                costs.end(body, answer);
            }
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        System.out.println("READY port=" + server.getAddress().getPort() + " initMs=" + initMs);
        System.out.flush();
    }

    /**
     * The local cloud's record of what each invocation cost in DynamoDB ({@link DynamoDbCostProbe}):
     * one JSON line per invocation in the file {@code LOCAL_DYNAMODB_COST_LOG} names, with the
     * route (or "schedule"/"trigger") and the status of the answer. Off when the variable is unset
     * (the benchmark, or a function jar without the SDK).
     */
    private static final class CostLog {
        private static final java.util.regex.Pattern ROUTE_KEY = java.util.regex.Pattern.compile("\"routeKey\"\\s*:\\s*\"([^\"]*)\"");
        private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
        private final Path file;
        private final String function;

        private CostLog(Path file, String function) {
            this.file = file;
            this.function = function;
        }

        static CostLog fromEnvironment(String function) {
            String file = System.getenv("LOCAL_DYNAMODB_COST_LOG");
            if (file == null || file.isBlank()) {
                return new CostLog(null, function);
            }
            try {
                Class.forName("software.amazon.awssdk.core.interceptor.ExecutionInterceptor");
                return new CostLog(Path.of(file), function);
            } catch (ClassNotFoundException | LinkageError e) {
                return new CostLog(null, function);
            }
        }

        void begin() {
            if (file != null) {
                DynamoDbCostProbe.begin();
            }
        }

        void end(byte[] event, byte[] answer) {
            if (file == null) {
                return;
            }
            String cost = DynamoDbCostProbe.end();
            String eventText = new String(event, StandardCharsets.UTF_8);
            java.util.regex.Matcher route = ROUTE_KEY.matcher(eventText);
            String trigger = route.find() ? route.group(1)
                    : eventText.contains("\"triggerSource\"") ? "trigger" : "schedule";
            String status = "error";
            if (answer != null) {
                String text = new String(answer, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = STATUS.matcher(text);
                status = m.find() ? m.group(1) : text.startsWith("{\"errorType\"") ? "error" : "ok";
            }
            String line = "{\"function\":\"" + function + "\",\"route\":\"" + trigger.replace("\"", "")
                    + "\",\"status\":\"" + status + "\",\"cost\":" + cost + "}\n";
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("could not record the DynamoDB cost: " + e.getMessage());
            }
        }
    }

    private record LocalContext(String functionName, String requestId) implements Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/seoul-learn/local/" + functionName; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() {
            return "arn:aws:lambda:" + System.getenv().getOrDefault("AWS_REGION", "ap-northeast-2")
                    + ":000000000000:function:" + functionName;
        }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 15_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.write(message, 0, message.length); }
            };
        }
    }
}

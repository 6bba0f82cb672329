package kr.seoullearn.local.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.template.Stack;
import kr.seoullearn.local.template.Template;

/**
 * One function's execution environment: its deployed jar running in a JVM of its own, with the
 * environment the template gives it, started on first use (a cold start) and kept warm.
 * Its stdout and stderr go to {@code .local/logs/<function>.log}, as CloudWatch Logs would.
 */
public final class FunctionHost implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Template.Function function;
    private final Path jar;
    private final Path runnerJar;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Path javaHome;
    // read without the lock by close(): stopping must not wait for a request in flight or a start
    private volatile Process process;
    private volatile boolean closed;
    private int port;

    public FunctionHost(Template.Function function, Path jar, Path runnerJar, Map<String, String> environment,
                        Path logFile, Path javaHome) {
        this.function = function;
        this.jar = jar;
        this.runnerJar = runnerJar;
        this.environment = environment;
        this.logFile = logFile;
        this.javaHome = javaHome;
    }

    public String name() {
        return function.logicalId();
    }

    /** Invokes the function with an event (JSON) and returns its answer (JSON). */
    public synchronized Invocation invoke(String eventJson) throws IOException, InterruptedException {
        ensureStarted();
        String requestId = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invoke"))
                .timeout(Duration.ofSeconds(60))
                .header("Lambda-Runtime-Aws-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(eventJson, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Invocation(response.statusCode() == 200, response.body());
    }

    public record Invocation(boolean ok, String payload) {}

    public synchronized void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (closed) {
            throw new IOException("function " + function.logicalId() + " is stopped (the local cloud is shutting down)");
        }
        Path deployed = logFile.getParent().resolve("deployed").resolve(function.logicalId() + ".jar");
        Files.createDirectories(deployed.getParent());
        // Deploy a copy: rebuilding the project while the local cloud runs must not pull the jar away.
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        Path costProbe = costProbe(logFile.getParent());
        List<String> command = new ArrayList<>(List.of(
                javaHome.resolve("bin/java").toString(),
                "-cp", deployed + java.io.File.pathSeparator + runnerJar + java.io.File.pathSeparator + costProbe,
                "kr.seoullearn.local.runtime.LocalLambdaRuntime", "serve", function.handler()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        // cost per request (docs/adr/0017): every invocation's DynamoDB calls and items, one JSON line each
        Path costs = logFile.getParent().resolve("dynamodb-cost");
        Files.createDirectories(costs);
        builder.environment().put("LOCAL_DYNAMODB_COST_LOG", costs.resolve(function.logicalId() + ".jsonl").toString());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        long started = System.nanoTime();
        process = builder.start();
        if (closed) { // stopped while this one was being started
            process.destroyForcibly();
            throw new IOException("function " + function.logicalId() + " is stopped (the local cloud is shutting down)");
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(out, ready), "logs-" + function.logicalId());
        pump.setDaemon(true);
        pump.start();
        try {
            port = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("function " + function.logicalId() + " did not start; see " + logFile, e);
        }
        appendLog("[local-cloud] cold start of " + function.logicalId() + " took "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /**
     * A class-path directory that registers the runtime's DynamoDbCostProbe as an SDK global
     * interceptor (the SDK reads this resource from the class path when it builds a client), so the
     * function's own clients count their DynamoDB calls and refuse a Scan.
     */
    static Path costProbe(Path logDirectory) throws IOException {
        Path dir = logDirectory.resolve("cost-probe");
        Path registration = dir.resolve("software/amazon/awssdk/global/handlers/execution.interceptors");
        Files.createDirectories(registration.getParent());
        String line = "kr.seoullearn.local.runtime.DynamoDbCostProbe\n";
        // written once: functions start side by side, and one must never read it half-written
        synchronized (FunctionHost.class) {
            if (!Files.exists(registration) || !Files.readString(registration, StandardCharsets.UTF_8).equals(line)) {
                Path partial = Files.createTempFile(registration.getParent(), "interceptors", ".tmp");
                Files.writeString(partial, line, StandardCharsets.UTF_8);
                Files.move(partial, registration, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return dir;
    }

    private void pump(BufferedReader out, CompletableFuture<Integer> ready) {
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!ready.isDone() && line.startsWith("READY port=")) {
                    ready.complete(Integer.parseInt(line.substring("READY port=".length()).split(" ")[0]));
                }
                log.println(line);
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("function process ended"));
    }

    private void appendLog(String line) throws IOException {
        Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Asks the function's JVM to stop, without waiting for it (see {@link #awaitClosed}). */
    public void beginClose() {
        closed = true;
        Process running = process;
        if (running != null) {
            running.destroy();
        }
    }

    /** Waits until the JVM has stopped, forcing it after the given time. */
    public void awaitClosed(Duration patience) {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            if (!running.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        beginClose();
        awaitClosed(Duration.ofSeconds(5));
    }

    /**
     * Template variables the local cloud sets differently: there is no GuardDuty locally, so
     * documents are scanned by the EICAR test-string stand-in (functions/documents).
     */
    static final Map<String, String> LOCAL_OVERRIDES = Map.of("MALWARE_SCANNER", "local-eicar");

    /** The environment Lambda gives a function, plus the template's variables, resolved locally. */
    static Map<String, String> lambdaEnvironment(Template.Function function, Stack stack, String functionName) {
        return lambdaEnvironment(function, stack, functionName, null);
    }

    /** ... with S3 calls going to {@code s3Endpoint} (the local S3) when it is not null. */
    public static Map<String, String> lambdaEnvironment(Template.Function function, Stack stack, String functionName, URI s3Endpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", stack.aws().region());
        env.put("AWS_DEFAULT_REGION", stack.aws().region());
        env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL", stack.aws().endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("_HANDLER", function.handler());
        if (s3Endpoint != null) {
            // the SDK's service-specific endpoint variable: S3 goes to S3Proxy, the rest to moto
            env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        }
        function.environment().forEach((k, v) -> env.put(k, stack.resolve(v)));
        LOCAL_OVERRIDES.forEach((k, v) -> env.computeIfPresent(k, (name, declared) -> v));
        return env;
    }
}

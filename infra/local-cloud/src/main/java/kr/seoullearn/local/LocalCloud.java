package kr.seoullearn.local;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.seoullearn.local.auth.CognitoTriggers;
import kr.seoullearn.local.auth.HostedLogin;
import kr.seoullearn.local.auth.IdentityApi;
import kr.seoullearn.local.auth.JwtAuthorizer;
import kr.seoullearn.local.auth.Totp;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.gateway.FunctionHost;
import kr.seoullearn.local.gateway.Gateway;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.scheduling.LocalScheduler;
import kr.seoullearn.local.seed.CatalogSeeder;
import kr.seoullearn.local.seed.SeedData;
import kr.seoullearn.local.storage.LocalS3;
import kr.seoullearn.local.template.Provisioner;
import kr.seoullearn.local.template.Stack;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.tools.DynamoDbCostReport;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Starts the local cloud: reads template.yaml, provisions it on the AWS endpoint
 * (AWS_ENDPOINT_URL), starts every function in its own JVM, seeds demo data and serves the
 * HTTP API, the web app and the login on {@code http://localhost:<port>}.
 */
public final class LocalCloud implements AutoCloseable {
    private final Map<String, FunctionHost> functions = new LinkedHashMap<>();
    private Gateway gateway;
    private LocalScheduler scheduler;
    private LocalS3 s3;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("seoul.learn.root", ".")).toAbsolutePath().normalize();
        int port = Integer.parseInt(System.getenv().getOrDefault("LOCAL_CLOUD_PORT", "3000"));
        String stackName = System.getenv().getOrDefault("LOCAL_CLOUD_STACK", "seoul-learn-local");
        LocalCloud cloud = new LocalCloud();
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
        try {
            cloud.start(root, port, stackName, LocalAws.fromEnvironment());
        } catch (StartFailure e) {
            System.err.println("[local-cloud] cannot start: " + e.getMessage());
            cloud.close();
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    void start(Path root, int port, String stackName, LocalAws aws) throws StartFailure, IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        Path local = root.resolve(".local");
        // one directory per port, so a developer's cloud and the test suite's can run side by side
        Path logs = local.resolve("logs").resolve("cloud-" + port);
        Files.createDirectories(logs);
        DynamoDbCostReport.clear(logs.resolve("dynamodb-cost")); // the costs of this run only

        String origin = "http://localhost:" + port;
        // The local S3 (S3Proxy, checks presigned URLs) on the port after the gateway's (3000 → 3001,
        // the tests' 3300 → 3301: clear of moto's 4566/4600) unless S3PROXY_PORT says otherwise. It
        // starts while the template is read and the AWS endpoint comes up.
        int s3Port = Integer.parseInt(System.getenv().getOrDefault("S3PROXY_PORT", String.valueOf(port + 1)));
        CompletableFuture<LocalS3> s3Starting = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalS3.start(s3Port, aws.region(), List.of(origin, "http://127.0.0.1:" + port));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });

        step(1, "reading " + root.resolve("template.yaml"));
        Template template = Template.load(root.resolve("template.yaml"));
        step(1, template.functions().size() + " functions, " + template.routes().size() + " routes");

        step(2, "provisioning the template on " + aws.endpoint());
        aws.awaitEndpoint(Duration.ofSeconds(30));
        try {
            s3 = s3Starting.join();
        } catch (CompletionException e) {
            throw new StartFailure("the local S3 (S3Proxy) cannot start on port " + s3Port + " (" + e.getCause().getMessage()
                    + "). Stop what uses it, or choose another: S3PROXY_PORT=3011 infra/up");
        }
        detail("local S3 (S3Proxy) on " + s3.endpoint() + "; the template's buckets live there");
        Stack stack;
        try {
            stack = new Provisioner(template, aws, stackName, LocalCloud::detail)
                    .bucketsOn(s3.endpoint())
                    // the meeting rooms' stand-in: the template allows only real providers (docs/adr/0026)
                    .provision(Map.of("Stage", "local", "WebOrigin", origin, "MeetingProvider", "local-rooms"));
        } catch (SdkClientException e) {
            throw new StartFailure("the AWS endpoint " + aws.endpoint() + " does not answer (" + e.getMessage()
                    + "). Start it with infra/up, or point AWS_ENDPOINT_URL at a running moto/LocalStack.");
        }

        step(3, "starting functions (one JVM each)");
        // a copy, as for each function's jar: `mvn verify` rewrites target/ while the tests run
        // against this cloud, and a JVM reading a jar rewritten under it fails with NoClassDefFoundError
        Path runnerBuilt = findJar(root.resolve("infra/lambda-runner/target"), "lambda-runner-", "-all.jar");
        Path runner = logs.resolve("deployed").resolve("lambda-runner.jar");
        Files.createDirectories(runner.getParent());
        Files.copy(runnerBuilt, runner, StandardCopyOption.REPLACE_EXISTING);
        Path javaHome = Path.of(System.getProperty("java.home"));
        for (Template.Function f : template.functions()) {
            Path jar = findJar(root.resolve(f.codeUri()).resolve("target"), "", "-lambda.jar");
            String name = stackName + "-" + f.logicalId();
            functions.put(f.logicalId(), new FunctionHost(f, jar, runner,
                    FunctionHost.lambdaEnvironment(f, stack, name, s3.endpoint()), logs.resolve(f.logicalId() + ".log"), javaHome));
        }
        // Each function's JVM starts in the background, two at a time; a request (or a seed's Cognito
        // trigger) waits for its own function only (its start is synchronized), as a request waits
        // for a Lambda cold start. The user pool's triggers start now, since the seed signs its demo
        // users up through them; the others once the gateway answers, so that twenty JVMs starting
        // do not take the two cores from the seed (docs/performance.md, `infra/up --no-build`).
        long warming = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "function-starter");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> started = new ArrayList<>();
        Set<String> triggerFunctions = new HashSet<>();
        for (String trigger : List.of("PostConfirmation", "PreTokenGeneration")) {
            String id = stack.trigger(trigger);
            if (id != null) {
                triggerFunctions.add(id);
            }
        }
        List<FunctionHost> afterReady = new ArrayList<>();
        for (FunctionHost host : functions.values()) {
            if (triggerFunctions.contains(host.name())) {
                started.add(startInBackground(starter, host));
            } else {
                afterReady.add(host);
            }
        }
        detail(started.size() + " trigger functions starting; the other " + afterReady.size()
                + " start once the gateway answers (a request waits for its own)");

        step(4, "seeding tenants, demo users and the catalogue");
        CognitoTriggers triggers = new CognitoTriggers(stack, (id, event) -> {
            FunctionHost.Invocation result = functions.get(id).invoke(event);
            if (!result.ok()) {
                throw new IOException(result.payload());
            }
            return result.payload();
        }, CognitoTriggers.emulatorSigningKey(root));
        Totp totp = new Totp();
        // The catalogue shares nothing with the rest of the seed: it is written beside it, and the
        // gateway starts once both are done.
        ExecutorService catalogueSeeder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "catalogue-seeder");
            t.setDaemon(true);
            return t;
        });
        Future<Runnable> catalogue = catalogueSeeder.submit(
                () -> CatalogSeeder.seedForLocalCloud(aws, stack.table("AppTable"), System.getenv(), LocalCloud::detail));
        catalogueSeeder.shutdown();
        SeedData.seed(stack, triggers, totp, LocalCloud::detail, clock);
        Runnable catalogueLater;
        try {
            catalogueLater = catalogue.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StartFailure("seeding the catalogue failed: " + e.getCause());
        }

        step(5, "starting the gateway on " + origin);
        Template.Authorizer auth = template.authorizer();
        String issuer = stack.resolve(auth.issuer());
        List<String> audience = auth.audience().stream().map(stack::resolve).toList();
        JwtAuthorizer authorizer = new JwtAuthorizer(issuer, audience, JwtAuthorizer.jwksUri(issuer, aws.endpoint()), clock);
        CognitoIdentityProviderClient loginCognito = aws.cognito();
        HostedLogin login = new HostedLogin(loginCognito, stack.client(), clock,
                username -> triggers.postConfirmation(loginCognito, username),
                (username, source, idToken) -> triggers.preTokenGeneration(loginCognito, username, source, idToken), totp);
        List<Template.Schedule> schedules = new ArrayList<>();
        template.functions().forEach(f -> schedules.addAll(f.schedules()));
        scheduler = new LocalScheduler(schedules, (id, payload) -> functions.get(id).invoke(payload).payload(), clock, aws.region());
        String config = configJson(stack, origin, aws.region());
        // the login pages and Cognito's JSON API (the app's TOTP set-up) are both served by the local cloud
        String csp = contentSecurityPolicy(template, Map.of("LoginOrigin", origin, "IdentityApiOrigin", origin,
                "UploadOrigin", s3.endpoint().toString()));
        gateway = new Gateway(template.routes(), functions, authorizer, login, root.resolve("web"), csp, config, scheduler, clock);
        gateway.useTriggers(triggers);
        gateway.useIdentityApi(new IdentityApi(loginCognito, authorizer, login, totp, clock));
        try {
            gateway.start(port);
        } catch (BindException e) {
            throw new StartFailure("port " + port + " is in use. Stop what uses it, or choose another port: LOCAL_CLOUD_PORT=3100 infra/up");
        }
        scheduler.start();
        writeState(local.resolve("cloud-" + port + ".json"), stack, origin, issuer, s3.endpoint());
        System.out.println();
        System.out.println("Seoul Learn local cloud is up: " + origin);
        System.out.println("  web app      " + origin + "/");
        System.out.println("  API          " + origin + "/api/health");
        System.out.println("  AWS endpoint " + aws.endpoint());
        System.out.println("  S3 endpoint  " + s3.endpoint() + " (S3Proxy: buckets, presigned URLs checked)");
        System.out.println("  logs         " + logs);
        System.out.println("  schedules    " + schedules.size() + " (fire one: curl -X POST " + origin + "/_local/schedules/<Function>.<Event>)");
        System.out.println("  demo users   see README.md (password " + SeedData.DEMO_PASSWORD + ")");
        System.out.println("READY");
        System.out.flush();
        catalogueLater.run();
        afterReady.forEach(host -> started.add(startInBackground(starter, host)));
        starter.shutdown();
        reportWarm(started, warming);
    }

    /**
     * The template's Content-Security-Policy with the local origins for its variables (the login
     * pages and the upload bucket); a variable the local cloud has no origin for stops the start,
     * so the local policy never silently differs from the deployed one.
     */
    static String contentSecurityPolicy(Template template, Map<String, String> origins) throws StartFailure {
        String format = template.contentSecurityPolicy().orElseThrow(() -> new StartFailure(
                "template.yaml has no Content-Security-Policy (AWS::CloudFront::ResponseHeadersPolicy) for the site"));
        var variable = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(format);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = origins.get(variable.group(1));
            if (value == null) {
                throw new StartFailure("the site's Content-Security-Policy names ${" + variable.group(1) + "}, which the local cloud has no origin for");
            }
            variable.appendReplacement(resolved, java.util.regex.Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    static String configJson(Stack stack, String origin, String region) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("region", region);
        config.put("userPoolId", stack.userPoolId());
        config.put("clientId", stack.client().clientId());
        config.put("authorizeUrl", origin + "/oauth2/authorize");
        config.put("signupUrl", origin + "/signup");
        config.put("tokenUrl", origin + "/oauth2/token");
        config.put("logoutUrl", origin + "/logout");
        config.put("redirectUri", origin + "/");
        // aws.cognito.signin.user.admin: the access token may set up the person's own TOTP (docs/adr/0024)
        config.put("scopes", "openid email profile " + IdentityApi.ADMIN_SCOPE);
        config.put("identityApiUrl", origin + Gateway.IDENTITY_API_PATH);
        config.put("apiBase", "/api");
        return JsonText.write(config);
    }

    private static void writeState(Path file, Stack stack, String origin, String issuer, URI s3Endpoint) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("url", origin);
        state.put("awsEndpoint", stack.aws().endpoint().toString());
        state.put("s3Endpoint", s3Endpoint.toString());
        state.put("region", stack.aws().region());
        state.put("stack", stack.name());
        state.put("userPoolId", stack.userPoolId());
        state.put("clientId", stack.client().clientId());
        state.put("issuer", issuer);
        state.put("tables", stack.tables());
        state.put("buckets", stack.buckets());
        Files.writeString(file, JsonText.write(state), StandardCharsets.UTF_8);
    }

    private static Path findJar(Path dir, String prefix, String suffix) throws StartFailure, IOException {
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, prefix + "*" + suffix)) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        throw new StartFailure("no " + prefix + "*" + suffix + " in " + dir + ": build first (infra/up builds; or mvn package)");
    }

    /** Says, after READY, when every function is warm, or which could not start (its requests fail with the reason). */
    private static void reportWarm(List<Future<?>> started, long since) {
        Thread waiting = new Thread(() -> {
            int failed = 0;
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    System.err.println("[local-cloud] a function did not start: " + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            detail(String.format("%d functions warm%s, %.1f s after they began starting", started.size() - failed,
                    failed == 0 ? "" : " (" + failed + " did not start)", (System.nanoTime() - since) / 1e9));
        }, "functions-warm");
        waiting.setDaemon(true);
        waiting.start();
    }

    private static Future<?> startInBackground(ExecutorService starter, FunctionHost host) {
        return starter.submit(() -> {
            host.ensureStarted();
            return null;
        });
    }

    private static void step(int n, String message) {
        System.out.println("[local-cloud " + n + "/5] " + message);
        System.out.flush();
    }

    private static void detail(String message) {
        System.out.println("    " + message);
        System.out.flush();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        // every JVM is asked to stop at once, then waited for: infra/down gives the whole cloud 5 s
        functions.values().forEach(FunctionHost::beginClose);
        functions.values().forEach(host -> host.awaitClosed(java.time.Duration.ofSeconds(3)));
        if (s3 != null) {
            s3.close();
        }
    }
}

package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the running local cloud (infra/test starts it), as the web app and a person use it:
 * the public health route, the JWT authorizer's 401s, the login flow with PKCE and /api/me.
 */
class LocalCloudE2E {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String base;
    private static Map<String, Object> cloud;

    @BeforeAll
    static void findTheCloud() throws Exception {
        base = System.getProperty("local.cloud.url", "http://localhost:3000");
        int port = URI.create(base).getPort();
        cloud = JsonText.readObject(Files.readString(TestStack.repositoryRoot().resolve(".local/cloud-" + port + ".json")));
        assertThat(cloud.get("url")).as("the cloud described in .local/cloud-<port>.json is the one under test").isEqualTo(base);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The documented login flow: authorization code with PKCE, as the web app runs it. */
    static Map<String, Object> signIn(String email, String password) throws Exception {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", (String) cloud.get("clientId"));
        form.put("redirect_uri", base + "/");
        form.put("scope", "openid email profile");
        form.put("state", "state-1");
        form.put("code_challenge", HostedLogin.s256(verifier));
        form.put("code_challenge_method", "S256");
        String query = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> page = get("/oauth2/authorize?" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"username\"").contains("id=\"password\"");
        form.put("username", email);
        form.put("password", password);
        HttpResponse<String> submitted = postForm("/oauth2/authorize", form);
        assertThat(submitted.statusCode()).as("sign-in of " + email).isEqualTo(302);
        String location = submitted.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(base + "/?code=").endsWith("&state=state-1");
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
        HttpResponse<String> tokens = postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "client_id", (String) cloud.get("clientId"), "code", code, "redirect_uri", base + "/", "code_verifier", verifier));
        assertThat(tokens.statusCode()).isEqualTo(200);
        return JsonText.readObject(tokens.body());
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void meWithoutATokenIs401BeforeTheFunctionRuns() throws Exception {
        HttpResponse<String> response = get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(get("/api/me", "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("dummy").generate();
        String token = sign(forger, validClaims(Instant.now().plusSeconds(3600)));
        assertThat(get("/api/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenSignedByThePoolsOwnKeyIs401() throws Exception {
        // moto signs every pool's tokens with the key it ships; sign an expired token with it
        Path privateJwks = motoPrivateJwks();
        String jwks;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(privateJwks))) {
            jwks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RSAKey poolKey = jwks.contains("\"keys\"") ? (RSAKey) JWKSet.parse(jwks).getKeys().get(0) : RSAKey.parse(jwks);
        String fresh = sign(poolKey, validClaims(Instant.now().plusSeconds(600)));
        assertThat(get("/api/me", "Authorization", "Bearer " + fresh).statusCode())
                .as("control: the same key and claims, not expired, pass").isEqualTo(200);
        String expired = sign(poolKey, validClaims(Instant.now().minusSeconds(5)));
        assertThat(get("/api/me", "Authorization", "Bearer " + expired).statusCode()).isEqualTo(401);
    }

    @Test
    void theDemoLearnerSignsInAndSeesTheirOwnRecord() throws Exception {
        Map<String, Object> tokens = signIn("learner@seoul-learn.local", Seeder.DEMO_PASSWORD);
        HttpResponse<String> me = get("/api/me", "Authorization", "Bearer " + tokens.get("id_token"), "Accept-Language", "en");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"groups\":[\"learners\"]").contains("\"tenant\":\"seoul\"")
                .contains("\"displayName\":\"김민준\"").contains("\"registrationStatus\":\"APPROVED\"");
        // the authorizer lets an access token through (checked by client_id, as API Gateway does),
        // but it carries no tenant, so the function asks for the ID token
        HttpResponse<String> withAccessToken = get("/api/me", "Authorization", "Bearer " + tokens.get("access_token"), "Accept-Language", "en");
        assertThat(withAccessToken.statusCode()).isEqualTo(401);
        assertThat(withAccessToken.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(withAccessToken.body()).contains("\"code\":\"id-token-required\"");
    }

    @Test
    void theApplicantSignedUpThroughThePostConfirmationTrigger() throws Exception {
        Map<String, Object> tokens = signIn("applicant@seoul-learn.local", Seeder.DEMO_PASSWORD);
        HttpResponse<String> me = get("/api/me", "Authorization", "Bearer " + tokens.get("id_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"groups\":[\"applicants\"]").contains("\"registrationStatus\":\"DRAFT\"");
    }

    @Test
    void theSecondTenantsLearnerBelongsToTheirTenant() throws Exception {
        Map<String, Object> tokens = signIn("learner@chungbuk.seoul-learn.local", Seeder.DEMO_PASSWORD);
        HttpResponse<String> me = get("/api/me", "Authorization", "Bearer " + tokens.get("id_token"));
        assertThat(me.body()).contains("\"tenant\":\"chungbuk\"").contains("\"preferredLanguage\":\"vi\"");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutACode() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("response_type", "code", "client_id", (String) cloud.get("clientId"),
                "redirect_uri", base + "/", "state", "s", "code_challenge", HostedLogin.s256("v".repeat(43)),
                "code_challenge_method", "S256", "username", "learner@seoul-learn.local", "password", "wrong-password-1",
                "lang", "en"));
        HttpResponse<String> response = postForm("/oauth2/authorize", form);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("location")).isEmpty();
        assertThat(response.body()).contains("The email or password is not right");
    }

    @Test
    void theTokenEndpointRefusesACodeWithTheWrongVerifierAndACodeUsedTwice() throws Exception {
        HttpResponse<String> wrong = postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "client_id", (String) cloud.get("clientId"), "code", "made-up", "redirect_uri", base + "/", "code_verifier", "x".repeat(43)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("invalid_grant");
    }

    @Test
    void anUnregisteredRedirectIsRefusedOnTheLoginPage() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorize?response_type=code&client_id=" + cloud.get("clientId")
                + "&redirect_uri=" + URLEncoder.encode("https://evil.example.org/", StandardCharsets.UTF_8)
                + "&code_challenge=abc&code_challenge_method=S256");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<form");
    }

    @Test
    void servesTheWebAppAndItsConfiguration() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        Map<String, Object> config = JsonText.readObject(get("/config.json").body());
        assertThat(config).containsEntry("clientId", cloud.get("clientId"))
                .containsEntry("userPoolId", cloud.get("userPoolId"))
                .containsEntry("authorizeUrl", base + "/oauth2/authorize")
                .containsEntry("redirectUri", base + "/");
        assertThat(get("/../template.yaml").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownApiRouteIs404AsApiGatewayAnswers() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    private static JWTClaimsSet validClaims(Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer((String) cloud.get("issuer")).subject("someone").audience((String) cloud.get("clientId"))
                .issueTime(Date.from(Instant.now().minusSeconds(60))).expirationTime(Date.from(expiry))
                .claim("token_use", "id").claim("cognito:groups", List.of("learners")).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Path motoPrivateJwks() throws Exception {
        Path venv = TestStack.repositoryRoot().resolve(".local/venv-moto/lib");
        try (var files = Files.walk(venv)) {
            return files.filter(p -> p.endsWith(Path.of("moto/cognitoidp/resources/jwks-private.json.gz"))).findFirst()
                    .orElseThrow(() -> new AssertionError("moto's jwks-private.json.gz not found under " + venv));
        }
    }
}

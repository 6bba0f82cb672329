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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.auth.HostedLogin;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.seed.SeedData;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through the running local cloud (infra/test starts it), as the web app and a person use it:
 * the public health route, the JWT authorizer's 401s, the login flow with PKCE and /api/me.
 */
class LocalCloudE2E {
    private static LocalCloudClient client;
    private static String base;
    private static Map<String, Object> cloud;

    @BeforeAll
    static void findTheCloud() {
        client = LocalCloudClient.fromSystemProperty();
        base = client.base();
        cloud = client.state();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        return client.send("GET", path, null, null, null, headers);
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) {
        return client.send("POST", path, LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null);
    }

    /** The documented login flow: the form is served, then authorization code with PKCE. */
    static Map<String, Object> signIn(String email, String password) {
        String verifier = LocalCloudClient.verifier();
        HttpResponse<String> page = get("/oauth2/authorize?" + LocalCloudClient.encode(client.oauthParameters(verifier, "en")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"username\"").contains("id=\"password\"");
        LocalCloudClient.Tokens tokens = client.signIn(email, password);
        return Map.of("id_token", tokens.idToken(), "access_token", tokens.accessToken());
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
        Map<String, Object> tokens = signIn("learner@seoul-learn.local", SeedData.DEMO_PASSWORD);
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
        Map<String, Object> tokens = signIn("applicant@seoul-learn.local", SeedData.DEMO_PASSWORD);
        HttpResponse<String> me = get("/api/me", "Authorization", "Bearer " + tokens.get("id_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"groups\":[\"applicants\"]").contains("\"registrationStatus\":\"DRAFT\"");
    }

    @Test
    void theSecondTenantsLearnerBelongsToTheirTenant() throws Exception {
        Map<String, Object> tokens = signIn("learner@chungbuk.seoul-learn.local", SeedData.DEMO_PASSWORD);
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
                + "&redirect_uri=" + "https%3A%2F%2Fevil.example.org%2F"
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

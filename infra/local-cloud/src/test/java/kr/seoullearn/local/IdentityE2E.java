package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.auth.CognitoTriggers;
import kr.seoullearn.local.aws.LocalAws;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity through the running local cloud as on AWS (docs/adr/0024): the sign-up page asks only
 * what Cognito's managed sign-up page can; the tenant is chosen in the app and reaches the next
 * token through the pre-token trigger; a token without a tenant reads no tenant's data; a failed
 * post-confirmation is repaired by the first API call; staff sign in with TOTP and a staff token
 * without the second factor is refused.
 */
class IdentityE2E {
    private static LocalCloudClient cloud;
    private static Map<String, Object> state;

    @BeforeAll
    static void findTheCloud() {
        cloud = LocalCloudClient.fromSystemProperty();
        state = cloud.state();
    }

    private static Map<String, Object> claims(String idToken) throws Exception {
        return SignedJWT.parse(idToken).getJWTClaimsSet().getClaims();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) {
        return cloud.send(method, path, body, body == null ? null : "application/json", token);
    }

    @Test
    void aSignUpHasNoTenantFieldAndTheTenantChosenInTheAppReachesTheNextToken() throws Exception {
        // GIVEN the sign-up page, as Cognito's managed page: e-mail and password, no tenant
        String page = cloud.send("GET", "/signup?" + LocalCloudClient.encode(cloud.oauthParameters(LocalCloudClient.verifier(), "en")),
                null, null, null).body();
        assertThat(page).contains("id=\"username\"").contains("id=\"password\"").doesNotContain("tenant");
        String email = "identity-" + System.nanoTime() + "@test.seoul-learn.local";
        LocalCloudClient.Tokens first = cloud.signUpOnly(email, "ko");
        assertThat(claims(first.idToken())).doesNotContainKey("custom:tenant");

        // WHEN the person has not chosen yet: no tenant's data, a clear problem, the app's next step
        HttpResponse<String> registration = call("GET", "/api/registration", null, first.idToken());
        assertThat(registration.statusCode()).isEqualTo(403);
        assertThat(registration.body()).contains("\"code\":\"tenant-not-chosen\"");
        assertThat(call("GET", "/api/me", null, first.idToken()).body()).contains("\"registrationStatus\":\"TENANT_NOT_CHOSEN\"");

        // THEN choosing Chungbuk opens the application there, and the next token says Chungbuk
        HttpResponse<String> chosen = call("PUT", "/api/me/tenant", "{\"tenant\":\"chungbuk\"}", first.idToken());
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("\"registrationStatus\":\"DRAFT\"");
        LocalCloudClient.Tokens next = cloud.refresh(first.refreshToken());
        assertThat(claims(next.idToken())).containsEntry("custom:tenant", "chungbuk");
        assertThat(claims(next.idToken()).get("cognito:groups")).isEqualTo(List.of("applicants"));
        HttpResponse<String> mine = call("GET", "/api/registration", null, next.idToken());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"status\":\"DRAFT\"").contains("\"programmeId\":\"chungbuk-");
        // once chosen, another tenant is refused
        HttpResponse<String> moved = call("PUT", "/api/me/tenant", "{\"tenant\":\"seoul\"}", next.idToken());
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(moved.body()).contains("\"code\":\"tenant-already-chosen\"");
    }

    @Test
    void aPostConfirmationThatFailedIsRepairedByTheFirstApiCall() throws Exception {
        // GIVEN the trigger fails once (the local cloud's test switch), as a throttled one would
        assertThat(cloud.send("POST", "/_local/triggers/PostConfirmation/fail-next", null, null, null).statusCode()).isEqualTo(200);
        String email = "stranded-" + System.nanoTime() + "@test.seoul-learn.local";
        cloud.registerPersonal(email);
        String verifier = LocalCloudClient.verifier();
        Map<String, String> form = cloud.oauthParameters(verifier, "en");
        form.put("username", email);
        form.put("password", LocalCloudClient.DEMO_PASSWORD);
        HttpResponse<String> failed = cloud.send("POST", "/signup", LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("id=\"sign-in-link\"");

        // WHEN the confirmed person signs in: no group, no account yet
        LocalCloudClient.Tokens stranded = cloud.signIn(email);
        assertThat(claims(stranded.idToken())).doesNotContainKey("cognito:groups").doesNotContainKey("custom:tenant");
        HttpResponse<String> me = call("GET", "/api/me", null, stranded.idToken());

        // THEN the first call repairs it: the account is open and the applicants group joined
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"registrationStatus\":\"TENANT_NOT_CHOSEN\"");
        assertThat(claims(cloud.refresh(stranded.refreshToken()).idToken()).get("cognito:groups")).isEqualTo(List.of("applicants"));
        assertThat(call("PUT", "/api/me/tenant", "{\"tenant\":\"seoul\"}", stranded.idToken()).statusCode()).isEqualTo(200);
        LocalCloudClient.Tokens repaired = cloud.refresh(stranded.refreshToken());
        HttpResponse<String> registration = call("GET", "/api/registration", null, repaired.idToken());
        assertThat(registration.statusCode()).isEqualTo(200);
        assertThat(registration.body()).contains("\"status\":\"DRAFT\"");
    }

    @Test
    void staffSignInWithTotpAndAStaffTokenWithoutTheSecondFactorIsRefused() throws Exception {
        // a learner is never asked for a code: the password step answers with the redirect
        String verifier = LocalCloudClient.verifier();
        Map<String, String> form = cloud.oauthParameters(verifier, "en");
        form.put("username", "learner@seoul-learn.local");
        form.put("password", LocalCloudClient.DEMO_PASSWORD);
        assertThat(cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null)
                .statusCode()).isEqualTo(302);

        // a reviewer is asked; a wrong code is refused, the right one signs in
        form.put("username", "reviewer@seoul-learn.local");
        HttpResponse<String> codePage = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(form),
                "application/x-www-form-urlencoded", null);
        assertThat(codePage.statusCode()).isEqualTo(200);
        assertThat(codePage.body()).contains("id=\"code\"");
        Map<String, String> wrong = cloud.oauthParameters(verifier, "en");
        wrong.put("step", "totp");
        wrong.put("handle", LocalCloudClient.hidden(codePage.body(), "handle"));
        String right = LocalCloudClient.totp(LocalCloudClient.STAFF_TOTP_SECRET, Instant.now().getEpochSecond() / 30);
        wrong.put("code", right.equals("000000") ? "111111" : "000000");
        assertThat(cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(wrong), "application/x-www-form-urlencoded", null)
                .statusCode()).isEqualTo(401);
        LocalCloudClient.Tokens reviewer = cloud.signIn("reviewer@seoul-learn.local");
        assertThat(claims(reviewer.idToken())).containsEntry("seoullearn:mfa", "totp").containsEntry("custom:tenant", "seoul");
        assertThat(call("GET", "/api/review/applications", null, reviewer.idToken()).statusCode()).isEqualTo(200);

        // a staff token with a valid signature but issued without the second factor: refused
        RSAKey poolKey = CognitoTriggers.emulatorSigningKey(TestStack.repositoryRoot());
        Map<String, Object> theirs = claims(reviewer.idToken());
        JWTClaimsSet.Builder without = new JWTClaimsSet.Builder().issuer((String) state.get("issuer"))
                .subject((String) theirs.get("sub")).audience((String) state.get("clientId"))
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("token_use", "id").claim("custom:tenant", "seoul").claim("cognito:groups", List.of("reviewers"));
        HttpResponse<String> refused = call("GET", "/api/review/applications", null, sign(poolKey, without.build()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"second-factor-required\"");
        assertThat(call("GET", "/api/me", null, sign(poolKey, without.build())).statusCode()).isEqualTo(403);
    }

    /** Cognito's user-pools JSON API as the browser calls it (AWS JSON 1.1), on the local cloud's stand-in. */
    private static HttpResponse<String> cognitoApi(String action, String json) {
        return cloud.send("POST", (String) CONFIG.get().get("identityApiPath"), json, "application/x-amz-json-1.1", null,
                "X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
    }

    private static final java.util.function.Supplier<Map<String, Object>> CONFIG = () -> {
        Map<String, Object> config = JsonText.readObject(cloud.send("GET", "/config.json", null, null, null).body());
        String url = (String) config.get("identityApiUrl");
        config.put("identityApiPath", java.net.URI.create(url).getPath());
        return config;
    };

    private static String type(HttpResponse<String> answer) {
        return String.valueOf(JsonText.readObject(answer.body()).get("__type"));
    }

    /** Signs in through the hosted login asking for these scopes (no TOTP step expected). */
    private static Map<String, Object> signInWithScopes(String email, String scopes) {
        String verifier = LocalCloudClient.verifier();
        Map<String, String> form = cloud.oauthParameters(verifier, "en");
        form.put("scope", scopes);
        form.put("username", email);
        form.put("password", LocalCloudClient.DEMO_PASSWORD);
        HttpResponse<String> answer = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null);
        assertThat(answer.statusCode()).as("a password-only sign-in (no set-up page, as Cognito with MFA OPTIONAL): " + answer.body())
                .isEqualTo(302);
        String location = answer.headers().firstValue("location").orElseThrow();
        String authCode = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
        HttpResponse<String> tokens = cloud.send("POST", "/oauth2/token", LocalCloudClient.encode(Map.of("grant_type", "authorization_code",
                "client_id", cloud.clientId(), "code", authCode, "redirect_uri", cloud.base() + "/", "code_verifier", verifier)),
                "application/x-www-form-urlencoded", null);
        return JsonText.readObject(tokens.body());
    }

    @Test
    void aNewStaffMemberSetsUpTotpThroughCognitosApiWithTheirAccessTokenAndIsAskedForTheCodeAfter() throws Exception {
        // GIVEN a reviewer an administrator created, with no second factor yet
        String email = "new.reviewer-" + System.nanoTime() + "@test.seoul-learn.local";
        cloud.registerPersonal(email);
        String pool = (String) state.get("userPoolId");
        try (var cognito = LocalAws.fromEnvironment().cognito()) {
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                    a -> a.name("email").value(email), a -> a.name("custom:tenant").value("chungbuk")));
            cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(email).password(LocalCloudClient.DEMO_PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(email).groupName("reviewers"));
        }
        assertThat((String) CONFIG.get().get("scopes")).contains("aws.cognito.signin.user.admin");

        // WHEN they sign in with the password only (Cognito's managed login offers no set-up with MFA OPTIONAL)
        Map<String, Object> narrow = signInWithScopes(email, "openid email profile");
        Map<String, Object> tokens = signInWithScopes(email, "openid email profile aws.cognito.signin.user.admin");
        String idToken = (String) tokens.get("id_token");
        String access = (String) tokens.get("access_token");
        // THEN the API refuses the token without the second factor, everywhere
        HttpResponse<String> refused = call("GET", "/api/me", null, idToken);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"second-factor-required\"");

        // the set-up needs the scope aws.cognito.signin.user.admin, an access token, the JSON protocol
        assertThat(type(cognitoApi("AssociateSoftwareToken", "{\"AccessToken\":\"" + narrow.get("access_token") + "\"}")))
                .isEqualTo("NotAuthorizedException");
        assertThat(type(cognitoApi("AssociateSoftwareToken", "{\"AccessToken\":\"" + idToken + "\"}"))).isEqualTo("NotAuthorizedException");
        assertThat(cloud.send("POST", (String) CONFIG.get().get("identityApiPath"), "{\"AccessToken\":\"" + access + "\"}",
                "application/json", null, "X-Amz-Target", "AWSCognitoIdentityProviderService.AssociateSoftwareToken").statusCode()).isEqualTo(400);
        assertThat(type(cognitoApi("AdminSetUserMFAPreference", "{\"AccessToken\":\"" + access + "\"}"))).isEqualTo("UnknownOperationException");
        // TOTP cannot be switched on before a key is verified
        HttpResponse<String> early = cognitoApi("SetUserMFAPreference", "{\"AccessToken\":\"" + access
                + "\",\"SoftwareTokenMfaSettings\":{\"Enabled\":true,\"PreferredMfa\":true}}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(type(early)).isEqualTo("InvalidParameterException");

        // AssociateSoftwareToken: a new key; a wrong code is refused, the right one verifies it
        HttpResponse<String> associated = cognitoApi("AssociateSoftwareToken", "{\"AccessToken\":\"" + access + "\"}");
        assertThat(associated.statusCode()).as(associated.body()).isEqualTo(200);
        String secret = (String) JsonText.readObject(associated.body()).get("SecretCode");
        assertThat(secret).matches("[A-Z2-7]{32}");
        String right = LocalCloudClient.totp(secret, Instant.now().getEpochSecond() / 30);
        HttpResponse<String> wrong = cognitoApi("VerifySoftwareToken", "{\"AccessToken\":\"" + access + "\",\"UserCode\":\""
                + (right.equals("000000") ? "111111" : "000000") + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(type(wrong)).isEqualTo("EnableSoftwareTokenMFAException");
        HttpResponse<String> verified = cognitoApi("VerifySoftwareToken", "{\"AccessToken\":\"" + access + "\",\"UserCode\":\""
                + LocalCloudClient.totp(secret, Instant.now().getEpochSecond() / 30) + "\",\"FriendlyDeviceName\":\"Seoul Learn\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"Status\":\"SUCCESS\"");
        HttpResponse<String> on = cognitoApi("SetUserMFAPreference", "{\"AccessToken\":\"" + access
                + "\",\"SoftwareTokenMfaSettings\":{\"Enabled\":true,\"PreferredMfa\":true}}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);

        // the next sign-in asks for the code of the key just set up, and its token passes the API
        String verifier = LocalCloudClient.verifier();
        Map<String, String> form = cloud.oauthParameters(verifier, "en");
        form.put("username", email);
        form.put("password", LocalCloudClient.DEMO_PASSWORD);
        HttpResponse<String> next = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("name=\"step\" value=\"totp\"");
        Map<String, String> again = cloud.oauthParameters(verifier, "en");
        again.put("step", "totp");
        again.put("handle", LocalCloudClient.hidden(next.body(), "handle"));
        again.put("code", LocalCloudClient.totp(secret, Instant.now().getEpochSecond() / 30));
        HttpResponse<String> signedIn = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(again), "application/x-www-form-urlencoded", null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String location = signedIn.headers().firstValue("location").orElseThrow();
        String authCode = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
        HttpResponse<String> answer = cloud.send("POST", "/oauth2/token", LocalCloudClient.encode(Map.of("grant_type", "authorization_code",
                "client_id", cloud.clientId(), "code", authCode, "redirect_uri", cloud.base() + "/", "code_verifier", verifier)),
                "application/x-www-form-urlencoded", null);
        String withFactor = (String) JsonText.readObject(answer.body()).get("id_token");
        assertThat(claims(withFactor)).containsEntry("seoullearn:mfa", "totp").containsEntry("custom:tenant", "chungbuk");
        assertThat(call("GET", "/api/review/applications", null, withFactor).statusCode()).isEqualTo(200);
    }

    @Test
    void theHostedLoginRefusesAScopeTheAppClientDoesNotAllow() {
        Map<String, String> form = cloud.oauthParameters(LocalCloudClient.verifier(), "en");
        form.put("scope", "openid phone");
        HttpResponse<String> page = cloud.send("GET", "/oauth2/authorize?" + LocalCloudClient.encode(form), null, null, null);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("invalid_scope");
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}

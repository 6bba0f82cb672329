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

    @Test
    void aNewStaffMemberSetsUpTheAuthenticatorAtTheirFirstSignInAndIsAskedForItAfter() throws Exception {
        String email = "new.reviewer-" + System.nanoTime() + "@test.seoul-learn.local";
        cloud.registerPersonal(email);
        String pool = (String) state.get("userPoolId");
        try (var cognito = LocalAws.fromEnvironment().cognito()) {
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(email).messageAction("SUPPRESS").userAttributes(
                    a -> a.name("email").value(email), a -> a.name("custom:tenant").value("chungbuk")));
            cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(email).password(LocalCloudClient.DEMO_PASSWORD).permanent(true));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(email).groupName("reviewers"));
        }
        String verifier = LocalCloudClient.verifier();
        Map<String, String> form = cloud.oauthParameters(verifier, "en");
        form.put("username", email);
        form.put("password", LocalCloudClient.DEMO_PASSWORD);
        HttpResponse<String> enrol = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(form), "application/x-www-form-urlencoded", null);
        assertThat(enrol.statusCode()).isEqualTo(200);
        String html = enrol.body();
        String secret = html.substring(html.indexOf("id=\"totp-secret\">") + "id=\"totp-secret\">".length(), html.indexOf("</code>"));
        Map<String, String> code = cloud.oauthParameters(verifier, "en");
        code.put("step", "enrol");
        code.put("handle", LocalCloudClient.hidden(html, "handle"));
        code.put("code", LocalCloudClient.totp(secret, Instant.now().getEpochSecond() / 30));
        HttpResponse<String> done = cloud.send("POST", "/oauth2/authorize", LocalCloudClient.encode(code), "application/x-www-form-urlencoded", null);
        assertThat(done.statusCode()).isEqualTo(302);

        // the next sign-in asks for the code of the key just set up
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
        HttpResponse<String> tokens = cloud.send("POST", "/oauth2/token", LocalCloudClient.encode(Map.of("grant_type", "authorization_code",
                "client_id", cloud.clientId(), "code", authCode, "redirect_uri", cloud.base() + "/", "code_verifier", verifier)),
                "application/x-www-form-urlencoded", null);
        String idToken = (String) JsonText.readObject(tokens.body()).get("id_token");
        assertThat(claims(idToken)).containsEntry("seoullearn:mfa", "totp").containsEntry("custom:tenant", "chungbuk");
        assertThat(call("GET", "/api/review/applications", null, idToken).statusCode()).isEqualTo(200);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}

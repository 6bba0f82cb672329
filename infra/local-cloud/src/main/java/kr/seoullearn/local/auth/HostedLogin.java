package kr.seoullearn.local.auth;

import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.template.Stack;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * A stand-in for Cognito's hosted login on the local cloud (the emulator has none): the OAuth 2.0
 * authorization-code flow with PKCE (S256) at {@code /oauth2/authorize} and {@code /oauth2/token},
 * {@code /signup} and {@code /logout}, with Cognito's parameters and answers, so the web app runs
 * the same code here and in AWS. Passwords are checked by the emulator's user pool; the TOTP step
 * (Cognito's SOFTWARE_TOKEN_MFA challenge, for a user whose TOTP is on) by {@link Totp}; every ID
 * token handed out has been through the pool's pre-token-generation trigger, as Cognito does on
 * sign-in and refresh. With MFA OPTIONAL, Cognito's managed login never offers the TOTP set-up,
 * so neither does this: people set it up in the app ({@link IdentityApi}). The scopes asked for
 * must be the app client's, and each access token carries only those granted (kept here, since
 * the emulator's access tokens always name aws.cognito.signin.user.admin).
 */
public final class HostedLogin {
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    /** Cognito's sign-in session for an MFA challenge lasts 3 minutes. */
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(3);
    private static final int CODE_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CognitoIdentityProviderClient cognito;
    private final Stack.Client client;
    private final Clock clock;
    private final SignUpConfirmation confirmation;
    private final TokenIssue tokenIssue;
    private final Totp totp;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, PendingFactor> factors = new ConcurrentHashMap<>();
    /** The scopes granted to each access token handed out here (by jti), and to each refresh token's later ones. */
    private final Map<String, Set<String>> accessScopes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refreshScopes = new ConcurrentHashMap<>();
    private volatile Set<String> allowedScopes;

    /** What Cognito does once a sign-up is confirmed: runs the PostConfirmation trigger. */
    public interface SignUpConfirmation {
        void confirmed(String username) throws Exception;
    }

    /** What Cognito does before it hands out an ID token: runs the PreTokenGeneration trigger. */
    public interface TokenIssue {
        String idToken(String username, String triggerSource, String idToken) throws Exception;
    }

    public HostedLogin(CognitoIdentityProviderClient cognito, Stack.Client client, Clock clock,
                       SignUpConfirmation confirmation, TokenIssue tokenIssue, Totp totp) {
        this.cognito = cognito;
        this.client = client;
        this.clock = clock;
        this.confirmation = confirmation;
        this.tokenIssue = tokenIssue;
        this.totp = totp;
    }

    public record Answer(int status, String contentType, String body, String location) {
        static Answer redirect(String location) {
            return new Answer(302, "text/plain", "", location);
        }

        static Answer html(int status, String body) {
            return new Answer(status, "text/html; charset=utf-8", body, null);
        }

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, null);
        }
    }

    private record PendingCode(String idToken, String accessToken, String refreshToken, Integer expiresIn, String clientId,
                               String redirectUri, String challenge, Instant expires) {}

    /** A sign-in waiting for its TOTP code: the emulator's challenge session. */
    private record PendingFactor(String username, String session, Instant expires, int failures) {}

    /** GET /oauth2/authorize: the sign-in form. */
    public Answer authorizeForm(Map<String, String> query) {
        String invalid = invalidAuthorizeRequest(query);
        return Answer.html(invalid == null ? 200 : 400, LoginPages.signIn(LoginText.of(query.get("lang")), null, query, invalid));
    }

    /** POST /oauth2/authorize: the password, then (TOTP on) the code; back to the app with a code. */
    public Answer authorizeSubmit(Map<String, String> form) {
        LoginText text = LoginText.of(form.get("lang"));
        String invalid = invalidAuthorizeRequest(form);
        if (invalid != null) {
            return Answer.html(400, LoginPages.signIn(text, null, form, invalid));
        }
        if (form.getOrDefault("step", "password").equals("totp")) {
            return secondFactor(text, form);
        }
        String username = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        if (username.isEmpty() || password.isEmpty()) {
            return Answer.html(400, LoginPages.signIn(text, text.missing(), form, null));
        }
        AdminInitiateAuthResponse auth;
        try {
            auth = cognito.adminInitiateAuth(r -> r.userPoolId(client.userPoolId()).clientId(client.clientId())
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
        } catch (CognitoIdentityProviderException e) {
            return Answer.html(401, LoginPages.signIn(text, text.wrong(), form, null));
        }
        if (auth.challengeName() == ChallengeNameType.SOFTWARE_TOKEN_MFA) {
            String handle = remember(new PendingFactor(username, auth.session(), clock.instant().plus(CHALLENGE_LIFETIME), 0));
            return Answer.html(200, LoginPages.code(text, null, form, handle));
        }
        AuthenticationResultType tokens = auth.authenticationResult();
        if (tokens == null) {
            return Answer.html(401, LoginPages.signIn(text, text.wrong(), form, null));
        }
        return finish(username, tokens, form, text);
    }

    private Answer secondFactor(LoginText text, Map<String, String> form) {
        String handle = form.getOrDefault("handle", "");
        PendingFactor pending = factors.remove(handle);
        if (pending == null || clock.instant().isAfter(pending.expires())) {
            return Answer.html(400, LoginPages.signIn(text, text.invalid(), form, null));
        }
        String code = form.getOrDefault("code", "").strip();
        if (!totp.verify(pending.username(), code, clock.instant())) {
            if (pending.failures() + 1 >= CODE_ATTEMPTS) {
                return Answer.html(401, LoginPages.signIn(text, text.wrongCode(), form, null));
            }
            String next = remember(new PendingFactor(pending.username(), pending.session(), pending.expires(), pending.failures() + 1));
            return Answer.html(401, LoginPages.code(text, text.wrongCode(), form, next));
        }
        try {
            AuthenticationResultType tokens = cognito.adminRespondToAuthChallenge(r -> r.userPoolId(client.userPoolId())
                    .clientId(client.clientId()).challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(pending.session())
                    .challengeResponses(Map.of("USERNAME", pending.username(), "SOFTWARE_TOKEN_MFA_CODE", code)))
                    .authenticationResult();
            return finish(pending.username(), tokens, form, text);
        } catch (CognitoIdentityProviderException e) {
            return Answer.html(401, LoginPages.signIn(text, text.wrong(), form, null));
        }
    }

    /** Tokens through the pre-token trigger, kept behind a one-time code; the browser goes back to the app. */
    private Answer finish(String username, AuthenticationResultType tokens, Map<String, String> form, LoginText text) {
        String idToken;
        try {
            idToken = tokenIssue.idToken(username, "TokenGeneration_HostedAuth", tokens.idToken());
        } catch (Exception e) {
            return Answer.html(500, LoginPages.signIn(text, text.failed(), form, null));
        }
        Set<String> granted = grantedFor(form.get("scope"));
        remember(tokens.accessToken(), granted);
        if (tokens.refreshToken() != null) {
            refreshScopes.put(tokens.refreshToken(), granted);
        }
        String code = randomToken();
        codes.put(code, new PendingCode(idToken, tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), client.clientId(),
                form.get("redirect_uri"), form.get("code_challenge"), clock.instant().plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(form.get("redirect_uri"))
                .append(form.get("redirect_uri").contains("?") ? '&' : '?')
                .append("code=").append(code);
        if (form.get("state") != null) {
            location.append("&state=").append(URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        }
        return Answer.redirect(location.toString());
    }

    private String remember(PendingFactor pending) {
        String handle = randomToken();
        factors.put(handle, pending);
        return handle;
    }

    /** GET /signup: the sign-up form (Cognito's managed login has it beside the sign-in form). */
    public Answer signUpForm(Map<String, String> query) {
        LoginText text = LoginText.of(query.get("lang"));
        String invalid = invalidAuthorizeRequest(query);
        return Answer.html(invalid == null ? 200 : 400, LoginPages.signUp(text, null, query, invalid));
    }

    /**
     * POST /signup: creates the user in the pool with what Cognito's managed sign-up page asks
     * (e-mail and password; the locale of the page), confirms them (locally there is no e-mail to
     * receive a code), runs the PostConfirmation trigger as Cognito would, and signs them in. If
     * the trigger fails the person stays confirmed, as in Cognito, and is offered the sign-in.
     */
    public Answer signUpSubmit(Map<String, String> form) {
        LoginText text = LoginText.of(form.get("lang"));
        String invalid = invalidAuthorizeRequest(form);
        if (invalid != null) {
            return Answer.html(400, LoginPages.signUp(text, null, form, invalid));
        }
        String email = form.getOrDefault("username", "").strip();
        String password = form.getOrDefault("password", "");
        if (email.isEmpty() || password.isEmpty()) {
            return Answer.html(400, LoginPages.signUp(text, text.missing(), form, null));
        }
        String locale = form.getOrDefault("lang", text.lang());
        try {
            cognito.signUp(r -> r.clientId(client.clientId()).username(email).password(password).userAttributes(
                    AttributeType.builder().name("email").value(email).build(),
                    AttributeType.builder().name("locale").value(locale).build()));
        } catch (UsernameExistsException e) {
            return Answer.html(409, LoginPages.signUp(text, text.exists(), form, null));
        } catch (InvalidPasswordException e) {
            return Answer.html(400, LoginPages.signUp(text, text.weakPassword(), form, null));
        } catch (CognitoIdentityProviderException e) {
            return Answer.html(400, LoginPages.signUp(text, text.missing(), form, null));
        }
        cognito.adminConfirmSignUp(r -> r.userPoolId(client.userPoolId()).username(email));
        // confirming the mailed code verifies the address (AutoVerifiedAttributes); AdminConfirmSignUp does not (ADR 23)
        cognito.adminUpdateUserAttributes(r -> r.userPoolId(client.userPoolId()).username(email)
                .userAttributes(AttributeType.builder().name("email_verified").value("true").build()));
        try {
            confirmation.confirmed(email);
        } catch (Exception e) {
            return Answer.html(500, LoginPages.signUpFailed(text, form));
        }
        return authorizeSubmit(form);
    }

    /** POST /oauth2/token: authorization_code (with the PKCE verifier) or refresh_token. */
    public Answer token(Map<String, String> form) {
        String grant = form.get("grant_type");
        if ("authorization_code".equals(grant)) {
            PendingCode pending = codes.remove(form.getOrDefault("code", ""));
            if (pending == null || clock.instant().isAfter(pending.expires())
                    || !pending.clientId().equals(form.get("client_id"))
                    || !pending.redirectUri().equals(form.get("redirect_uri"))
                    || !pending.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
            return Answer.json(200, tokenJson(pending.idToken(), pending.accessToken(), pending.refreshToken(), pending.expiresIn()));
        }
        if ("refresh_token".equals(grant)) {
            if (!client.clientId().equals(form.get("client_id")) || form.get("refresh_token") == null) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
            try {
                AuthenticationResultType t = cognito.adminInitiateAuth(r -> r.userPoolId(client.userPoolId())
                        .clientId(client.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(Map.of("REFRESH_TOKEN", form.get("refresh_token")))).authenticationResult();
                String username = SignedJWT.parse(t.idToken()).getJWTClaimsSet().getStringClaim("cognito:username");
                String idToken = tokenIssue.idToken(username, "TokenGeneration_RefreshTokens", t.idToken());
                Set<String> granted = refreshScopes.get(form.get("refresh_token"));
                if (granted != null) {
                    remember(t.accessToken(), granted);
                }
                return Answer.json(200, tokenJson(idToken, t.accessToken(), null, t.expiresIn()));
            } catch (CognitoIdentityProviderException | java.text.ParseException e) {
                return Answer.json(400, "{\"error\":\"invalid_grant\"}");
            } catch (Exception e) {
                return Answer.json(500, "{\"error\":\"server_error\"}");
            }
        }
        return Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
    }

    /** GET /logout: back to the app if the logout URL is registered for the client. */
    public Answer logout(Map<String, String> query) {
        String target = query.get("logout_uri");
        if (!client.clientId().equals(query.get("client_id")) || target == null || !client.logoutUrls().contains(target)) {
            return Answer.html(400, "<!doctype html><title>Sign out</title><p>Invalid logout request.</p>");
        }
        return Answer.redirect(target);
    }

    private String invalidAuthorizeRequest(Map<String, String> p) {
        if (!client.clientId().equals(p.get("client_id"))) {
            return "unknown client_id";
        }
        if (p.get("redirect_uri") == null || !client.callbackUrls().contains(p.get("redirect_uri"))) {
            return "redirect_uri is not a callback URL of this client";
        }
        if (!"code".equals(p.get("response_type"))) {
            return "response_type must be code";
        }
        if (p.get("code_challenge") == null || !"S256".equals(p.get("code_challenge_method"))) {
            return "PKCE with code_challenge_method=S256 is required";
        }
        if (p.get("scope") != null && !allowedScopes().containsAll(scopes(p.get("scope")))) {
            return "invalid_scope: a scope the app client does not allow";
        }
        return null;
    }

    /**
     * The scopes an access token handed out here was granted (by its jti); empty for a token
     * this login did not hand out (the user-pools API's tokens carry their own scope claim).
     */
    public Optional<Set<String>> grantedScopes(String jti) {
        return jti == null ? Optional.empty() : Optional.ofNullable(accessScopes.get(jti));
    }

    /** What the authorize request asked for, or (no scope asked) every scope of the app client, as Cognito grants. */
    private Set<String> grantedFor(String requested) {
        return requested == null || requested.isBlank() ? allowedScopes() : scopes(requested);
    }

    private void remember(String accessToken, Set<String> granted) {
        try {
            String jti = SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID();
            if (jti != null) {
                accessScopes.put(jti, granted);
            }
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the emulator's access token is not a JWT", e);
        }
    }

    private static Set<String> scopes(String text) {
        return Set.copyOf(java.util.Arrays.asList(text.strip().split("\\s+")));
    }

    private Set<String> allowedScopes() {
        Set<String> allowed = allowedScopes;
        if (allowed == null) {
            allowed = Set.copyOf(cognito.describeUserPoolClient(r -> r.userPoolId(client.userPoolId()).clientId(client.clientId()))
                    .userPoolClient().allowedOAuthScopes());
            allowedScopes = allowed;
        }
        return allowed;
    }

    private static String tokenJson(String id, String access, String refresh, Integer expiresIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_token", id);
        body.put("access_token", access);
        if (refresh != null) {
            body.put("refresh_token", refresh);
        }
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn == null ? 3600 : expiresIn);
        return JsonText.write(body);
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package kr.seoullearn.local.auth;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.local.json.JsonText;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

/**
 * A stand-in for the three actions of Cognito's user-pools JSON API that a signed-in person calls
 * with their own access token to set up TOTP — AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference — which the web app calls in the browser (on AWS at
 * {@code https://cognito-idp.<region>.amazonaws.com/}). The emulator takes any access token it
 * issued and any code, so this checks what Cognito checks: the AWS JSON 1.1 protocol (POST,
 * {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Action>}); an access token of the pool
 * (signature, issuer, client, {@code token_use=access}, not expired) that carries the scope
 * {@code aws.cognito.signin.user.admin} (a managed-login token only when the app asked for that
 * scope); the code against the key just associated (RFC 6238); and TOTP switched on only after a
 * verified key. The emulator then keeps the MFA state, which sign-in and the pre-token trigger read.
 */
public final class IdentityApi {
    static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    public static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";
    private static final String JSON = "application/x-amz-json-1.1";

    private final CognitoIdentityProviderClient cognito;
    private final JwtAuthorizer accessTokens;
    private final HostedLogin login;
    private final Totp totp;
    private final Clock clock;

    /** @param accessTokens the pool's issuer and the app client: checks signature, issuer, client and expiry */
    public IdentityApi(CognitoIdentityProviderClient cognito, JwtAuthorizer accessTokens, HostedLogin login, Totp totp, Clock clock) {
        this.cognito = cognito;
        this.accessTokens = accessTokens;
        this.login = login;
        this.totp = totp;
        this.clock = clock;
    }

    /** A failure as Cognito's JSON API answers it: 400, {"__type", "message"}. */
    static final class Refusal extends Exception {
        final String type;

        Refusal(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    /** POST / with the action in X-Amz-Target. */
    public HostedLogin.Answer handle(String target, String contentType, String body) {
        try {
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
                throw new Refusal("UnknownOperationException", "Content-Type must be " + JSON);
            }
            if (target == null || !target.startsWith(TARGET_PREFIX)) {
                throw new Refusal("UnknownOperationException", "X-Amz-Target names no action");
            }
            Map<String, Object> request;
            try {
                request = JsonText.readObject(body == null || body.isBlank() ? "{}" : body);
            } catch (RuntimeException e) {
                throw new Refusal("SerializationException", "the body is not a JSON object");
            }
            Map<String, Object> answer = switch (target.substring(TARGET_PREFIX.length())) {
                case "AssociateSoftwareToken" -> associate(request);
                case "VerifySoftwareToken" -> verify(request);
                case "SetUserMFAPreference" -> preference(request);
                default -> throw new Refusal("UnknownOperationException",
                        "the local stand-in serves AssociateSoftwareToken, VerifySoftwareToken and SetUserMFAPreference only");
            };
            return new HostedLogin.Answer(200, JSON, JsonText.write(answer), null);
        } catch (Refusal r) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("__type", r.type);
            error.put("message", r.getMessage());
            return new HostedLogin.Answer(400, JSON, JsonText.write(error), null);
        }
    }

    private Map<String, Object> associate(Map<String, Object> request) throws Refusal {
        if (request.get("Session") != null) {
            // Cognito's MFA_SETUP challenge; a pool with MFA OPTIONAL never issues it
            throw new Refusal("NotAuthorizedException", "Invalid session for the user.");
        }
        String accessToken = accessToken(request);
        String user = user(accessToken);
        String secret = Totp.newSecret();
        totp.associate(user, secret);
        emulator(() -> cognito.associateSoftwareToken(r -> r.accessToken(accessToken)));
        return Map.of("SecretCode", secret);
    }

    private Map<String, Object> verify(Map<String, Object> request) throws Refusal {
        String accessToken = accessToken(request);
        Object code = request.get("UserCode");
        if (!(code instanceof String userCode) || !userCode.matches("[0-9]{6}")) {
            throw new Refusal("InvalidParameterException", "1 validation error detected: Value at 'userCode' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [0-9]+ and length 6");
        }
        String user = user(accessToken);
        if (!totp.hasAssociated(user)) {
            throw new Refusal("InvalidParameterException", "User has not associated a software token");
        }
        if (!totp.verifyAssociated(user, userCode, clock.instant())) {
            throw new Refusal("EnableSoftwareTokenMFAException", "Code mismatch");
        }
        emulator(() -> cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(userCode)));
        return Map.of("Status", "SUCCESS");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> preference(Map<String, Object> request) throws Refusal {
        String accessToken = accessToken(request);
        for (String other : new String[] {"SMSMfaSettings", "EmailMfaSettings"}) {
            if (request.get(other) instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("Enabled"))) {
                // the pool's EnabledMfas is [SOFTWARE_TOKEN_MFA] only
                throw new Refusal("InvalidParameterException", other + ": this MFA type is not enabled for the user pool");
            }
        }
        if (!(request.get("SoftwareTokenMfaSettings") instanceof Map<?, ?> raw)) {
            return Map.of();
        }
        Map<String, Object> settings = (Map<String, Object>) raw;
        boolean enabled = Boolean.TRUE.equals(settings.get("Enabled"));
        boolean preferred = Boolean.TRUE.equals(settings.get("PreferredMfa"));
        String user = user(accessToken);
        if (enabled && !totp.enrolled(user)) {
            throw new Refusal("InvalidParameterException", "User has not verified software token mfa");
        }
        emulator(() -> cognito.setUserMFAPreference(r -> r.accessToken(accessToken)
                .softwareTokenMfaSettings(s -> s.enabled(enabled).preferredMfa(preferred))));
        return Map.of();
    }

    /** The request's access token, if Cognito would take it for these actions. */
    private String accessToken(Map<String, Object> request) throws Refusal {
        if (!(request.get("AccessToken") instanceof String token) || token.isBlank()) {
            throw new Refusal("InvalidParameterException", "AccessToken is required");
        }
        Optional<Map<String, String>> claims = accessTokens.authorize(token);
        if (claims.isEmpty() || !"access".equals(claims.get().get("token_use"))) {
            throw new Refusal("NotAuthorizedException", "Invalid Access Token");
        }
        String jti = claims.get().get("jti");
        Set<String> scopes = login.grantedScopes(jti)
                .orElseGet(() -> Set.copyOf(Arrays.asList(claims.get().getOrDefault("scope", "").split(" "))));
        if (!scopes.contains(ADMIN_SCOPE)) {
            throw new Refusal("NotAuthorizedException", "Access Token does not have required scopes");
        }
        return token;
    }

    /** The user's name as the stand-in keeps TOTP keys: the e-mail they sign in with. */
    private String user(String accessToken) throws Refusal {
        GetUserResponse user;
        try {
            user = cognito.getUser(r -> r.accessToken(accessToken));
        } catch (CognitoIdentityProviderException e) {
            throw new Refusal("NotAuthorizedException", "Invalid Access Token");
        }
        return user.userAttributes().stream().filter(a -> a.name().equals("email")).map(AttributeType::value).findFirst()
                .orElse(user.username());
    }

    private interface Call {
        void run();
    }

    private static void emulator(Call call) throws Refusal {
        try {
            call.run();
        } catch (CognitoIdentityProviderException e) {
            String type = e.awsErrorDetails() == null ? "InternalErrorException" : e.awsErrorDetails().errorCode();
            throw new Refusal(type, e.awsErrorDetails() == null ? "the emulator refused" : e.awsErrorDetails().errorMessage());
        }
    }
}

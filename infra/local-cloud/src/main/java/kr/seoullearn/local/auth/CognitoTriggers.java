package kr.seoullearn.local.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import kr.seoullearn.local.json.JsonText;
import kr.seoullearn.local.template.Stack;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * Invokes the user pool's Lambda triggers (the emulator stores LambdaConfig but never calls it),
 * with the events Cognito sends, so the functions the template wires are the ones that run:
 * PostConfirmation after a confirmed sign-up, PreTokenGeneration (event version 1) before every
 * ID token the hosted login hands out — sign-in and refresh — whose answer is applied to the
 * emulator's token, which is then signed again with the emulator's own key (so the authorizer
 * verifies it against the pool's JWKS as before).
 */
public final class CognitoTriggers {
    /** Claims a pre-token trigger cannot change (Cognito developer guide, pre token generation trigger). */
    static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp",
            "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use");

    /** Runs a function with an event (the local cloud: its FunctionHost) and answers its result; a function that fails throws. */
    @FunctionalInterface
    public interface Invoker {
        String invoke(String functionId, String event) throws IOException, InterruptedException;
    }

    private final Stack stack;
    private final Invoker functions;
    private final RSAKey signingKey;
    /** Test switch: how many post-confirmation runs to fail before calling the function (POST /_local/triggers/...). */
    private final AtomicInteger failPostConfirmation = new AtomicInteger();

    public CognitoTriggers(Stack stack, Invoker functions, RSAKey signingKey) {
        this.stack = stack;
        this.functions = functions;
        this.signingKey = signingKey;
    }

    /** Makes the next post-confirmation fail as a throttled or broken trigger would (local test switch only). */
    public void failNextPostConfirmation() {
        failPostConfirmation.incrementAndGet();
    }

    /** What Cognito does after ConfirmSignUp: the PostConfirmation trigger, if one is wired. */
    public void postConfirmation(CognitoIdentityProviderClient cognito, String username) throws IOException, InterruptedException {
        String functionId = stack.trigger("PostConfirmation");
        if (functionId == null) {
            return;
        }
        if (failPostConfirmation.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("PostConfirmation trigger " + functionId + " failed (test switch)");
        }
        String poolId = stack.userPoolId();
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(username));
        Map<String, String> attributes = new LinkedHashMap<>();
        user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
        attributes.put("cognito:user_status", "CONFIRMED");
        Map<String, Object> event = common("PostConfirmation_ConfirmSignUp", user.username());
        event.put("request", Map.of("userAttributes", attributes));
        event.put("response", Map.of());
        try {
            functions.invoke(functionId, JsonText.write(event));
        } catch (IOException failed) {
            // Cognito reports a failed trigger to the person signing up; here the caller sees it.
            throw new IOException("PostConfirmation trigger " + functionId + " failed: " + failed.getMessage(), failed);
        }
    }

    /**
     * What Cognito does before it issues tokens: the PreTokenGeneration trigger (version 1, ID
     * token), with the user's attributes and groups; answers the ID token with the trigger's
     * claims applied. Without a trigger the token is returned as it is. A failing trigger fails
     * the sign-in, as in Cognito.
     */
    public String preTokenGeneration(CognitoIdentityProviderClient cognito, String username, String triggerSource, String idToken)
            throws IOException, InterruptedException {
        String functionId = stack.trigger("PreTokenGeneration");
        if (functionId == null) {
            return idToken;
        }
        String poolId = stack.userPoolId();
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(username));
        Map<String, String> attributes = new LinkedHashMap<>();
        user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
        List<String> groups = cognito.adminListGroupsForUser(r -> r.userPoolId(poolId).username(username)).groups().stream()
                .map(GroupType::groupName).toList();
        Map<String, Object> groupConfiguration = new LinkedHashMap<>();
        groupConfiguration.put("groupsToOverride", groups);
        groupConfiguration.put("iamRolesToOverride", List.of());
        Map<String, Object> event = common(triggerSource, user.username());
        event.put("request", Map.of("userAttributes", attributes, "groupConfiguration", groupConfiguration, "clientMetadata", Map.of()));
        event.put("response", Map.of());
        String answer;
        try {
            answer = functions.invoke(functionId, JsonText.write(event));
        } catch (IOException failed) {
            throw new IOException("PreTokenGeneration trigger " + functionId + " failed: " + failed.getMessage(), failed);
        }
        return apply(idToken, JsonText.readObject(answer));
    }

    @SuppressWarnings("unchecked")
    String apply(String idToken, Map<String, Object> answer) throws IOException {
        Object response = answer.get("response");
        Object details = response instanceof Map<?, ?> r ? r.get("claimsOverrideDetails") : null;
        if (!(details instanceof Map<?, ?> d)) {
            return idToken;
        }
        try {
            JWTClaimsSet original = SignedJWT.parse(idToken).getJWTClaimsSet();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(original);
            if (d.get("claimsToAddOrOverride") instanceof Map<?, ?> add) {
                for (var e : ((Map<String, Object>) add).entrySet()) {
                    reservedGuard(e.getKey());
                    claims.claim(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
                }
            }
            if (d.get("claimsToSuppress") instanceof List<?> suppress) {
                for (Object name : suppress) {
                    reservedGuard(String.valueOf(name));
                    claims.claim(String.valueOf(name), null);
                }
            }
            if (d.get("groupOverrideDetails") instanceof Map<?, ?> g && g.get("groupsToOverride") instanceof List<?> groups) {
                claims.claim("cognito:groups", groups.isEmpty() ? null : new ArrayList<>(groups.stream().map(String::valueOf).toList()));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IOException("cannot apply the PreTokenGeneration answer: " + e.getMessage(), e);
        }
    }

    private static void reservedGuard(String claim) throws IOException {
        if (RESERVED.contains(claim) || claim.startsWith("dev:")) {
            throw new IOException("PreTokenGeneration may not change the claim " + claim);
        }
    }

    private Map<String, Object> common(String triggerSource, String userName) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1");
        event.put("triggerSource", triggerSource);
        event.put("region", stack.aws().region());
        event.put("userPoolId", stack.userPoolId());
        event.put("userName", userName);
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-java-2", "clientId", stack.client().clientId()));
        return event;
    }

    /**
     * The emulator's signing key (moto signs every pool's tokens with the one key it ships, in
     * {@code moto/cognitoidp/resources/jwks-private.json.gz} of the local moto install).
     */
    public static RSAKey emulatorSigningKey(Path root) throws IOException {
        Path lib = root.resolve(".local/venv-moto/lib");
        Path file;
        try (var files = Files.walk(lib)) {
            file = files.filter(p -> p.endsWith(Path.of("moto/cognitoidp/resources/jwks-private.json.gz"))).findFirst()
                    .orElseThrow(() -> new IOException("moto's jwks-private.json.gz not found under " + lib));
        }
        String jwks;
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            jwks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return jwks.contains("\"keys\"") ? (RSAKey) JWKSet.parse(jwks).getKeys().get(0) : RSAKey.parse(jwks);
        } catch (java.text.ParseException e) {
            throw new IOException("moto's signing key cannot be read: " + e.getMessage(), e);
        }
    }
}

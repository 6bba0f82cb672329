package kr.seoullearn.local;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.local.template.Stack;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;

/**
 * Invokes the user pool's Lambda triggers (the emulator stores LambdaConfig but never calls it),
 * with the event Cognito sends, so the function the template wires is the one that runs.
 */
final class CognitoTriggers {
    private final Stack stack;
    private final Map<String, FunctionHost> functions;

    CognitoTriggers(Stack stack, Map<String, FunctionHost> functions) {
        this.stack = stack;
        this.functions = functions;
    }

    /** What Cognito does after ConfirmSignUp: the PostConfirmation trigger, if one is wired. */
    void postConfirmation(CognitoIdentityProviderClient cognito, String username) throws IOException, InterruptedException {
        String functionId = stack.trigger("PostConfirmation");
        if (functionId == null) {
            return;
        }
        String poolId = stack.userPoolId();
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(username));
        Map<String, String> attributes = new LinkedHashMap<>();
        user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
        attributes.put("cognito:user_status", "CONFIRMED");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1");
        event.put("triggerSource", "PostConfirmation_ConfirmSignUp");
        event.put("region", stack.aws().region());
        event.put("userPoolId", poolId);
        event.put("userName", user.username());
        event.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-java-2", "clientId", stack.client().clientId()));
        event.put("request", Map.of("userAttributes", attributes));
        event.put("response", Map.of());
        FunctionHost.Invocation result = functions.get(functionId).invoke(JsonText.write(event));
        if (!result.ok()) {
            // Cognito reports a failed trigger to the person signing up; here the caller sees it.
            throw new IOException("PostConfirmation trigger " + functionId + " failed: " + result.payload());
        }
    }
}

package kr.seoullearn.platform.cognito;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;

/** The Cognito client, built once per execution environment like the other SDK clients. */
@Factory
public class CognitoClientFactory {

    @Singleton
    public CognitoIdentityProviderClient cognito(FunctionEnvironment env) {
        CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient())
                .build();
        // SnapStart priming (docs/adr/0018): one request marshalled and signed, never sent.
        Priming.sdkClient(CognitoIdentityProviderClient.class);
        Priming.add(() -> Priming.stopped(() -> client.adminGetUser(AdminGetUserRequest.builder()
                .userPoolId("ap-northeast-2_priming").username("priming")
                .overrideConfiguration(o -> o.addPlugin(Priming.noSend())).build())));
        return client;
    }
}

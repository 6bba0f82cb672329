package kr.seoullearn.shared.cognito;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import kr.seoullearn.shared.aws.AwsClients;
import kr.seoullearn.shared.aws.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The Cognito client, built once per execution environment like the other SDK clients. */
@Factory
public class CognitoClientFactory {

    @Singleton
    public CognitoIdentityProviderClient cognito(FunctionEnvironment env) {
        return CognitoIdentityProviderClient.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient())
                .build();
    }
}

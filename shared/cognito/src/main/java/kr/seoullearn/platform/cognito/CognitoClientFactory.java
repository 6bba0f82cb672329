package kr.seoullearn.platform.cognito;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import kr.seoullearn.platform.aws.FunctionEnvironment;

/** The user pool's operations, built once per execution environment like the SDK clients. */
@Factory
public class CognitoClientFactory {

    @Singleton
    public CognitoUsers cognitoUsers(FunctionEnvironment env) {
        return CognitoUsers.of(env);
    }
}

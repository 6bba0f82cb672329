package kr.seoullearn.platform.cognito;

import jakarta.inject.Singleton;
import kr.seoullearn.platform.identity.UserDeletion;

/** Removes a user through Cognito's AdminDeleteUser; their tokens can then no longer be refreshed. A user already gone is not an error. */
@Singleton
public class CognitoUserDeletion implements UserDeletion {
    private final CognitoUsers cognito;

    public CognitoUserDeletion(CognitoUsers cognito) {
        this.cognito = cognito;
    }

    @Override
    public void delete(String userPoolId, String userName) {
        cognito.delete(userPoolId, userName);
    }
}

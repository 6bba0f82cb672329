package kr.seoullearn.platform.cognito;

import jakarta.inject.Singleton;
import kr.seoullearn.platform.identity.UserDeletion;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Removes a user through Cognito's AdminDeleteUser; their tokens can then no longer be refreshed. */
@Singleton
public class CognitoUserDeletion implements UserDeletion {
    private final CognitoIdentityProviderClient cognito;

    public CognitoUserDeletion(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @Override
    public void delete(String userPoolId, String userName) {
        try {
            cognito.adminDeleteUser(r -> r.userPoolId(userPoolId).username(userName));
        } catch (UserNotFoundException e) {
            // deleted by an earlier try
        }
    }
}

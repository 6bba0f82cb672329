package kr.seoullearn.functions.signup;

import jakarta.inject.Singleton;
import kr.seoullearn.shared.identity.Role;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Group membership through Cognito's AdminAddUserToGroup (idempotent on Cognito's side). */
@Singleton
public class CognitoGroupMembership implements GroupMembership {
    private final CognitoIdentityProviderClient cognito;

    public CognitoGroupMembership(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @Override
    public void add(String userPoolId, String userName, Role role) {
        cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(userName).groupName(role.group()));
    }
}

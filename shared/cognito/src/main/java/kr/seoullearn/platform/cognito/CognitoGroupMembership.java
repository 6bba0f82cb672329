package kr.seoullearn.platform.cognito;

import jakarta.inject.Singleton;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Group membership through Cognito's AdminAddUserToGroup / AdminRemoveUserFromGroup. */
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

    @Override
    public void remove(String userPoolId, String userName, Role role) {
        cognito.adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(userName).groupName(role.group()));
    }
}

package kr.seoullearn.platform.cognito;

import jakarta.inject.Singleton;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;

/** Group membership through Cognito's AdminAddUserToGroup / AdminRemoveUserFromGroup. */
@Singleton
public class CognitoGroupMembership implements GroupMembership {
    private final CognitoUsers cognito;

    public CognitoGroupMembership(CognitoUsers cognito) {
        this.cognito = cognito;
    }

    @Override
    public void add(String userPoolId, String userName, Role role) {
        cognito.addToGroup(userPoolId, userName, role.group());
    }

    @Override
    public void remove(String userPoolId, String userName, Role role) {
        cognito.removeFromGroup(userPoolId, userName, role.group());
    }
}

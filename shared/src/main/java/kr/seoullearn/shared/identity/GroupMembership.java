package kr.seoullearn.functions.signup;

import kr.seoullearn.shared.identity.Role;

/** The port that puts a user into the Cognito group of a role. */
public interface GroupMembership {
    void add(String userPoolId, String userName, Role role);
}

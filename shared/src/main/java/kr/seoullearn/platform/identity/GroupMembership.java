package kr.seoullearn.platform.identity;

/** The port that puts users into, and takes them out of, the Cognito group of a role. */
public interface GroupMembership {

    /** Idempotent: adding a member twice changes nothing. */
    void add(String userPoolId, String userName, Role role);

    /** Idempotent: removing a non-member changes nothing. */
    void remove(String userPoolId, String userName, Role role);
}

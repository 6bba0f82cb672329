package kr.seoullearn.platform.identity;

/** The port that removes a person from the user pool when they withdraw (Cognito AdminDeleteUser). */
public interface UserDeletion {

    /** Idempotent: a user already gone is not an error. */
    void delete(String userPoolId, String userName);
}

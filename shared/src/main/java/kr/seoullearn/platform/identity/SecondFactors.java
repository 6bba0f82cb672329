package kr.seoullearn.platform.identity;

/** The port that says whether a user pool user has TOTP turned on (then Cognito asks for it at every sign-in). */
public interface SecondFactors {

    boolean totpOn(String userPoolId, String userName);
}

package kr.seoullearn.platform.cognito;

import jakarta.inject.Singleton;
import kr.seoullearn.platform.identity.SecondFactors;

/**
 * TOTP status through Cognito's AdminGetUser: with the pool's MFA OPTIONAL, a user whose
 * {@code UserMFASettingList} holds {@code SOFTWARE_TOKEN_MFA} is asked for a code at every sign-in
 * (no remembered devices in this pool), so a token issued for them was issued after the code.
 */
@Singleton
public class CognitoSecondFactors implements SecondFactors {
    static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
    private final CognitoUsers cognito;

    public CognitoSecondFactors(CognitoUsers cognito) {
        this.cognito = cognito;
    }

    @Override
    public boolean totpOn(String userPoolId, String userName) {
        return cognito.user(userPoolId, userName).map(u -> u.mfaSettings().contains(SOFTWARE_TOKEN_MFA)).orElse(false);
    }
}

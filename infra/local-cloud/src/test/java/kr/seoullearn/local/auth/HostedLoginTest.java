package kr.seoullearn.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostedLoginTest {

    @Test
    void pkceS256MatchesRfc7636AppendixB() {
        assertThat(HostedLogin.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void theLoginPageSpeaksCognitosLanguageCodesAndEnglishForAnythingElse() {
        // GIVEN managed login's codes (ko, en, zh-CN among them), WHEN asked, THEN the page speaks them
        assertThat(LoginText.of("ko").signIn()).isEqualTo("로그인");
        assertThat(LoginText.of("zh-CN").signIn()).isEqualTo("登录");
        assertThat(LoginText.of("en").signIn()).isEqualTo("Sign in");
        // Vietnamese, a bare "zh", a wrong case or nothing at all: Cognito's default, English
        assertThat(LoginText.of("vi").lang()).isEqualTo("en");
        assertThat(LoginText.of("zh").lang()).isEqualTo("en");
        assertThat(LoginText.of("KO").lang()).isEqualTo("en");
        assertThat(LoginText.of(null).lang()).isEqualTo("en");
        // a code Cognito has but the stand-in has no words for: English, never another language
        assertThat(LoginText.of("de").lang()).isEqualTo("en");
    }

    @Test
    void totpKeysAssociatedReplaceTheKeyInUseOnlyOnceACodeOfTheNewKeyIsVerified() {
        Totp totp = new Totp();
        java.time.Instant now = java.time.Instant.parse("2026-12-07T10:00:00Z");
        String old = Totp.newSecret();
        totp.keep("Staff@Example.org", old);
        String next = Totp.newSecret();
        totp.associate("staff@example.org", next);
        // a wrong code changes nothing: the old key still signs in
        assertThat(totp.verifyAssociated("staff@example.org", Totp.code(old, now.getEpochSecond() / 30), now)).isFalse();
        assertThat(totp.verify("staff@example.org", Totp.code(old, now.getEpochSecond() / 30), now)).isTrue();
        // the new key's code: the new key is the one in use, the old one no longer works
        assertThat(totp.verifyAssociated("staff@example.org", Totp.code(next, now.getEpochSecond() / 30), now)).isTrue();
        assertThat(totp.hasAssociated("staff@example.org")).isFalse();
        assertThat(totp.verify("staff@example.org", Totp.code(next, now.getEpochSecond() / 30), now)).isTrue();
        assertThat(totp.verify("staff@example.org", Totp.code(old, now.getEpochSecond() / 30), now)).isFalse();
    }
}

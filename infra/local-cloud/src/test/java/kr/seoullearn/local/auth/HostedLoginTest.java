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
    void theLoginPageSpeaksTheRequestedLanguageAndFallsBackToKorean() {
        assertThat(LoginText.of("vi", null).signIn()).isEqualTo("Đăng nhập");
        assertThat(LoginText.of(null, "zh-CN,zh;q=0.9").signIn()).isEqualTo("登录");
        assertThat(LoginText.of(null, null).signIn()).isEqualTo("로그인");
        assertThat(LoginText.of("fr", null).lang()).isEqualTo("ko");
    }
}

package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void picksTheSupportedLanguageWithTheHighestWeight() {
        assertThat(Language.fromAcceptLanguage("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo(Language.VI);
        assertThat(Language.fromAcceptLanguage("fr-FR,zh-CN;q=0.5,en;q=0.7")).isEqualTo(Language.EN);
        assertThat(Language.fromAcceptLanguage("zh-Hans-CN")).isEqualTo(Language.ZH);
    }

    @Test
    void headersOfSeparatorsOnlyFallBackToKoreanInsteadOfFailing() {
        // the fuzzer's "Accept-Language: ;" answered 500 on every route
        for (String header : java.util.List.of(";", ";;", ",", ";,;", " ; , ", ";q=0.5", "en;;q=0.1,;")) {
            assertThat(Language.fromAcceptLanguage(header)).as(header).isIn(Language.KO, Language.EN);
        }
        assertThat(Language.fromAcceptLanguage(";")).isEqualTo(Language.KO);
        assertThat(Language.fromAcceptLanguage(";,vi")).isEqualTo(Language.VI);
    }

    @Test
    void fallsBackToKorean() {
        assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.KO);
        assertThat(Language.fromAcceptLanguage("")).isEqualTo(Language.KO);
        assertThat(Language.fromAcceptLanguage("fr,de;q=0.5")).isEqualTo(Language.KO);
        assertThat(Language.fromAcceptLanguage("en;q=abc")).isEqualTo(Language.EN);
    }
}

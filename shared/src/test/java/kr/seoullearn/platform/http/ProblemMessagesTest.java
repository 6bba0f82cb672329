package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    @Test
    void everyProblemHasATitleAndDetailInEveryLanguage() throws Exception {
        for (Language language : Language.values()) {
            Properties p = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/problems_" + language.tag() + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> expected = new HashSet<>();
            for (Problem problem : Problem.values()) {
                expected.add(problem.code() + ".title");
                expected.add(problem.code() + ".detail");
                assertThat(p.getProperty(problem.code() + ".title")).as(language + " " + problem).isNotBlank();
                assertThat(p.getProperty(problem.code() + ".detail")).as(language + " " + problem).isNotBlank();
            }
            assertThat(p.stringPropertyNames()).as("unused keys in " + language).isEqualTo(expected);
        }
    }

    @Test
    void messagesAreInTheirLanguage() {
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.KO)).isEqualTo("로그인해 주세요");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.EN)).isEqualTo("Please sign in");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.VI)).isEqualTo("Vui lòng đăng nhập");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.ZH)).isEqualTo("请登录");
    }
}

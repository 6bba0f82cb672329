package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
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
            for (Refusal problem : refusals()) {
                expected.add(problem.code() + ".title");
                expected.add(problem.code() + ".detail");
                assertThat(p.getProperty(problem.code() + ".title")).as(language + " " + problem).isNotBlank();
                assertThat(p.getProperty(problem.code() + ".detail")).as(language + " " + problem).isNotBlank();
            }
            assertThat(p.stringPropertyNames()).as("unused keys in " + language).isEqualTo(expected);
        }
    }

    /** Every refusal code of shared/: {@link Problem} and each context's refusal enum (found on the class path). */
    static List<Refusal> refusals() throws Exception {
        List<Refusal> all = new ArrayList<>();
        Path root = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> classes = Files.walk(root.resolve("kr/seoullearn"))) {
            for (Path c : classes.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = root.relativize(c).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ProblemMessagesTest.class.getClassLoader());
                if (type.isEnum() && Refusal.class.isAssignableFrom(type)) {
                    all.addAll(List.of((Refusal[]) type.getEnumConstants()));
                }
            }
        }
        assertThat(all).contains(Problem.values());
        return all;
    }

    @Test
    void messagesAreInTheirLanguage() {
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.KO)).isEqualTo("로그인해 주세요");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.EN)).isEqualTo("Please sign in");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.VI)).isEqualTo("Vui lòng đăng nhập");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.ZH)).isEqualTo("请登录");
    }
}

package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
            for (Refusal problem : everyRefusal()) {
                expected.add(problem.code() + ".title");
                expected.add(problem.code() + ".detail");
                assertThat(p.getProperty(problem.code() + ".title")).as(language + " " + problem).isNotBlank();
                assertThat(p.getProperty(problem.code() + ".detail")).as(language + " " + problem).isNotBlank();
            }
            assertThat(p.stringPropertyNames()).as("unused keys in " + language).isEqualTo(expected);
        }
    }

    /** The constants of Problem and of every context's refusal enum ({@code kr.seoullearn.<context>.domain.*Refusal}). */
    static List<Refusal> everyRefusal() throws Exception {
        List<Refusal> all = new ArrayList<>(List.of(Problem.values()));
        Path classes = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Refusal.class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isEnum() && Refusal.class.isAssignableFrom(type)) {
                    for (Object constant : type.getEnumConstants()) {
                        all.add((Refusal) constant);
                    }
                }
            }
        }
        assertThat(all.stream().map(Refusal::code).distinct().count()).as("refusal codes are unique").isEqualTo(all.size());
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

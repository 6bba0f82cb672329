package kr.seoullearn.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

    /** Every refusal code in shared: Problem's and each context's enum implementing {@link Refusal}. */
    static List<Refusal> everyRefusal() throws Exception {
        Path root = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Refusal> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ProblemMessagesTest.class.getClassLoader());
                if (type.isEnum() && Refusal.class.isAssignableFrom(type)) {
                    for (Object constant : type.getEnumConstants()) {
                        all.add((Refusal) constant);
                    }
                }
            }
        }
        return all;
    }

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

    @Test
    void messagesAreInTheirLanguage() {
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.KO)).isEqualTo("로그인해 주세요");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.EN)).isEqualTo("Please sign in");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.VI)).isEqualTo("Vui lòng đăng nhập");
        assertThat(ProblemMessages.title(Problem.UNAUTHENTICATED, Language.ZH)).isEqualTo("请登录");
    }

    @Test
    void everyFieldMessageIsInEveryLanguage() throws Exception {
        Set<String> ko = null;
        for (Language language : Language.values()) {
            Properties p = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/fields_" + language.tag() + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(language + " " + key).isNotBlank();
            }
            if (ko == null) {
                ko = p.stringPropertyNames();
            } else {
                assertThat(p.stringPropertyNames()).as("field messages of " + language).isEqualTo(ko);
            }
        }
        assertThat(ProblemMessages.field("required", Language.EN)).isEqualTo("Fill in this cell.");
        assertThat(ProblemMessages.field("duplicate-row", Language.ZH)).contains("课程 ID");
    }
}

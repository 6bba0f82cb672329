package kr.seoullearn.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules about the main sources that class files cannot show. */
class SourceRulesTest {
    static final int MAX_LINES = 400;
    static final Pattern ISSUE_MARKER = Pattern.compile("\\bissue\\s+\\d+\\b", Pattern.CASE_INSENSITIVE);
    static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    static final java.util.Set<String> NOT_SOURCES = java.util.Set.of(".git", ".local", "node_modules", "target");

    static List<Path> mainSources() {
        List<Path> found = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                    return NOT_SOURCES.contains(dir.getFileName().toString())
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (file.toString().endsWith(".java") && file.toString().contains("/src/main/java/")) {
                        found.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void the_main_sources_were_found() {
        assertThat(mainSources()).hasSizeGreaterThan(100);
    }

    @Test
    void no_main_class_is_over_400_lines() throws IOException {
        List<String> long_ = new java.util.ArrayList<>();
        for (Path p : mainSources()) {
            long lines = Files.lines(p).count();
            if (lines > MAX_LINES) {
                long_.add(ROOT.relativize(p) + ": " + lines);
            }
        }
        assertThat(long_).as("main classes over %d lines: split them by job", MAX_LINES).isEmpty();
    }

    @Test
    void main_code_says_what_a_section_is_not_which_issue_added_it() throws IOException {
        List<String> marked = new java.util.ArrayList<>();
        for (Path p : Stream.concat(mainSources().stream(), Stream.of(ROOT.resolve("template.yaml"), ROOT.resolve("docs/api/openapi.yaml"))).toList()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (ISSUE_MARKER.matcher(lines.get(i)).find()) {
                    marked.add(ROOT.relativize(p) + ":" + (i + 1));
                }
            }
        }
        assertThat(marked).as("'issue N' markers in main code").isEmpty();
    }
}

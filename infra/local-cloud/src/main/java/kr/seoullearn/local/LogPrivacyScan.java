package kr.seoullearn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans the function logs of a test run for personal data (docs/adr/0004: no personal data in
 * logs). The journeys use names in Korean, Vietnamese and Chinese, e-mail addresses, birth dates
 * and phone numbers; none of them may reach a log. Since a log line is ours to write and is in
 * English, any of these in a line is a finding:
 * <ul>
 *   <li>an e-mail address;</li>
 *   <li>Hangul, CJK ideographs or Vietnamese letters (names, addresses, free text people typed);</li>
 *   <li>a Korean mobile or landline number, or a resident registration number.</li>
 * </ul>
 * A finding is reported by file, line and rule, never with the matched text (that would leak it
 * into the CI output). Exit status 1 on any finding, or when there was nothing to scan.
 *
 * <p>{@code java -cp local-cloud-all.jar kr.seoullearn.local.LogPrivacyScan <dir with *.log>}
 */
public final class LogPrivacyScan {
    /** One kind of personal data and how it shows in text. */
    record Rule(String name, Pattern pattern) {}

    static final List<Rule> RULES = List.of(
            new Rule("e-mail address", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
            new Rule("Hangul (a Korean name or text someone typed)", Pattern.compile("[\\x{AC00}-\\x{D7A3}\\x{1100}-\\x{11FF}\\x{3130}-\\x{318F}]")),
            new Rule("CJK ideographs (a Chinese name or text someone typed)", Pattern.compile("[\\x{4E00}-\\x{9FFF}\\x{3400}-\\x{4DBF}]")),
            new Rule("Vietnamese letters (a name or text someone typed)",
                    Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\\x{1EA0}-\\x{1EF9}]")),
            new Rule("phone number", Pattern.compile("(?<![0-9A-Za-z-])(0(1[016789]|2|[3-6][1-5]))[- .]?\\d{3,4}[- .]?\\d{4}(?![0-9A-Za-z-])")),
            new Rule("resident registration number", Pattern.compile("(?<![0-9A-Za-z-])\\d{6}-?[1-8]\\d{6}(?![0-9A-Za-z-])")));

    /** A finding: where, and which rule (never the text). */
    record Finding(Path file, int line, String rule) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": " + rule;
        }
    }

    private LogPrivacyScan() {}

    /** The rules a line breaks. */
    static List<String> check(String line) {
        List<String> broken = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(line);
            if (m.find()) {
                broken.add(r.name());
            }
        }
        return broken;
    }

    /** Every finding in the *.log files of a directory; {@code lines[0]} gets the number of lines read. */
    static List<Finding> scan(Path dir, long[] lines) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < content.size(); i++) {
                    lines[0]++;
                    for (String rule : check(content.get(i))) {
                        findings.add(new Finding(file, i + 1, rule));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: LogPrivacyScan <directory of function logs>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("no function logs at " + dir);
            System.exit(1);
        }
        long[] lines = {0};
        List<Finding> findings = scan(dir, lines);
        if (lines[0] == 0) {
            System.err.println("no log lines in " + dir + ": nothing was checked");
            System.exit(1);
        }
        if (!findings.isEmpty()) {
            System.err.println("personal data in the function logs (" + findings.size() + " findings; the text is not shown):");
            findings.stream().limit(50).forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
        System.out.println("function logs: " + lines[0] + " lines, no personal data found");
    }
}

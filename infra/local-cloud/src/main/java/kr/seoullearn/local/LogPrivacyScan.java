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
import kr.seoullearn.local.testing.LocalCloudClient;

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
 * Besides these patterns, every line is checked for the concrete values the journeys used (issue 8):
 * the demo users' names and e-mails, the test households' names and birth dates (this class reads
 * the seed itself), and whatever the tests registered in {@code <dir>/personal-values/*.txt}, one
 * value a line: names, e-mails, phones, birth dates and the contents of uploaded documents that
 * the E2E tests ({@code LocalCloudClient}) and the browser tests ({@code web/tests/support.mjs})
 * sent. A value matches case-insensitively; ASCII values shorter than {@value #MIN_VALUE_LENGTH}
 * characters are skipped (they would match ordinary words). JSON (backslash-u and four hex digits) escapes are
 * decoded before checking, so an escaped name is found too.
 *
 * <p>A finding is reported by file, line and rule, never with the matched text (that would leak it
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

    /** Where the tests register the personal values they send, under a cloud's log directory. */
    public static final String VALUES_DIR = LocalCloudClient.PERSONAL_VALUES_DIR;
    static final int MIN_VALUE_LENGTH = 5;
    static final String KNOWN_VALUE = "a personal value the journeys used";

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
        return check(line, java.util.Set.of());
    }

    /** The rules a line breaks, and whether it holds one of the known values (lower case). */
    static List<String> check(String line, java.util.Set<String> knownValues) {
        String text = unescape(line);
        List<String> broken = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(text);
            if (m.find()) {
                broken.add(r.name());
            }
        }
        if (!knownValues.isEmpty()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (String value : knownValues) {
                if (lower.contains(value)) {
                    broken.add(KNOWN_VALUE);
                    break;
                }
            }
        }
        return broken;
    }

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    /** The line with JSON's backslash-u escapes decoded. */
    static String unescape(String line) {
        if (line.indexOf("\\u") < 0) {
            return line;
        }
        return UNICODE_ESCAPE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    /** One value in the set form check() reads: trimmed, lower case; null when too short to check. */
    static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        boolean ascii = v.chars().allMatch(c -> c < 128);
        return v.length() < (ascii ? MIN_VALUE_LENGTH : 2) ? null : v;
    }

    /**
     * The personal values of the seed (demo users, mentors, officers: names and e-mails; the test
     * households: names and birth dates) and those the tests registered under {@code dir}.
     */
    @SuppressWarnings("unchecked")
    static java.util.Set<String> knownValues(Path dir) {
        java.util.Set<String> raw = new java.util.LinkedHashSet<>();
        for (Seeder.DemoUser u : Seeder.DEMO_USERS) {
            raw.add(u.email());
            raw.add(u.displayName());
        }
        for (DistrictSeeder.Officer o : DistrictSeeder.OFFICERS) {
            raw.add(o.user().email());
            raw.add(o.user().displayName());
        }
        for (MentorSeeder.SeedMentor m : MentorSeeder.MENTORS) {
            raw.add(m.email());
            raw.add(m.name());
        }
        try (var in = LogPrivacyScan.class.getResourceAsStream("/registry/local-test-households.json")) {
            if (in != null) {
                for (Object o : com.fasterxml.jackson.jr.ob.JSON.std.listFrom(in)) {
                    for (String key : List.of("applicantName", "applicantBirthDate", "householdHeadName", "householdHeadBirthDate")) {
                        raw.add(String.valueOf(((java.util.Map<String, Object>) o).get(key)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path registered = dir.resolve(VALUES_DIR);
        if (Files.isDirectory(registered)) {
            try (Stream<Path> files = Files.list(registered)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                    raw.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (String v : raw) {
            String n = normalise(v);
            if (n != null) {
                values.add(n);
            }
        }
        return values;
    }

    /** Every finding in the *.log files of a directory; {@code lines[0]} gets the number of lines read. */
    static List<Finding> scan(Path dir, long[] lines) {
        return scan(dir, lines, java.util.Set.of());
    }

    /** As {@link #scan(Path, long[])}, also looking for the given known values (see {@link #knownValues}). */
    static List<Finding> scan(Path dir, long[] lines, java.util.Set<String> knownValues) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < content.size(); i++) {
                    lines[0]++;
                    for (String rule : check(content.get(i), knownValues)) {
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
        java.util.Set<String> known = knownValues(dir);
        List<Finding> findings = scan(dir, lines, known);
        if (lines[0] == 0) {
            System.err.println("no log lines in " + dir + ": nothing was checked");
            System.exit(1);
        }
        if (!findings.isEmpty()) {
            System.err.println("personal data in the function logs (" + findings.size() + " findings; the text is not shown):");
            findings.stream().limit(50).forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
        System.out.println("function logs: " + lines[0] + " lines, no personal data found (patterns, and "
                + known.size() + " personal values the seed and the journeys used)");
    }
}

package kr.seoullearn.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.seoullearn.local.template.Template;
import org.yaml.snakeyaml.Yaml;

/**
 * Cost per request (issue 8): reads what the local runtime recorded for every invocation of a
 * local cloud's functions ({@code .local/logs/cloud-<port>/dynamodb-cost/*.jsonl}, one JSON line
 * per invocation: route, status, DynamoDB calls by operation, items read and written) and prints
 * one row per route of the template: how many requests the run made, the DynamoDB calls of a
 * successful (2xx) request and the items it read and wrote. Exits 1 when any function called Scan.
 *
 * <pre>java -cp local-cloud-all.jar kr.seoullearn.local.DynamoDbCostReport &lt;cost dir&gt; &lt;template.yaml&gt; [out.md]</pre>
 */
public final class DynamoDbCostReport {
    /** One invocation as the runtime recorded it. */
    record Invocation(String function, String route, String status, Map<String, Integer> calls, int itemsRead, int itemsWritten) {
        boolean succeeded() {
            return status.startsWith("2") || status.equals("ok");
        }

        int totalCalls() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DynamoDbCostReport() {}

    static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Invocation> read(Path dir) {
        List<Invocation> all = new ArrayList<>();
        Yaml json = new Yaml(); // JSON is YAML
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Map<String, Object> m = json.load(line);
                    Map<String, Object> cost = (Map<String, Object>) m.get("cost");
                    Map<String, Integer> calls = new TreeMap<>();
                    ((Map<String, Object>) cost.get("calls")).forEach((k, v) -> calls.put(k, ((Number) v).intValue()));
                    String function = String.valueOf(m.get("function")); // <stack>-<logical id>
                    all.add(new Invocation(function.substring(function.lastIndexOf('-') + 1), String.valueOf(m.get("route")),
                            String.valueOf(m.get("status")), calls,
                            ((Number) cost.get("itemsRead")).intValue(), ((Number) cost.get("itemsWritten")).intValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The Markdown table: one row per route (in the template's order) and per scheduled or triggered function. */
    static String table(List<Invocation> invocations, Template template) {
        Map<String, String> rows = new LinkedHashMap<>(); // key → function
        for (Template.Route r : template.routes()) {
            rows.put(r.routeKey(), r.functionId());
        }
        for (Invocation i : invocations) {
            if (!rows.containsKey(i.route()) && (i.route().equals("schedule") || i.route().equals("trigger"))) {
                rows.put(i.route() + " " + i.function(), i.function());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| route | function | requests (2xx / other) | DynamoDB calls of a 2xx request: median (max) | calls of the costliest 2xx request | items read: median (max) | items written: median (max) |\n");
        out.append("|---|---|---:|---:|---|---:|---:|\n");
        List<String> unexercised = new ArrayList<>();
        rows.forEach((key, function) -> {
            List<Invocation> mine = invocations.stream().filter(i -> key.equals(i.route())
                    || key.equals(i.route() + " " + i.function())).toList();
            if (mine.isEmpty()) {
                unexercised.add(key);
                return;
            }
            List<Invocation> ok = mine.stream().filter(Invocation::succeeded).toList();
            String calls = "–", costliest = "–", read = "–", written = "–";
            if (!ok.isEmpty()) {
                calls = stat(ok.stream().map(Invocation::totalCalls).toList());
                Invocation max = ok.stream().max(java.util.Comparator.comparingInt(Invocation::totalCalls)
                        .thenComparingInt(Invocation::itemsRead)).orElseThrow();
                costliest = max.calls().isEmpty() ? "none" : String.join(" + ",
                        max.calls().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
                read = stat(ok.stream().map(Invocation::itemsRead).toList());
                written = stat(ok.stream().map(Invocation::itemsWritten).toList());
            }
            out.append("| ").append(key.startsWith("schedule ") || key.startsWith("trigger ") ? key.substring(0, key.indexOf(' ')) : "`" + key + "`")
                    .append(" | ").append(function)
                    .append(" | ").append(ok.size()).append(" / ").append(mine.size() - ok.size())
                    .append(" | ").append(calls).append(" | ").append(costliest)
                    .append(" | ").append(read).append(" | ").append(written).append(" |\n");
        });
        if (!unexercised.isEmpty()) {
            out.append("\nRoutes no end-to-end test called in this run: ")
                    .append(String.join(", ", unexercised.stream().map(k -> "`" + k + "`").toList())).append(".\n");
        }
        return out.toString();
    }

    /** The invocations that called Scan (none may). */
    static List<Invocation> scans(List<Invocation> invocations) {
        return invocations.stream().filter(i -> i.calls().containsKey("Scan")).toList();
    }

    private static String stat(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int median = sorted.get((sorted.size() - 1) / 2);
        int max = sorted.get(sorted.size() - 1);
        return median == max ? String.valueOf(median) : median + " (" + max + ")";
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DynamoDbCostReport <dynamodb-cost dir> <template.yaml> [out.md]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("no cost records at " + dir);
            System.exit(1);
        }
        List<Invocation> invocations = read(dir);
        if (invocations.isEmpty()) {
            System.err.println("no invocation recorded in " + dir + ": nothing was measured");
            System.exit(1);
        }
        String table = table(invocations, Template.load(Path.of(args[1])));
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), table, StandardCharsets.UTF_8);
        }
        System.out.print(table);
        List<Invocation> scans = scans(invocations);
        if (!scans.isEmpty()) {
            System.err.println("Scan on a request path (forbidden):");
            scans.stream().map(i -> "  " + i.function() + " " + i.route()).distinct().forEach(System.err::println);
            System.exit(1);
        }
        System.out.println(invocations.size() + " invocations, no Scan");
    }
}

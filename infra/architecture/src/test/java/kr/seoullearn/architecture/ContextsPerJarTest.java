package kr.seoullearn.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each function's shaded jar carries only the contexts of {@code shared} its code can reach
 * (docs/adr/0044-per-function-contexts.md).
 *
 * <p>Reach is computed from class files, not listed by hand: the contexts a function module's
 * classes name (handlers, services, the bean definitions Micronaut generated for them; plus those
 * that {@code platform} and {@code shared-cognito} name, which every jar carries), then closed over
 * the context graph of {@code shared} — a context is carried whole (its bean definitions come with
 * it, and Micronaut may build any of them), so every context that any class of a carried context
 * names is carried too, and so is every context with a class implementing an interface of a
 * carried one (dependency injection would look for it there). Each function's pom must leave out exactly the other contexts: their
 * classes ({@code kr/seoullearn/<context>/**}) and their bean-definition service entries
 * ({@code META-INF/micronaut/&#42;/kr.seoullearn.<context>.*}). When the module's shaded jar has
 * been built after its pom, the jar itself is checked too.
 */
class ContextsPerJarTest {
    static final Path ROOT = SourceRulesTest.ROOT;
    static final Path SHARED_CLASSES = ROOT.resolve("shared/target/classes");
    static final Path COGNITO_CLASSES = ROOT.resolve("shared/cognito/target/classes");
    static final String PREFIX = "kr.seoullearn.";

    static String classesPattern(String context) {
        return "kr/seoullearn/" + context + "/**";
    }

    static String beansPattern(String context) {
        return "META-INF/micronaut/*/kr.seoullearn." + context + ".*";
    }

    /** The contexts of shared: its top-level packages other than platform. */
    static Set<String> contexts() {
        try (Stream<Path> dirs = Files.list(SHARED_CLASSES.resolve("kr/seoullearn"))) {
            Set<String> found = new TreeSet<>();
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !n.equals("platform")).forEach(found::add);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The second segment of a class's package under kr.seoullearn, when it is a context. */
    static String contextOf(JavaClass c, Set<String> contexts) {
        String name = c.getBaseComponentType().getName();
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String rest = name.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        return contexts.contains(first) ? first : null;
    }

    /** The contexts the given classes name (any dependency: types, calls, annotations, generics). */
    static Set<String> named(Iterable<JavaClass> classes, Set<String> contexts) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String to = contextOf(d.getTargetClass(), contexts);
                if (to != null) {
                    found.add(to);
                }
            });
        }
        return found;
    }

    /** context → the contexts its classes name (itself left out). */
    static Map<String, Set<String>> contextGraph(JavaClasses shared, Set<String> contexts) {
        Map<String, Set<String>> graph = new TreeMap<>();
        contexts.forEach(c -> graph.put(c, new TreeSet<>()));
        for (JavaClass c : shared) {
            String from = contextOf(c, contexts);
            if (from == null) {
                continue;
            }
            for (String to : named(List.of(c), contexts)) {
                if (!to.equals(from)) {
                    graph.get(from).add(to);
                }
            }
            // a class implementing another context's interface is what DI finds for that
            // interface: whoever reaches the interface's context reaches this one too
            for (JavaClass implemented : c.getAllRawInterfaces()) {
                String of = contextOf(implemented, contexts);
                if (of != null && !of.equals(from)) {
                    graph.get(of).add(from);
                }
            }
        }
        return graph;
    }

    static Set<String> closure(Set<String> roots, Map<String, Set<String>> graph) {
        Set<String> reached = new TreeSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (String next : graph.get(todo.pop())) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        return reached;
    }

    static List<Path> functionModules() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            return dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Element> children(Node parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The module's pom: its shade filters' excludes for the shared artifact, and whether it uses shared-cognito. */
    record Pom(Set<String> sharedExcludes, boolean usesCognito, boolean shades) {
        static Pom read(Path module) {
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Element project = factory.newDocumentBuilder().parse(module.resolve("pom.xml").toFile()).getDocumentElement();
                boolean cognito = children(child(project, "dependencies"), "dependency").stream()
                        .anyMatch(d -> "shared-cognito".equals(child(d, "artifactId").getTextContent().trim()));
                Set<String> excludes = new TreeSet<>();
                boolean shades = false;
                for (Element plugin : children(child(child(project, "build"), "plugins"), "plugin")) {
                    if (!"maven-shade-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
                        continue;
                    }
                    shades = true;
                    for (Element filter : children(child(child(plugin, "configuration"), "filters"), "filter")) {
                        if ("kr.seoullearn:shared".equals(child(filter, "artifact").getTextContent().trim())) {
                            children(child(filter, "excludes"), "exclude").forEach(x -> excludes.add(x.getTextContent().trim()));
                        }
                    }
                }
                return new Pom(excludes, cognito, shades);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + module.resolve("pom.xml"), e);
            }
        }
    }

    /** What a function module reaches: the contexts its jar must carry. */
    static Set<String> reached(Path module, Pom pom, Set<String> contexts, Map<String, Set<String>> graph,
                               JavaClasses platform, JavaClasses cognito) {
        Path classes = module.resolve("target/classes");
        assertThat(classes).as("%s is compiled", classes).isDirectory();
        Set<String> roots = new TreeSet<>(named(new ClassFileImporter().importPath(classes), contexts));
        roots.addAll(named(platform, contexts));
        if (pom.usesCognito()) {
            roots.addAll(named(cognito, contexts));
        }
        return closure(roots, graph);
    }

    static String filterBlock(Set<String> leftOut) {
        StringBuilder xml = new StringBuilder("<filter>\n  <artifact>kr.seoullearn:shared</artifact>\n  <excludes>\n");
        for (String c : leftOut) {
            xml.append("    <exclude>").append(classesPattern(c)).append("</exclude>\n");
            xml.append("    <exclude>").append(beansPattern(c)).append("</exclude>\n");
        }
        return xml.append("  </excludes>\n</filter>").toString();
    }

    @Test
    void every_function_jar_leaves_out_exactly_the_contexts_its_code_cannot_reach() throws IOException {
        Set<String> contexts = contexts();
        assertThat(contexts).as("the contexts of shared").contains("registration", "catalog", "mentoring", "figures");
        JavaClasses shared = new ClassFileImporter().importPath(SHARED_CLASSES);
        JavaClasses platform = new ClassFileImporter().importPath(SHARED_CLASSES.resolve("kr/seoullearn/platform"));
        JavaClasses cognito = new ClassFileImporter().importPath(COGNITO_CLASSES);
        Map<String, Set<String>> graph = contextGraph(shared, contexts);
        List<Path> modules = functionModules();
        assertThat(modules).as("function modules").hasSizeGreaterThanOrEqualTo(14);

        List<String> wrong = new ArrayList<>();
        for (Path module : modules) {
            String name = module.getFileName().toString();
            Pom pom = Pom.read(module);
            if (!pom.shades()) {
                wrong.add(name + ": builds no shaded jar (declare maven-shade-plugin as the others do)");
                continue;
            }
            Set<String> reached = reached(module, pom, contexts, graph, platform, cognito);
            Set<String> leftOut = new TreeSet<>(contexts);
            leftOut.removeAll(reached);
            Set<String> expected = new TreeSet<>();
            leftOut.forEach(c -> {
                expected.add(classesPattern(c));
                expected.add(beansPattern(c));
            });
            if (!pom.sharedExcludes().equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(pom.sharedExcludes());
                Set<String> extra = new TreeSet<>(pom.sharedExcludes());
                extra.removeAll(expected);
                wrong.add(name + ": reaches " + reached + "; its pom should leave out " + leftOut
                        + (missing.isEmpty() ? "" : "\n  carried but never reached (add): " + missing)
                        + (extra.isEmpty() ? "" : "\n  left out but reachable or unknown (remove): " + extra)
                        + "\n  the shade plugin's filter for functions/" + name + "/pom.xml:\n" + filterBlock(leftOut));
                continue;
            }
            wrong.addAll(jarProblems(module, reached, leftOut));
        }
        assertThat(wrong).as("function jars and the contexts they reach (ADR 44)").isEmpty();
    }

    /** The built jar, if it is newer than the pom: no class or bean entry of a left-out context, every reached context present. */
    static List<String> jarProblems(Path module, Set<String> reached, Set<String> leftOut) throws IOException {
        Path target = module.resolve("target");
        Path jar;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElse(null);
        }
        if (jar == null || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(module.resolve("pom.xml"))) < 0) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Set<String> carried = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> {
                String n = e.getName();
                for (String c : leftOut) {
                    if (n.startsWith("kr/seoullearn/" + c + "/") && !e.isDirectory()
                            || n.startsWith("META-INF/micronaut/") && n.contains("/kr.seoullearn." + c + ".")) {
                        problems.add(module.getFileName() + ": " + jar.getFileName() + " carries " + n);
                    }
                }
                if (n.startsWith("kr/seoullearn/") && n.endsWith(".class")) {
                    String[] parts = n.split("/");
                    if (parts.length > 3) {
                        carried.add(parts[2]);
                    }
                }
            });
        }
        for (String c : reached) {
            if (!carried.contains(c)) {
                problems.add(module.getFileName() + ": " + jar.getFileName() + " lacks the reached context " + c);
            }
        }
        return problems;
    }

    @Test
    void the_reach_follows_the_context_graph() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("b"), "d", Set.of("a"), "e", Set.of());
        assertThat(closure(Set.of("a"), graph)).containsExactly("a", "b", "c");
        assertThat(closure(Set.of("e"), graph)).containsExactly("e");
        assertThat(closure(Set.of(), graph)).isEmpty();
    }

    @Test
    void the_context_graph_has_a_node_per_context_and_the_known_edges() {
        Set<String> contexts = contexts();
        Map<String, Set<String>> graph = contextGraph(new ClassFileImporter().importPath(SHARED_CLASSES), contexts);
        assertThat(graph.keySet()).isEqualTo(contexts);
        graph.forEach((from, to) -> assertThat(to).as(from).doesNotContain(from));
        // the laptop ledger writes figures in its own transactions
        assertThat(graph.get("laptops")).contains("figures");
    }
}

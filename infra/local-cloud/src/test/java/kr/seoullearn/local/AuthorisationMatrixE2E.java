package kr.seoullearn.local;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.local.template.Template;
import kr.seoullearn.local.testing.LocalCloudClient;
import kr.seoullearn.local.testing.TestStack;
import kr.seoullearn.platform.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix (issue 8): every route of template.yaml × role × ownership, with the
 * status each cell must answer, through the running local cloud's gateway. The table is
 * {@code src/test/resources/authorisation-matrix.txt}; its header says how to read and extend
 * it. A route of the template without rows fails {@link #everyRouteOfTheTemplateHasRows()}.
 *
 * <p>It runs in the same cloud as the other E2Es and the browser tests, so it changes no seeded
 * state: a cell a role may pass sends a GET, or a body that fails validation (400) or names a
 * record that does not exist (404) once the gate has let it through. One request per cell; one
 * sign-in per role.
 */
class AuthorisationMatrixE2E {
    /** The table's role columns, in order, and the demo user who plays each (README). */
    static final List<String> ROLES = List.of("anonymous", "applicant", "learner", "mentor", "reviewer", "officer", "admin",
            "newcomer", "operator");
    private static final Map<String, String> USERS = Map.of(
            "applicant", "applicant@seoul-learn.local",
            "learner", "learner@seoul-learn.local",
            "mentor", "mentor@seoul-learn.local",
            "reviewer", "reviewer@seoul-learn.local",
            "officer", "officer@seoul-learn.local",
            "admin", "admin@seoul-learn.local",
            // signed up but has not chosen where they live: a token without a tenant
            "newcomer", "newcomer@seoul-learn.local",
            // the shared catalogue's operator: the catalogue-operators group, no tenant
            "operator", "catalogue@seoul-learn.local");
    /** Users named in paths ($name) who are not playing a role: someone else, another tenant's. */
    private static final Map<String, String> OTHERS = Map.of(
            "learner2", "learner.high@seoul-learn.local",
            "mentor2", "mentor.vi@seoul-learn.local",
            "officer2", "officer.gangseo@seoul-learn.local",
            "cb-learner", "learner@chungbuk.seoul-learn.local",
            "cb-mentor", "mentor@chungbuk.seoul-learn.local",
            "cb-officer", "officer@chungbuk.seoul-learn.local");
    /** A well-formed id no record has. */
    static final String NONE = "00000000-0000-4000-8000-000000000000";

    private static LocalCloudClient cloud;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final Map<String, String> SUBS = new LinkedHashMap<>();

    /** One row of the table: a route, which ownership it tries, the request, and a status per role. */
    record Row(int line, String routeKey, String ownership, String method, String path, String body, List<Integer> expected) {}

    @BeforeAll
    static void signIn() {
        cloud = LocalCloudClient.fromSystemProperty();
        USERS.forEach((role, email) -> {
            String token = cloud.signIn(email).idToken();
            TOKENS.put(role, token);
            SUBS.put(role, sub(token));
        });
        OTHERS.forEach((name, email) -> SUBS.put(name, sub(cloud.signIn(email).idToken())));
    }

    @Test
    void everyRouteOfTheTemplateHasRows() throws Exception {
        Set<String> declared = new TreeSet<>();
        Template.load(TestStack.repositoryRoot().resolve("template.yaml")).routes().forEach(r -> declared.add(r.routeKey()));
        Set<String> covered = new TreeSet<>();
        table().forEach(r -> covered.add(r.routeKey()));
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(declared);
        assertThat(missing).as("routes of template.yaml without rows in src/test/resources/authorisation-matrix.txt "
                + "(add a row per ownership case; the file's header says how)").isEmpty();
        assertThat(stale).as("rows for routes template.yaml no longer has").isEmpty();
    }

    @Test
    void everyCellAnswersItsExpectedStatus() throws Exception {
        List<Row> rows = table();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows) {
            int before = wrong.size();
            StringBuilder observed = new StringBuilder();
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                String path = resolve(row.path(), role);
                HttpResponse<String> answer = row.body() == null
                        ? cloud.send(row.method(), path, null, null, TOKENS.get(role))
                        : cloud.send(row.method(), path, row.body(), "application/json", TOKENS.get(role));
                cells++;
                int status = answer.statusCode();
                observed.append(' ').append(status);
                String where = "line " + row.line() + ": " + row.routeKey() + " [" + row.ownership() + "] as " + role;
                if (status != row.expected().get(i)) {
                    wrong.add(where + ": expected " + row.expected().get(i) + ", got " + status + " " + code(answer));
                } else if (status >= 400 && status != 401 && !answer.headers().firstValue("content-type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(where + ": " + status + " is not application/problem+json");
                }
            }
            if (wrong.size() > before) {
                wrong.add("line " + row.line() + " answered:" + observed);
            }
        }
        assertThat(cells).isEqualTo(rows.size() * ROLES.size());
        assertThat(wrong).as("cells of the authorisation matrix (%d cells)", cells).isEmpty();
    }

    // A 401 is API Gateway's JWT authorizer's {"message":"Unauthorized"} (docs/api/openapi.yaml,
    // components.responses.Unauthorized): an HTTP API cannot shape it; every other 4xx is ours.

    /** The problem's code, to tell a 403 of the gate from a 403 of another rule. */
    private static String code(HttpResponse<String> answer) {
        try {
            Object code = Json.readObject(answer.body()).get("code");
            return code == null ? "" : "(" + code + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static final Pattern NAME = Pattern.compile("\\$([a-z0-9-]+)");

    private static String resolve(String path, String role) {
        Matcher m = NAME.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "self" -> SUBS.getOrDefault(role, NONE);
                case "none" -> NONE;
                default -> {
                    String sub = SUBS.get(name);
                    if (sub == null) {
                        throw new IllegalArgumentException("unknown name $" + name + " in " + path);
                    }
                    yield sub;
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sub(String idToken) {
        String payload = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return (String) Json.readObject(payload).get("sub");
    }

    /** Reads the table; a malformed row fails with its line number. */
    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorisationMatrixE2E.class.getResourceAsStream("/authorisation-matrix.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\s*\\|\\s*");
                if (cols.length != 5) {
                    throw new IllegalArgumentException("authorisation-matrix.txt line " + (n + 1) + ": 5 columns separated by | expected");
                }
                String[] request = cols[2].split("\\s+", 2);
                String[] statuses = cols[4].split("\\s+");
                if (statuses.length != ROLES.size() || request.length != 2) {
                    throw new IllegalArgumentException("authorisation-matrix.txt line " + (n + 1) + ": "
                            + ROLES.size() + " statuses and a METHOD /path expected");
                }
                List<Integer> expected = new ArrayList<>();
                for (String s : statuses) {
                    expected.add(Integer.parseInt(s));
                }
                String routeKey = cols[0];
                if (!request[0].equals(routeKey.split(" ")[0])) {
                    throw new IllegalArgumentException("authorisation-matrix.txt line " + (n + 1) + ": the request's method is not the route's");
                }
                rows.add(new Row(n + 1, routeKey, cols[1], request[0], request[1],
                        cols[3].equals("-") ? null : cols[3], List.copyOf(expected)));
            }
        }
        return rows;
    }
}

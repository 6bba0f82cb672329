package kr.seoullearn.functions.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.local.testing.Events;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import org.junit.jupiter.api.Test;

/**
 * GIVEN figures that fail when touched, WHEN a request names a bad period or month, another
 * tenant, or comes from the wrong role, THEN it is a 4xx problem+json in the caller's language
 * and the figures were never read. Plain Java: no emulator.
 */
class ReportsTest {
    private final List<String> touched = new ArrayList<>();
    private final ReportsHandler handler = new ReportsHandler(new Reports(figures(), exports(),
            Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC)),
            new AuditReading((tenant, query) -> {
                touched.add("audit");
                throw new AssertionError("audit trail read");
            }));

    /** Storage that fails when touched: a refused request never starts an export. */
    private ExportStorage exports() {
        return (ExportStorage) Proxy.newProxyInstance(ExportStorage.class.getClassLoader(), new Class<?>[] {ExportStorage.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "exports" : null;
                    }
                    touched.add(method.getName());
                    throw new AssertionError("export storage used: " + method.getName());
                });
    }

    private ProgrammeFigures figures() {
        return (ProgrammeFigures) Proxy.newProxyInstance(ProgrammeFigures.class.getClassLoader(), new Class<?>[] {ProgrammeFigures.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "figures" : null;
                    }
                    touched.add(method.getName());
                    throw new AssertionError("figures read: " + method.getName());
                });
    }

    private APIGatewayV2HTTPResponse call(String route, Map<String, String> path, Map<String, String> query, String language,
                                         String... groups) {
        APIGatewayV2HTTPEvent event = Events.http(route, groups == null ? null : Events.claims("staff-1", "seoul", groups), null, language);
        if (path != null) {
            event.setPathParameters(path);
        }
        if (query != null) {
            event.setQueryStringParameters(query);
        }
        return handler.handleRequest(event, null);
    }

    private void assertProblem(APIGatewayV2HTTPResponse r, int status, String code, String language, String what) {
        assertThat(r.getStatusCode()).as(what).isEqualTo(status);
        assertThat(r.getHeaders()).as(what).containsEntry("content-type", "application/problem+json")
                .containsEntry("content-language", language);
        assertThat(Json.readObject(r.getBody())).as(what).containsEntry("code", code);
        assertThat(touched).as(what + ": figures untouched").isEmpty();
    }

    @Test
    void givenABadPeriodThenTheDashboardRefusesItInTheCallersLanguage() {
        String d = "GET /api/admin/dashboard";
        assertProblem(call(d, null, Map.of("from", "2026-13-01"), "vi", "reviewers"), 400, "report-period-invalid", "vi", "month 13");
        assertProblem(call(d, null, Map.of("from", "28/11/2026"), "zh", "admins"), 400, "report-period-invalid", "zh", "other format");
        assertProblem(call(d, null, Map.of("from", "2026-11-28", "to", "2026-11-01"), "en", "admins"), 400, "report-period-invalid",
                "en", "from after to");
        assertProblem(call(d, null, Map.of("from", "2026-01-01", "to", "2026-11-28"), "ko", "admins"), 400, "report-period-invalid",
                "ko", "longer than 92 days");
        assertProblem(call(d, null, Map.of("to", "2026-02-30"), "en", "admins"), 400, "report-period-invalid", "en", "no such day");
    }

    @Test
    void givenABadMonthThenTheReportsRefuseIt() {
        for (String route : List.of("GET /api/admin/reports/{month}/figures.csv", "GET /api/admin/reports/{month}/extract.csv")) {
            for (String month : List.of("2026-13", "2026-1", "T#seoul", "1999-01", "2026-11.csv", "")) {
                assertProblem(call(route, Map.of("month", month), null, "en", "admins"), 400, "report-month-invalid", "en",
                        route + " " + month);
            }
        }
    }

    @Test
    void givenTheWrongRoleOrAnotherTenantThenNothingIsRead() {
        Map<String, String> month = Map.of("month", "2026-11");
        for (String group : List.of("learners", "applicants", "mentors", "district-officers")) {
            assertProblem(call("GET /api/admin/dashboard", null, null, "en", group), 403, "forbidden", "en", group);
            assertProblem(call("GET /api/admin/reports/{month}/figures.csv", month, null, "en", group), 403, "forbidden", "en", group);
            assertProblem(call("GET /api/admin/reports/{month}/extract.csv", month, null, "en", group), 403, "forbidden", "en", group);
        }
        assertProblem(call("GET /api/admin/dashboard", null, null, "en", (String[]) null), 401, "unauthenticated", "en", "no token");
        assertProblem(call("GET /api/admin/dashboard", null, Map.of("tenant", "chungbuk"), "en", "reviewers"), 403, "forbidden", "en",
                "another tenant");
        assertProblem(call("GET /api/admin/reports/{month}/extract.csv", month, Map.of("tenant", "chungbuk"), "en", "admins"), 403,
                "forbidden", "en", "another tenant's extract");
    }

    @Test
    void givenAFigureNameThenItsMeaningIsInTheLanguageAsked() {
        assertThat(Reports.meaning(Language.KO, "applications.submitted.LOW_INCOME")).isEqualTo("신청 접수 (LOW_INCOME)");
        assertThat(Reports.meaning(Language.EN, "laptops.LOANED.nowon-gu")).isEqualTo("Laptops loaned (nowon-gu)");
        assertThat(Reports.meaning(Language.VI, "mentoring.held")).isEqualTo("Buổi đã diễn ra");
        assertThat(Reports.meaning(Language.ZH, "reminders.sent.SESSION_24H")).isEqualTo("已发提醒 (SESSION_24H)");
    }

    @Test
    void givenACellASpreadsheetWouldRunThenItIsText() {
        assertThat(Reports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Reports.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Reports.cell(null)).isEmpty();
        // every character a spreadsheet starts a formula with, and tab and carriage return
        assertThat(Reports.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(Reports.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Reports.cell("@SUM(1+1)*cmd|' /C calc'!A0")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(Reports.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Reports.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(Reports.cell("-")).isEqualTo("'-");
        // a plain number (a count, even a negative one) stays a number
        assertThat(Reports.cell("-3")).isEqualTo("-3");
        assertThat(Reports.cell("42")).isEqualTo("42");
        assertThat(Reports.cell("2026-11-03")).isEqualTo("2026-11-03");
    }

    @Test
    void givenAnExportThenItIsSentInPartsOfFiveMegabytesAndNeverHeldWhole() {
        List<Integer> parts = new ArrayList<>();
        boolean[] completed = {false};
        ExportStorage.Upload upload = new ExportStorage.Upload() {
            @Override
            public void part(byte[] bytes, int length) {
                parts.add(length);
            }

            @Override
            public void complete() {
                completed[0] = true;
            }

            @Override
            public void abort() {
                throw new AssertionError("aborted");
            }
        };
        CsvParts out = new CsvParts(upload, ExportStorage.MIN_PART_BYTES);
        byte[] line = ("2026-11-03,p-0123456789abcdef,APPLICATION,APPROVED,MIDDLE,guro-gu,LOW_INCOME,mbest\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long lines = 3L * ExportStorage.MIN_PART_BYTES / line.length; // about 15 MB
        for (long i = 0; i < lines; i++) {
            out.write(line);
        }
        out.close();
        assertThat(completed[0]).isTrue();
        assertThat(parts).hasSize(3);
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(ExportStorage.MIN_PART_BYTES));
        assertThat(parts.stream().mapToLong(Integer::longValue).sum()).isEqualTo(lines * line.length).isEqualTo(out.total());
        assertThat(out.mostHeld()).isLessThanOrEqualTo(ExportStorage.MIN_PART_BYTES + 64 * 1024);
    }
}

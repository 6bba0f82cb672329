package kr.seoullearn.functions.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.audit.port.AuditTrail;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.registration.port.SchoolYearRollover;

/**
 * The routes of template.yaml's ReportsFunction: the dashboard, the month's figures as CSV, and
 * the month's extract, written to S3 and answered with a short-lived download URL.
 */
public class ReportsHandler extends ApiFunction {
    private final Reports reports;
    private final AuditReading audit;

    public ReportsHandler() {
        this(new Reports(Beans.get(ProgrammeFigures.class), S3Exports.of(Beans.get(FunctionEnvironment.class)), Clock.systemUTC(),
                        Beans.get(SchoolYearRollover.class)::lastRun),
                new AuditReading(Beans.get(AuditTrail.class)));
    }

    public ReportsHandler(Reports reports, AuditReading audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/admin/audit", r -> ApiResponses.json(200, audit.page(r.caller(), auditFilters(r))),
                "GET /api/admin/dashboard", r -> ApiResponses.json(200, reports.dashboard(r.caller(),
                        r.queryParameter("tenant").orElse(null), r.queryParameter("from").orElse(null),
                        r.queryParameter("to").orElse(null))),
                "GET /api/admin/reports/{month}/figures.csv", r -> csv(reports.figuresCsv(r.caller(),
                        r.queryParameter("tenant").orElse(null), r.pathParameter("month").orElse(null), r.language()),
                        "figures", r.pathParameter("month").orElse("")),
                "GET /api/admin/reports/{month}/extract.csv", r -> download(reports.extract(r.caller(),
                        r.queryParameter("tenant").orElse(null), r.pathParameter("month").orElse(null), r.language())));
    }

    private static Map<String, String> auditFilters(ApiRequest r) {
        Map<String, String> filters = new java.util.HashMap<>();
        for (String name : new String[] {"tenant", "actor", "action", "subject", "from", "to", "limit", "cursor"}) {
            r.queryParameter(name).ifPresent(v -> filters.put(name, v));
        }
        return filters;
    }

    /**
     * The extract is not in the response (a month can pass Lambda's 6 MB response limit): it was
     * written to S3, and the answer is a 5-minute URL to fetch it from.
     */
    private static APIGatewayV2HTTPResponse download(Reports.Export export) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", export.url().url().toString());
        body.put("expiresAt", export.url().expiresAt().toString());
        body.put("fileName", export.fileName());
        body.put("rows", export.rows());
        body.put("bytes", export.bytes());
        return ApiResponses.json(200, body);
    }

    /** UTF-8 with a byte order mark, so that spreadsheet software reads the Korean right. */
    private static APIGatewayV2HTTPResponse csv(String body, String what, String month) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/csv; charset=utf-8", "cache-control", "no-store",
                        "content-disposition", "attachment; filename=\"seoul-learn-" + what + "-" + month + ".csv\""))
                .withBody(Reports.BOM + body)
                .build();
    }
}

package kr.seoullearn.functions.enrolment;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.catalog.port.CatalogAdmin;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.registration.port.ProgrammeCatalogue;

/** The routes of template.yaml's EnrolmentFunction. */
public class EnrolmentHandler extends ApiFunction {
    private final Enrolments enrolments;
    private final CatalogManagement management;
    private final CourseImport courseImport;

    public EnrolmentHandler() {
        this(new Enrolments(Beans.get(ApplicationStore.class), Beans.get(ProgrammeCatalogue.class), Beans.get(Catalog.class),
                        Beans.get(EnrolmentLedger.class), Beans.get(SeatActivity.class), Clock.systemUTC()),
                new CatalogManagement(Beans.get(CatalogAdmin.class), Beans.get(ProviderDepartures.class), Clock.systemUTC()),
                new CourseImport(Beans.get(CatalogAdmin.class), Clock.systemUTC()));
    }

    EnrolmentHandler(Enrolments enrolments, CatalogManagement management, CourseImport courseImport) {
        this.enrolments = enrolments;
        this.management = management;
        this.courseImport = courseImport;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.ofEntries(
                Map.entry("GET /api/enrolments", r -> ApiResponses.json(200, enrolments.mine(r.caller()))),
                Map.entry("POST /api/enrolments", r -> {
                    var caller = r.caller();
                    caller.require(Role.LEARNER); // before reading the body: the wrong role learns nothing from a 400
                    var answer = enrolments.enrol(caller, r.jsonObject());
                    return ApiResponses.json(answer.status(), answer.body());
                }),
                Map.entry("DELETE /api/enrolments/{providerId}", r -> {
                    enrolments.withdraw(r.caller(), providerId(r));
                    return noContent();
                }),
                Map.entry("GET /api/admin/providers", r -> ApiResponses.json(200, enrolments.overview(r.caller()))),
                Map.entry("PUT /api/admin/providers/{providerId}", r -> {
                    var caller = operator(r);
                    return ApiResponses.json(200, management.saveProvider(caller, providerId(r), r.jsonObject()));
                }),
                Map.entry("POST /api/admin/providers/{providerId}/leave", r -> {
                    var caller = operator(r);
                    return ApiResponses.json(202, management.leave(caller, providerId(r), r.jsonObject()));
                }),
                Map.entry("PUT /api/admin/providers/{providerId}/seats", r -> {
                    var caller = admin(r);
                    return ApiResponses.json(200, enrolments.setSeats(caller, providerId(r), r.jsonObject()));
                }),
                Map.entry("GET /api/admin/providers/{providerId}/usage", r -> ApiResponses.json(200,
                        enrolments.usage(r.caller(), providerId(r)))),
                Map.entry("POST /api/admin/providers/{providerId}/activity", r -> {
                    var caller = admin(r);
                    return ApiResponses.json(200, enrolments.importActivity(caller, providerId(r),
                            r.header("content-type").orElse(null), r.body(UsageReport.MAX_BYTES)));
                }),
                Map.entry("PUT /api/admin/courses/{courseId}", r -> {
                    var caller = operator(r);
                    return ApiResponses.json(200, management.saveCourse(caller, r.pathParameter("courseId").orElse(null), r.jsonObject()));
                }),
                Map.entry("POST /api/admin/courses/import", r -> {
                    var caller = operator(r);
                    return ApiResponses.json(200, courseImport.run(caller, r.header("content-type").orElse(null),
                            r.body(CourseImport.MAX_BYTES), r.language()));
                }),
                Map.entry("DELETE /api/admin/courses/{courseId}", r -> {
                    management.deleteCourse(r.caller(), r.pathParameter("courseId").orElse(null));
                    return noContent();
                }));
    }

    /** An admin, checked before the body is read: the wrong role learns nothing from a 400. */
    private static Caller admin(ApiRequest r) {
        var caller = r.caller();
        caller.require(Role.ADMIN);
        return caller;
    }

    /** A catalogue operator (or an admin, who is told the catalogue is not theirs), checked before the body is read. */
    private static Caller operator(ApiRequest r) {
        var caller = r.caller();
        CatalogManagement.requireOperator(caller);
        return caller;
    }

    private static String providerId(ApiRequest r) {
        return r.pathParameter("providerId").orElse(null);
    }

    private static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("cache-control", "no-store")).build();
    }
}

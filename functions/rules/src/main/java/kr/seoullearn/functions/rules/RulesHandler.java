package kr.seoullearn.functions.rules;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.rules.port.PartnerAreas;
import kr.seoullearn.rules.port.RulesBook;

/**
 * template.yaml's RulesFunction: admins draft, preview and publish their tenant's programme,
 * mentoring rules and recruitment rules ({@code /api/admin/rules/...}); the catalogue operator
 * adds a partner area ({@code POST /api/admin/tenants}). The role is checked before the body is read.
 */
public class RulesHandler extends ApiFunction {
    private final RulesDrafting drafting;
    private final PartnerAreaSetup areas;

    public RulesHandler() {
        this(Beans.get(RulesBook.class), Beans.get(PartnerAreas.class), Clock.systemUTC());
    }

    public RulesHandler(RulesBook book, PartnerAreas areas, Clock clock) {
        this.drafting = new RulesDrafting(book, clock);
        this.areas = new PartnerAreaSetup(areas, drafting, clock);
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/admin/rules", r -> ApiResponses.json(200, drafting.overview(r.caller())),
                "POST /api/admin/rules/{kind}/drafts", r -> {
                    Caller caller = admin(r);
                    return ApiResponses.json(201, drafting.create(caller, kind(r), r.jsonObject()));
                },
                "GET /api/admin/rules/{kind}/drafts/{draftId}", r -> ApiResponses.json(200,
                        drafting.show(r.caller(), kind(r), r.pathParameter("draftId").orElse(""))),
                "PUT /api/admin/rules/{kind}/drafts/{draftId}", r -> {
                    Caller caller = admin(r);
                    return ApiResponses.json(200, drafting.edit(caller, kind(r), r.pathParameter("draftId").orElse(""), r.jsonObject()));
                },
                "POST /api/admin/rules/{kind}/drafts/{draftId}/publish", r -> {
                    Caller caller = admin(r);
                    return ApiResponses.json(200, drafting.publish(caller, kind(r), r.pathParameter("draftId").orElse(""), r.jsonObject()));
                },
                "POST /api/admin/tenants", r -> {
                    Caller caller = r.caller();
                    caller.require(Role.CATALOGUE_OPERATOR);
                    return ApiResponses.json(201, areas.add(caller, r.jsonObject()));
                });
    }

    /** An admin with a tenant, checked before the body is read: the wrong role learns nothing from a 400. */
    private static Caller admin(ApiRequest r) {
        Caller caller = r.caller();
        RulesDrafting.admin(caller);
        RulesDrafting.kind(kind(r));
        return caller;
    }

    private static String kind(ApiRequest r) {
        return r.pathParameter("kind").orElse("");
    }
}

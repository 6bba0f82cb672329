package kr.seoullearn.functions.catalog;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;

/**
 * The public catalogue routes of template.yaml's CatalogFunction: providers (with seats left
 * in a tenant), browsing courses and searching them by the words of their titles. No token:
 * the catalogue is public (docs/product.md).
 */
public class CatalogHandler extends ApiFunction {
    private final CatalogQueries catalog;

    public CatalogHandler() {
        this(new CatalogQueries(Beans.get(Catalog.class)));
    }

    public CatalogHandler(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/catalog/providers", r -> ApiResponses.json(200, catalog.providers(param(r, "tenant"))),
                "GET /api/catalog/courses", r -> ApiResponses.json(200, catalog.browse(param(r, "level"), param(r, "subject"),
                        param(r, "provider"), param(r, "grade"), param(r, "limit"), param(r, "cursor"))),
                "GET /api/catalog/search", r -> ApiResponses.json(200, catalog.search(param(r, "q"), param(r, "level"),
                        param(r, "limit"), param(r, "cursor"), param(r, "rankLevel"), param(r, "rankGrade"))),
                "GET /api/catalog/suggest", r -> ApiResponses.json(200, catalog.suggest(param(r, "q"), param(r, "level"),
                        r.language().tag())));
    }

    /** A query parameter; empty means absent (forms send "level=" for "any"). */
    private static String param(ApiRequest request, String name) {
        return request.queryParameter(name).filter(v -> !v.isEmpty()).orElse(null);
    }
}

package kr.seoullearn.functions.review;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.port.RetentionDue;

/**
 * template.yaml's DocumentRetagFunction (every 15 minutes): the decisions whose documents are not
 * on the 30-day rule yet (their retag failed at the decision, docs/adr/0038), per tenant, oldest
 * first. Each is tried again; one person's failure never stops the others; after
 * {@link RetentionDue#MAX_ATTEMPTS} attempts it is given up and logged as an error (its files keep
 * the undecided backstop, so none is without an expiry). Retagging twice does no harm.
 */
public class RetagRunHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final int PER_TENANT = 50;
    private static final Log LOG = Log.of(RetagRunHandler.class);

    private final TenantDirectory tenants;
    private final RetentionDue due;
    private final DecidedDocuments documents;

    public RetagRunHandler() {
        this(Beans.get(TenantDirectory.class), Beans.get(RetentionDue.class), Beans.get(ApplicationStore.class),
                Beans.get(DocumentRetention.class));
    }

    RetagRunHandler(TenantDirectory tenants, RetentionDue due, ApplicationStore applications, DocumentRetention retention) {
        this.tenants = tenants;
        this.due = due;
        this.documents = new DecidedDocuments(applications, retention, due);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int settled = 0;
        int failed = 0;
        int givenUp = 0;
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            for (RetentionDue.Due d : due.due(tenant.id(), PER_TENANT)) {
                if (d.attempts() >= RetentionDue.MAX_ATTEMPTS) {
                    due.done(d);
                    givenUp++;
                    LOG.error("retag given up", "tenant", tenant.id().value(), "attempts", d.attempts());
                    continue;
                }
                try {
                    if (documents.settle(d)) {
                        settled++;
                    } else {
                        failed++;
                    }
                } catch (RuntimeException e) {
                    // one person's trouble is theirs: count it and go on
                    due.failed(d, e.getClass().getSimpleName());
                    failed++;
                    LOG.warn("retag failed", "tenant", tenant.id().value(), "failure", e.getClass().getSimpleName());
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("settled", settled);
        result.put("failed", failed);
        result.put("givenUp", givenUp);
        LOG.info("retag run", "settled", settled, "failed", failed, "givenUp", givenUp);
        return result;
    }
}

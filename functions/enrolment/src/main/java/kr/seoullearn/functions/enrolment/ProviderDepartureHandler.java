package kr.seoullearn.functions.enrolment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.ProviderDepartures;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.tenant.TenantDirectory;

/**
 * template.yaml's ProviderDepartureFunction: every 5 minutes (EventBridge Scheduler) the
 * departures worker tells the learners of providers that left, resuming where the last run
 * stopped; it stops taking pages {@link #SAFETY_MILLIS} before the function's timeout.
 */
public class ProviderDepartureHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final int SAFETY_MILLIS = 10_000;
    private final ProviderDepartureRun run;

    public ProviderDepartureHandler() {
        this(new ProviderDepartureRun(Beans.get(ProviderDepartures.class), Beans.get(TenantDirectory.class),
                Beans.get(SeatActivity.class), Beans.get(EnrolmentLedger.class)));
    }

    ProviderDepartureHandler(ProviderDepartureRun run) {
        this.run = run;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        ProviderDepartureRun.Outcome o = run.run(() -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("departures", o.departures());
        result.put("finished", o.finished());
        result.put("learnersTold", o.learnersTold());
        result.put("waitlistClosed", o.waitlistClosed());
        result.put("failed", o.failed());
        result.put("outOfTime", o.outOfTime());
        return result;
    }
}

package kr.seoullearn.functions.enrolment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.platform.tenant.TenantDirectory;

/** template.yaml's InactivityReclaimFunction: the daily run of the inactivity rule (an EventBridge Scheduler schedule). */
public class InactivityHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final InactivityReclaim reclaim;

    public InactivityHandler() {
        this(new InactivityReclaim(Beans.get(TenantDirectory.class), Beans.get(ProgrammeCatalogue.class), Beans.get(Catalog.class),
                Beans.get(EnrolmentLedger.class), Beans.get(SeatActivity.class), Clock.systemUTC()));
    }

    InactivityHandler(InactivityReclaim reclaim) {
        this.reclaim = reclaim;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        InactivityReclaim.Outcome o = reclaim.run();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tenants", o.tenants());
        result.put("idleSeats", o.idleSeats());
        result.put("reminded", o.reminded());
        result.put("reclaimed", o.reclaimed());
        result.put("promoted", o.promoted());
        result.put("failed", o.failed());
        return result;
    }
}

package kr.seoullearn.functions.review;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.ScheduledTime;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.registration.port.SchoolYearRollover;

/**
 * template.yaml's SchoolYearRolloverFunction (docs/adr/0041): each night, as of the scheduled
 * time's Seoul date, every tenant's rollover runs or resumes; a tenant's trouble never stops the
 * others. People whose participation ended leave the learners' group for the applicants' (so they
 * can apply again); a group change that fails is repaired when they next open their application.
 * Invoked by hand with {@code "tenant"} in the event, only that tenant runs. Logs counts only.
 */
public class RolloverRunHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Stop starting pages when less than this is left of the invocation. */
    static final long SAFETY_MILLIS = 60_000;
    private static final Log LOG = Log.of(RolloverRunHandler.class);

    private final TenantDirectory tenants;
    private final SchoolYearRollover rollover;
    private final GroupMembership groups;
    private final String userPoolId;
    private final Clock clock;

    public RolloverRunHandler() {
        this(Beans.get(TenantDirectory.class), Beans.get(SchoolYearRollover.class), Beans.get(GroupMembership.class),
                Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"), Clock.systemUTC());
    }

    RolloverRunHandler(TenantDirectory tenants, SchoolYearRollover rollover, GroupMembership groups, String userPoolId, Clock clock) {
        this.tenants = tenants;
        this.rollover = rollover;
        this.groups = groups;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Instant at = scheduledTime(event);
        LocalDate today = LocalDate.ofInstant(at, SEOUL);
        Map<String, Integer> totals = new LinkedHashMap<>();
        SchoolYearRollover.COUNTS.forEach(c -> totals.put(c, 0));
        int unfinished = 0;
        int failedTenants = 0;
        int groupFailures = 0;
        Object only = event == null ? null : event.get("tenant");
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            if (only != null && !tenant.id().value().equals(only)) {
                continue; // invoked by hand for one tenant (docs/runbook.md)
            }
            try {
                SchoolYearRollover.Run run = rollover.run(tenant.id(), today, at,
                        () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS);
                run.counts().forEach((k, v) -> totals.merge(k, v, Integer::sum));
                if (!run.finished()) {
                    unfinished++;
                }
                for (String username : run.endedUsernames()) {
                    try {
                        groups.add(userPoolId, username, Role.APPLICANT);
                        groups.remove(userPoolId, username, Role.LEARNER);
                    } catch (RuntimeException e) {
                        groupFailures++;
                        LOG.warn("rollover group change failed", "tenant", tenant.id().value(), "failure", e.getClass().getSimpleName());
                    }
                }
            } catch (RuntimeException e) {
                failedTenants++;
                LOG.error("rollover run failed", "tenant", tenant.id().value(), "failure", e.getClass().getSimpleName());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(totals);
        result.put("day", today.toString());
        result.put("unfinishedTenants", unfinished);
        result.put("failedTenants", failedTenants);
        result.put("groupFailures", groupFailures);
        LOG.info("rollover run", "day", today.toString(), "seen", totals.get("seen"), "movedUp", totals.get("movedUp"),
                "levelChanged", totals.get("levelChanged"), "expired", totals.get("expired"), "graduated", totals.get("graduated"),
                "agedOut", totals.get("agedOut"), "ageNoticed", totals.get("ageNoticed"), "failed", totals.get("failed"),
                "unfinishedTenants", unfinished, "failedTenants", failedTenants);
        return result;
    }

    Instant scheduledTime(Map<String, Object> event) {
        return ScheduledTime.of(event, clock);
    }
}

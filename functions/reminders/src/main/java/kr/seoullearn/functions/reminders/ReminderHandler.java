package kr.seoullearn.functions.reminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.ScheduledTime;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.catalog.port.Catalog;
import kr.seoullearn.registration.port.ProgrammeCatalogue;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.DigestPlans;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.cognito.CognitoUsers;

/**
 * template.yaml's ReminderFunction: the EventBridge Scheduler schedule (every 15 minutes,
 * Asia/Seoul) passes {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}; the run works
 * as of that time, so a retried invocation of the same schedule sees the same reminders due.
 */
public class ReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** One reminder takes well under a second; stop this long before the timeout (the local runtime says 15 s left, always). */
    static final int SAFETY_MILLIS = 10_000;
    private final ReminderRun run;
    private final Clock clock;

    public ReminderHandler() {
        this(wire(), Clock.systemUTC());
    }

    ReminderHandler(ReminderRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    private static ReminderRun wire() {
        FunctionEnvironment env = Beans.get(FunctionEnvironment.class);
        CognitoRecipients recipients = new CognitoRecipients(Beans.get(ProfileRepository.class),
                Beans.get(CognitoUsers.class), env.required("USER_POOL_ID"));
        ReminderQueue queue = Beans.get(ReminderQueue.class);
        return ReminderWiring.run(Beans.get(TenantDirectory.class), Beans.get(ReminderSettingsStore.class), queue, recipients,
                new SesEmailNotifier(SesClients.ses(env), env.required("SENDER_ADDRESS")),
                Beans.get(ApplicationStore.class), Beans.get(ProgrammeCatalogue.class), Beans.get(Catalog.class),
                Beans.get(kr.seoullearn.mentoring.port.MentoringLedger.class), Beans.get(kr.seoullearn.laptops.port.LaptopLedger.class),
                Beans.get(DigestPlans.class));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        // stop taking reminders 10 s before the function's timeout: the rest wait for the next run
        ReminderRun.Outcome o = run.run(scheduledTime(event),
                () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runId", o.runId());
        result.put("tenants", o.tenants());
        result.put("tenantsFailed", o.tenantsFailed());
        ReminderRun.Counts t = o.total();
        result.putAll(ReminderRun.counts(t));
        result.put("quarantined", o.quarantined());
        result.put("unreadable", o.unreadable());
        result.put("deferred", o.deferred());
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (ReminderKind k : ReminderKind.values()) {
            byKind.put(k.name(), ReminderRun.counts(o.byKind().get(k)));
        }
        result.put("byKind", byKind);
        return result;
    }

    /** The schedule's time (Scheduler's context attribute, or an EventBridge event's {@code time}); else now. */
    Instant scheduledTime(Map<String, Object> event) {
        return ScheduledTime.of(event, clock);
    }
}

package kr.seoullearn.functions.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import kr.seoullearn.laptops.port.OverdueNotices;
import kr.seoullearn.mentoring.port.TermEndNotices;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.ScheduledTime;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.cognito.CognitoUsers;

/**
 * template.yaml's NotificationDispatchFunction: EventBridge Scheduler every minute passes
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}; the run works as of that time (so a
 * retried invocation sees the same notices due, and a test can run it "at 23:00 Seoul"). Once a
 * day (09:00 Seoul) it passes {@code "step": "daily-notices"} as well: then it writes the day's
 * notices instead (overdue laptops, mentor terms ending: {@link DailyNotices}), which the next
 * minute's run delivers.
 */
public class NotificationDispatchHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Stop taking notices this long before the function's timeout: the rest wait for the next run. */
    static final int SAFETY_MILLIS = 10_000;
    static final String DAILY_STEP = "daily-notices";
    private final NotificationDispatch dispatch;
    private final DailyNotices daily;
    private final Clock clock;

    public NotificationDispatchHandler() {
        this(wire(), new DailyNotices(Beans.get(TenantDirectory.class), Beans.get(OverdueNotices.class),
                Beans.get(TermEndNotices.class)), Clock.systemUTC());
    }

    NotificationDispatchHandler(NotificationDispatch dispatch, DailyNotices daily, Clock clock) {
        this.dispatch = dispatch;
        this.daily = daily;
        this.clock = clock;
    }

    private static NotificationDispatch wire() {
        FunctionEnvironment env = Beans.get(FunctionEnvironment.class);
        PreferencesStore preferences = Beans.get(PreferencesStore.class);
        CognitoContacts contacts = new CognitoContacts(Beans.get(ApplicationStore.class), preferences,
                Beans.get(CognitoUsers.class), env.required("USER_POOL_ID"), Clock.systemUTC(),
                Beans.get(SmsVerifications.class));
        // invitations to nominees, who have no account yet, are addressed through their nomination (docs/adr/0042)
        NomineeContacts everyone = new NomineeContacts(contacts, Beans.get(kr.seoullearn.recruitment.port.RecruitmentLedger.class),
                Clock.systemUTC());
        return new NotificationDispatch(Beans.get(TenantDirectory.class), Beans.get(NoticeOutbox.class), everyone, preferences,
                Map.of(Channel.EMAIL, new SesMessenger(Clients.ses(env), env.required("SENDER_ADDRESS")),
                        Channel.SMS, new SnsSmsMessenger(Clients.sns(env), env.optional("SMS_SENDER_ID", "SeoulLearn"))));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event != null && DAILY_STEP.equals(event.get("step"))) {
            return daily.run(scheduledTime(event)).asMap();
        }
        return dispatch.run(scheduledTime(event), () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS).asMap();
    }

    Instant scheduledTime(Map<String, Object> event) {
        return ScheduledTime.of(event, clock);
    }
}

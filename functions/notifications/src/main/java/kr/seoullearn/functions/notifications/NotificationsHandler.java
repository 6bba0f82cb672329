package kr.seoullearn.functions.notifications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.domain.NoticeTemplates;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.domain.QuietHours;
import kr.seoullearn.notifications.port.Inbox;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * template.yaml's NotificationsFunction: a person's own inbox and preferences (the tenant and the
 * person come from the token, so nobody can name another's):
 * <ul>
 *   <li>{@code GET /api/me/notifications?limit=20&after=<id>}: newest first, the unread count, the next page's {@code after};</li>
 *   <li>{@code POST /api/me/notifications/{id}/read}: marks one read (200 with it; again: the same; not theirs: 404);</li>
 *   <li>{@code GET/PUT /api/me/preferences}: channels per kind, language, SMS number, quiet hours (versioned);
 *       a new SMS number is sent a code ({@link SmsNumberVerification});</li>
 *   <li>{@code POST /api/me/preferences/sms-number/verification-code} (a new code) and
 *       {@code POST /api/me/preferences/sms-number/verification} (the code typed in), {@code "for": "self" | "guardian"}.</li>
 * </ul>
 * Applicants, learners and mentors only (staff get no notices): anyone else is 403 before the input is read.
 */
public class NotificationsHandler extends ApiFunction {
    private static final Log LOG = Log.of(NotificationsHandler.class);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final Inbox inbox;
    private final PreferencesStore preferences;
    private final Clock clock;
    private final SmsNumberVerification sms;

    public NotificationsHandler() {
        this(Beans.get(Inbox.class), Beans.get(PreferencesStore.class), Clock.systemUTC(), wireSms());
    }

    NotificationsHandler(Inbox inbox, PreferencesStore preferences, Clock clock, SmsNumberVerification sms) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.clock = clock;
        this.sms = sms;
    }

    private static SmsNumberVerification wireSms() {
        FunctionEnvironment env = Beans.get(FunctionEnvironment.class);
        return new SmsNumberVerification(Beans.get(SmsVerifications.class), Beans.get(PreferencesStore.class),
                Beans.get(ApplicationStore.class)::find,
                new SnsSmsMessenger(Clients.sns(env), env.optional("SMS_SENDER_ID", "SeoulLearn")), Clock.systemUTC());
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/me/notifications", r -> {
                    Caller caller = person(r);
                    return ApiResponses.json(200, list(caller, r));
                },
                "POST /api/me/notifications/{id}/read", r -> {
                    Caller caller = person(r);
                    caller.tenant(); // no tenant chosen yet: 403 before the id is looked at
                    String id = r.pathParameter("id").filter(x -> Notice.ID.matcher(x).matches())
                            .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
                    Inbox.Entry e = inbox.markRead(caller.tenant(), caller.userId(), id, clock.instant())
                            .orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
                    return ApiResponses.json(200, view(e, language(caller, r)));
                },
                "GET /api/me/preferences", r -> {
                    Caller caller = person(r);
                    NotificationPreferences p = preferences.find(caller.tenant(), caller.userId());
                    return ApiResponses.json(200, view(p, sms.state(caller, p)));
                },
                "PUT /api/me/preferences", r -> {
                    Caller caller = person(r);
                    NotificationPreferences chosen = NotificationPreferences.parse(r.jsonObject());
                    NotificationPreferences before = preferences.find(caller.tenant(), caller.userId());
                    NotificationPreferences saved = preferences.save(caller.tenant(), caller.userId(), chosen);
                    LOG.info("notification preferences saved", "tenant", caller.tenant().value(), "version", saved.version(),
                            "sms", saved.smsNumber() != null);
                    Map<String, Object> verification = sms.afterSave(caller, before, saved, r.language());
                    Map<String, Object> v = view(saved, sms.state(caller, saved));
                    v.put("smsVerification", verification);
                    return ApiResponses.json(200, v);
                },
                "POST /api/me/preferences/sms-number/verification-code", r -> {
                    Caller caller = person(r);
                    caller.tenant();
                    return ApiResponses.json(202, sms.requestCode(caller, SmsNumberVerification.bodyOrEmpty(r.body()), r.language()));
                },
                "POST /api/me/preferences/sms-number/verification", r -> {
                    Caller caller = person(r);
                    caller.tenant();
                    return ApiResponses.json(200, sms.verify(caller, SmsNumberVerification.bodyOrEmpty(r.body())));
                });
    }

    /** Checked before anything is read: the wrong role learns nothing from a 400. */
    private static Caller person(ApiRequest r) {
        Caller caller = r.caller();
        caller.require(Role.APPLICANT, Role.LEARNER, Role.MENTOR);
        return caller;
    }

    private Language language(Caller caller, ApiRequest r) {
        Language chosen = preferences.find(caller.tenant(), caller.userId()).language();
        return chosen != null ? chosen : r.language();
    }

    private Map<String, Object> list(Caller caller, ApiRequest r) {
        FieldErrors errors = new FieldErrors();
        int limit = DEFAULT_LIMIT;
        String l = r.queryParameter("limit").orElse(null);
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add("limit", "out-of-range");
            }
        }
        String after = r.queryParameter("after").orElse(null);
        if (after != null && !Notice.ID.matcher(after).matches()) {
            errors.add("after", "invalid-value");
        }
        errors.throwIfAny();
        Language language = language(caller, r);
        Inbox.Page page = inbox.page(caller.tenant(), caller.userId(), after, limit);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("notifications", page.entries().stream().map(e -> view(e, language)).toList());
        v.put("unread", page.unread());
        v.put("next", page.next());
        return v;
    }

    static Map<String, Object> view(Inbox.Entry e, Language language) {
        NoticeTemplates.Rendered m = NoticeTemplates.render(e.kind(), language, e.params(), false);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("kind", e.kind().code());
        v.put("title", m.subject());
        v.put("text", NoticeTemplates.render(e.kind(), language, e.params(), false).body()
                .replace("\n\n" + NoticeTemplates.text(language, "signature"), ""));
        v.put("at", e.at().toString());
        v.put("read", e.readAt() != null);
        v.put("readAt", e.readAt() == null ? null : e.readAt().toString());
        return v;
    }

    static Map<String, Object> view(NotificationPreferences p, Map<String, Object> smsState) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", p.version());
        v.put("language", p.language() == null ? null : p.language().tag());
        v.put("smsNumber", p.smsNumber());
        v.putAll(smsState);
        Map<String, Object> channels = new LinkedHashMap<>();
        for (NoticeKind k : NoticeKind.values()) {
            channels.put(k.code(), p.channels(k).stream().sorted().map(Channel::code).toList());
        }
        v.put("channels", channels);
        v.put("quietHours", p.quietHours());
        v.put("quietHoursWindow", Map.of("from", QuietHours.FROM.toString(), "until", QuietHours.UNTIL.toString(),
                "timeZone", QuietHours.SEOUL.getId(), "alwaysForMinors", true));
        return v;
    }
}

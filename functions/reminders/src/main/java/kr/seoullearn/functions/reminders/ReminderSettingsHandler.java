package kr.seoullearn.functions.reminders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.ReminderSettingsStore;

/**
 * template.yaml's ReminderSettingsFunction: an admin sees and switches the reminder kinds of
 * their own tenant ({@code GET/PUT /api/admin/reminders}; the tenant comes from the token).
 * {@code PUT {"version": n, "off": ["review-digest"]}} names every kind switched off.
 */
public class ReminderSettingsHandler extends ApiFunction {
    private static final Log LOG = Log.of(ReminderSettingsHandler.class);
    private static final Set<String> FIELDS = Set.of("version", "off");

    private final ReminderSettingsStore settings;

    public ReminderSettingsHandler() {
        this(Beans.get(ReminderSettingsStore.class));
    }

    ReminderSettingsHandler(ReminderSettingsStore settings) {
        this.settings = settings;
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/admin/reminders", r -> {
                    Caller caller = admin(r);
                    return ApiResponses.json(200, view(settings.find(caller.tenant())));
                },
                "PUT /api/admin/reminders", r -> {
                    Caller caller = admin(r);
                    return ApiResponses.json(200, save(caller, r.jsonObject()));
                });
    }

    /** Checked before the body is read: the wrong role learns nothing from a 400. */
    private static Caller admin(ApiRequest r) {
        Caller caller = r.caller();
        caller.require(Role.ADMIN);
        return caller;
    }

    private Map<String, Object> save(Caller caller, Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        Set<ReminderKind> off = EnumSet.noneOf(ReminderKind.class);
        if (!(body.get("off") instanceof List<?> list)) {
            errors.add("off", "required");
        } else if (list.size() > ReminderKind.values().length) {
            errors.add("off", "too-many");
        } else {
            for (Object o : list) {
                var kind = o instanceof String s ? ReminderKind.parse(s) : java.util.Optional.<ReminderKind>empty();
                if (kind.isEmpty()) {
                    errors.add("off", "unknown-kind");
                    break;
                }
                off.add(kind.get());
            }
        }
        errors.throwIfAny();
        ReminderSettings saved = settings.save(caller.tenant(), off, version, caller.userId(), java.time.Instant.now());
        LOG.info("reminder switches saved", "tenant", caller.tenant().value(), "off", off.size(), "version", saved.version());
        return view(saved);
    }

    static Map<String, Object> view(ReminderSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", s.version());
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (ReminderKind k : ReminderKind.values()) {
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("kind", k.code());
            kind.put("enabled", s.enabled(k));
            kinds.add(kind);
        }
        v.put("kinds", kinds);
        v.put("off", s.off().stream().sorted().map(ReminderKind::code).toList());
        return v;
    }
}

package kr.seoullearn.notifications.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;

/**
 * What a person chose ({@code GET/PUT /api/me/preferences}): the channels per kind (the in-app
 * inbox always holds every notice), the language of messages ({@code null}: the profile's), an SMS
 * number in E.164 ({@code null}: no SMS) and quiet hours (always on for minors, a choice for
 * adults). The SMS number is personal data: shown to its owner only, never logged.
 */
public record NotificationPreferences(Language language, String smsNumber, Map<NoticeKind, Set<Channel>> channels,
                                      boolean quietHours, long version) {
    /** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Set<String> FIELDS = Set.of("version", "language", "smsNumber", "channels", "quietHours");

    public NotificationPreferences {
        Map<NoticeKind, Set<Channel>> copy = new EnumMap<>(NoticeKind.class);
        for (NoticeKind k : NoticeKind.values()) {
            Set<Channel> c = channels == null ? null : channels.get(k);
            copy.put(k, c == null ? EnumSet.allOf(Channel.class) : EnumSet.copyOf(c.isEmpty() ? EnumSet.noneOf(Channel.class) : c));
        }
        channels = Map.copyOf(copy);
    }

    /** Nothing chosen yet: every channel for every kind, the profile's language, no SMS number. */
    public static NotificationPreferences defaults() {
        return new NotificationPreferences(null, null, null, false, 0);
    }

    public Set<Channel> channels(NoticeKind kind) {
        return channels.get(kind);
    }

    /**
     * A PUT body, strictly: {@code version} (as read), {@code language} (ko/en/vi/zh or null),
     * {@code smsNumber} (E.164 or null), {@code channels} (every kind named at most once, each a
     * list of {@code email}/{@code sms}), {@code quietHours} (boolean). Kinds not named keep every
     * channel. Anything else: 400 {@code validation-failed} naming each field.
     */
    public static NotificationPreferences parse(Map<String, Object> body) {
        List<Map<String, Object>> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().forEach(k -> error(errors, k, "unknown-field"));
        long version = -1;
        if (body.get("version") instanceof Number n && n.longValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue())) {
            version = n.longValue();
        } else {
            error(errors, "version", "required");
        }
        Language language = null;
        Object l = body.get("language");
        if (l != null) {
            language = l instanceof String s ? tag(s) : null;
            if (language == null) {
                error(errors, "language", "invalid-value");
            }
        }
        String sms = null;
        Object n = body.get("smsNumber");
        if (n != null) {
            if (n instanceof String s && E164.matcher(s).matches()) {
                sms = s;
            } else {
                error(errors, "smsNumber", "invalid-phone-number");
            }
        }
        boolean quiet = false;
        Object q = body.get("quietHours");
        if (q != null) {
            if (q instanceof Boolean b) {
                quiet = b;
            } else {
                error(errors, "quietHours", "invalid-value");
            }
        }
        Map<NoticeKind, Set<Channel>> channels = new EnumMap<>(NoticeKind.class);
        Object c = body.get("channels");
        if (c != null) {
            if (!(c instanceof Map<?, ?> m)) {
                error(errors, "channels", "invalid-value");
            } else {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String field = "channels." + e.getKey();
                    var kind = NoticeKind.parse(String.valueOf(e.getKey()));
                    if (kind.isEmpty()) {
                        error(errors, "channels", "unknown-kind");
                        continue;
                    }
                    if (!(e.getValue() instanceof List<?> list) || list.size() > Channel.values().length) {
                        error(errors, field, "invalid-value");
                        continue;
                    }
                    Set<Channel> set = EnumSet.noneOf(Channel.class);
                    for (Object o : list) {
                        var ch = o instanceof String s ? Channel.parse(s) : java.util.Optional.<Channel>empty();
                        if (ch.isEmpty() || !set.add(ch.get())) {
                            error(errors, field, "unknown-channel");
                            break;
                        }
                    }
                    channels.put(kind.get(), set);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", List.copyOf(errors)));
        }
        return new NotificationPreferences(language, sms, channels, quiet, version);
    }

    private static Language tag(String s) {
        for (Language lang : Language.values()) {
            if (lang.tag().equals(s)) {
                return lang;
            }
        }
        return null;
    }

    private static void error(List<Map<String, Object>> errors, String field, String code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", code);
        errors.add(e);
    }
}

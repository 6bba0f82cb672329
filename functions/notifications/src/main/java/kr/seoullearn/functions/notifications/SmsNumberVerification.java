package kr.seoullearn.functions.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.Set;
import kr.seoullearn.notifications.domain.NoticeTemplates;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.domain.SmsCodes;
import kr.seoullearn.notifications.domain.SmsVerificationRefusal;
import kr.seoullearn.notifications.port.Messenger;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.notifications.port.SmsVerifications;
import kr.seoullearn.notifications.port.SmsVerifications.Holder;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Verifying SMS numbers by a one-time code (docs/adr/0043): the person's own number (saved in the
 * preferences: saving a new one sends a code at once) and, for a learner under 14, the guardian's
 * phone from the application (the family asks for a code to it and types it in). Until a number is
 * verified, notices go to it by nothing but the inbox and e-mail (the dispatch checks). Logs carry
 * outcomes only, never a number or a code.
 */
final class SmsNumberVerification {
    private static final Log LOG = Log.of(SmsNumberVerification.class);
    private static final Set<String> CODE_FIELDS = Set.of("for");
    private static final Set<String> VERIFY_FIELDS = Set.of("for", "code");

    private final SmsVerifications verifications;
    private final PreferencesStore preferences;
    private final BiFunction<TenantId, String, Optional<Application>> applications;
    private final Messenger sms;
    private final Clock clock;

    SmsNumberVerification(SmsVerifications verifications, PreferencesStore preferences,
                          BiFunction<TenantId, String, Optional<Application>> applications,
                          Messenger sms, Clock clock) {
        this.verifications = verifications;
        this.preferences = preferences;
        this.applications = applications;
        this.sms = sms;
        this.clock = clock;
    }

    /** After the preferences were saved: a changed or removed number loses its verification; a new one gets a code. */
    Map<String, Object> afterSave(Caller caller, NotificationPreferences before, NotificationPreferences saved, Language requested) {
        if (Objects.equals(before.smsNumber(), saved.smsNumber())) {
            return null;
        }
        verifications.forget(caller.tenant(), caller.userId(), Holder.SELF);
        if (saved.smsNumber() == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        try {
            v.putAll(send(caller, Holder.SELF, saved.smsNumber(), language(saved, requested)));
        } catch (ProblemException e) {
            v.put("codeSent", false);
            v.put("problem", e.problem().code());
        }
        return v;
    }

    /** {@code POST /api/me/preferences/sms-number/verification-code}: a (new) code to the number, within the day's limits. */
    Map<String, Object> requestCode(Caller caller, Map<String, Object> body, Language requested) {
        Holder holder = holder(body, CODE_FIELDS, false);
        String number = number(caller, holder);
        if (verifications.verified(caller.tenant(), caller.userId(), holder, number)) {
            throw new ProblemException(SmsVerificationRefusal.SMS_NUMBER_ALREADY_VERIFIED);
        }
        return send(caller, holder, number, language(preferences.find(caller.tenant(), caller.userId()), requested));
    }

    /** {@code POST /api/me/preferences/sms-number/verification}: the code typed in; right: the number is verified. */
    Map<String, Object> verify(Caller caller, Map<String, Object> body) {
        Holder holder = holder(body, VERIFY_FIELDS, true);
        String code = (String) body.get("code");
        String number = number(caller, holder);
        verifications.verify(caller.tenant(), caller.userId(), holder, number, code, clock.instant());
        LOG.info("sms number verified", "tenant", caller.tenant().value(), "for", holder.name());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("for", holder.name().toLowerCase());
        v.put("verified", true);
        return v;
    }

    /** The verification state shown with the preferences: own number, and the guardian's phone when there is one. */
    Map<String, Object> state(Caller caller, NotificationPreferences p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("smsVerified", verifications.verified(caller.tenant(), caller.userId(), Holder.SELF, p.smsNumber()));
        String guardian = guardianPhone(caller);
        if (guardian != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("endsWith", guardian.substring(guardian.length() - 4));
            g.put("verified", verifications.verified(caller.tenant(), caller.userId(), Holder.GUARDIAN, guardian));
            v.put("guardianSms", g);
        } else {
            v.put("guardianSms", null);
        }
        return v;
    }

    private Map<String, Object> send(Caller caller, Holder holder, String number, Language language) {
        SmsVerifications.Issued issued = verifications.issue(caller.tenant(), caller.userId(), holder, number, clock.instant());
        String text = NoticeTemplates.text(language, "sms-code.sms").replace("{code}", issued.code());
        if (holder == Holder.GUARDIAN) {
            text = NoticeTemplates.text(language, "guardian.prefix") + " " + text;
        }
        try {
            sms.send(number, null, text);
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("sms code not sent", "tenant", caller.tenant().value(), "for", holder.name(), "failure", e.code());
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
        LOG.info("sms code sent", "tenant", caller.tenant().value(), "for", holder.name());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("for", holder.name().toLowerCase());
        v.put("codeSent", true);
        v.put("expiresAt", issued.expiresAt().toString());
        return v;
    }

    private String number(Caller caller, Holder holder) {
        String number = holder == Holder.SELF ? preferences.find(caller.tenant(), caller.userId()).smsNumber() : guardianPhone(caller);
        if (number == null) {
            throw new ProblemException(SmsVerificationRefusal.SMS_NUMBER_MISSING);
        }
        return number;
    }

    /** The guardian's phone from an under-14 learner's application (E.164), or null. */
    private String guardianPhone(Caller caller) {
        Application a = applications.apply(caller.tenant(), caller.userId()).orElse(null);
        if (a == null || a.guardian() == null || a.guardian().contact() == null || a.birthDate() == null
                || a.ageOn(java.time.LocalDate.now(clock.withZone(kr.seoullearn.notifications.domain.QuietHours.SEOUL)))
                        >= CognitoContacts.GUARDIAN_BELOW_AGE) {
            return null;
        }
        var g = CognitoContacts.guardian(a.guardian().contact());
        return g == null ? null : g.smsNumber();
    }

    private static Language language(NotificationPreferences p, Language requested) {
        return p.language() != null ? p.language() : requested;
    }

    /** {@code for}: "self" (default) or "guardian"; {@code code}: six digits (a malformed code is not counted as a guess). */
    private static Holder holder(Map<String, Object> body, Set<String> fields, boolean needsCode) {
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !fields.contains(k)).sorted().forEach(k -> errors.add(k, "unknown-field"));
        Holder holder = Holder.SELF;
        Object f = body.get("for");
        if ("guardian".equals(f)) {
            holder = Holder.GUARDIAN;
        } else if (f != null && !"self".equals(f)) {
            errors.add("for", "invalid-value");
        }
        if (needsCode && body.get("code") == null) {
            errors.add("code", "required");
        } else if (needsCode && !(body.get("code") instanceof String c && SmsCodes.CODE.matcher(c).matches())) {
            errors.add("code", "invalid-value");
        }
        errors.throwIfAny();
        return holder;
    }

    static Map<String, Object> bodyOrEmpty(String body) {
        return body == null || body.isBlank() ? Map.of() : Json.readObject(body);
    }
}

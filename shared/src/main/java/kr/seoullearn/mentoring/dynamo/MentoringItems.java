package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger.ExtensionRequest;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Requests, mentorships, sessions and extensions as items, and back (docs/data-model.md, "Mentoring"). */
final class MentoringItems {
    private MentoringItems() {}

    static Map<String, AttributeValue> item(MentoringRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.request(r.tenant(), r.menteeId()).attributes());
        item.put("type", s("MENTORING_REQUEST"));
        item.put("menteeId", s(r.menteeId()));
        item.put("menteeName", s(r.menteeName()));
        item.put("level", s(r.level().name()));
        item.put("subjects", s(String.join(",", r.subjects().stream().map(Enum::name).toList())));
        item.put("goals", s(r.goals()));
        item.put("preferredTimes", s(Json.write(new Availability(r.preferredTimes(), Set.of(), 0).toMap())));
        item.put("language", s(r.language().tag()));
        item.put("status", s(MentoringRequest.Status.REQUESTED.name()));
        item.put("requestedAt", s(r.requestedAt().toString()));
        item.put(Keys.GSI1PK, s(MentoringKeys.openRequests(r.tenant())));
        item.put(Keys.GSI1SK, s(r.requestedAt() + "#" + r.menteeId()));
        return item;
    }

    static MentoringRequest request(TenantId tenant, Map<String, AttributeValue> item) {
        List<MentoringSubject> subjects = new ArrayList<>();
        for (String name : item.get("subjects").s().split(",")) {
            if (!name.isEmpty()) {
                subjects.add(MentoringSubject.valueOf(name));
            }
        }
        Availability preferred = Availability.fromStored(Json.readObject(item.get("preferredTimes").s()), 0);
        return new MentoringRequest(tenant, item.get("menteeId").s(), item.get("menteeName").s(), SchoolLevel.valueOf(item.get("level").s()),
                subjects, item.get("goals").s(), preferred.weekly(), Language.fromTag(item.get("language").s()),
                MentoringRequest.Status.valueOf(item.get("status").s()), Instant.parse(item.get("requestedAt").s()),
                item.containsKey("mentorshipId") ? item.get("mentorshipId").s() : null);
    }

    static Map<String, AttributeValue> item(Mentorship m) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.mentorship(m.tenant(), m.id()).attributes());
        item.put("type", s("MENTORSHIP"));
        item.put("mentorshipId", s(m.id()));
        item.put("menteeId", s(m.menteeId()));
        item.put("mentorId", s(m.mentorId()));
        item.put("menteeName", s(m.menteeName()));
        item.put("mentorName", s(m.mentorName()));
        item.put("rulesId", s(m.rulesId()));
        item.put("sessionMinutes", n(m.sessionMinutes()));
        item.put("quota", n(m.quota()));
        item.put("used", n(m.used()));
        item.put("weeklyCap", n(m.weeklyCap()));
        item.put("baseWeeklyCap", n(m.baseWeeklyCap()));
        item.put("weeklyCapWithConsent", n(m.weeklyCapWithConsent()));
        item.put("trialSessions", n(m.trialSessions()));
        item.put("minNoticeHours", n(m.minNoticeHours()));
        item.put("lateCancelHours", n(m.lateCancelHours()));
        item.put("extensionSessions", n(m.extensionSessions()));
        item.put("extensionWeeks", n(m.extensionWeeks()));
        item.put("windowStart", AttributeValue.fromN(Long.toString(m.windowStart().getEpochSecond())));
        item.put("windowEnd", AttributeValue.fromN(Long.toString(m.windowEnd().getEpochSecond())));
        item.put("status", s(m.status().name()));
        item.put("createdAt", s(m.createdAt().toString()));
        item.put(Keys.GSI1PK, s(MentoringKeys.mentorDesk(m.tenant(), m.mentorId())));
        item.put(Keys.GSI1SK, s(MentoringKeys.deskMentorship(m.id())));
        return item;
    }

    static Mentorship mentorship(TenantId tenant, Map<String, AttributeValue> i) {
        return new Mentorship(tenant, i.get("mentorshipId").s(), i.get("menteeId").s(), i.get("mentorId").s(), i.get("menteeName").s(),
                i.get("mentorName").s(), i.get("rulesId").s(), (int) number(i, "sessionMinutes"), (int) number(i, "quota"),
                (int) number(i, "used"), (int) number(i, "weeklyCap"), (int) number(i, "trialSessions"), (int) number(i, "minNoticeHours"),
                (int) number(i, "lateCancelHours"), (int) number(i, "extensionSessions"), (int) number(i, "extensionWeeks"),
                Instant.ofEpochSecond(number(i, "windowStart")), Instant.ofEpochSecond(number(i, "windowEnd")),
                Mentorship.Status.valueOf(i.get("status").s()), Instant.parse(i.get("createdAt").s()),
                (int) (i.containsKey("baseWeeklyCap") ? number(i, "baseWeeklyCap") : number(i, "weeklyCap")),
                (int) (i.containsKey("weeklyCapWithConsent") ? number(i, "weeklyCapWithConsent") : number(i, "weeklyCap")));
    }

    static Map<String, AttributeValue> item(Session s) {
        Map<String, AttributeValue> item = new HashMap<>(MentoringKeys.session(s.tenant(), s.mentorshipId(), s.id()).attributes());
        item.put("type", s("MENTORING_SESSION"));
        item.put("mentorshipId", s(s.mentorshipId()));
        item.put("sessionId", s(s.id()));
        item.put("menteeId", s(s.menteeId()));
        item.put("mentorId", s(s.mentorId()));
        item.put("start", s(s.start().toString()));
        item.put("minutes", n(s.minutes()));
        item.put("status", s(s.status().name()));
        item.put("meetingUrl", s(s.meetingUrl()));
        item.put("bookedAt", s(s.bookedAt().toString()));
        item.put("calendarUid", s(s.calendarUid()));
        item.put("sequence", n(s.sequence()));
        if (s.changedAt() != null) {
            item.put("changedAt", s(s.changedAt().toString()));
        }
        item.put(Keys.GSI1PK, s(MentoringKeys.mentorDesk(s.tenant(), s.mentorId())));
        item.put(Keys.GSI1SK, s(MentoringKeys.deskSession(s.start(), s.mentorshipId(), s.id())));
        return item;
    }

    static Session session(TenantId tenant, Map<String, AttributeValue> i) {
        return new Session(tenant, i.get("mentorshipId").s(), i.get("sessionId").s(), i.get("menteeId").s(), i.get("mentorId").s(),
                Instant.parse(i.get("start").s()), (int) number(i, "minutes"), Session.Status.valueOf(i.get("status").s()),
                i.get("meetingUrl").s(), i.containsKey("note") ? i.get("note").s() : null, Instant.parse(i.get("bookedAt").s()),
                i.containsKey("changedAt") ? Instant.parse(i.get("changedAt").s()) : null,
                i.containsKey("calendarUid") ? i.get("calendarUid").s() : null, (int) number(i, "sequence"));
    }

    static ExtensionRequest extension(TenantId tenant, Map<String, AttributeValue> i) {
        return new ExtensionRequest(tenant, stored(i, "mentorshipId", Keys.PK, MentoringKeys.MENTORSHIP + "#"), i.get("menteeId").s(),
                i.get("status").s(), Instant.parse(i.get("requestedAt").s()),
                i.containsKey("decidedAt") ? Instant.parse(i.get("decidedAt").s()) : null);
    }

    /**
     * The attribute {@code name}; only items stored before it was written (extensions, week
     * counters and busy half hours from before December 2026) lack it, and for them the value
     * is what follows {@code prefix} in their key. Remove once no such item is left: locks expire
     * a week after their session, week counters get the attribute with their next booking.
     */
    static String stored(Map<String, AttributeValue> item, String name, String keyAttribute, String prefix) {
        AttributeValue value = item.get(name);
        if (value != null && value.s() != null) {
            return value.s();
        }
        String key = item.get(keyAttribute).s();
        return key.substring(key.lastIndexOf(prefix) + prefix.length());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item == null ? null : item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

package kr.seoullearn.functions.mentoring;

import kr.seoullearn.mentoring.port.MeetingRooms;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Matching;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;

/** Mentoring's records as the API shows them (docs/api/openapi.yaml). Times: ISO instants plus Seoul local time. */
final class MentoringView {
    private MentoringView() {}

    static Map<String, Object> mentor(Mentor m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mentorId", m.userId());
        v.put("name", m.name());
        v.put("university", m.university());
        v.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        v.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        v.put("languages", m.languages().stream().map(l -> l.tag()).sorted().toList());
        v.put("capacity", m.capacity());
        v.put("mentees", m.mentees());
        v.put("availability", m.availability().toMap());
        return v;
    }

    /** The mentor as their mentee sees them: who they are and what they offer, not their calendar or load. */
    static Map<String, Object> mentorCard(Mentor m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", m.name());
        v.put("university", m.university());
        v.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        v.put("languages", m.languages().stream().map(l -> l.tag()).sorted().toList());
        return v;
    }

    static Map<String, Object> request(MentoringRequest r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("menteeId", r.menteeId());
        v.put("menteeName", r.menteeName());
        v.put("level", r.level().name());
        v.put("subjects", r.subjects().stream().map(Enum::name).toList());
        v.put("goals", r.goals());
        v.put("preferredTimes", new Availability(r.preferredTimes(), java.util.Set.of(), 0).toMap().get("weekly"));
        v.put("language", r.language().tag());
        v.put("status", r.status().name());
        v.put("requestedAt", r.requestedAt().toString());
        if (r.mentorshipId() != null) {
            v.put("mentorshipId", r.mentorshipId());
        }
        return v;
    }

    static Map<String, Object> proposal(Matching.Proposal p) {
        Map<String, Object> v = mentor(p.mentor());
        v.remove("availability");
        v.put("score", p.score());
        v.put("sharedSubjects", p.sharedSubjects());
        v.put("speaksLanguage", p.speaksLanguage());
        v.put("overlapHalfHours", p.overlapHalfHours());
        v.put("freePlaces", p.freePlaces());
        return v;
    }

    private static Map<String, Object> common(Mentorship m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mentorshipId", m.id());
        v.put("status", m.status().name());
        v.put("rulesId", m.rulesId());
        v.put("sessionMinutes", m.sessionMinutes());
        v.put("quota", m.quota());
        v.put("used", m.used());
        v.put("remaining", m.remaining());
        v.put("weeklyCap", m.weeklyCap());
        v.put("baseWeeklyCap", m.baseWeeklyCap());
        v.put("weeklyCapWithConsent", m.weeklyCapWithConsent());
        v.put("trialSessions", m.trialSessions());
        v.put("minNoticeHours", m.minNoticeHours());
        v.put("lateCancelHours", m.lateCancelHours());
        v.put("windowStart", m.windowStart().toString());
        v.put("windowEnd", m.windowEnd().toString());
        v.put("lastDay", LocalDateTime.ofInstant(m.windowEnd().minusSeconds(1), BookingRules.SEOUL).toLocalDate().toString());
        return v;
    }

    static Map<String, Object> forMentee(Mentorship m) {
        Map<String, Object> v = common(m);
        v.put("mentorId", m.mentorId());
        v.put("mentorName", m.mentorName());
        return v;
    }

    static Map<String, Object> forMentor(Mentorship m) {
        Map<String, Object> v = common(m);
        v.put("menteeId", m.menteeId());
        v.put("menteeName", m.menteeName());
        return v;
    }

    /**
     * A session; the meeting link while it is booked (the mentor's or the mentee's: a provider
     * that admits by token gives each their own); the mentor's note only in the mentor's view
     * ({@code menteeName} given).
     */
    static Map<String, Object> session(Session s, String menteeName, Instant now, MeetingRooms rooms, boolean mentor) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sessionId", s.id());
        v.put("mentorshipId", s.mentorshipId());
        v.put("start", s.start().toString());
        v.put("local", LocalDateTime.ofInstant(s.start(), BookingRules.SEOUL).toString());
        v.put("minutes", s.minutes());
        v.put("week", BookingRules.week(s.start()));
        v.put("status", s.status().name());
        v.put("countsAsUsed", s.status().countsAsUsed());
        if (s.status() == Session.Status.BOOKED) {
            v.put("meetingUrl", rooms.link(s.meetingUrl(), s.start(), s.minutes(), mentor));
            v.put("started", !now.isBefore(s.start()));
        }
        if (menteeName != null) {
            v.put("menteeName", menteeName);
            if (s.note() != null) {
                v.put("note", s.note());
            }
        }
        return v;
    }

    static Map<String, Object> extension(MentoringLedger.ExtensionRequest e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mentorshipId", e.mentorshipId());
        v.put("menteeId", e.menteeId());
        v.put("status", e.status());
        v.put("requestedAt", e.requestedAt().toString());
        if (e.decidedAt() != null) {
            v.put("decidedAt", e.decidedAt().toString());
        }
        return v;
    }
}

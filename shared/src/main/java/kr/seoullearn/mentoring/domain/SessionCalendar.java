package kr.seoullearn.mentoring.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;

/**
 * Sessions as an iCalendar object (RFC 5545; docs/adr/0029-calendars.md): one VCALENDAR with the
 * Asia/Seoul VTIMEZONE and one VEVENT per session, local times with TZID, the session's calendar
 * UID and SEQUENCE, STATUS:CANCELLED for a cancelled one. Text values are escaped (backslash,
 * semicolon, comma, line breaks) and content lines folded at 75 octets without splitting a UTF-8
 * character; lines end with CRLF. Written here rather than with a library: the format needed is
 * small and a library (ical4j, biweekly) would add megabytes to the function for these lines.
 */
public final class SessionCalendar {
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    public static final String TZID = "Asia/Seoul";
    private static final String UID_DOMAIN = "@sessions.seoul-learn.kr";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    /** One session and what to call it: the other person's name, in the reader's language. */
    public record Entry(Session session, String otherName, boolean mentorView) {}

    private static final Map<Language, String[]> WORDS = Map.of(
            Language.KO, new String[] {"멘토링", "멘토", "멘티", "화상 회의", "서울런 멘토링"},
            Language.EN, new String[] {"Mentoring", "mentor", "mentee", "Video meeting", "Seoul Learn mentoring"},
            Language.VI, new String[] {"Cố vấn học tập", "người cố vấn", "học viên", "Cuộc họp video", "Cố vấn Seoul Learn"},
            Language.ZH, new String[] {"辅导", "导师", "学员", "视频会议", "首尔学习辅导"});

    private SessionCalendar() {}

    /** The calendar of these sessions, stamped {@code now}. */
    public static String write(List<Entry> entries, Language language, Instant now) {
        String[] words = WORDS.getOrDefault(language, WORDS.get(Language.KO));
        StringBuilder out = new StringBuilder(512 + 512 * entries.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Seoul Learn//Mentoring sessions//" + language.tag().toUpperCase(java.util.Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(words[4]));
        line(out, "X-WR-TIMEZONE:" + TZID);
        // Korea keeps one offset all year (no daylight saving since 1988): one STANDARD rule
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0900");
        line(out, "TZOFFSETTO:+0900");
        line(out, "TZNAME:KST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        for (Entry e : entries) {
            event(out, e, words, now);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** The UID a calendar knows the session by. */
    public static String uid(Session s) {
        return s.calendarUid() + UID_DOMAIN;
    }

    private static void event(StringBuilder out, Entry e, String[] words, Instant now) {
        Session s = e.session();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(s));
        line(out, "SEQUENCE:" + s.sequence());
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "CREATED:" + UTC.format(s.bookedAt()));
        line(out, "LAST-MODIFIED:" + UTC.format(s.changedAt() != null ? s.changedAt() : s.bookedAt()));
        line(out, "DTSTART;TZID=" + TZID + ":" + LOCAL.format(s.start().atZone(BookingRules.SEOUL)));
        line(out, "DTEND;TZID=" + TZID + ":" + LOCAL.format(s.end().atZone(BookingRules.SEOUL)));
        String other = e.otherName() == null || e.otherName().isBlank() ? "" : " – " + e.otherName();
        line(out, "SUMMARY:" + text(words[0] + other));
        String role = e.mentorView() ? words[2] : words[1];
        String description = e.otherName() == null ? words[3] + ": " + s.meetingUrl()
                : role + ": " + e.otherName() + "\n" + words[3] + ": " + s.meetingUrl();
        line(out, "DESCRIPTION:" + text(description));
        if (s.meetingUrl() != null) {
            line(out, "LOCATION:" + text(s.meetingUrl()));
            line(out, "URL:" + s.meetingUrl());
        }
        line(out, "STATUS:" + (s.status().cancelled() ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
    }

    /** A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks; other control characters dropped. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        b.append("\\n");
                    }
                }
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A content line folded at 75 octets (RFC 5545 3.1): CRLF and a space before each continuation, never inside a character. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int width = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1; // the leading space counts toward the next line's 75
            }
            out.appendCodePoint(cp);
            octets += width;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}

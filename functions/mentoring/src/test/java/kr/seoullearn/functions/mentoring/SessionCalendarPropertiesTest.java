package kr.seoullearn.functions.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.domain.SessionCalendar;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.tenant.TenantId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RFC 5545 text and folding, for any name: escaped (backslash, semicolon, comma, line breaks),
 * folded at 75 octets without splitting a UTF-8 character, and read back whole by biweekly.
 */
class SessionCalendarPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars('a', 'Z', ' ', ',', ';', '\\', '\n', '"', ':', '김', '민', '준', 'ệ', '导')
                .ofMinLength(1).ofMaxLength(200).map(s -> "x" + s);
    }

    @Property(tries = 300)
    void anyNameComesBackWholeAndNoLineIsLongerThan75Octets(@ForAll("names") String name, @ForAll boolean cancelled) {
        Instant start = Instant.parse("2026-12-08T10:00:00Z");
        Session s = new Session(TenantId.SEOUL, "m-1", "s-1", "mentee", "mentor", start, 30,
                cancelled ? Session.Status.CANCELLED : Session.Status.BOOKED, "https://meet.example/room/abc", null, start.minusSeconds(86400),
                null, "s-0", 3);
        String ics = SessionCalendar.write(List.of(new SessionCalendar.Entry(s, name, false)), Language.EN, start.minusSeconds(3600));

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        ICalendar ical = Biweekly.parse(ics).first();
        VEvent e = ical.getEvents().get(0);
        assertThat(e.getSummary().getValue()).isEqualTo("Mentoring – " + name);
        assertThat(e.getUid().getValue()).isEqualTo("s-0@sessions.seoul-learn.kr");
        assertThat(e.getSequence().getValue()).isEqualTo(3);
        assertThat(e.getStatus().getValue()).isEqualTo(cancelled ? "CANCELLED" : "CONFIRMED");
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(start);
    }
}

package kr.seoullearn.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** Quiet hours, the notices' ids, the preferences' strict input and the message files. */
class NotificationsDomainTest {
    private static final TenantId SEOUL = new TenantId("seoul");

    @Test
    void quietHoursAreNineAtNightToEightInTheMorningSeoulTime() {
        // 23:00 Seoul = 14:00 UTC: quiet, held until 08:00 Seoul the next morning (23:00 UTC)
        assertThat(QuietHours.quiet(Instant.parse("2026-12-07T14:00:00Z"))).isTrue();
        assertThat(QuietHours.morningAfter(Instant.parse("2026-12-07T14:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        // 03:00 Seoul: the same morning
        assertThat(QuietHours.morningAfter(Instant.parse("2026-12-07T18:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        // 21:00 sharp is quiet, 08:00 sharp is not, 20:59 is not
        assertThat(QuietHours.quiet(Instant.parse("2026-12-07T12:00:00Z"))).isTrue();
        assertThat(QuietHours.quiet(Instant.parse("2026-12-07T23:00:00Z"))).isFalse();
        assertThat(QuietHours.quiet(Instant.parse("2026-12-07T11:59:00Z"))).isFalse();
        assertThat(QuietHours.morningAfter(Instant.parse("2026-12-07T05:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
    }

    @Test
    void theSameEventIsTheSameNoticeAndIdsSortByTime() {
        Instant at = Instant.parse("2026-12-07T05:06:07.123Z");
        Notice a = Notice.of(SEOUL, NoticeKind.SESSION_BOOKED, "session-1", "sub-1", Map.of(), at);
        Notice b = Notice.of(SEOUL, NoticeKind.SESSION_BOOKED, "session-1", "sub-1", Map.of(), at);
        Notice other = Notice.of(SEOUL, NoticeKind.SESSION_BOOKED, "session-2", "sub-1", Map.of(), at);
        assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(other.id()).startsWith("20261207T050607123Z-");
        assertThat(Notice.ID.matcher(a.id()).matches()).isTrue();
        assertThat(Notice.of(SEOUL, NoticeKind.SESSION_BOOKED, "s", "u", Map.of(), at.plusMillis(1)).id()).isGreaterThan(a.id());
    }

    @Test
    void preferencesAreParsedStrictly() {
        NotificationPreferences p = NotificationPreferences.parse(Map.of("version", 0, "language", "vi", "smsNumber", "+821012345678",
                "channels", Map.of("session-booked", List.of("sms"), "laptop-ready", List.of()), "quietHours", true));
        assertThat(p.language()).isEqualTo(Language.VI);
        assertThat(p.channels(NoticeKind.SESSION_BOOKED)).containsExactly(Channel.SMS);
        assertThat(p.channels(NoticeKind.LAPTOP_READY)).isEmpty();
        assertThat(p.channels(NoticeKind.APPLICATION_APPROVED)).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(p.quietHours()).isTrue();

        Map<String, Object> bad = new HashMap<>();
        bad.put("language", "fr");
        bad.put("smsNumber", "010-1234-5678");
        bad.put("channels", Map.of("no-such-kind", List.of("email"), "session-booked", List.of("email", "email")));
        bad.put("quietHours", "yes");
        bad.put("colour", "blue");
        assertThatThrownBy(() -> NotificationPreferences.parse(bad)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("validation-failed");
            assertThat(String.valueOf(e.extensions().get("errors"))).contains("version", "required", "language", "invalid-value",
                    "smsNumber", "invalid-phone-number", "unknown-kind", "channels.session-booked", "unknown-channel",
                    "quietHours", "colour", "unknown-field");
        });
        for (String number : List.of("+0123456789", "+82 10 1234 5678", "+8210123456789012", "821012345678", "+82101")) {
            assertThatThrownBy(() -> NotificationPreferences.parse(Map.of("version", 1, "smsNumber", number)))
                    .as(number).isInstanceOf(ProblemException.class);
        }
        assertThatThrownBy(() -> NotificationPreferences.parse(Map.of("version", 1.5))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> NotificationPreferences.parse(Map.of("version", 1, "channels", List.of())))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void everyKindHasItsWordsInEveryLanguageWithTheSameKeys() {
        Map<String, String> values = new java.util.HashMap<>(Map.of("reason", "A reason", "documents", "- proof", "message", "Thanks", "start",
                "2026-12-08T09:00:00Z", "newStart", "2026-12-09T10:30:00Z", "dueOn", "2026-12-20", "endOn", "2027-02-28", "grade", "4", "leaveOn", "2027-06-01"));
        // a nominee's invitation (docs/adr/0042)
        values.putAll(Map.of("university", "서울대학교", "roundName", "2027 mentors", "closesOn", "2027-12-31",
                "link", "https://learn.example.kr/#/recruitment/apply/r1/nominated/" + "a".repeat(64) + "." + "b".repeat(32) + "/x"));
        for (Language language : Language.values()) {
            assertThat(NoticeTemplates.keys(language)).as(language.tag()).isEqualTo(NoticeTemplates.keys(Language.KO));
            for (NoticeKind kind : NoticeKind.values()) {
                NoticeTemplates.Rendered m = NoticeTemplates.render(kind, language, values, false);
                assertThat(m.subject()).as(kind + " " + language).isNotBlank().doesNotContain("{");
                assertThat(m.body()).doesNotContain("{");
                assertThat(m.sms()).doesNotContain("{").hasSizeLessThan(160);
            }
        }
        // Seoul time in the language's own format: 09:00 UTC is 18:00 in Seoul
        assertThat(NoticeTemplates.render(NoticeKind.SESSION_BOOKED, Language.EN, values, false).sms()).contains("18:00 (Seoul time)");
        assertThat(NoticeTemplates.render(NoticeKind.SESSION_BOOKED, Language.VI, values, false).sms()).contains("18:00 giờ Seoul");
        assertThat(NoticeTemplates.render(NoticeKind.APPLICATION_REJECTED, Language.KO, values, true).sms()).startsWith("[보호자 안내]");
    }
}

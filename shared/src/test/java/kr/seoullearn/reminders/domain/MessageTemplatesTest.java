package kr.seoullearn.reminders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.registration.domain.DocumentKind;
import org.junit.jupiter.api.Test;

/** The reminder texts are data: every kind in every language, with the same placeholders, and times in Seoul. */
class MessageTemplatesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    @Test
    void everyKindHasASubjectAndABodyInEveryLanguageWithTheSamePlaceholders() {
        for (ReminderKind kind : ReminderKind.values()) {
            for (String part : new String[] {".subject", ".body"}) {
                Set<String> korean = placeholders(MessageTemplates.text(Language.KO, kind.code() + part));
                for (Language language : Language.values()) {
                    String text = MessageTemplates.text(language, kind.code() + part);
                    assertThat(text).as(kind + part + " " + language).isNotBlank();
                    assertThat(placeholders(text)).as(kind + part + " " + language).isEqualTo(korean);
                }
            }
        }
    }

    @Test
    void everyLanguageHasTheSameKeysAndNamesEveryDocumentKind() {
        Set<String> korean = new TreeSet<>(MessageTemplates.keys(Language.KO));
        for (Language language : Language.values()) {
            assertThat(new TreeSet<>(MessageTemplates.keys(language))).as(language.tag()).isEqualTo(korean);
        }
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(korean).contains("document." + kind.name());
        }
    }

    @Test
    void timesAreShownInSeoulTimeInEachLanguagesOwnFormat() {
        Instant tenInSeoul = Instant.parse("2026-12-01T01:00:00Z");
        assertThat(MessageTemplates.dateTime(tenInSeoul, Language.KO)).isEqualTo("2026년 12월 1일 (화) 오전 10시 00분");
        assertThat(MessageTemplates.dateTime(tenInSeoul, Language.EN)).isEqualTo("Tuesday 1 December 2026, 10:00 (Seoul time)");
        assertThat(MessageTemplates.dateTime(tenInSeoul, Language.VI)).startsWith("10:00 giờ Seoul, ").endsWith("01/12/2026");
        assertThat(MessageTemplates.dateTime(tenInSeoul, Language.ZH)).isEqualTo("2026年12月1日 星期二 10:00（首尔时间）");
        // 23:30 UTC is already the next day in Seoul
        assertThat(MessageTemplates.dateTime(Instant.parse("2026-12-01T23:30:00Z"), Language.EN))
                .isEqualTo("Wednesday 2 December 2026, 08:30 (Seoul time)");
    }

    @Test
    void rendersDatesAndRefusesAMissingValue() {
        var rendered = MessageTemplates.render(ReminderKind.PROVIDER_LEAVING, Language.EN,
                Map.of("provider", "Mirae", "date", LocalDate.of(2026, 12, 31)));
        assertThat(rendered.subject()).isEqualTo("[Seoul Learn] You can use Mirae until Thursday 31 December 2026");
        assertThat(rendered.text()).contains("until Thursday 31 December 2026.").endsWith("Please do not reply.");
        assertThatThrownBy(() -> MessageTemplates.render(ReminderKind.PROVIDER_LEAVING, Language.EN, Map.of("provider", "Mirae")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

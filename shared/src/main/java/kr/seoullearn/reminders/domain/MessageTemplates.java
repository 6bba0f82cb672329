package kr.seoullearn.reminders.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.Language;

/**
 * The reminder messages, kept as data ({@code i18n/reminders_<lang>.properties}, reviewed for
 * plain language): {@code <kind>.subject} and {@code <kind>.body} with {@code {placeholders}}.
 * Times are shown in Seoul time with each language's own date format (also data:
 * {@code format.datetime}, {@code format.date}).
 */
public final class MessageTemplates {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load("/i18n/reminders_" + language.tag() + ".properties"));
        }
    }

    private MessageTemplates() {}

    /** A message ready to send. */
    public record Rendered(String subject, String text) {}

    /**
     * The kind's message in the language. Values: an {@link Instant} is shown as a Seoul date and
     * time, a {@link LocalDate} as a date, anything else as its text. Unknown placeholders are an error.
     */
    public static Rendered render(ReminderKind kind, Language language, Map<String, Object> values) {
        return new Rendered(fill(text(language, kind.code() + ".subject"), language, values).replace('\n', ' '),
                fill(text(language, kind.code() + ".body"), language, values));
    }

    /** A text of the language's file by key (e.g. {@code document.INCOME_PROOF}). */
    public static String text(Language language, String key) {
        String value = TEXTS.get(language).getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no reminder text " + key + " in " + language.tag());
        }
        return value;
    }

    /** The keys of a language's file, for the completeness test. */
    public static java.util.Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    public static String dateTime(Instant at, Language language) {
        return DateTimeFormatter.ofPattern(text(language, "format.datetime"), locale(language)).format(at.atZone(SEOUL));
    }

    public static String date(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern(text(language, "format.date"), locale(language)).format(day);
    }

    private static String fill(String template, Language language, Map<String, Object> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = name.equals("signature") ? text(language, "signature") : values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + name + "}");
            }
            String shown = switch (value) {
                case Instant i -> dateTime(i, language);
                case LocalDate d -> date(d, language);
                default -> value.toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Locale locale(Language language) {
        return switch (language) {
            case KO -> Locale.KOREAN;
            case EN -> Locale.UK;
            case VI -> Locale.forLanguageTag("vi-VN");
            case ZH -> Locale.SIMPLIFIED_CHINESE;
        };
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

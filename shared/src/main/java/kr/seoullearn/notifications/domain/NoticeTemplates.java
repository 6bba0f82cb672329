package kr.seoullearn.notifications.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.Language;

/**
 * The notices' words, kept as data ({@code i18n/notifications_<lang>.properties}, plain language):
 * per kind {@code .subject} (the inbox title and e-mail subject), {@code .body} (e-mail and inbox
 * text) and {@code .sms} (one short text). A value that is an ISO instant is shown as a Seoul date
 * and time, an ISO date as a date, in the language's own format. Messages to a guardian start with
 * {@code guardian.prefix}.
 */
public final class NoticeTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load("/i18n/notifications_" + language.tag() + ".properties"));
        }
    }

    private NoticeTemplates() {}

    public record Rendered(String subject, String body, String sms) {}

    public static Rendered render(NoticeKind kind, Language language, Map<String, String> values, boolean toGuardian) {
        String prefix = toGuardian ? text(language, "guardian.prefix") + " " : "";
        String body = fill(text(language, kind.code() + ".body"), language, values);
        return new Rendered(fill(text(language, kind.code() + ".subject"), language, values).replace('\n', ' '),
                (toGuardian ? prefix + "\n\n" : "") + body + "\n\n" + text(language, "signature"),
                prefix + fill(text(language, kind.code() + ".sms"), language, values));
    }

    public static String text(Language language, String key) {
        String value = TEXTS.get(language).getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no notification text " + key + " in " + language.tag());
        }
        return value;
    }

    public static Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    private static String fill(String template, Language language, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown(value, language)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shown(String value, Language language) {
        if (value.length() == 10 && value.charAt(4) == '-') {
            try {
                return DateTimeFormatter.ofPattern(text(language, "format.date"), locale(language)).format(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if (value.length() >= 20 && value.endsWith("Z") && value.charAt(10) == 'T') {
            try {
                return DateTimeFormatter.ofPattern(text(language, "format.datetime"), locale(language))
                        .format(Instant.parse(value).atZone(QuietHours.SEOUL));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
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
        try (InputStream in = NoticeTemplates.class.getResourceAsStream(resource)) {
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

package kr.seoullearn.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** Titles and details of problems in each language, read once from the classpath. */
public final class ProblemMessages {
    private static final Map<Language, Properties> BY_LANGUAGE = new EnumMap<>(Language.class);
    private static final Map<Language, Properties> FIELDS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, load("/i18n/problems_" + language.tag() + ".properties"));
            FIELDS.put(language, load("/i18n/fields_" + language.tag() + ".properties"));
        }
    }

    private ProblemMessages() {}

    public static String title(Refusal problem, Language language) {
        return text(problem.code() + ".title", language);
    }

    public static String detail(Refusal problem, Language language) {
        return text(problem.code() + ".detail", language);
    }

    /** What a field error code of a file's row means ({@code field.<code>}), e.g. for an import's per-row list. */
    public static String field(String code, Language language) {
        String value = FIELDS.get(language).getProperty("field." + code);
        if (value == null) {
            value = FIELDS.get(Language.DEFAULT).getProperty("field." + code);
        }
        if (value == null) {
            throw new IllegalStateException("no message for field." + code);
        }
        return value;
    }

    private static String text(String key, Language language) {
        String value = BY_LANGUAGE.get(language).getProperty(key);
        if (value == null) {
            value = BY_LANGUAGE.get(Language.DEFAULT).getProperty(key);
        }
        if (value == null) {
            throw new IllegalStateException("no message for " + key);
        }
        return value;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessages.class.getResourceAsStream(resource)) {
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

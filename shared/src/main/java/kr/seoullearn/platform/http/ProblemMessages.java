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

    static {
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, load("/i18n/problems_" + language.tag() + ".properties"));
        }
    }

    private ProblemMessages() {}

    public static String title(Refusal problem, Language language) {
        return text(problem.code() + ".title", language);
    }

    public static String detail(Refusal problem, Language language) {
        return text(problem.code() + ".detail", language);
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

package kr.seoullearn.platform.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.http.Json;

/**
 * Structured logs: one JSON object per line on stdout (CloudWatch Logs keeps each line as one
 * event), with level, logger, message and the fields given — request ids, route keys, codes,
 * counts. Never pass personal data (names, e-mails, phone numbers, birth dates, documents):
 * the fields are what operators need to find a request, not who made it.
 * See docs/adr/0004-structured-logs-without-log4j.md for why this is not Powertools logging.
 */
public final class Log {
    private static final String SERVICE = System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "seoul-learn");
    private static final String FUNCTION = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
    private static final Level THRESHOLD = Level.parse(System.getenv("POWERTOOLS_LOG_LEVEL"));
    private static volatile PrintStream out = System.out;
    /** The correlation id of the request being handled: on every line written while it is. */
    private static final ThreadLocal<String> CORRELATION = new ThreadLocal<>();

    public enum Level {
        DEBUG, INFO, WARN, ERROR;

        static Level parse(String value) {
            try {
                return value == null ? INFO : Level.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return INFO;
            }
        }
    }

    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    /** Sets (or, with null, clears) the correlation id every line of this thread carries from now on. */
    public static void correlate(String correlationId) {
        if (correlationId == null) {
            CORRELATION.remove();
        } else {
            CORRELATION.set(correlationId);
        }
    }

    public static String correlationId() {
        return CORRELATION.get();
    }

    /** For tests that read what was logged. */
    public static void redirect(PrintStream target) {
        out = target;
    }

    public void info(String message, Object... keyValues) {
        write(Level.INFO, message, keyValues);
    }

    public void warn(String message, Object... keyValues) {
        write(Level.WARN, message, keyValues);
    }

    public void error(String message, Object... keyValues) {
        write(Level.ERROR, message, keyValues);
    }

    private void write(Level level, String message, Object[] keyValues) {
        if (level.ordinal() < THRESHOLD.ordinal()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level.name());
        line.put("service", SERVICE);
        line.put("function", FUNCTION);
        line.put("logger", logger);
        line.put("message", message);
        String correlationId = CORRELATION.get();
        if (correlationId != null) {
            line.put("correlationId", correlationId);
        }
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                line.put(String.valueOf(keyValues[i]), value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
            }
        }
        out.println(Json.write(line));
    }
}

package kr.seoullearn.platform.http;

import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON for request and response bodies. jackson-jr keeps cold start low (no databind, no
 * reflection-heavy mapper metadata); see docs/adr/0003-functions-without-a-web-framework.md.
 */
public final class Json {
    private static final JSON JSON_CODEC = JSON.builder()
            .disable(JSON.Feature.WRITE_NULL_PROPERTIES)
            .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .build();

    private Json() {}

    public static String write(Object value) {
        try {
            return JSON_CODEC.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object; anything else (array, scalar, malformed) is a 400 problem. */
    public static Map<String, Object> readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.BAD_REQUEST_BODY_MISSING);
        }
        try {
            Object parsed = JSON_CODEC.anyFrom(body);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw new ProblemException(Problem.BAD_REQUEST_NOT_AN_OBJECT);
        } catch (JSONObjectException e) {
            throw new ProblemException(Problem.BAD_REQUEST_MALFORMED_JSON);
        } catch (IOException e) {
            throw new ProblemException(Problem.BAD_REQUEST_MALFORMED_JSON);
        }
    }
}

package kr.seoullearn.local.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON in and out for the local cloud (jackson-jr). */
public final class JsonText {
    private static final JSON CODEC = JSON.std;

    private JsonText() {}

    public static String write(Object value) {
        try {
            return CODEC.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> readObject(String json) {
        try {
            return CODEC.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

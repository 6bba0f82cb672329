package kr.seoullearn.platform.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque cursors for paged queries: the last evaluated key as base64url JSON. A cursor is
 * only accepted for the partition it came from, so it cannot be used to read another tenant's page.
 */
public final class QueueCursor {
    private QueueCursor() {}

    public static String encode(Map<String, AttributeValue> lastKey) {
        Map<String, String> plain = new LinkedHashMap<>();
        lastKey.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, String expectedPartition) {
        Map<String, Object> plain;
        try {
            plain = Json.readObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ProblemException e) {
            throw new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", java.util.List.of(Map.of("field", "cursor", "code", "invalid-value"))));
        }
        if (!expectedPartition.equals(plain.get(Keys.GSI1PK)) || plain.size() != 4
                || !(plain.get(Keys.PK) instanceof String) || !(plain.get(Keys.SK) instanceof String)
                || !(plain.get(Keys.GSI1SK) instanceof String)) {
            throw new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", java.util.List.of(Map.of("field", "cursor", "code", "invalid-value"))));
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((k, v) -> key.put(k, AttributeValue.fromS(String.valueOf(v))));
        return key;
    }
}

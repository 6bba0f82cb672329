package kr.seoullearn.catalog.dynamo;

import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque cursors of catalogue pages: base64url JSON of where the next page starts (the
 * partition and sort key of the table) and a fingerprint of the query that made it. A cursor
 * is accepted only by the same query (same filters, same words) and only for the partition and
 * key range that query reads; anything else is {@code 400 validation-failed} on {@code cursor}.
 */
final class CatalogCursor {
    /** Longer cursors are refused before decoding. */
    static final int MAX_LENGTH = 1200;

    private CatalogCursor() {}

    /** Where a page starts: after this key, in the plan's range number {@code range}. */
    record Position(String partition, String sortKey, int range) {
        Position(String partition, String sortKey) {
            this(partition, sortKey, 0);
        }

        Map<String, AttributeValue> key() {
            return ItemKey.of(partition, sortKey).attributes();
        }
    }

    static String encode(String fingerprint, Map<String, AttributeValue> lastKey) {
        return encode(fingerprint, lastKey, 0);
    }

    /** A cursor after {@code lastKey} in range {@code range} of the plan (a range's start: its low key, with "r" past the previous). */
    static String encode(String fingerprint, Map<String, AttributeValue> lastKey, int range) {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("f", fingerprint);
        plain.put("p", lastKey.get(Keys.PK).s());
        plain.put("s", lastKey.get(Keys.SK).s());
        if (range > 0) {
            plain.put("r", Integer.toString(range));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by the query with this fingerprint, or refuses it. */
    static Position decode(String cursor, String fingerprint) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        Map<String, Object> plain;
        try {
            plain = Json.readObject(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ProblemException e) {
            throw invalid();
        }
        int range = 0;
        if (plain.size() == 4 && plain.get("r") instanceof String r && r.matches("[1-9]")) {
            range = Integer.parseInt(r);
        } else if (plain.size() != 3) {
            throw invalid();
        }
        if (!fingerprint.equals(plain.get("f"))
                || !(plain.get("p") instanceof String p) || !(plain.get("s") instanceof String s) || s.isEmpty()) {
            throw invalid();
        }
        return new Position(p, s, range);
    }

    /** A short hash naming a query: equal for equal queries, different otherwise. */
    static String fingerprint(String canonicalQuery) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalQuery.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException invalid() {
        return new ProblemException(Problem.VALIDATION_FAILED,
                Map.of("errors", List.of(Map.of("field", "cursor", "code", "invalid-value"))));
    }
}

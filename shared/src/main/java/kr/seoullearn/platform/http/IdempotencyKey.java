package kr.seoullearn.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A client's {@code Idempotency-Key} on a create (docs/adr/0023): the key names what is created —
 * the new record's id is made from the tenant, the caller, the operation and the key — so the
 * create's own conditional write ({@code attribute_not_exists}) is the guard, in the same write as
 * the record, with no second item and no "in progress" state to get stuck in. The record keeps the
 * request's {@link #fingerprint}: the same key with the same request answers the record as
 * created; with a different request, 422 {@code idempotency-key-reused}.
 */
public record IdempotencyKey(String value) {
    /** 8 to 100 of A–Z, a–z, 0–9, '-' and '_' (a UUID fits). */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,100}");
    public static final String HEADER = "Idempotency-Key";

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an idempotency key");
        }
    }

    /** The request's key, if it sent one; a malformed one is a 400 naming the header. */
    public static Optional<IdempotencyKey> of(ApiRequest request) {
        Optional<String> given = request.header(HEADER.toLowerCase(java.util.Locale.ROOT));
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (!FORMAT.matcher(given.get()).matches()) {
            throw new ProblemException(Problem.VALIDATION_FAILED,
                    Map.of("errors", List.of(Map.of("field", HEADER, "code", "invalid-value"))));
        }
        return Optional.of(new IdempotencyKey(given.get()));
    }

    /** The id of what this key creates for this caller in this tenant (a name-based UUID: the key itself is not stored). */
    public String idFor(TenantId tenant, String callerId, String operation) {
        return UUID.nameUUIDFromBytes((tenant.value() + "\n" + callerId + "\n" + operation + "\n" + value)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** SHA-256 of the body as canonical JSON (keys sorted at every level): equal for the same request however it was written. */
    public static String fingerprint(Map<String, Object> body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(canonical(body)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IdempotencyKey::canonical).toList();
        }
        return value;
    }
}

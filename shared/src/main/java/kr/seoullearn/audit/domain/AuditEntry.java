package kr.seoullearn.audit.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One staff action: who (the actor's user id), when, what (a stable action code such as
 * {@code review.decide}), on what (the subject's type and id), the state before and after (a
 * few plain, non-personal fields: statuses, counts, versions, codes — never names, phones or
 * e-mails) and the request's correlation id.
 */
public record AuditEntry(String id, TenantId tenant, String actor, String action, String subjectType, String subjectId,
                         Instant at, String correlationId, Map<String, String> before, Map<String, String> after) {
    /** Action codes: a context and a verb, lower case ({@code review.decide}, {@code seats.set}). */
    public static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z-]+){1,3}");
    /** Ids as the routes take them: user subs, provider and course ids, districts, round ids. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,80}");
    /** Sortable in key order: a fixed width (Instant.toString drops zero fractions). */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_FIELDS = 12;
    private static final int MAX_VALUE = 120;

    public AuditEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(at, "at");
        require(ACTION, action, "action");
        require(ID, actor, "actor");
        require(Pattern.compile("[a-z-]{1,30}"), subjectType, "subjectType");
        require(ID, subjectId, "subjectId");
        before = checked(before);
        after = checked(after);
        id = id == null ? UUID.randomUUID().toString() : id;
        correlationId = correlationId == null || correlationId.isBlank() ? "-" : correlationId;
    }

    /**
     * The one-line form for a staff action: {@code AuditEntry.of(tenant, actor, "seats.set",
     * "provider", providerId, at, Map.of("seats", "40"), Map.of("seats", "50"))}; the correlation
     * id is the current request's (platform.log).
     */
    public static AuditEntry of(TenantId tenant, String actor, String action, String subjectType, String subjectId,
                                Instant at, Map<String, String> before, Map<String, String> after) {
        return new AuditEntry(null, tenant, actor, action, subjectType, subjectId, at,
                kr.seoullearn.platform.log.Log.correlationId(), before, after);
    }

    /** The sort key part of the entry: its time (fixed width) and id, newest last. */
    public String timeKey() {
        return TIME.format(at) + "#" + id;
    }

    private static void require(Pattern pattern, String value, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("audit " + field + " malformed");
        }
    }

    private static Map<String, String> checked(Map<String, String> state) {
        if (state == null) {
            return Map.of();
        }
        if (state.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("audit state too large");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k == null || !k.matches("[A-Za-z][A-Za-z0-9]{0,30}")) {
                throw new IllegalArgumentException("audit state key malformed");
            }
            if (v != null) {
                copy.put(k, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
            }
        });
        return Map.copyOf(copy);
    }
}
